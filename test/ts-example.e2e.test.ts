import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/report/index.js';
import { MARK, tsExampleConfig } from './helpers/example-config.js';
import { leftoverProcesses } from './helpers/processes.js';
import { REPO, runCli } from './helpers/run-cli.js';

/** 1-based line of the first line of an example source containing `text`. */
const lineOf = (file: string, text: string) => readFileSync(join(REPO, file), 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;

// The TypeScript example is built by the config's build command (esbuild, with a source
// map) and run from its bundle: every frame must come back as a .ts file and line.
describe('a service compiled from TypeScript', () => {
  const ts = tsExampleConfig();

  it('is profiled against its .ts sources, in the baseline and in the pprof files', async () => {
    const result = await runCli(['baseline', '--config', ts.path]);
    expect(result.code, result.stderr).toBe(0);
    const baseline = JSON.parse(readFileSync(join(ts.dir, 'baseline.json'), 'utf8'));
    const keys = [...new Set(baseline.trials.flatMap((t: { functions: object }) => Object.keys(t.functions)))] as string[];
    expect(keys).toContain('examples/ts-api/src/quotes.ts#quote');
    expect(keys.filter((k) => k.startsWith('examples/ts-api/src/catalog.ts#'))).not.toEqual([]);
    expect(keys.filter((k) => k.includes('dist/server.js'))).toEqual([]);
    // Each trial records what one CPU sample stands for (the profile's period: 1 ms at the default interval).
    expect(baseline.trials.map((t: { cpuSampleNanos?: number }) => t.cpuSampleNanos)).toEqual(baseline.trials.map(() => 1_000_000));

    const merged = Profile.decode(gunzipSync(readFileSync(join(ts.dir, 'baseline.pb.gz'))));
    const strings = merged.stringTable.strings;
    const quote = merged.function.find((f) => strings[Number(f.name)] === 'quote')!;
    expect(strings[Number(quote.filename)]).toBe('examples/ts-api/src/quotes.ts');
    expect(Number(quote.startLine)).toBe(lineOf('examples/ts-api/src/quotes.ts', 'export function quote('));
    // Per-line ticks come back as lines of quotes.ts, never lines of the bundle: for quote
    // and volumeDiscount (whose lines show under quote when V8 inlines it, which varies by run).
    const inQuotes = merged.function.filter((f) => strings[Number(f.filename)] === 'examples/ts-api/src/quotes.ts');
    const ticked = merged.location.flatMap((l) => {
      const fn = inQuotes.find((f) => f.id === l.line[0]!.functionId);
      return fn ? [{ line: Number(l.line[0]!.line), start: Number(fn.startLine) }] : [];
    });
    const length = readFileSync(join(REPO, 'examples/ts-api/src/quotes.ts'), 'utf8').split('\n').length;
    expect(ticked.every(({ line }) => line >= 1 && line <= length)).toBe(true);
    expect(ticked.some(({ line, start }) => line !== start)).toBe(true);
    expect(await leftoverProcesses(MARK, ts.mark)).toEqual([]);
  });

  it('reports .ts files in a gate run', async () => {
    const result = await runCli(['run', '--config', ts.path]);
    // Two trials a side (two pairs, when the blind stored run escalates) cannot reach significance on
    // unchanged code: the verdict passes or is inconclusive (exit 0 or 2), never fails; the report is written.
    expect([0, 2], result.stdout + result.stderr).toContain(result.code);
    const report = JSON.parse(readFileSync(join(ts.dir, 'report/report.json'), 'utf8')) as Report;
    const files = new Set(report.comparison.findings.map((f) => f.file));
    expect(files).toContain('examples/ts-api/src/quotes.ts');
    expect([...files].filter((f) => f.endsWith('.js') && f.includes('ts-api'))).toEqual([]);
    // perfgate's agent is one function on both sides, also when a same-runner baseline (the
    // stored one here is blind, so it escalates) loads it from outside its worktree.
    expect([...files].filter((f) => f.includes('agent.cjs'))).toEqual([]);
    expect(readFileSync(join(ts.dir, 'report/report.md'), 'utf8')).toContain('examples/ts-api/src/');
    expect(await leftoverProcesses(MARK, ts.mark)).toEqual([]);
  });
});

import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePprof, symbolication } from '../src/profile/index.js';
import { freePort } from '../src/target/free-port.js';
import { exampleConfig, MARK, tsExampleConfig } from './helpers/example-config.js';
import { hasGoPprof } from './helpers/go-pprof.js';
import { leftoverProcesses } from './helpers/processes.js';
import { REPO, runCli } from './helpers/run-cli.js';
import type { Report } from '../src/report/index.js';

const EXAMPLE = join(REPO, 'examples/go-api');

/** Builds the Go example with `ldflags`, serves it, replays its traffic for 2 s and returns its CPU profile from net/http/pprof. */
async function profileOf(ldflags: string, dir: string): Promise<Buffer> {
  const binary = join(dir, `go-api-${ldflags === '' ? 'plain' : 'stripped'}`);
  execFileSync('go', ['build', '-trimpath', ...(ldflags ? [`-ldflags=${ldflags}`] : []), '-o', binary, '.'], { cwd: EXAMPLE, env: { ...process.env, GOTOOLCHAIN: 'local' }, stdio: 'ignore' });
  const port = await freePort();
  const mark = randomUUID();
  const child = spawn(binary, [], { cwd: EXAMPLE, env: { ...process.env, PORT: String(port), [MARK]: mark }, stdio: 'ignore' });
  try {
    const origin = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      const ok = await fetch(`${origin}/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const paths = readFileSync(join(EXAMPLE, 'replay.ndjson'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { path: string }).path);
    const profile = fetch(`${origin}/debug/pprof/profile?seconds=2`).then(async (r) => Buffer.from(await r.arrayBuffer()));
    let done = false;
    void profile.finally(() => (done = true));
    for (let i = 0; !done; i++) await fetch(origin + paths[i % paths.length]!).then((r) => r.arrayBuffer(), () => undefined);
    return await profile;
  } finally {
    child.kill('SIGKILL');
    expect(await leftoverProcesses(MARK, mark)).toEqual([]);
  }
}

// Go symbolizes its own profiles in-process from the pclntab, which `-ldflags=-s -w` keeps
// (it drops the ELF symbol table and DWARF only): a stripped Go service still profiles with
// files and lines. Measured here rather than assumed.
describe.skipIf(!hasGoPprof())('symbolication of a real Go service', () => {
  const dir = mkdtempSync(join(tmpdir(), 'perfgate-go-strip-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is at least 95% for the example built plainly and built stripped (-s -w)', async () => {
    for (const ldflags of ['', '-s -w']) {
      const bytes = await profileOf(ldflags, dir);
      const s = symbolication(decodePprof(bytes, `go-api ${ldflags}`), 'cpu', `go-api ${ldflags}`);
      expect(s.total, ldflags).toBeGreaterThan(0);
      expect(s.rate, `${ldflags}: ${JSON.stringify(s.largestUnsymbolized)}`).toBeGreaterThanOrEqual(0.95);
    }
  });
});

describe('perfgate diff reports symbolication', () => {
  it('warns on the C++ profile of pprof\'s test data, naming the stripped binaries', async () => {
    const out = mkdtempSync(join(tmpdir(), 'perfgate-diff-sym-'));
    const file = join(REPO, '../shared/testdata/pprof/cppbench.cpu.pb.gz');
    const result = await runCli(['diff', file, file, '-o', out]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/symbolicated: 0\.0% of CPU/);
    expect(result.stdout).toMatch(/warning: Only 0\.0% of the CPU samples can be traced to a source file and line \(target 95%\).*\[cppbench_server_main\] 99\.4%.*stripped/);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    expect(report.symbolication).toEqual([expect.objectContaining({ sampleType: 'cpu', rate: 0 })]);
    expect(report.diffScore).toBeUndefined();
    rmSync(out, { recursive: true, force: true });
  });
});

// The TypeScript example is bundled by esbuild with a source map: its frames reach their .ts files.
describe('symbolication of a compiled service', () => {
  const ts = tsExampleConfig();

  it('says how much of the CPU reached its original source through the source map', async () => {
    const baseline = await runCli(['baseline', '--config', ts.path]);
    expect(baseline.code, baseline.stderr).toBe(0);
    const merged = join(ts.dir, 'baseline.pb.gz');
    const out = join(ts.dir, 'diff');
    const result = await runCli(['diff', merged, merged, '-o', out]);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    const cpu = report.symbolication![0]!;
    expect(cpu.rate).toBeGreaterThanOrEqual(0.95);
    // The service's own code is all TypeScript, and every frame of it was mapped; the rest is
    // Node's HTTP stack and V8 (measured: 18% mapped in one run of 2 trials).
    expect(cpu.sourceMappedShare).toBeGreaterThan(0.08);
    expect(result.stdout).toMatch(/of CPU reached its original source through a source map/);
    expect(await leftoverProcesses(MARK, ts.mark)).toEqual([]);
  });
});

// The same service deployed without its map: bundled with one, and the .map left behind (the
// bundle still names it in its sourceMappingURL comment). Its frames have files and lines, the
// bundle's, so the rate alone cannot tell; the warning must.
describe('symbolication of a compiled service run without its source map', () => {
  const app = mkdtempSync(join(tmpdir(), 'perfgate-ts-nomap-'));
  afterAll(() => rmSync(app, { recursive: true, force: true }));
  cpSync(join(REPO, 'examples/ts-api/src'), join(app, 'src'), { recursive: true });
  cpSync(join(REPO, 'examples/ts-api/package.json'), join(app, 'package.json'));
  buildSync({ entryPoints: [join(app, 'src/server.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', sourcemap: true, outfile: join(app, 'dist/server.js'), logLevel: 'silent' });
  rmSync(join(app, 'dist/server.js.map'));
  const config = exampleConfig({
    root: app,
    service: { start: 'node dist/server.js', cwd: app, readyPath: '/health' },
    replay: join(REPO, 'replay/ts-api.ndjson'),
    trials: 2,
    load: { warmupRequests: 200, measureRequests: 800, connections: 4 },
  });

  it('counts its frames apart and warns "no source map", naming the largest', async () => {
    const baseline = await runCli(['baseline', '--config', config.path]);
    expect(baseline.code, baseline.stderr).toBe(0);
    const merged = join(config.dir, 'baseline.pb.gz');
    const profile = decodePprof(readFileSync(merged), merged);
    const strings = profile.stringTable.strings;
    const quote = profile.function.find((f) => strings[Number(f.name)] === 'quote')!;
    expect(strings[Number(quote.filename)]).toBe('dist/server.js');
    expect(strings[Number(quote.systemName)]).toBe('quote [no source map]');

    const out = join(config.dir, 'diff');
    const result = await runCli(['diff', merged, merged, '-o', out]);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    const cpu = report.symbolication![0]!;
    // Every frame still has a file and a line: by the old count, all is well.
    expect(cpu.rate).toBeGreaterThanOrEqual(0.95);
    expect(cpu.sourceMappedShare).toBe(0);
    // The service's own code, measured at 18% of CPU with the map (the test above); two trials of
    // 800 requests count few samples, and one CI run read 7.0% without it. Above 5% the warning
    // below must name it: the rest cannot reach the 95% target.
    expect(cpu.compiledWithoutMapShare).toBeGreaterThan(0.05);
    expect(cpu.largestCompiledWithoutMap.map((f) => f.file)).toEqual(cpu.largestCompiledWithoutMap.map(() => 'dist/server.js'));
    expect(result.stdout).toMatch(/in compiled code with no source map/);
    expect(result.stdout).toMatch(/warning: No source map: \d+\.\d% of the CPU samples is in compiled JavaScript.*Largest: [^,]+ \(dist\/server\.js\) \d+\.\d%/);
    expect(await leftoverProcesses(MARK, config.mark)).toEqual([]);
  });
});

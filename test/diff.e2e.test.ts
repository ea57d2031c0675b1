import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/analysis/prng.js';
import { writeFileAtomic } from '../src/fs/atomic-write.js';
import { decodePprof, encodePprofGzip, v8ToPprof, type V8CpuProfile } from '../src/profile/index.js';
import type { Report } from '../src/report/index.js';
import { defaultSampleType, expectPprofAgreement, hasGoPprof } from './helpers/go-pprof.js';
import { runCli } from './helpers/run-cli.js';

const TESTDATA = fileURLToPath(new URL('../../shared/testdata/pprof/', import.meta.url));

/**
 * A trial's profile of a small service: handle → parse, render, validate, with seeded
 * noise; `parseWeight` plants a regression in parse.
 */
function trialProfile(random: () => number, parseWeight: number, requests: number, nested = false): Buffer {
  const frame = (id: number, functionName: string, children: number[] = []) => ({
    id,
    callFrame: { functionName, scriptId: '1', url: `file:///srv/app/${functionName === 'handle' ? 'server' : 'lib'}.js`, lineNumber: id, columnNumber: 0 },
    children,
  });
  // Nested: handle → search → parse, render; handle → validate.
  const nodes = nested
    ? [frame(1, '(root)', [2]), frame(2, 'handle', [6, 5]), frame(6, 'search', [3, 4]), frame(3, 'parse'), frame(4, 'render'), frame(5, 'validate')]
    : [frame(1, '(root)', [2]), frame(2, 'handle', [3, 4, 5]), frame(3, 'parse'), frame(4, 'render'), frame(5, 'validate')];
  const weights: Array<[number, number]> = [[2, 10], [3, parseWeight], [4, 20], [5, 15], ...(nested ? ([[6, 5]] as Array<[number, number]>) : [])];
  const samples: number[] = [];
  for (const [node, weight] of weights) {
    const count = Math.round(weight * 20 * (0.95 + random() * 0.1));
    for (let i = 0; i < count; i++) samples.push(node);
  }
  const v8: V8CpuProfile = {
    nodes,
    startTime: 0,
    endTime: samples.length * 1000,
    samples,
    timeDeltas: samples.map(() => 1000),
  };
  return encodePprofGzip(v8ToPprof(v8, { root: '/srv/app', startedAtMs: 0, samplingIntervalUs: 1000, comments: [`perfgate: requests=${requests}`] }));
}

function trialFolder(name: string, seed: number, parseWeight: number, trials = 6, nested = false): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'perfgate-diff-')), name);
  const random = seededRandom(seed);
  for (let i = 1; i <= trials; i++) writeFileAtomic(join(dir, `${name}-trial-${i}.pb.gz`), trialProfile(random, parseWeight, 1000 + i, nested));
  return dir;
}

const readReport = (dir: string) => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;

describe('perfgate diff', () => {
  it('fails a planted regression between two folders of trials and blames the function', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'perfgate-diff-out-')), 'report');
    const result = await runCli(['diff', trialFolder('baseline', 1, 30), trialFolder('candidate', 2, 60), '--output', out]);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toMatch(/REGRESSED\s+parse\s+lib\.js/);
    const report = readReport(out);
    expect(report.comparison.verdict.outcome).toBe('fail');
    expect(report.comparison.trials).toEqual({ baseline: 6, candidate: 6 });
    expect(report.comparison.findings[0]).toMatchObject({ name: 'parse', file: 'lib.js', outcome: 'regressed' });
    expect(report.comparison.service).toEqual([]);
    expect(report.baselineSource.kind).toBe('files');
    expect(report.inputs).toMatchObject({ sampleType: 'cpu', unit: 'nanoseconds' });
    expect(report.inputs!.candidate).toHaveLength(6);
    const markdown = readFileSync(join(out, 'report.md'), 'utf8');
    expect(markdown).toMatch(/## perfgate: ❌ 1 function regressed/);
    expect(markdown).toMatch(/### Regressions[\s\S]*🔴 parse/);
    expect(markdown).not.toMatch(/### Service/);
    expect(markdown).toMatch(/Compared: sample type `cpu` \(nanoseconds\)/);
    // The gate's HTML report too, with the differential flame graph of the merged sides.
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/parse/);
    expect(existsSync(join(out, 'flamegraph.svg'))).toBe(true);
    // The merged pair is diff-ready: one request count.
    const merged = (side: string) => decodePprof(readFileSync(join(out, 'profiles', `${side}.pb.gz`)), side);
    const comments = (side: string) => merged(side).comment.map((c) => merged(side).stringTable.strings[Number(c)]);
    expect(comments('baseline')).toContain(comments('candidate').find((c) => c!.startsWith('perfgate: requests=')));
  });

  it('places a caller\'s regressed total under the callee that rose', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'perfgate-diff-out-')), 'report');
    const result = await runCli(['diff', trialFolder('baseline', 5, 30, 6, true), trialFolder('candidate', 6, 60, 6, true), '--output', out]);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    const report = readReport(out);
    // search's own time is the same; its total holds parse's doubled cost.
    const search = report.comparison.findings.find((f) => f.name === 'search')!;
    expect(search, JSON.stringify(search)).toMatchObject({ outcome: 'regressed', decidedBy: 'total' });
    const rises = report.totalRises?.[search.key] ?? [];
    expect(rises[0]?.callee?.name).toBe('parse');
    // Anything else that rose (its own time, by noise) rose by a small part of that.
    const rise = (r: (typeof rises)[number]) => r.candidateNanos - r.baselineNanos;
    for (const other of rises.slice(1)) expect(rise(other)).toBeLessThan(rise(rises[0]!) / 5);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/^- \*\*search\*\* \(lib\.js\): `parse` \+\d+(\.\d)? µs \(/m);
    expect(result.stdout).toMatch(/^ {2}search: parse \+/m);
  });

  it('passes when nothing changed', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'perfgate-diff-out-')), 'report');
    const result = await runCli(['diff', trialFolder('baseline', 3, 30), trialFolder('candidate', 4, 30), '-o', out]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(readReport(out).comparison.verdict.outcome).toBe('pass');
  });

  it('compares two single third-party profiles without significance and says statistics need trials', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'perfgate-diff-out-')), 'report');
    const result = await runCli(['diff', join(TESTDATA, 'java.cpu.pb.gz'), join(TESTDATA, 'cppbench.cpu.pb.gz'), '--output', out]);
    expect(result.code, result.stderr).toBe(2);
    const report = readReport(out);
    expect(report.comparison.verdict.outcome).toBe('inconclusive');
    expect(report.comparison.warnings[0]).toMatch(/One profile per side .* no test of significance\. Statistics need several trials per side/);
    expect(report.comparison.warnings.join(' ')).toMatch(/carry no request count/);
    const gone = report.comparison.findings.find((f) => f.name === 'com.example.function06');
    expect(gone?.presence).toBe('gone');
    expect(report.comparison.findings.find((f) => f.name === '[cppbench_server_main]')?.presence).toBe('added');
  });

  it.each(readdirSync(TESTDATA).filter((f) => f.endsWith('.pb.gz')))('diffs the real %s against itself with pprof\'s default sample type', async (file) => {
    const out = join(mkdtempSync(join(tmpdir(), 'perfgate-diff-out-')), 'report');
    const result = await runCli(['diff', join(TESTDATA, file), join(TESTDATA, file), '-o', out]);
    expect(result.code, result.stderr).toBe(2);
    const report = readReport(out);
    const profile = decodePprof(readFileSync(join(TESTDATA, file)), file);
    expect(report.inputs!.sampleType).toBe(defaultSampleType(profile));
    expect(report.comparison.findings.length).toBeGreaterThan(0);
    expect(report.comparison.findings.every((f) => f.presence === 'both' && f.self.baselineMedian === f.self.candidateMedian)).toBe(true);
  });

  it.each([
    ['gobench.heap.pb.gz', 'alloc_space', 'bytes'],
    ['cppbench.contention.pb.gz', 'contentions', 'count'],
  ])('diffs %s with a chosen sample type (%s)', async (file, type, unit) => {
    const out = join(mkdtempSync(join(tmpdir(), 'perfgate-diff-out-')), 'report');
    const result = await runCli(['diff', join(TESTDATA, file), join(TESTDATA, file), '-o', out, '--sample-type', type]);
    expect(result.code, result.stderr).toBe(2);
    expect(readReport(out).inputs).toMatchObject({ sampleType: type, unit });
  });

  it('takes the compare settings from --config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'perfgate-diff-config-'));
    const config = join(dir, 'perfgate.config.json');
    writeFileAtomic(config, JSON.stringify({ service: { start: 'true' }, replay: 'r.ndjson', baseline: 'b.json', compare: { ignore: ['lib.js#parse'] } }));
    const result = await runCli(['diff', trialFolder('baseline', 1, 30), trialFolder('candidate', 2, 60), '-o', join(dir, 'report'), '--config', config]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(readReport(join(dir, 'report')).comparison.findings.map((f) => f.key)).not.toContain('lib.js#parse');
  });

  it.skipIf(!hasGoPprof())('writes merged profiles that go tool pprof -diff_base shows as perfgate subtracts', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'perfgate-diff-out-')), 'report');
    await runCli(['diff', trialFolder('baseline', 5, 30, 3), trialFolder('candidate', 6, 45, 3), '-o', out]);
    const file = (side: string) => join(out, 'profiles', `${side}.pb.gz`);
    const candidate = decodePprof(readFileSync(file('candidate')), 'candidate');
    expectPprofAgreement(file('candidate'), candidate, defaultSampleType(candidate), { diffBase: decodePprof(readFileSync(file('baseline')), 'baseline'), diffBaseFile: file('baseline') });
  });

  it('refuses legacy profiles, unknown sample types, and folders holding two sides', async () => {
    const legacy = await runCli(['diff', join(TESTDATA, 'legacy-format/java.heap'), join(TESTDATA, 'java.heap.pb.gz')]);
    expect(legacy.code).toBe(2);
    expect(legacy.stderr).toMatch(/legacy-format\/java\.heap: this is a legacy text heap profile \(heapz, Java\); .*go tool pprof -proto FILE > out\.pb\.gz/);

    const type = await runCli(['diff', join(TESTDATA, 'java.cpu.pb.gz'), join(TESTDATA, 'java.cpu.pb.gz'), '--sample-type', 'alloc_space', '-o', join(tmpdir(), 'unused')]);
    expect(type.code).toBe(2);
    expect(type.stderr).toMatch(/java\.cpu\.pb\.gz: no sample type "alloc_space" \(it has samples\/count, cpu\/nanoseconds\)/);

    const mixed = join(mkdtempSync(join(tmpdir(), 'perfgate-diff-')), 'profiles');
    mkdirSync(mixed);
    for (const side of ['baseline', 'candidate']) copyFileSync(join(trialFolder(side, 7, 30, 2), `${side}-trial-1.pb.gz`), join(mixed, `${side}-trial-1.pb.gz`));
    const both = await runCli(['diff', mixed, mixed]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/holds the trials of "baseline" and "candidate"; pick one with a pattern such as '.*baseline-trial-\*\.pb\.gz'/);

    const out = join(mkdtempSync(join(tmpdir(), 'perfgate-diff-out-')), 'report');
    const patterns = await runCli(['diff', join(mixed, 'baseline-trial-*.pb.gz'), join(mixed, 'candidate-trial-*.pb.gz'), '-o', out]);
    expect(patterns.code, patterns.stderr).toBe(2);
    expect(existsSync(join(out, 'report.md'))).toBe(true);

    const missing = await runCli(['diff', join(mixed, 'nothing-*.pb.gz'), mixed]);
    expect(missing.stderr).toMatch(/baseline: no file in .* matches nothing-\*\.pb\.gz/);
    expect((await runCli(['diff', 'only-one.pb.gz'])).stderr).toMatch(/expected 2 argument\(s\) \(BASELINE CANDIDATE\), got 1/);
  });
});

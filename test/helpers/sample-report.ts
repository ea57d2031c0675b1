import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Function as PprofFunction, Line, Location, Profile, Sample, StringTable, ValueType } from 'pprof-format';
import type { FunctionFinding, MetricComparison, Outcome } from '../../src/analysis/index.js';
import { compareSchema } from '../../src/config/schema.js';
import { REPORT_SCHEMA, REPORT_VERSION, type Report } from '../../src/report/index.js';

export interface SampleFunction {
  readonly name: string;
  readonly file: string;
  readonly outcome: Outcome;
  /** Start line written to the candidate's pprof file (for annotations). */
  readonly line?: number;
}

const environment = { nodeVersion: 'v20.0.0', v8Version: '11.3', platform: 'linux', arch: 'x64', cpuModel: 'test cpu', cpuCount: 2, perfgateVersion: '0.1.0' };
const settings = { trials: 8, warmupRequests: 100, measureRequests: 1000, connections: 4, cpuSamplingIntervalUs: 1000, replaySha256: 'a'.repeat(64) };

function metric(outcome: Outcome, base: number): MetricComparison {
  const ratio = outcome === 'regressed' ? 1.8 : outcome === 'improved' ? 0.6 : 1;
  return {
    baseline: [base, base, base],
    candidate: [base * ratio, base * ratio, base * ratio],
    baselineMedian: base,
    candidateMedian: base * ratio,
    ratio,
    ci: { low: ratio * 0.9, high: ratio * 1.1 },
    p: outcome === 'unchanged' ? 0.8 : 0.001,
    q: outcome === 'unchanged' ? 0.9 : 0.004,
    outcome,
  };
}

/** A hand-built report: findings in the given order (most important first), a verdict to match. */
export function sampleReport(functions: readonly SampleFunction[], profiles: readonly string[] = []): Report {
  const findings: FunctionFinding[] = functions.map((f, i) => ({
    key: f.file === '' ? f.name : `${f.file}#${f.name}`,
    name: f.name,
    file: f.file,
    presence: 'both',
    outcome: f.outcome,
    self: metric(f.outcome, 0.05 / (i + 1)),
    total: metric(f.outcome === 'regressed' ? 'regressed' : 'unchanged', 0.1 / (i + 1)),
    perRequestNanos: { baseline: { self: 20_000, total: 40_000 }, candidate: { self: 36_000, total: 60_000 } },
  }));
  const blocking = findings.filter((f) => f.outcome === 'regressed');
  return {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    createdAt: '2026-01-02T03:04:05.000Z',
    comparison: {
      verdict: blocking.length > 0 ? { outcome: 'fail', rule: `${blocking.length} function(s) regressed`, blocking } : { outcome: 'pass', rule: 'no function regressed' },
      findings,
      service: [{ metric: 'latencyP95Ms', higherIsWorse: true, comparison: metric('unchanged', 3) }],
      trials: { baseline: 8, candidate: 8 },
      tests: findings.length * 2,
      untested: 0,
      settings: compareSchema.parse({}),
      warnings: [],
    },
    baselineSource: { kind: 'stored', why: 'the stored baseline was measured on this kind of machine' },
    baseline: { commit: 'b'.repeat(40), createdAt: '2026-01-01T00:00:00.000Z', environment, settings },
    candidate: { commit: 'c'.repeat(40), environment, settings },
    environmentDifferences: [],
    reproduce: 'npx perfgate run --config perfgate.config.json',
    profiles,
    merged: { candidate: 'candidate.pb.gz', baseline: null },
  };
}

/** Writes report.json (and a candidate pprof file carrying the functions' start lines) into a fresh folder. */
export function writeSampleReport(functions: readonly SampleFunction[], dir = mkdtempSync(join(tmpdir(), 'perfgate-report-'))): { dir: string; reportPath: string; report: Report } {
  mkdirSync(join(dir, 'profiles'), { recursive: true });
  const strings = new StringTable();
  const pprofFunctions = functions.map(
    (f, i) => new PprofFunction({ id: i + 1, name: strings.dedup(f.name), systemName: strings.dedup(f.name), filename: strings.dedup(f.file), startLine: f.line ?? 0 }),
  );
  const profile = new Profile({
    sampleType: [new ValueType({ type: strings.dedup('samples'), unit: strings.dedup('count') }), new ValueType({ type: strings.dedup('cpu'), unit: strings.dedup('nanoseconds') })],
    sample: functions.map((_, i) => new Sample({ locationId: [i + 1], value: [1, 1000] })),
    location: functions.map((f, i) => new Location({ id: i + 1, line: [new Line({ functionId: i + 1, line: f.line ?? 0 })] })),
    function: pprofFunctions,
    stringTable: strings,
  });
  writeFileSync(join(dir, 'profiles/candidate-trial-1.pb.gz'), gzipSync(profile.encode()));
  const report = sampleReport(functions, ['profiles/candidate-trial-1.pb.gz']);
  const reportPath = join(dir, 'report.json');
  writeFileSync(reportPath, JSON.stringify(report, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)));
  return { dir, reportPath, report };
}

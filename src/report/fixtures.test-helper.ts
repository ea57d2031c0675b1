import { Function as PprofFunction, Line, Location, Profile, Sample, StringTable, ValueType } from 'pprof-format';
import { compare, type FunctionCost, type TrialMetrics } from '../analysis/index.js';
import { seededRandom } from '../analysis/prng.js';
import { compareSchema } from '../config/schema.js';
import { REPORT_SCHEMA, REPORT_VERSION, type Report } from './report.js';

/** A frame as `name` or `[name, file, line]`. */
export type FrameSpec = string | readonly [string, string, number];

/**
 * A pprof profile from stacks written root first: `[['main', 'work'], 30]` is 30 units
 * in `work` called from `main`. Frames without a file get `app.js`. `requests` becomes
 * perfgate's request comment, as merged profiles carry it.
 */
export function pprofOf(stacks: ReadonlyArray<readonly [readonly FrameSpec[], number]>, options: { requests?: number; sampleType?: [string, string]; period?: number } = {}): Profile {
  const strings = new StringTable();
  const functions: PprofFunction[] = [];
  const ids = new Map<string, number>();
  const idOf = (frame: FrameSpec): number => {
    const [name, file, line] = typeof frame === 'string' ? [frame, 'app.js', 1] : frame;
    const key = `${file}#${name}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = functions.length + 1;
      functions.push(new PprofFunction({ id, name: strings.dedup(name), systemName: strings.dedup(name), filename: strings.dedup(file), startLine: line }));
      ids.set(key, id);
    }
    return id;
  };
  const samples = stacks.map(([frames, value]) => new Sample({ locationId: [...frames].reverse().map(idOf), value: [value] }));
  const [type, unit] = options.sampleType ?? ['cpu', 'nanoseconds'];
  return new Profile({
    sampleType: [new ValueType({ type: strings.dedup(type), unit: strings.dedup(unit) })],
    ...(options.period ? { periodType: new ValueType({ type: strings.dedup(type), unit: strings.dedup(unit) }), period: options.period } : {}),
    sample: samples,
    location: functions.map((f) => new Location({ id: f.id, line: [new Line({ functionId: f.id, line: f.startLine })] })),
    function: functions,
    stringTable: strings,
    comment: options.requests !== undefined ? [strings.dedup(`perfgate: requests=${options.requests}`)] : [],
  });
}

export const HOSTILE_NAME = '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';

/**
 * Hand-built trials, 8 a side: by default `scoreProduct` doubles its self time, `render`
 * halves, a function with a hostile name stays put. Seeded, so every run is the same.
 */
export function syntheticTrials(candidateShares: { score: number; render: number } = { score: 0.2, render: 0.15 }): { baseline: TrialMetrics[]; candidate: TrialMetrics[] } {
  const random = seededRandom(7);
  const trial = (score: number, render: number): TrialMetrics => {
    const shares: Record<string, [string, string, number]> = {
      'search.js#scoreProduct': ['scoreProduct', 'search.js', score],
      'view.js#render': ['render', 'view.js', render],
      [`evil.js#${HOSTILE_NAME}`]: [HOSTILE_NAME, 'evil.js', 0.2],
      'db.js#query': ['query', 'db.js', 0.3],
    };
    const functions: Record<string, FunctionCost> = {};
    let total = 0;
    for (const [key, [name, file, share]] of Object.entries(shares)) {
      const nanos = share * 1e9 * (1 + (random() * 2 - 1) * 0.02);
      total += nanos;
      functions[key] = { name, file, selfNanos: nanos, totalNanos: nanos };
    }
    functions['app.js#handle'] = { name: 'handle', file: 'app.js', selfNanos: 0, totalNanos: total };
    const jitter = () => 1 + (random() * 2 - 1) * 0.05;
    return {
      requests: 1000,
      sampledCpuNanos: total,
      // 100 µs samples: ten thousand a trial, so that the fixture's shares are measured, not counted.
      cpuSampleNanos: 100_000,
      functions,
      service: { cpuMicrosPerRequest: 400 * jitter(), throughputRps: 2000 * jitter(), latencyMs: { p50: 2 * jitter(), p95: 5 * jitter(), p99: 8 * jitter() }, errors: 0, non2xx: 0, statusMismatches: 0, maxRssBytes: 1e8 * jitter() },
    };
  };
  const baseline = Array.from({ length: 8 }, () => trial(0.1, 0.3));
  const candidate = Array.from({ length: 8 }, () => trial(candidateShares.score, candidateShares.render));
  return { baseline, candidate };
}

/** A report from the real comparison of `syntheticTrials`: scoreProduct regressed, render improved. */
export function syntheticReport(candidateShares: { score: number; render: number } = { score: 0.2, render: 0.15 }): Report {
  const { baseline, candidate } = syntheticTrials(candidateShares);
  const environment = { nodeVersion: '20.20.2', v8Version: '11.3', platform: 'linux', arch: 'x64', cpuModel: 'Test CPU', cpuCount: 2, perfgateVersion: '0.1.0' };
  const settings = { trials: 8, warmupRequests: 100, measureRequests: 1000, connections: 8, cpuSamplingIntervalUs: 1000, replaySha256: 'ab'.repeat(32) };
  const counts = (trials: readonly TrialMetrics[]) => trials.map((t) => ({ requests: t.requests, errors: 0, statusMismatches: 0, non2xx: 0 }));
  return {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    createdAt: '2026-01-02T03:04:05.000Z',
    comparison: compare(baseline, candidate, compareSchema.parse({})),
    baselineSource: { kind: 'stored', why: 'the stored baseline matches this machine' },
    baseline: { commit: '1111111111111111111111111111111111111111', createdAt: '2026-01-01T00:00:00.000Z', environment, settings },
    candidate: { commit: '2222222222222222222222222222222222222222', environment, settings },
    environmentDifferences: [],
    reproduce: 'npx perfgate run --config perfgate.config.json',
    profiles: ['profiles/candidate-trial-1.pb.gz'],
    merged: { candidate: 'profiles/candidate.pb.gz', baseline: 'profiles/baseline.pb.gz' },
    functionLines: { 'search.js#scoreProduct': 42, 'view.js#render': 7 },
    requests: { baseline: counts(baseline), candidate: counts(candidate) },
  };
}

/** Merged profiles that match `syntheticReport`'s shape, per side (CPU nanoseconds over 1000 requests). */
export function syntheticProfiles(): { baseline: Profile; candidate: Profile } {
  const side = (score: number, render: number) =>
    pprofOf(
      [
        [['handle', ['scoreProduct', 'search.js', 42]], score],
        [['handle', ['render', 'view.js', 7]], render],
        [['handle', [HOSTILE_NAME, 'evil.js', 3]], 200e6],
        [['handle', ['query', 'db.js', 9]], 300e6],
      ],
      { requests: 1000 },
    );
  return { baseline: side(100e6, 300e6), candidate: side(200e6, 150e6) };
}

import { describe, expect, it } from 'vitest';
import { compareSchema } from '../config/schema.js';
import { canaryVerdict } from './canary-verdict.js';
import { compare } from './compare.js';
import type { TrialMetrics } from './trial.js';

const round = (p50: number, throughput: number, errors = 0): TrialMetrics => ({
  requests: 1000,
  sampledCpuNanos: 0,
  functions: {},
  service: { cpuMicrosPerRequest: 0, throughputRps: throughput, latencyMs: { p50, p95: p50 * 2, p99: p50 * 3 }, errors, non2xx: 0, statusMismatches: 0, maxRssBytes: 0 },
});
const settings = compareSchema.parse({});
const rounds = (n: number, p50: number, throughput: number) => Array.from({ length: n }, (_, i) => round(p50 + i * 0.01, throughput - i));

/**
 * A profiled round: `score` of the busy CPU in search.go#scoreProduct, `extra` helpers with
 * 5 or 6% each (twice that with their callees), the rest in render.go#render. Every share
 * varies from round to round by at least the absolute floor, so each can be tested.
 */
const profiledRound = (score: number, i: number, extra: number): TrialMetrics => {
  const busy = 1e9;
  const cost = (name: string, file: string, nanos: number, totalNanos = nanos) => ({ [`${file}#${name}`]: { name, file, selfNanos: nanos, totalNanos } });
  const scoreNanos = busy * (score + i * 0.002);
  const helperNanos = busy * (0.05 + (i % 2) * 0.01);
  const helpers = Array.from({ length: extra }, (_, h) => cost(`helper${h}`, 'util.go', helperNanos, helperNanos * 2));
  return {
    ...round(5 + i * 0.01, 900 - i),
    sampledCpuNanos: busy,
    cpuSampleNanos: 100_000,
    functions: Object.assign(cost('scoreProduct', 'search.go', scoreNanos), cost('render', 'render.go', busy - extra * helperNanos - scoreNanos), ...helpers),
  };
};
const profiledRounds = (n: number, score: number, extra = 0) => Array.from({ length: n }, (_, i) => profiledRound(score, i, extra));

describe('canaryVerdict', () => {
  it('fails on client-side latency that regressed, naming the metrics, and ignores CPU and memory it cannot see', () => {
    const judged = canaryVerdict(compare(rounds(6, 5, 900), rounds(6, 9, 900), settings));
    expect(judged.verdict.outcome).toBe('fail');
    expect(judged.regressed).toEqual(['latencyP50Ms', 'latencyP95Ms', 'latencyP99Ms']);
    expect(judged.service.map((s) => s.metric)).toEqual(['throughputRps', 'latencyP50Ms', 'latencyP95Ms', 'latencyP99Ms']);
  });

  it('counts lower throughput as a regression', () => {
    const judged = canaryVerdict(compare(rounds(6, 5, 900), rounds(6, 5, 500), settings));
    expect(judged.regressed).toEqual(['throughputRps']);
  });

  it('passes equal deployments and says inconclusive when the rounds are too few to show anything', () => {
    expect(canaryVerdict(compare(rounds(6, 5, 900), rounds(6, 5, 900), settings)).verdict.outcome).toBe('pass');
    expect(canaryVerdict(compare(rounds(3, 5, 900), rounds(3, 9, 900), settings)).verdict.outcome).toBe('inconclusive');
  });

  it('puts failed requests first', () => {
    const failing = rounds(6, 5, 900).map((r) => ({ ...r, service: { ...r.service, errors: 100 } }));
    expect(canaryVerdict(compare(rounds(6, 5, 900), failing, settings)).verdict.outcome).toBe('fail-errors');
  });

  it('fails on a function that regressed when both sides were profiled, listing its key before any metric', () => {
    const judged = canaryVerdict(compare(profiledRounds(6, 0.2), profiledRounds(6, 0.5), settings), { functions: true });
    expect(judged.verdict.outcome).toBe('fail');
    expect(judged.regressed).toEqual(['search.go#scoreProduct']);
    expect(judged.verdict.outcome === 'fail' && judged.verdict.blocking.map((f) => f.key)).toEqual(['search.go#scoreProduct']);
    expect(judged.verdict.rule).toMatch(/^1 function\(s\) regressed: q <= 0\.05/);
  });

  it('names both a regressed function and a regressed metric', () => {
    const slower = profiledRounds(6, 0.5).map((r) => ({ ...r, service: { ...r.service, throughputRps: r.service.throughputRps / 2 } }));
    const judged = canaryVerdict(compare(profiledRounds(6, 0.2), slower, settings), { functions: true });
    expect(judged.regressed).toEqual(['search.go#scoreProduct', 'throughputRps']);
    expect(judged.verdict.rule).toMatch(/function\(s\) regressed: .*; throughputRps regressed: /);
  });

  it('ignores function findings unless told both sides were profiled', () => {
    expect(canaryVerdict(compare(profiledRounds(6, 0.2), profiledRounds(6, 0.5), settings)).verdict.outcome).toBe('pass');
  });

  it('passes equal profiled deployments, and is inconclusive when too few rounds could flag a function', () => {
    const equal = canaryVerdict(compare(profiledRounds(6, 0.2), profiledRounds(6, 0.2), settings), { functions: true });
    expect(equal.verdict).toMatchObject({ outcome: 'pass', rule: expect.stringMatching(/^no function or client-side metric regressed/) });
    // 5 against 5 rounds reach significance over 4 metrics, but not over the 16 or more function tests of 10 functions.
    const many = compare(profiledRounds(5, 0.2, 8), profiledRounds(5, 0.2, 8), settings);
    expect(canaryVerdict(many, { functions: true }).verdict).toMatchObject({ outcome: 'inconclusive', rule: expect.stringMatching(/^5 vs 5 trials cannot reach significance after false-discovery control; use more trials$/) });
    expect(canaryVerdict(many).verdict.outcome).toBe('pass');
  });
});

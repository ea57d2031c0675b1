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
});

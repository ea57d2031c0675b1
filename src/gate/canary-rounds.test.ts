import { describe, expect, it } from 'vitest';
import type { TrialMetrics } from '../analysis/index.js';
import { allocationsOnBothOrNeither, clientSideOnly, profiled, withoutServiceUsage } from './canary-rounds.js';

const trial = (allocatedBytes: number | undefined, functions = true): TrialMetrics => ({
  requests: 100,
  sampledCpuNanos: functions ? 1e9 : 0,
  ...(allocatedBytes !== undefined ? { allocatedBytes, allocatedObjects: allocatedBytes / 100 } : {}),
  functions: functions ? { 'a.go#main.f': { name: 'main.f', file: 'a.go', selfNanos: 1e9, totalNanos: 1e9, allocBytes: 10 } } : {},
  service: { cpuMicrosPerRequest: 300, throughputRps: 50, latencyMs: { p50: 1, p95: 2, p99: 3 }, errors: 0, non2xx: 0, statusMismatches: 0, maxRssBytes: 1e8 },
});

describe('canary sides', () => {
  it('keeps allocation totals only when both sides profiled allocations', () => {
    const both = allocationsOnBothOrNeither([trial(5e6), trial(6e6)], [trial(7e6), trial(8e6)]);
    expect(both.dropped).toBe(false);
    expect(both.canary.map((t) => t.allocatedBytes)).toEqual([7e6, 8e6]);
    // A stored baseline with allocations against endpoints that serve no /allocs (an empty profile: 0 bytes).
    const one = allocationsOnBothOrNeither([trial(5e6), trial(6e6)], [trial(0), trial(0)]);
    expect(one.dropped).toBe(true);
    expect([...one.reference, ...one.canary].map((t) => 'allocatedBytes' in t || 'allocatedObjects' in t)).toEqual([false, false, false, false]);
    expect(one.reference[0]!.functions).toEqual(trial(5e6).functions);
    expect(allocationsOnBothOrNeither([trial(undefined)], [trial(0)]).dropped).toBe(false);
  });

  it('tells profiled trials, and strips what a deployment measured from outside cannot show', () => {
    expect(profiled([trial(1), trial(1)])).toBe(true);
    expect(profiled([trial(1), trial(1, false)])).toBe(false);
    expect(profiled([])).toBe(false);
    expect(clientSideOnly([trial(5e6)])).toEqual([{ ...trial(undefined, false), service: { ...trial(undefined).service, cpuMicrosPerRequest: 0, maxRssBytes: 0 } }]);
    expect(withoutServiceUsage([trial(5e6)])[0]).toEqual({ ...trial(5e6), service: { ...trial(5e6).service, cpuMicrosPerRequest: 0, maxRssBytes: 0 } });
  });
});

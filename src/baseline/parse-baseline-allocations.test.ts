import { describe, expect, it } from 'vitest';
import { parseBaseline } from './parse-baseline.js';

const trial = (extra: Record<string, unknown> = {}, fn: Record<string, unknown> = {}) => ({
  requests: 1000,
  sampledCpuNanos: 5e8,
  functions: { 'a.js#f': { name: 'f', file: 'a.js', selfNanos: 1e8, totalNanos: 2e8, ...fn } },
  service: { cpuMicrosPerRequest: 400, throughputRps: 2000, latencyMs: { p50: 1, p95: 2, p99: 3 }, errors: 0, non2xx: 0, statusMismatches: 0, maxRssBytes: 1e8 },
  ...extra,
});
const baseline = (trials: unknown[]) =>
  JSON.stringify({
    schema: 'perfgate.baseline',
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    commit: null,
    environment: { nodeVersion: '20', v8Version: '11', platform: 'linux', arch: 'x64', cpuModel: 'cpu', cpuCount: 2, perfgateVersion: '0.1.0' },
    settings: { trials: 2, warmupRequests: 1, measureRequests: 1, connections: 1, cpuSamplingIntervalUs: 1000, replaySha256: 'x' },
    trials,
  });

describe('baselines and allocations', () => {
  it('reads baselines from before allocations were profiled (same version, fields absent)', () => {
    const parsed = parseBaseline(baseline([trial(), trial()]), 'old.json');
    expect(parsed.trials[0]!.allocatedBytes).toBeUndefined();
    expect(parsed.trials[0]!.functions['a.js#f']!.allocBytes).toBeUndefined();
  });

  it('reads allocated bytes per trial and per function', () => {
    const parsed = parseBaseline(baseline([trial({ allocatedBytes: 9e7, allocatedObjects: 170 }, { allocBytes: 4e6, allocObjects: 8 })]), 'new.json');
    expect(parsed.trials[0]).toMatchObject({ allocatedBytes: 9e7, allocatedObjects: 170 });
    expect(parsed.trials[0]!.functions['a.js#f']).toMatchObject({ allocBytes: 4e6, allocObjects: 8 });
  });

  it('names the function and field of a bad allocation figure', () => {
    expect(() => parseBaseline(baseline([trial({}, { allocBytes: -1 })]), 'bad.json')).toThrow(/bad\.json: trials\.0\.functions\["a\.js#f"\]: .*>= 0/);
  });
});

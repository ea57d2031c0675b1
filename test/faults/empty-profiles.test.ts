import { expect, it } from 'vitest';
import { compare, functionTable, type TrialMetrics } from '../../src/analysis/index.js';
import { compareSchema } from '../../src/config/schema.js';
import { v8ToPprof } from '../../src/profile/index.js';

// A window in which the profiler took no sample (idle service, zero duration) must give
// zeros and "no change", never NaN or Infinity in a verdict.
it('empty and zero-duration profiles compare without NaN or Infinity', () => {
  const empty = v8ToPprof(
    { nodes: [{ id: 1, callFrame: { functionName: '(root)', scriptId: '0', url: '', lineNumber: 0, columnNumber: 0 } }], startTime: 5, endTime: 5, samples: [], timeDeltas: [] },
    { root: '/app', startedAtMs: 0, samplingIntervalUs: 1000 },
  );
  const table = functionTable(empty, 'empty');
  expect(table.total).toBe(0);
  const trial: TrialMetrics = {
    requests: 0,
    sampledCpuNanos: table.total,
    functions: table.functions,
    service: { cpuMicrosPerRequest: 0, throughputRps: 0, latencyMs: { p50: 0, p95: 0, p99: 0 }, errors: 0, non2xx: 0, statusMismatches: 0, maxRssBytes: 0 },
  };
  const trials = Array.from({ length: 8 }, () => trial);
  const result = compare(trials, trials, compareSchema.parse({}));
  const numbers: number[] = [];
  JSON.stringify(result, (_key, value: unknown) => {
    if (typeof value === 'number') numbers.push(value);
    return value;
  });
  expect(numbers.filter((n) => !Number.isFinite(n))).toEqual([]);
  expect(result.verdict.outcome).not.toBe('fail');
});

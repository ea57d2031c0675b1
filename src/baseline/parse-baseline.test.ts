import { describe, expect, it } from 'vitest';
import { BASELINE_SCHEMA, BASELINE_VERSION } from './baseline.js';
import { parseBaseline } from './parse-baseline.js';

const trial = {
  requests: 1000,
  sampledCpuNanos: 5e8,
  functions: { 'a.js#f': { name: 'f', file: 'a.js', selfNanos: 1e8, totalNanos: 2e8 } },
  service: { cpuMicrosPerRequest: 400, throughputRps: 2000, latencyMs: { p50: 1, p95: 2, p99: 3 }, errors: 0, non2xx: 0, statusMismatches: 0, maxRssBytes: 1e8 },
};
const valid = {
  schema: BASELINE_SCHEMA,
  version: BASELINE_VERSION,
  createdAt: '2026-11-25T00:00:00Z',
  commit: 'abc',
  environment: { nodeVersion: '20', v8Version: '11', platform: 'linux', arch: 'x64', cpuModel: 'cpu', cpuCount: 2, perfgateVersion: '0.1.0' },
  settings: { trials: 1, warmupRequests: 1, measureRequests: 1, connections: 1, cpuSamplingIntervalUs: 1000, replaySha256: 'x' },
  trials: [trial],
};

describe('parseBaseline refuses what it cannot trust, naming the file and field', () => {
  it('reads a valid baseline', () => {
    expect(parseBaseline(JSON.stringify(valid), 'b.json').trials[0]!.functions['a.js#f']!.selfNanos).toBe(1e8);
  });

  it('corrupt JSON', () => {
    expect(() => parseBaseline('{"schema": "perfgate.baseline", "trials": [', 'b.json')).toThrow(/b\.json: not valid JSON/);
  });

  it('a newer schema version, with what to do', () => {
    expect(() => parseBaseline(JSON.stringify({ ...valid, version: BASELINE_VERSION + 1 }), 'b.json')).toThrow(/b\.json: baseline version \d+ is newer than this perfgate understands .*upgrade perfgate/);
  });

  it('an older or unknown version, with the reason', () => {
    expect(() => parseBaseline(JSON.stringify({ ...valid, version: 0 }), 'b.json')).toThrow(/b\.json: version:/);
    expect(() => parseBaseline(JSON.stringify({ ...valid, schema: 'something.else' }), 'b.json')).toThrow(/b\.json: schema:/);
  });

  it('NaN, Infinity or negative numbers (written as strings or nulls by other tools)', () => {
    const withNaN = JSON.parse(JSON.stringify(valid));
    withNaN.trials[0].service.cpuMicrosPerRequest = 'NaN';
    expect(() => parseBaseline(JSON.stringify(withNaN), 'b.json')).toThrow(/b\.json: trials\.0\.service\.cpuMicrosPerRequest:/);
    const negative = JSON.parse(JSON.stringify(valid));
    negative.trials[0].functions['a.js#f'].selfNanos = -1;
    expect(() => parseBaseline(JSON.stringify(negative), 'b.json')).toThrow(/b\.json: trials\.0\.functions\["a\.js#f"\]: must be >= 0/);
    const huge = JSON.stringify(valid).replace('"requests":1000', '"requests":1e999');
    expect(() => parseBaseline(huge, 'b.json')).toThrow(/b\.json: trials\.0\.requests: .*(finite|Infinity)/);
  });

  it('what one CPU sample stands for: optional (older baselines), and above zero when given', () => {
    expect(parseBaseline(JSON.stringify({ ...valid, trials: [{ ...trial, cpuSampleNanos: 1e6 }] }), 'b.json').trials[0]!.cpuSampleNanos).toBe(1e6);
    expect(parseBaseline(JSON.stringify(valid), 'b.json').trials[0]!.cpuSampleNanos).toBeUndefined();
    expect(() => parseBaseline(JSON.stringify({ ...valid, trials: [{ ...trial, cpuSampleNanos: 0 }] }), 'b.json')).toThrow(/b\.json: trials\.0\.cpuSampleNanos: must be > 0/);
  });

  it('hostile keys stay plain data: no prototype is touched', () => {
    const text = JSON.stringify(valid).replace(
      '"functions":{',
      '"functions":{"__proto__":{"name":"__proto__","file":"x.js","selfNanos":1,"totalNanos":1},"constructor":{"name":"constructor","file":"x.js","selfNanos":2,"totalNanos":2},',
    );
    const parsed = parseBaseline(text, 'b.json');
    const functions = parsed.trials[0]!.functions;
    expect(Object.keys(functions).sort()).toEqual(['__proto__', 'a.js#f', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(functions, '__proto__')?.value).toMatchObject({ selfNanos: 1 });
    expect(functions['constructor']).toMatchObject({ selfNanos: 2 });
    expect(({} as Record<string, unknown>).selfNanos).toBeUndefined();
  });

  it('a trial entry of the wrong shape names the function', () => {
    const text = JSON.stringify(valid).replace('"functions":{', '"functions":{"b.js#g":{"name":"g"},');
    expect(() => parseBaseline(text, 'b.json')).toThrow(/b\.json: trials\.0\.functions\["b\.js#g"\]:/);
  });
});

import { describe, expect, it } from 'vitest';
import { functionTable } from '../../src/analysis/function-table.js';
import { decodePprof, encodePprofGzip } from '../../src/profile/index.js';
import { syntheticProfile } from './synthetic-profile.js';

describe('syntheticProfile', () => {
  const shape = { samples: 2_000, functions: 300, depth: 8, seed: 4 };

  it('is the same for the same seed and differs for another', () => {
    expect(encodePprofGzip(syntheticProfile(shape))).toEqual(encodePprofGzip(syntheticProfile(shape)));
    expect(encodePprofGzip(syntheticProfile({ ...shape, seed: 5 }))).not.toEqual(encodePprofGzip(syntheticProfile(shape)));
  });

  it('has the requested size and passes the checks perfgate applies to any pprof file', () => {
    const profile = decodePprof(encodePprofGzip(syntheticProfile(shape)), 'synthetic.pb.gz');
    expect(profile.sample).toHaveLength(2_000);
    expect(profile.function).toHaveLength(300);
    const depths = profile.sample.map((s) => s.locationId.length);
    expect(Math.min(...depths)).toBeGreaterThanOrEqual(4);
    expect(Math.max(...depths)).toBeLessThanOrEqual(12);
    // Skewed: the hottest function is on far more stacks than the coldest.
    const table = functionTable(profile, 'synthetic');
    expect(table.functions['src/module-0.js#fn0']!.totalNanos).toBeGreaterThan(20 * (table.functions['src/module-299.js#fn299']?.totalNanos ?? 0));
  });

  it("raises the hottest function's own time by leafFactor and leaves the others alone", () => {
    const base = functionTable(syntheticProfile(shape), 'base');
    const slower = functionTable(syntheticProfile({ ...shape, leafFactor: 1.2 }), 'slower');
    expect(slower.functions['src/module-0.js#fn0']!.selfNanos / base.functions['src/module-0.js#fn0']!.selfNanos).toBeCloseTo(1.2, 6);
    expect(slower.functions['src/module-5.js#fn5']!.selfNanos).toBe(base.functions['src/module-5.js#fn5']!.selfNanos);
  });
});

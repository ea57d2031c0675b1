import { Function as PprofFunction, Line, Location, Profile, Sample, StringTable, ValueType } from 'pprof-format';
import { describe, expect, it } from 'vitest';
import { functionTable } from '../../src/analysis/function-table.js';
import { seededRandom } from '../../src/analysis/prng.js';
import { scaleSelfTime, thinSamples } from './inject.js';

// handle → score (leaf), handle → render (leaf), handle → score → render (render is the leaf).
function profile(): Profile {
  const strings = new StringTable();
  const fn = (id: number, name: string) => new PprofFunction({ id, name: strings.dedup(name), systemName: strings.dedup(name), filename: strings.dedup('app.js') });
  const functions = [fn(1, 'handle'), fn(2, 'score'), fn(3, 'render')];
  const locations = functions.map((f) => new Location({ id: Number(f.id) * 10, line: [new Line({ functionId: f.id, line: 1 })] }));
  return new Profile({
    sampleType: [new ValueType({ type: strings.dedup('samples'), unit: strings.dedup('count') }), new ValueType({ type: strings.dedup('cpu'), unit: strings.dedup('nanoseconds') })],
    sample: [
      new Sample({ locationId: [20, 10], value: [10, 10_000] }),
      new Sample({ locationId: [30, 10], value: [5, 5_000] }),
      new Sample({ locationId: [30, 20, 10], value: [2, 2_000] }),
    ],
    location: locations,
    function: functions,
    stringTable: strings,
  });
}

describe('scaleSelfTime', () => {
  it("scales the function's own samples only; its callers' totals grow by the same amount", () => {
    const before = functionTable(profile(), 'before');
    const after = functionTable(scaleSelfTime(profile(), 'app.js#score', 1.1), 'after');
    expect(after.functions['app.js#score']).toMatchObject({ selfNanos: 11_000, totalNanos: 13_000 });
    expect(after.functions['app.js#render']).toEqual(before.functions['app.js#render']);
    expect(after.functions['app.js#handle']!.totalNanos).toBe(before.functions['app.js#handle']!.totalNanos + 1_000);
    expect(after.total).toBe(before.total + 1_000);
  });

  it('leaves the profile it was given alone', () => {
    const original = profile();
    scaleSelfTime(original, 'app.js#score', 2);
    expect(functionTable(original, 'original').functions['app.js#score']!.selfNanos).toBe(10_000);
  });
});

describe('thinSamples', () => {
  it('keeps about the given share of the ticks, and each sample keeps its time per tick', () => {
    const thinned = thinSamples(profile(), 0.5, seededRandom(3));
    const counts = thinned.sample.map((s) => Number(s.value[0]));
    counts.forEach((kept, i) => {
      const before = profile().sample[i]!;
      expect(kept).toBeLessThanOrEqual(Number(before.value[0]));
      expect(Number(thinned.sample[i]!.value[1])).toBe(Math.round((Number(before.value[1]) * kept) / Number(before.value[0])));
    });
    // 17 ticks at one half: the seeded draw keeps some and drops some.
    const total = counts.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(17);
  });

  it('keeps everything at 1', () => {
    expect(functionTable(thinSamples(profile(), 1, seededRandom(1)), 'all')).toEqual(functionTable(profile(), 'all'));
  });
});

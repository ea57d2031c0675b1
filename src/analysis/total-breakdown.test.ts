import { describe, expect, it } from 'vitest';
import { Function as PprofFunction, Line, Location, Profile, Sample, StringTable, ValueType } from 'pprof-format';
import { pprofOf } from '../report/fixtures.test-helper.js';
import type { FunctionFinding } from './findings.js';
import { totalBreakdown, totalRises } from './total-breakdown.js';

const SEARCH = 'app.js#search';

/** A finding with the given median totals per request; only what totalRises reads. */
const finding = (baseline: number, candidate: number) =>
  ({ key: SEARCH, name: 'search', file: 'app.js', perRequestNanos: { baseline: { self: 0, total: baseline }, candidate: { self: 0, total: candidate } } }) as unknown as FunctionFinding;

describe('totalBreakdown', () => {
  it('splits a total among its own time and its direct callees, deeper frames inside them', () => {
    const profile = pprofOf([
      [['main', 'search'], 10],
      [['main', 'search', 'score'], 30],
      [['main', 'search', 'score', 'weight'], 20],
      [['main', 'search', 'sort'], 15],
      [['main', 'render'], 99],
    ]);
    const split = totalBreakdown(profile, 'cpu.pb.gz', [SEARCH]).get(SEARCH)!;
    expect(split.own).toBe(10);
    expect(Object.fromEntries([...split.callees].map(([key, c]) => [key, c.value]))).toEqual({ 'app.js#score': 50, 'app.js#sort': 15 });
    expect(split.callees.get('app.js#score')!.identity).toEqual({ name: 'score', file: 'app.js' });
  });

  it('counts a recursive function once, at its outermost frame, and its callee below the recursion', () => {
    const profile = pprofOf([
      [['search', 'search', 'search'], 4],
      [['search', 'search', 'score'], 6],
    ]);
    const split = totalBreakdown(profile, 'cpu.pb.gz', [SEARCH]).get(SEARCH)!;
    expect(split.own).toBe(4);
    expect(split.callees.get('app.js#score')!.value).toBe(6);
  });

  it('reads frames inlined into one location, innermost first as pprof lists them', () => {
    const strings = new StringTable();
    const fn = (id: number, name: string) => new PprofFunction({ id, name: strings.dedup(name), filename: strings.dedup('app.js') });
    const functions = [fn(1, 'main'), fn(2, 'search'), fn(3, 'score')];
    const profile = new Profile({
      sampleType: [new ValueType({ type: strings.dedup('cpu'), unit: strings.dedup('nanoseconds') })],
      // One location: score inlined into search; its caller main in another.
      location: [new Location({ id: 1, line: [new Line({ functionId: 3 }), new Line({ functionId: 2 })] }), new Location({ id: 2, line: [new Line({ functionId: 1 })] })],
      sample: [new Sample({ locationId: [1, 2], value: [7] })],
      function: functions,
      stringTable: strings,
    });
    expect(totalBreakdown(profile, 'cpu.pb.gz', [SEARCH]).get(SEARCH)!.callees.get('app.js#score')!.value).toBe(7);
  });

  it('has nothing for a profile without the value type, and names the file of a broken location', () => {
    expect(totalBreakdown(pprofOf([[['search'], 1]], { sampleType: ['alloc_space', 'bytes'] }), 'a.pb.gz', [SEARCH]).size).toBe(0);
    const broken = pprofOf([[['search'], 1]]);
    broken.location[0]!.line[0]!.functionId = 99;
    expect(() => totalBreakdown(broken, 'broken.pb.gz', [SEARCH])).toThrow(/broken\.pb\.gz: location 1 refers to unknown function 99/);
  });
});

describe('totalRises', () => {
  it('puts the callee that rose most first, in nanoseconds per request scaled to the medians', () => {
    const baseline = totalBreakdown(pprofOf([[['search'], 10], [['search', 'score'], 60], [['search', 'sort'], 30]]), 'b', [SEARCH]).get(SEARCH);
    // score twice its cost; sort a little less; a new callee appears.
    const candidate = totalBreakdown(pprofOf([[['search'], 10], [['search', 'score'], 120], [['search', 'sort'], 28], [['search', 'audit'], 2]]), 'c', [SEARCH]).get(SEARCH);
    const rises = totalRises(finding(100_000, 160_000), baseline, candidate);
    expect(rises.map((r) => r.callee?.name ?? 'own')).toEqual(['score', 'audit']);
    expect(rises[0]!.baselineNanos).toBeCloseTo(60_000, 6);
    expect(rises[0]!.candidateNanos).toBeCloseTo(120_000, 6);
    expect(rises[1]).toEqual({ callee: { name: 'audit', file: 'app.js' }, baselineNanos: 0, candidateNanos: 2_000 });
  });

  it('names the function\'s own time when that is what rose, and nothing without both sides', () => {
    const base = totalBreakdown(pprofOf([[['search'], 50], [['search', 'score'], 50]]), 'b', [SEARCH]).get(SEARCH);
    const cand = totalBreakdown(pprofOf([[['search'], 100], [['search', 'score'], 50]]), 'c', [SEARCH]).get(SEARCH);
    expect(totalRises(finding(1000, 1500), base, cand)).toEqual([{ callee: null, baselineNanos: 500, candidateNanos: 1000 }]);
    expect(totalRises(finding(1000, 1500), undefined, cand)).toEqual([]);
  });
});

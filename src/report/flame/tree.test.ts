import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { functionTable } from '../../analysis/function-table.js';
import { decodePprof } from '../../profile/pprof-codec.js';
import { pprofOf } from '../fixtures.test-helper.js';
import { buildFlameTree, MIN_FRAME_SHARE, type FlameTree } from './tree.js';

const cpu = (profile: ReturnType<typeof pprofOf>, source = 'test') => ({ profile, source, sampleType: 'cpu' });
const measure = (candidate: ReturnType<typeof pprofOf>, baseline: ReturnType<typeof pprofOf> | null) => ({
  id: 'cpu',
  label: 'CPU',
  unit: 'nanoseconds' as const,
  candidate: cpu(candidate, 'candidate'),
  baseline: baseline ? cpu(baseline, 'baseline') : null,
});

/** `name@depth=candidate/baseline` per node in pre-order: the whole tree in one comparable line. */
function describeTree(tree: FlameTree): string[] {
  return tree.fn.map((f, i) => `${f < 0 ? 'root' : tree.functions[f]!.name}@${tree.depth[i]}=${tree.candidate[0]![i]}/${tree.baseline[0]?.[i] ?? '-'}`);
}

describe('buildFlameTree', () => {
  it('merges both sides by function along the path, per request, children by name', () => {
    const baseline = pprofOf(
      [
        [['main', 'parse'], 100],
        [['main', 'score'], 100],
      ],
      { requests: 10 },
    );
    const candidate = pprofOf(
      [
        [['main', 'score'], 400],
        [['main', 'parse'], 200],
        [['main', 'render'], 200],
      ],
      { requests: 20 },
    );
    const tree = buildFlameTree([measure(candidate, baseline)]);
    expect(describeTree(tree)).toEqual(['root@0=40/20', 'main@1=40/20', 'parse@2=10/10', 'render@2=10/0', 'score@2=20/10']);
    expect(tree.end).toEqual([5, 5, 3, 4, 5]);
    expect(tree.measures).toEqual([{ id: 'cpu', label: 'CPU', unit: 'nanoseconds', perRequest: true, hasBaseline: true }]);
  });

  it('keeps a function on two paths, and recursion, as separate frames', () => {
    const candidate = pprofOf(
      [
        [['main', 'a', 'log'], 3],
        [['main', 'b', 'log'], 5],
        [['main', 'walk', 'walk', 'walk'], 7],
      ],
      { requests: 1 },
    );
    const tree = buildFlameTree([measure(candidate, null)]);
    expect(describeTree(tree)).toEqual(['root@0=15/-', 'main@1=15/-', 'a@2=3/-', 'log@3=3/-', 'b@2=5/-', 'log@3=5/-', 'walk@2=7/-', 'walk@3=7/-', 'walk@4=7/-']);
    expect(tree.functions.filter((f) => f.name === 'log')).toHaveLength(1);
  });

  it('tells functions with one name in different files apart', () => {
    const candidate = pprofOf([[['main', ['handler', 'a.js', 1]], 1], [['main', ['handler', 'b.js', 1]], 2]], { requests: 1 });
    const tree = buildFlameTree([measure(candidate, null)]);
    expect(tree.functions.map((f) => f.key)).toEqual(['app.js#main', 'a.js#handler', 'b.js#handler']);
    expect(tree.candidate[0]).toEqual([3, 3, 1, 2]);
  });

  it('draws the candidate alone when the baseline has no profile, and says so', () => {
    const tree = buildFlameTree([measure(pprofOf([[['main'], 10]], { requests: 5 }), null)]);
    expect(tree.measures[0]!.hasBaseline).toBe(false);
    expect(tree.baseline).toEqual([null]);
    expect(tree.candidate[0]).toEqual([2, 2]);
  });

  it('keeps raw totals, and says so, when a profile carries no request count', () => {
    const tree = buildFlameTree([measure(pprofOf([[['main'], 10]]), pprofOf([[['main'], 4]]))]);
    expect(tree.measures[0]!.perRequest).toBe(false);
    expect(tree.candidate[0]).toEqual([10, 10]);
    expect(tree.baseline[0]).toEqual([4, 4]);
  });

  it('refuses a missing sample type, naming the profile and the types it has', () => {
    const alloc = pprofOf([[['main'], 10]], { sampleType: ['alloc_space', 'bytes'] });
    expect(() => buildFlameTree([measure(alloc, null)])).toThrow(/candidate: no sample type "cpu" \(the profile has "alloc_space"\)/);
  });

  it('accounts for every sample of a real third-party profile (Java CPU, from the test data of pprof)', () => {
    const profile = decodePprof(readFileSync(new URL('../../../../shared/testdata/pprof/java.cpu.pb.gz', import.meta.url)), 'java.cpu.pb.gz');
    const tree = buildFlameTree([measure(profile, null)]);
    const table = functionTable(profile, 'java', 'cpu');
    const close = (a: number | undefined, b: number) => Math.abs((a ?? 0) - b) <= b * 1e-5;
    expect(close(tree.candidate[0]![0], table.total)).toBe(true);
    // A function's total is the sum of its outermost frames (frames without the same function above them).
    const totals = new Map<string, number>();
    const open: number[] = [];
    for (let i = 0; i < tree.fn.length; i++) {
      while (open.length > 0 && tree.end[open[open.length - 1]!]! <= i) open.pop();
      const key = tree.fn[i]! >= 0 ? tree.functions[tree.fn[i]!]!.key : '';
      const nested = open.some((j) => tree.fn[j] === tree.fn[i]);
      if (key && !nested) totals.set(key, (totals.get(key) ?? 0) + tree.candidate[0]![i]!);
      open.push(i);
    }
    expect(Object.keys(table.functions).length).toBeGreaterThan(50);
    for (const [key, cost] of Object.entries(table.functions)) expect(close(totals.get(key), cost.totalNanos), `${key}: ${totals.get(key)} vs ${cost.totalNanos}`).toBe(true);
    // Children never exceed their parent.
    for (let i = 0; i < tree.fn.length; i++) {
      let children = 0;
      for (let c = i + 1; c < tree.end[i]!; c = tree.end[c]!) children += tree.candidate[0]![c]!;
      expect(children).toBeLessThanOrEqual(tree.candidate[0]![i]! * (1 + 1e-5));
    }
  });

  it('builds one tree for several measures (CPU and allocated bytes)', () => {
    const cpuProfile = pprofOf([[['main', 'parse'], 10]], { requests: 1 });
    const allocProfile = pprofOf([[['main', 'alloc'], 64]], { requests: 1, sampleType: ['alloc_space', 'bytes'] });
    const tree = buildFlameTree([
      measure(cpuProfile, null),
      { id: 'alloc_space', label: 'allocated bytes', unit: 'bytes', candidate: { profile: allocProfile, source: 'alloc', sampleType: 'alloc_space' }, baseline: null },
    ]);
    expect(tree.fn.map((f) => (f < 0 ? 'root' : tree.functions[f]!.name))).toEqual(['root', 'main', 'alloc', 'parse']);
    expect(tree.candidate).toEqual([
      [10, 10, 0, 10],
      [64, 64, 64, 0],
    ]);
  });
});

describe('buildFlameTree on a large tree', () => {
  it('matches a plain recursive build when the tree outgrows its first arrays and hash table (5 000 distinct stacks)', () => {
    // A seeded walk: 5 000 stacks, 2 to 9 deep, over 60 functions, on both sides.
    let state = 12345;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const stacks = (count: number): Array<[string[], number]> =>
      Array.from({ length: count }, () => [Array.from({ length: 2 + Math.floor(next() * 8) }, () => `f${Math.floor(next() * 60)}`), 1 + Math.floor(next() * 5)]);
    const candidateStacks = stacks(5000);
    const baselineStacks = stacks(5000);
    const tree = buildFlameTree([measure(pprofOf(candidateStacks, { requests: 1 }), pprofOf(baselineStacks, { requests: 1 }))]);

    // The reference: nested objects, children sorted by name (all files are equal here).
    type Node = { children: Map<string, Node>; candidate: number; baseline: number };
    const root: Node = { children: new Map(), candidate: 0, baseline: 0 };
    const add = (list: Array<[string[], number]>, side: 'candidate' | 'baseline') => {
      for (const [frames, value] of list) {
        let node = root;
        node[side] += value;
        for (const name of frames) {
          let child = node.children.get(name);
          if (!child) node.children.set(name, (child = { children: new Map(), candidate: 0, baseline: 0 }));
          child[side] += value;
          node = child;
        }
      }
    };
    add(candidateStacks, 'candidate');
    add(baselineStacks, 'baseline');
    const expected: string[] = [];
    const walk = (name: string, node: Node, depth: number) => {
      expected.push(`${name}@${depth}=${node.candidate}/${node.baseline}`);
      for (const [child, sub] of [...node.children].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) walk(child, sub, depth + 1);
    };
    walk('root', root, 0);
    expect(expected.length).toBeGreaterThan(2048);
    expect(describeTree(tree)).toEqual(expected);
  });
});

describe('buildFlameTree leaves out frames too narrow to see', () => {
  it('drops subtrees under MIN_FRAME_SHARE of the whole on both sides, keeps one that is wide enough on either side, and lists only shown functions', () => {
    // 1 / 40 000 of the total is under the floor (1 / 20 000); 1 / 10 000 is over it.
    const big = 39_990;
    const candidate = pprofOf(
      [
        [['main', 'hot'], big],
        [['main', 'tiny', 'deeper'], 1],
        [['main', 'grown'], 9],
      ],
      { requests: 1 },
    );
    const baseline = pprofOf(
      [
        [['main', 'hot'], big],
        [['main', 'tiny', 'deeper'], 1],
        [['main', 'grown'], 1],
      ],
      { requests: 1 },
    );
    expect(MIN_FRAME_SHARE).toBe(0.00005);
    const tree = buildFlameTree([measure(candidate, baseline)]);
    expect(describeTree(tree)).toEqual([`root@0=40000/39992`, `main@1=40000/39992`, 'grown@2=9/1', `hot@2=${big}/${big}`]);
    expect(tree.functions.map((f) => f.name)).toEqual(['main', 'hot', 'grown']);
    expect(tree.leftOut).toEqual({ subtrees: 1, belowShare: MIN_FRAME_SHARE });
  });
});

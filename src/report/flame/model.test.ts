import { describe, expect, it } from 'vitest';
import { pprofOf } from '../fixtures.test-helper.js';
import { flameModel } from './model.js';
import type { FlamePageData } from './page-data.js';
import { buildFlameTree } from './tree.js';

const model = flameModel();
// root(100) → a(60) → [b(30), c(20)], root → d(40); pre-order: root, a, b, c, d.
const end = [5, 4, 3, 4, 5];
const depth = [0, 1, 2, 2, 1];
const values = [100, 60, 30, 20, 40];

describe('flameModel', () => {
  it('finds parents and ancestors from the pre-order ends', () => {
    const parent = model.parents(end);
    expect([...parent]).toEqual([-1, 0, 1, 1, 0]);
    expect(model.ancestors(parent, 3)).toEqual([0, 1]);
    expect(model.ancestors(parent, 0)).toEqual([]);
  });

  it('lays frames out by value, children left to right inside their parent', () => {
    const laid = model.layout(end, model.parents(end), values, 0, 1000, 0.5);
    expect(laid.node).toEqual([0, 1, 2, 3, 4]);
    expect(laid.x).toEqual([0, 0, 0, 300, 600]);
    expect(laid.w).toEqual([1000, 600, 300, 200, 400]);
  });

  it('culls frames narrower than the minimum, with their subtrees, but keeps their place', () => {
    const laid = model.layout(end, model.parents(end), values, 0, 10, 2.5);
    // a is 6 px, b 3 px, c 2 px (culled), d 4 px and still starts at 6.
    expect(laid.node).toEqual([0, 1, 2, 4]);
    expect(laid.x[3]).toBe(6);
  });

  it('zooms: the chosen frame spans the width, its ancestors full width above it', () => {
    const laid = model.layout(end, model.parents(end), values, 1, 600, 0.5);
    expect(laid.node).toEqual([0, 1, 2, 3]);
    expect(laid.w).toEqual([600, 600, 300, 200]);
    expect(laid.x).toEqual([0, 0, 0, 300]);
  });

  it('lays out nothing for an empty tree or no width', () => {
    expect(model.layout([1], new Int32Array([-1]), [0], 0, 100, 0.5).node).toEqual([]);
    expect(model.layout(end, model.parents(end), values, 0, 0, 0.5).node).toEqual([]);
  });

  it('never lets rounded children spill past their parent', () => {
    const laid = model.layout([3, 3, 3], new Int32Array([-1, 0, 1]), [1, 1.000001, 1.000002], 0, 100, 0.5);
    for (let i = 1; i < laid.node.length; i++) expect(laid.x[i]! + laid.w[i]!).toBeLessThanOrEqual(100);
  });

  it('hit-tests a row by x, and misses gaps and empty rows', () => {
    const laid = model.layout(end, model.parents(end), values, 0, 1000, 0.5);
    const rows = model.rowsOf(laid, depth);
    expect(model.hit(laid, rows, 0, 999)).toBe(0);
    expect(model.hit(laid, rows, 1, 599.9)).toBe(1);
    expect(model.hit(laid, rows, 1, 600)).toBe(4);
    expect(model.hit(laid, rows, 2, 450)).toBe(3);
    expect(model.hit(laid, rows, 2, 700)).toBe(-1);
    expect(model.hit(laid, rows, 7, 10)).toBe(-1);
    expect(model.hit(laid, rows, 1, -1)).toBe(-1);
  });

  it('searches names and files, counting nested matches once in the covered value', () => {
    const functions = [
      { name: 'walk', file: 'tree.js' },
      { name: 'visit', file: 'tree.js' },
      { name: 'render', file: 'view.js' },
    ];
    // root → walk(60) → walk(30); root → visit(40)
    const fn = [-1, 0, 0, 1];
    const ends = [4, 3, 3, 4];
    const result = model.search(functions, fn, ends, [100, 60, 30, 40], 'WALK');
    expect([...result.matched]).toEqual([0, 1, 1, 0]);
    expect(result.count).toBe(2);
    expect(result.covered).toBe(60);
    expect(model.search(functions, fn, ends, [100, 60, 30, 40], 'tree.js').covered).toBe(100);
    expect(model.search(functions, fn, ends, [100, 60, 30, 40], '  ').count).toBe(0);
  });

  it('formats quantities and changes', () => {
    expect(model.formatQuantity(151_000, 'nanoseconds')).toBe('151.0 µs');
    expect(model.formatQuantity(2_500_000, 'nanoseconds')).toBe('2.50 ms');
    expect(model.formatQuantity(3e9, 'nanoseconds')).toBe('3.00 s');
    expect(model.formatQuantity(512, 'bytes')).toBe('512 B');
    expect(model.formatQuantity(4096, 'bytes')).toBe('4.0 KiB');
    expect(model.formatQuantity(3 * 1048576, 'bytes')).toBe('3.00 MiB');
    expect(model.relativeChange(100, 200)).toBe('+100.0%');
    expect(model.relativeChange(100, 75)).toBe('-25.0%');
    expect(model.relativeChange(0, 5)).toBe('new');
    expect(model.relativeChange(5, 0)).toBe('gone');
    expect(model.relativeChange(0, 0)).toBe('±0%');
  });

  it('describes a frame: both sides on its path, its own part, then the finding', () => {
    const baseline = pprofOf([[['main', ['score', 'search.js', 42], 'sqrt'], 100_000], [['main', ['score', 'search.js', 42]], 100_000]], { requests: 10 });
    const candidate = pprofOf([[['main', ['score', 'search.js', 42], 'sqrt'], 100_000], [['main', ['score', 'search.js', 42]], 500_000]], { requests: 10 });
    const tree = buildFlameTree([{ id: 'cpu', label: 'CPU', unit: 'nanoseconds', candidate: { profile: candidate, source: 'c', sampleType: 'cpu' }, baseline: { profile: baseline, source: 'b', sampleType: 'cpu' } }]);
    const data: FlamePageData = { tree, look: tree.functions.map((f) => ({ fill: '#ccc', text: '#000', outcome: null, summary: [`finding of ${f.name}`] })) };
    const score = tree.fn.findIndex((f) => f >= 0 && tree.functions[f]!.name === 'score');
    expect(model.details(data, score, 0)).toEqual({
      title: 'score',
      location: 'search.js:42',
      lines: ['CPU per request on this call path: 20.0 µs → 60.0 µs (+200.0%)', 'of which in the function itself: 10.0 µs → 50.0 µs (+400.0%)', 'finding of score'],
    });
    expect(model.details(data, 0, 0).title).toBe('all');
    const alone: FlamePageData = { ...data, tree: { ...tree, baseline: [null] } };
    expect(model.details(alone, score, 0).lines[0]).toBe('CPU per request on this call path: 60.0 µs (no baseline profile)');
  });

  it('is self-contained, so its source text runs on its own in the page', () => {
    const rebuilt = new Function(`return (${flameModel.toString()})();`)() as ReturnType<typeof flameModel>;
    expect(rebuilt.layout(end, rebuilt.parents(end), values, 0, 1000, 0.5).w).toEqual([1000, 600, 300, 200, 400]);
    expect(rebuilt.formatQuantity(2048, 'bytes')).toBe('2.0 KiB');
  });
});

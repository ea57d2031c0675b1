import type { FlamePageData } from './page-data.js';

/**
 * The flame graph's logic that needs no DOM: parents, layout, hit testing, search,
 * number formatting. report.html embeds this factory's source text (`flameModel.toString()`)
 * so the browser runs exactly the code the unit tests run; therefore it must stay
 * self-contained: no imports (types only), no references to anything outside its body.
 */
export function flameModel() {
  /** Frames to draw: parallel arrays in pre-order, so each row's frames come in x order. */
  interface Layout {
    readonly node: number[];
    readonly x: number[];
    readonly w: number[];
  }

  /** Each node's parent (-1 for the root), from the pre-order `end` array. */
  function parents(end: readonly number[]): Int32Array {
    const parent = new Int32Array(end.length).fill(-1);
    const open: number[] = [];
    for (let i = 0; i < end.length; i++) {
      while (open.length > 0 && end[open[open.length - 1]!]! <= i) open.pop();
      parent[i] = open.length > 0 ? open[open.length - 1]! : -1;
      open.push(i);
    }
    return parent;
  }

  /** The path from the root down to `node`'s parent, root first. */
  function ancestors(parent: Int32Array, node: number): number[] {
    const path: number[] = [];
    for (let p = parent[node]!; p >= 0; p = parent[p]!) path.unshift(p);
    return path;
  }

  /**
   * Lays out the subtree of `zoom` across `width` pixels by `values`, with the zoomed
   * node's ancestors spanning the full width above it. Frames narrower than `minWidth`
   * are culled with their whole subtree: that keeps tens of thousands of frames cheap,
   * since only what can be seen is drawn.
   */
  function layout(end: readonly number[], parent: Int32Array, values: readonly number[], zoom: number, width: number, minWidth: number): Layout {
    const out: Layout = { node: [], x: [], w: [] };
    const total = values[zoom] ?? 0;
    if (!(total > 0) || !(width > 0)) return out;
    for (const a of ancestors(parent, zoom)) {
      out.node.push(a);
      out.x.push(0);
      out.w.push(width);
    }
    const scale = width / total;
    const stack: Array<[number, number, number]> = [[zoom, 0, width]];
    while (stack.length > 0) {
      const [node, x, w] = stack.pop()!;
      out.node.push(node);
      out.x.push(x);
      out.w.push(w);
      const children: Array<[number, number, number]> = [];
      let cx = x;
      for (let c = node + 1; c < end[node]!; c = end[c]!) {
        // Rounded values can let children add up to a hair more than their parent.
        const cw = Math.min((values[c] ?? 0) * scale, x + w - cx);
        if (cw >= minWidth) children.push([c, cx, cw]);
        cx += Math.max(0, cw);
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
    return out;
  }

  /** Positions into a layout, grouped by row (depth) in x order, for hit testing. */
  function rowsOf(laid: Layout, depth: readonly number[]): number[][] {
    const rows: number[][] = [];
    for (let i = 0; i < laid.node.length; i++) {
      const d = depth[laid.node[i]!]!;
      (rows[d] ??= []).push(i);
    }
    return rows;
  }

  /** The node drawn at (x, row), or -1: a binary search in the row. */
  function hit(laid: Layout, rows: readonly number[][], row: number, x: number): number {
    const positions = rows[row];
    if (!positions) return -1;
    let low = 0;
    let high = positions.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const i = positions[mid]!;
      if (x < laid.x[i]!) high = mid - 1;
      else if (x >= laid.x[i]! + laid.w[i]!) low = mid + 1;
      else return laid.node[i]!;
    }
    return -1;
  }

  /**
   * Nodes whose function name or file contains `query` (case-insensitive), and the
   * value they cover: a match inside another match is not counted twice.
   */
  function search(
    functions: ReadonlyArray<{ readonly name: string; readonly file: string }>,
    fn: readonly number[],
    end: readonly number[],
    values: readonly number[],
    query: string,
  ): { matched: Uint8Array; count: number; covered: number } {
    const matched = new Uint8Array(fn.length);
    const needle = query.trim().toLowerCase();
    if (needle === '') return { matched, count: 0, covered: 0 };
    const hits = functions.map((f) => f.name.toLowerCase().includes(needle) || f.file.toLowerCase().includes(needle));
    let count = 0;
    let covered = 0;
    let coveredUntil = 0;
    for (let i = 0; i < fn.length; i++) {
      if (fn[i]! < 0 || !hits[fn[i]!]) continue;
      matched[i] = 1;
      count += 1;
      if (i >= coveredUntil) {
        covered += values[i] ?? 0;
        coveredUntil = end[i]!;
      }
    }
    return { matched, count, covered };
  }

  /** A per-request quantity: time from nanoseconds, or bytes. */
  function formatQuantity(value: number, unit: string): string {
    if (unit === 'bytes') {
      if (value >= 1048576) return `${(value / 1048576).toFixed(2)} MiB`;
      if (value >= 1024) return `${(value / 1024).toFixed(1)} KiB`;
      return `${value.toFixed(0)} B`;
    }
    if (value >= 1e9) return `${(value / 1e9).toFixed(2)} s`;
    if (value >= 1e6) return `${(value / 1e6).toFixed(2)} ms`;
    if (value >= 1e3) return `${(value / 1e3).toFixed(1)} µs`;
    return `${value.toFixed(0)} ns`;
  }

  /** The change from baseline to candidate as a signed percentage, `new` or `gone`. */
  function relativeChange(baseline: number, candidate: number): string {
    if (baseline === 0) return candidate === 0 ? '±0%' : 'new';
    if (candidate === 0) return 'gone';
    const change = (candidate / baseline - 1) * 100;
    return `${change >= 0 ? '+' : ''}${change.toFixed(1)}%`;
  }

  /** A node's value minus its children's: what the function spent itself on this path. */
  function selfValue(end: readonly number[], values: readonly number[], node: number): number {
    let rest = values[node] ?? 0;
    for (let c = node + 1; c < end[node]!; c = end[c]!) rest -= values[c] ?? 0;
    return Math.max(0, rest);
  }

  /** What the tooltip says about a frame: the path's values under `measure`, then the function's finding. */
  function details(data: FlamePageData, node: number, measure: number): { title: string; location: string; lines: string[] } {
    const { tree } = data;
    const m = tree.measures[measure]!;
    const cand = tree.candidate[measure]!;
    const base = tree.baseline[measure] ?? null;
    const pair = (value: (values: readonly number[]) => number): string =>
      base
        ? `${formatQuantity(value(base), m.unit)} → ${formatQuantity(value(cand), m.unit)} (${relativeChange(value(base), value(cand))})`
        : `${formatQuantity(value(cand), m.unit)} (no baseline profile)`;
    const lines = [
      `${m.label} ${m.perRequest ? 'per request' : 'in the whole run'} on this call path: ${pair((v) => v[node] ?? 0)}`,
      `of which in the function itself: ${pair((v) => selfValue(tree.end, v, node))}`,
    ];
    const f = tree.fn[node]!;
    if (f < 0) return { title: 'all', location: 'every sampled stack', lines };
    const fn = tree.functions[f]!;
    const location = fn.file === '' ? '(native)' : fn.line > 0 ? `${fn.file}:${fn.line}` : fn.file;
    return { title: fn.name, location, lines: [...lines, ...data.look[f]!.summary] };
  }

  return { parents, ancestors, layout, rowsOf, hit, search, formatQuantity, relativeChange, selfValue, details };
}

export type FlameModel = ReturnType<typeof flameModel>;
export type FlameLayout = ReturnType<FlameModel['layout']>;

import type { Profile } from 'pprof-format';
import { requestsOf } from '../../profile/merge.js';
import { forEachStack } from '../../profile/stacks.js';

/** One side of one measure: a profile and the sample type to read from it. */
export interface FlameSource {
  readonly profile: Profile;
  /** Names the profile in errors. */
  readonly source: string;
  readonly sampleType: string;
}

/** What frame widths can show: CPU time, or allocated bytes when the profiles carry them. */
export interface FlameMeasureInput {
  readonly id: string;
  readonly label: string;
  readonly unit: FlameUnit;
  readonly candidate: FlameSource;
  readonly baseline: FlameSource | null;
}

export type FlameUnit = 'nanoseconds' | 'bytes';

export interface FlameMeasure {
  readonly id: string;
  readonly label: string;
  readonly unit: FlameUnit;
  /** False when a profile lacks perfgate's request count: values are then totals for the run. */
  readonly perRequest: boolean;
  /** False when the baseline has no profile of this kind (an older baseline): candidate only. */
  readonly hasBaseline: boolean;
}

export interface FlameFunction {
  readonly key: string;
  readonly name: string;
  readonly file: string;
  readonly line: number;
}

/**
 * Both sides' stacks merged into one call tree, keyed by function identity along the
 * path, stored as flat arrays in pre-order (node 0 is the root): compact as JSON, and a
 * subtree is the range [i, end[i]), so layout and search need no pointers.
 */
export interface FlameTree {
  readonly measures: readonly FlameMeasure[];
  readonly functions: readonly FlameFunction[];
  /** Index into `functions`; -1 for the root. */
  readonly fn: readonly number[];
  readonly depth: readonly number[];
  /** One past the node's last descendant. */
  readonly end: readonly number[];
  /** Inclusive value per request, `[measure][node]`. */
  readonly candidate: readonly (readonly number[])[];
  /** The same for the baseline; null for a measure the baseline has no profile of. */
  readonly baseline: readonly (readonly number[] | null)[];
  /** Subtrees left out because they are narrower than `belowShare` of the root on every side and measure. */
  readonly leftOut: { readonly subtrees: number; readonly belowShare: number };
}

/**
 * Frames narrower than this share of the whole, on both sides and in every measure, are left
 * out with everything below them: a hundredth of a pixel on a wide screen, invisible unless
 * zoomed 50-fold. Profiles of many distinct stacks otherwise make millions of such frames
 * (100 000 stacks: 78 MB of report.html, and most of `perfgate diff`'s memory). pprof's own
 * views drop far more: nodes under 0.5% by default (-nodefraction).
 */
export const MIN_FRAME_SHARE = 0.00005;

/**
 * The call tree while it is built, as flat arrays rather than an object, a Map and a
 * Float64Array per node: a profile of 100 000 distinct stacks makes millions of nodes, and
 * per-node objects cost more in allocation and garbage collection than the rest of
 * `perfgate diff` together. Node 0 is the root; a node's children form a linked list, and
 * an open-addressing table of node indices finds (parent, function) without allocating.
 */
class FlatTrie {
  fn = new Int32Array(1024);
  parent = new Int32Array(1024);
  firstChild = new Int32Array(1024).fill(-1);
  nextSibling = new Int32Array(1024).fill(-1);
  /** `[node * slots + measure * 2 + side]`, side 0 baseline, 1 candidate. */
  values: Float64Array;
  size = 1;
  /** Node indices by hash of (parent, function); -1 is empty. Kept at most half full. */
  private table = new Int32Array(2048).fill(-1);

  constructor(readonly slots: number) {
    this.values = new Float64Array(1024 * slots);
    this.fn[0] = -1;
    this.parent[0] = -1;
  }

  child(parent: number, fn: number): number {
    const mask = this.table.length - 1;
    let at = hash(parent, fn) & mask;
    for (let node = this.table[at]!; node >= 0; node = this.table[at]!) {
      if (this.parent[node] === parent && this.fn[node] === fn) return node;
      at = (at + 1) & mask;
    }
    if (this.size === this.fn.length) this.grow();
    const node = this.size++;
    this.fn[node] = fn;
    this.parent[node] = parent;
    this.nextSibling[node] = this.firstChild[parent]!;
    this.firstChild[parent] = node;
    if (this.size * 2 > this.table.length) this.rehash();
    else this.table[at] = node;
    return node;
  }

  children(node: number): number[] {
    const out: number[] = [];
    for (let c = this.firstChild[node]!; c >= 0; c = this.nextSibling[c]!) out.push(c);
    return out;
  }

  private grow(): void {
    const capacity = this.fn.length * 2;
    const ints = (old: Int32Array, fill: number) => {
      const next = new Int32Array(capacity).fill(fill, old.length);
      next.set(old);
      return next;
    };
    const values = new Float64Array(capacity * this.slots);
    values.set(this.values);
    this.values = values;
    this.fn = ints(this.fn, 0);
    this.parent = ints(this.parent, 0);
    this.firstChild = ints(this.firstChild, -1);
    this.nextSibling = ints(this.nextSibling, -1);
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = this.table.length - 1;
    for (let node = 1; node < this.size; node++) {
      let at = hash(this.parent[node]!, this.fn[node]!) & mask;
      while (this.table[at]! >= 0) at = (at + 1) & mask;
      this.table[at] = node;
    }
  }
}

/** Mixes a (parent, function) pair into 32 bits (multiplicative hashing, odd constants). */
function hash(parent: number, fn: number): number {
  return (Math.imul(parent, 0x9e3779b1) ^ Math.imul(fn + 1, 0x85ebca6b)) >>> 0;
}

// Six significant digits keep the embedded JSON small and are finer than any display.
const round = (value: number): number => (value === 0 ? 0 : Number(value.toPrecision(6)));

/**
 * Builds the differential call tree. Values are divided by each side's request count
 * (perfgate stores it in merged profiles), so the sides compare per request even when
 * their runs completed different numbers of requests. Children are ordered by name,
 * then file, so a function keeps its place when the width measure changes.
 */
export function buildFlameTree(measures: readonly FlameMeasureInput[]): FlameTree {
  const functions: FlameFunction[] = [];
  const functionIndex = new Map<string, number>();
  const slots = measures.length * 2;
  const trie = new FlatTrie(slots);

  const perRequest: boolean[] = [];
  measures.forEach((measure, m) => {
    const sides: Array<[FlameSource | null, number]> = [
      [measure.baseline, 0],
      [measure.candidate, 1],
    ];
    let bothCounted = true;
    for (const [side, slot] of sides) {
      if (!side) continue;
      const requests = requestsOf(side.profile);
      if (requests === undefined || requests <= 0) bothCounted = false;
      const divisor = requests !== undefined && requests > 0 ? requests : 1;
      const at = m * 2 + slot;
      forEachStack(side.profile, side.source, side.sampleType, (frames, value) => {
        const share = value / divisor;
        let node = 0;
        trie.values[at]! += share;
        for (const frame of frames) {
          let index = functionIndex.get(frame.key);
          if (index === undefined) {
            index = functions.length;
            functions.push({ key: frame.key, name: frame.name, file: frame.file, line: frame.line });
            functionIndex.set(frame.key, index);
          }
          node = trie.child(node, index);
          trie.values[node * slots + at]! += share;
        }
      });
    }
    perRequest.push(bothCounted);
  });

  const order = (a: number, b: number): number => {
    const fa = functions[trie.fn[a]!]!;
    const fb = functions[trie.fn[b]!]!;
    return fa.name < fb.name ? -1 : fa.name > fb.name ? 1 : fa.file < fb.file ? -1 : fa.file > fb.file ? 1 : 0;
  };
  const fn: number[] = [];
  const depth: number[] = [];
  const end: number[] = [];
  const candidate: number[][] = measures.map(() => []);
  const baseline: number[][] = measures.map(() => []);
  // Iterative pre-order: real stacks can be deeper than the JS call stack is comfortable with.
  const rootValues = Array.from({ length: slots }, (_, slot) => Math.abs(trie.values[slot]!));
  const visible = (node: number): boolean => {
    for (let slot = 0; slot < slots; slot++) {
      if (rootValues[slot]! > 0 && Math.abs(trie.values[node * slots + slot]!) >= MIN_FRAME_SHARE * rootValues[slot]!) return true;
    }
    return false;
  };
  let leftOut = 0;
  const pending: Array<{ node: number; depth: number } | { close: number }> = [{ node: 0, depth: 0 }];
  while (pending.length > 0) {
    const item = pending.pop()!;
    if ('close' in item) {
      end[item.close] = fn.length;
      continue;
    }
    const index = fn.length;
    fn.push(trie.fn[item.node]!);
    depth.push(item.depth);
    end.push(index + 1);
    for (let m = 0; m < measures.length; m++) {
      baseline[m]!.push(round(trie.values[item.node * slots + m * 2]!));
      candidate[m]!.push(round(trie.values[item.node * slots + m * 2 + 1]!));
    }
    pending.push({ close: index });
    const children = trie.children(item.node).filter((child) => visible(child) || (leftOut++, false)).sort(order);
    for (let i = children.length - 1; i >= 0; i--) pending.push({ node: children[i]!, depth: item.depth + 1 });
  }

  // Only the functions some kept frame shows, in the order they were first met.
  const kept = new Int32Array(functions.length).fill(-1);
  for (const f of fn) if (f >= 0) kept[f] = 0;
  const shown: FlameFunction[] = [];
  functions.forEach((f, i) => {
    if (kept[i] === 0) kept[i] = shown.push(f) - 1;
  });
  for (let i = 0; i < fn.length; i++) if (fn[i]! >= 0) fn[i] = kept[fn[i]!]!;
  return {
    measures: measures.map((m, i) => ({ id: m.id, label: m.label, unit: m.unit, perRequest: perRequest[i]!, hasBaseline: m.baseline !== null })),
    functions: shown,
    fn,
    depth,
    end,
    candidate,
    baseline: measures.map((m, i) => (m.baseline ? baseline[i]! : null)),
    leftOut: { subtrees: leftOut, belowShare: MIN_FRAME_SHARE },
  };
}

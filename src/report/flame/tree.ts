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
}

interface TrieNode {
  readonly fn: number;
  readonly children: Map<number, TrieNode>;
  /** `[measure * 2 + side]`, side 0 baseline, 1 candidate. */
  readonly values: Float64Array;
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
  const root: TrieNode = { fn: -1, children: new Map(), values: new Float64Array(measures.length * 2) };

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
      forEachStack(side.profile, side.source, side.sampleType, (frames, value) => {
        const share = value / divisor;
        let node = root;
        node.values[m * 2 + slot]! += share;
        for (const frame of frames) {
          let index = functionIndex.get(frame.key);
          if (index === undefined) {
            index = functions.length;
            functions.push({ key: frame.key, name: frame.name, file: frame.file, line: frame.line });
            functionIndex.set(frame.key, index);
          }
          let child = node.children.get(index);
          if (!child) {
            child = { fn: index, children: new Map(), values: new Float64Array(measures.length * 2) };
            node.children.set(index, child);
          }
          child.values[m * 2 + slot]! += share;
          node = child;
        }
      });
    }
    perRequest.push(bothCounted);
  });

  const order = (a: TrieNode, b: TrieNode): number => {
    const fa = functions[a.fn]!;
    const fb = functions[b.fn]!;
    return fa.name < fb.name ? -1 : fa.name > fb.name ? 1 : fa.file < fb.file ? -1 : fa.file > fb.file ? 1 : 0;
  };
  const fn: number[] = [];
  const depth: number[] = [];
  const end: number[] = [];
  const candidate: number[][] = measures.map(() => []);
  const baseline: number[][] = measures.map(() => []);
  // Iterative pre-order: real stacks can be deeper than the JS call stack is comfortable with.
  const pending: Array<{ node: TrieNode; depth: number } | { close: number }> = [{ node: root, depth: 0 }];
  while (pending.length > 0) {
    const item = pending.pop()!;
    if ('close' in item) {
      end[item.close] = fn.length;
      continue;
    }
    const index = fn.length;
    fn.push(item.node.fn);
    depth.push(item.depth);
    end.push(index + 1);
    measures.forEach((_, m) => {
      baseline[m]!.push(round(item.node.values[m * 2]!));
      candidate[m]!.push(round(item.node.values[m * 2 + 1]!));
    });
    pending.push({ close: index });
    const children = [...item.node.children.values()].sort(order);
    for (let i = children.length - 1; i >= 0; i--) pending.push({ node: children[i]!, depth: item.depth + 1 });
  }

  return {
    measures: measures.map((m, i) => ({ id: m.id, label: m.label, unit: m.unit, perRequest: perRequest[i]!, hasBaseline: m.baseline !== null })),
    functions,
    fn,
    depth,
    end,
    candidate,
    baseline: measures.map((m, i) => (m.baseline ? baseline[i]! : null)),
  };
}

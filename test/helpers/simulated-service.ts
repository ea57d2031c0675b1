import { gaussian } from '../../src/analysis/prng.js';
import type { FunctionCost, TrialMetrics } from '../../src/analysis/trial.js';

export { gaussian };

/**
 * A simulated service for the verdict's property suite: a call tree of 60 functions and a tail of 30 rare ones with
 * a known cost per request, measured the way perfgate measures a real one (docs/statistics.md):
 * each trial is one process, whose functions each run a few percent faster or slower than in
 * another process (JIT decisions, memory layout), sampled at 1 ms, so each function's sample
 * count is Poisson. Everything is seeded, so a rate measured here is a rate of this model.
 */
export interface SimFunction {
  readonly key: string;
  /** Index of the caller in the tree, -1 for the root. */
  readonly parent: number;
  /** Own CPU nanoseconds per request. */
  readonly selfNanos: number;
}

export type Tree = readonly SimFunction[];

const INTERVAL_NANOS = 1_000_000;
export const REQUESTS = 12_000;
/** Service CPU per request of the base tree, in nanoseconds. */
export const BASE_NANOS = 400_000;

const EXPRESS = 'express@4.18.2';

/** The base service: its functions' own shares of CPU (they sum to 1), by key and caller. */
export function baseTree(): Tree {
  const spec: Array<[key: string, parent: string | null, share: number]> = [
    ['app.js#handle', null, 0.01],
    [`${EXPRESS}/lib/router/index.js#handle`, 'app.js#handle', 0.01],
    [`${EXPRESS}/lib/router/index.js#next`, `${EXPRESS}/lib/router/index.js#handle`, 0.012],
    [`${EXPRESS}/lib/router/index.js#matchLayer`, `${EXPRESS}/lib/router/index.js#next`, 0.015],
    [`${EXPRESS}/lib/router/layer.js#match`, `${EXPRESS}/lib/router/index.js#matchLayer`, 0.01],
    [`${EXPRESS}/lib/router/layer.js#handle_request`, `${EXPRESS}/lib/router/index.js#next`, 0.008],
    ['src/products.js#listProducts', `${EXPRESS}/lib/router/layer.js#handle_request`, 0.02],
    [`${EXPRESS}/lib/response.js#send`, 'src/products.js#listProducts', 0.01],
    [`${EXPRESS}/lib/response.js#json`, 'src/products.js#listProducts', 0.008],
    // The large function of the 2× optimisation (40% of CPU) and its sibling at 10% (5×, +25%).
    ['src/render.js#renderPage', 'src/products.js#listProducts', 0.4],
    ['src/score.js#scoreProduct', 'src/products.js#listProducts', 0.1],
    // The function that deoptimises in the deopt case (6%).
    ['src/price.js#formatPrice', 'src/products.js#listProducts', 0.06],
    ['src/price.js#roundPrice', 'src/price.js#formatPrice', 0.01],
    ['(garbage collector)', null, 0.04],
    ['writev', null, 0.03],
    ['node:internal#(node internals)', 'app.js#handle', 0.03],
  ];
  // Forty smaller functions under the router and the handler, 0.3%–0.95% each: what every
  // real profile has in its long tail.
  const parents = ['src/products.js#listProducts', `${EXPRESS}/lib/router/index.js#next`, 'src/render.js#renderPage', 'app.js#handle'];
  const used = spec.reduce((a, [, , s]) => a + s, 0);
  const tail = Array.from({ length: 44 }, (_, i) => 0.003 + (i % 12) * 0.0006);
  const tailSum = tail.reduce((a, b) => a + b, 0);
  tail.forEach((weight, i) => {
    const parent = parents[i % parents.length]!;
    const file = parent.startsWith(EXPRESS) ? `${EXPRESS}/lib/util${i % 3}.js` : `src/lib${i % 5}.js`;
    spec.push([`${file}#helper${i}`, parent, (weight / tailSum) * (1 - used)]);
  });
  // And the longer tail every profile has, seen a few times a trial or less: 30 functions
  // sharing 0.3% of CPU (the smallest is what tells a sample's worth, as in a real profile).
  for (let i = 0; i < 30; i++) spec.push([`src/rare${i % 3}.js#rare${i}`, parents[i % parents.length]!, 0.0002 * (1 + (i % 3))]);
  const scale = 1 / spec.reduce((a, [, , s]) => a + s, 0);
  const index = new Map(spec.map(([key], i) => [key, i]));
  return spec.map(([key, parent, share]) => ({ key, parent: parent === null ? -1 : index.get(parent)!, selfNanos: share * scale * BASE_NANOS }));
}

/** The tree with one function's own cost multiplied by `factor`. */
export function scaled(tree: Tree, key: string, factor: number): Tree {
  if (!tree.some((f) => f.key === key)) throw new Error(`no function ${key}`);
  return tree.map((f) => (f.key === key ? { ...f, selfNanos: f.selfNanos * factor } : f));
}

/** The tree with a new function under `parent` costing `share` of the new total. */
export function withNew(tree: Tree, key: string, parent: string, share: number): Tree {
  const total = tree.reduce((a, f) => a + f.selfNanos, 0);
  return [...tree, { key, parent: tree.findIndex((f) => f.key === parent), selfNanos: (share / (1 - share)) * total }];
}

export function renamed(tree: Tree, from: string, to: string): Tree {
  return tree.map((f) => (f.key === from ? { ...f, key: to } : f));
}

/** Every key containing `from` rewritten with `to` (a package's version). */
export function rewritten(tree: Tree, from: string, to: string): Tree {
  return tree.map((f) => ({ ...f, key: f.key.split(from).join(to) }));
}

export function serviceNanos(tree: Tree): number {
  return tree.reduce((a, f) => a + f.selfNanos, 0);
}

export interface TrialOptions {
  /** Per-process, per-function relative jitter (log-normal sd). */
  readonly jitter?: number;
  /** Per-function drift: a factor per key applied to every trial of this side. */
  readonly drift?: ReadonlyMap<string, number>;
  /** The machine's speed for this trial (cancels in shares, not in CPU per request). */
  readonly machine?: number;
}

/** One trial (one process) of `tree`, in the shape compare() takes. */
export function simulateTrial(tree: Tree, random: () => number, options: TrialOptions = {}): TrialMetrics {
  const jitter = options.jitter ?? 0.04;
  const machine = options.machine ?? 1;
  const selfCounts = tree.map((f) => poisson((f.selfNanos * REQUESTS * machine * Math.exp(jitter * gaussian(random)) * (options.drift?.get(f.key) ?? 1)) / INTERVAL_NANOS, random));
  const totals = selfCounts.slice();
  // Children come after their parents in every tree built here, so one backward pass adds
  // each subtree into its root.
  for (let i = tree.length - 1; i >= 0; i--) {
    const parent = tree[i]!.parent;
    if (parent >= 0) totals[parent]! += totals[i]!;
  }
  const functions: Record<string, FunctionCost> = {};
  tree.forEach((f, i) => {
    if (totals[i] === 0) return;
    const at = f.key.lastIndexOf('#');
    const file = at < 0 ? '' : f.key.slice(0, at);
    const name = at < 0 ? f.key : f.key.slice(at + 1);
    functions[f.key] = { name, file, selfNanos: selfCounts[i]! * INTERVAL_NANOS, totalNanos: totals[i]! * INTERVAL_NANOS };
  });
  const sampled = selfCounts.reduce((a, b) => a + b, 0) * INTERVAL_NANOS;
  // The OS charges a little more than the profiler samples, with its own noise.
  const cpuMicrosPerRequest = (sampled / REQUESTS / 1000) * 1.1 * Math.exp(0.01 * gaussian(random));
  return {
    requests: REQUESTS,
    sampledCpuNanos: sampled,
    functions,
    service: { cpuMicrosPerRequest, throughputRps: 2000, latencyMs: { p50: 2, p95: 5, p99: 8 }, errors: 0, non2xx: 0, statusMismatches: 0, maxRssBytes: 1e8 },
  };
}

/** A side's per-function drift: log-normal factors with sd `sd`, one per key of `tree`. */
export function driftOf(tree: Tree, sd: number, random: () => number): Map<string, number> {
  return new Map(tree.map((f) => [f.key, Math.exp(sd * gaussian(random))]));
}


function poisson(lambda: number, random: () => number): number {
  if (lambda <= 0) return 0;
  if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(random)));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = random();
  while (p > limit) {
    k += 1;
    p *= random();
  }
  return k;
}

import { normalUpperTail } from './normal.js';

export interface MannWhitneyResult {
  /** U of the second sample (`y`): how often a y value beats an x value (ties count half). */
  readonly u: number;
  /** Two-sided p-value. */
  readonly p: number;
  /** One-sided p-value that `y` tends to be larger than `x` (the alternative a regression test asks about). */
  readonly pGreater: number;
  /** One-sided p-value that `y` tends to be smaller than `x`. */
  readonly pLess: number;
  readonly method: 'exact' | 'normal';
  /** The smallest two-sided p these sample sizes can ever give (with no ties); half of it one-sided. */
  readonly minimumP: number;
}

/** Pooled sizes up to this use the exact permutation distribution (with ties); larger, the normal approximation. */
const EXACT_LIMIT = 60;

/**
 * Two-sided Mann–Whitney U test. Exact: the null distribution of the rank sum is counted
 * over all C(n+m, m) ways to split the pooled mid-ranks, which handles ties exactly.
 */
export function mannWhitney(x: readonly number[], y: readonly number[]): MannWhitneyResult {
  const n = x.length;
  const m = y.length;
  if (n === 0 || m === 0) return { u: 0, p: 1, pGreater: 1, pLess: 1, method: 'exact', minimumP: 1 };
  const pooled = [...x.map((value) => ({ value, fromY: false })), ...y.map((value) => ({ value, fromY: true }))].sort((a, b) => a.value - b.value);
  // Doubled mid-ranks are integers, which lets the exact distribution be counted by sums.
  const doubledRanks: number[] = new Array(pooled.length);
  const tieSizes: number[] = [];
  for (let i = 0; i < pooled.length; ) {
    let j = i;
    while (j + 1 < pooled.length && pooled[j + 1]!.value === pooled[i]!.value) j++;
    const doubled = i + j + 2;
    for (let k = i; k <= j; k++) doubledRanks[k] = doubled;
    tieSizes.push(j - i + 1);
    i = j + 1;
  }
  let doubledRankSumY = 0;
  pooled.forEach((entry, index) => {
    if (entry.fromY) doubledRankSumY += doubledRanks[index]!;
  });
  const u = doubledRankSumY / 2 - (m * (m + 1)) / 2;
  const total = n + m;
  const minimumP = Math.min(1, 2 / binomial(total, m));
  if (total <= EXACT_LIMIT) {
    return { u, ...exactP(doubledRanks, m, doubledRankSumY), method: 'exact', minimumP };
  }
  const meanU = (n * m) / 2;
  const tieTerm = tieSizes.reduce((sum, t) => sum + (t * t * t - t), 0);
  const varianceU = ((n * m) / 12) * (total + 1 - tieTerm / (total * (total - 1)));
  if (varianceU <= 0) return { u, p: 1, pGreater: 1, pLess: 1, method: 'normal', minimumP };
  const sd = Math.sqrt(varianceU);
  const z = Math.max(0, Math.abs(u - meanU) - 0.5) / sd;
  return {
    u,
    p: Math.min(1, 2 * normalUpperTail(z)),
    pGreater: Math.min(1, normalUpperTail((u - meanU - 0.5) / sd)),
    pLess: Math.min(1, normalUpperTail((meanU - u - 0.5) / sd)),
    method: 'normal',
    minimumP,
  };
}

interface NullDistribution {
  readonly distribution: Float64Array;
  readonly count: number;
  readonly mean: number;
}

/**
 * The null distribution depends only on the sizes and the tie pattern, which a gate run
 * repeats for hundreds of functions (with no ties, every function of an 8-against-8 run
 * has the same one); computing it is most of the test's cost, so the last few are kept.
 */
const nullDistributions = new Map<string, NullDistribution>();
const KEPT_DISTRIBUTIONS = 64;

function exactP(doubledRanks: readonly number[], m: number, observed: number): { p: number; pGreater: number; pLess: number } {
  const key = `${m}:${doubledRanks.join(',')}`;
  let cached = nullDistributions.get(key);
  if (!cached) {
    cached = nullDistribution(doubledRanks, m);
    if (nullDistributions.size >= KEPT_DISTRIBUTIONS) nullDistributions.delete(nullDistributions.keys().next().value!);
    nullDistributions.set(key, cached);
  }
  const { distribution, count, mean } = cached;
  const distance = Math.abs(observed - mean);
  let extreme = 0;
  let atLeast = 0;
  let atMost = 0;
  for (let s = 0; s < distribution.length; s++) {
    const ways = distribution[s]!;
    if (Math.abs(s - mean) >= distance - 1e-9) extreme += ways;
    if (s >= observed - 1e-9) atLeast += ways;
    if (s <= observed + 1e-9) atMost += ways;
  }
  return { p: Math.min(1, extreme / count), pGreater: Math.min(1, atLeast / count), pLess: Math.min(1, atMost / count) };
}

function nullDistribution(doubledRanks: readonly number[], m: number): NullDistribution {
  const maxSum = doubledRanks.reduce((a, b) => a + b, 0);
  // ways[k][s]: subsets of size k whose doubled ranks sum to s.
  const ways: Float64Array[] = Array.from({ length: m + 1 }, () => new Float64Array(maxSum + 1));
  ways[0]![0] = 1;
  for (const rank of doubledRanks) {
    for (let k = m; k >= 1; k--) {
      const from = ways[k - 1]!;
      const to = ways[k]!;
      for (let s = maxSum; s >= rank; s--) to[s]! += from[s - rank]!;
    }
  }
  const distribution = ways[m]!;
  let count = 0;
  let mean = 0;
  for (let s = 0; s <= maxSum; s++) {
    count += distribution[s]!;
    mean += s * distribution[s]!;
  }
  mean /= count;
  return { distribution, count, mean };
}

export function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}

import { normalUpperTail } from './normal.js';

/**
 * Two-sided sign-flip (paired permutation) test of whether paired differences are
 * centred on zero: under the null every difference is as likely negative as positive,
 * so the statistic (their sum) is compared with all 2^n sign assignments. Exact up to
 * 20 pairs; beyond, the normal approximation of the same permutation distribution.
 */
export function signFlipTest(differences: readonly number[]): { p: number; minimumP: number; method: 'exact' | 'normal' } {
  const d = differences.filter((x) => x !== 0);
  const n = d.length;
  if (n === 0) return { p: 1, minimumP: 1, method: 'exact' };
  const observed = Math.abs(d.reduce((a, b) => a + b, 0));
  const minimumP = Math.min(1, 2 / 2 ** n);
  if (n <= 20) return { p: signedSumsReaching(d.map(Math.abs), observed - 1e-12) / 2 ** n, minimumP, method: 'exact' };
  const variance = d.reduce((a, x) => a + x * x, 0);
  return { p: Math.min(1, 2 * normalUpperTail(observed / Math.sqrt(variance))), minimumP, method: 'normal' };
}

/**
 * How many of the 2^n signed sums ±m₁ ± … ± mₙ reach `threshold` in absolute value. Meet in
 * the middle: every sum is one of the first half's 2^(n/2) sums plus one of the second's, so
 * sorting the second and searching it for each of the first costs about 2^(n/2)·n steps
 * rather than 2^n·n. At 20 pairs that is 20 thousand rather than 20 million: the exact test
 * runs for every paired metric of every comparison, and a merged or extended run has 20 pairs.
 */
export function signedSumsReaching(magnitudes: readonly number[], threshold: number): number {
  if (threshold <= 0) return 2 ** magnitudes.length;
  const half = magnitudes.length >> 1;
  const first = signedSums(magnitudes.slice(0, half));
  const second = signedSums(magnitudes.slice(half)).sort();
  let count = 0;
  // threshold > 0, so a sum at or above it and one at or below its negation are different sums.
  for (const a of first) count += second.length - countBelow(second, threshold - a, false) + countBelow(second, -threshold - a, true);
  return count;
}

/** Every sum ±m₁ ± … ± mₖ, 2^k of them (one, zero, for no magnitudes). */
function signedSums(magnitudes: readonly number[]): Float64Array {
  const sums = new Float64Array(2 ** magnitudes.length);
  let size = 1;
  for (const m of magnitudes) {
    for (let i = 0; i < size; i++) {
      sums[size + i] = sums[i]! - m;
      sums[i] = sums[i]! + m;
    }
    size *= 2;
  }
  return sums;
}

/**
 * How many values of ascending `sorted` lie below x (or, `orEqual`, at or below it): the index
 * of the first that does not.
 */
function countBelow(sorted: Float64Array, x: number, orEqual: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < x || (orEqual && sorted[mid] === x)) low = mid + 1;
    else high = mid;
  }
  return low;
}

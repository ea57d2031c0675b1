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
  if (n <= 20) {
    const magnitudes = d.map(Math.abs);
    let extreme = 0;
    const total = 2 ** n;
    for (let mask = 0; mask < total; mask++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += mask & (1 << i) ? -magnitudes[i]! : magnitudes[i]!;
      if (Math.abs(sum) >= observed - 1e-12) extreme++;
    }
    return { p: extreme / total, minimumP, method: 'exact' };
  }
  const variance = d.reduce((a, x) => a + x * x, 0);
  return { p: Math.min(1, 2 * normalUpperTail(observed / Math.sqrt(variance))), minimumP, method: 'normal' };
}

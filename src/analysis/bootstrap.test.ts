import { expect, it } from 'vitest';
import { median } from 'simple-statistics';
import { bootstrapMedianRatio } from './bootstrap.js';
import { seededRandom } from './prng.js';

const options = () => ({ resamples: 2000, confidence: 0.95, random: seededRandom(7) });

it('is deterministic for a seed and brackets the true ratio', () => {
  const base = [10, 11, 9, 10.5, 9.5, 10.2, 9.8, 10.1];
  const cand = base.map((v) => v * 2);
  const a = bootstrapMedianRatio(base, cand, options());
  const b = bootstrapMedianRatio(base, cand, options());
  expect(a).toEqual(b);
  expect(a.low).toBeLessThanOrEqual(2);
  expect(a.high).toBeGreaterThanOrEqual(2);
  expect(a.low).toBeGreaterThan(1.7);
});

it('gives a point interval for identical constant samples', () => {
  expect(bootstrapMedianRatio([3, 3, 3], [3, 3, 3], options())).toEqual({ low: 1, high: 1 });
});

it('is unbounded when the baseline is zero', () => {
  expect(bootstrapMedianRatio([0, 0, 0], [1, 2, 3], options()).high).toBe(Number.POSITIVE_INFINITY);
});

/** The definition: resample by index, take simple-statistics' median of each side. */
function sortingReference(x: readonly number[], y: readonly number[], resamples: number, random: () => number): { low: number; high: number } {
  if (x.every((v) => v === 0) && y.every((v) => v === 0)) return { low: 1, high: 1 };
  const ratios: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const xs = x.map(() => x[Math.floor(random() * x.length)]!);
    const ys = y.map(() => y[Math.floor(random() * y.length)]!);
    const base = median(xs);
    if (base > 0) ratios.push(median(ys) / base);
    else if (median(ys) > 0) ratios.push(Number.POSITIVE_INFINITY);
  }
  if (ratios.length < resamples / 2) return { low: 0, high: Number.POSITIVE_INFINITY };
  ratios.sort((a, b) => a - b);
  const at = (q: number) => ratios[Math.min(ratios.length - 1, Math.max(0, Math.floor(q * ratios.length)))]!;
  return { low: at(0.025), high: at(0.975) };
}

it('gives exactly the interval that sorting every resample gives (odd and even sizes, ties, zeros)', () => {
  const values = seededRandom(11);
  for (const [n, m] of [[1, 1], [2, 3], [5, 5], [8, 8], [7, 12], [20, 20]] as const) {
    for (const withTies of [false, true]) {
      // With ties, a quarter of the values are 0: medians of 0 and infinite ratios occur.
      const draw = () => (withTies ? Math.floor(values() * 4) / 100 : values());
      const x = Array.from({ length: n }, draw);
      const y = Array.from({ length: m }, draw);
      const ours = bootstrapMedianRatio(x, y, { resamples: 500, confidence: 0.95, random: seededRandom(n * 31 + m) });
      expect(ours).toEqual(sortingReference(x, y, 500, seededRandom(n * 31 + m)));
    }
  }
});

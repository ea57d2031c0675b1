import { expect, it } from 'vitest';
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

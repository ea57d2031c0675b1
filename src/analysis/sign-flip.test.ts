import { expect, it } from 'vitest';
import { signFlipTest } from './sign-flip.js';

it('gives 2 / 2^n when every difference has the same sign', () => {
  expect(signFlipTest([1, 2, 3, 4, 5, 6, 7, 8]).p).toBeCloseTo(2 / 256, 12);
  expect(signFlipTest([-1, -2, -3]).p).toBeCloseTo(2 / 8, 12);
});

it('counts assignments at least as extreme (hand-computed: [1, 2, -3] sums to 0 → p = 1)', () => {
  expect(signFlipTest([1, 2, -3]).p).toBe(1);
  // [3, 1, 1]: sums of ±3±1±1 with |sum| >= 5 are 5 and -5 only → 2/8.
  expect(signFlipTest([3, 1, 1]).p).toBeCloseTo(2 / 8, 12);
  // [3, 1, -1]: |sum| >= 3: {5, 3, 3, -3, -3, -5} → 6/8.
  expect(signFlipTest([3, 1, -1]).p).toBeCloseTo(6 / 8, 12);
});

it('returns p = 1 for identical samples (all differences zero)', () => {
  expect(signFlipTest([0, 0, 0]).p).toBe(1);
});

it('falls back to the normal approximation beyond 20 pairs', () => {
  const result = signFlipTest(Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? -1 : 1)));
  expect(result.method).toBe('normal');
  expect(result.p).toBeGreaterThan(0.01);
  expect(result.p).toBeLessThan(0.2);
});

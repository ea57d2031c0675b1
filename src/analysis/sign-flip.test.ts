import { expect, it } from 'vitest';
import { signFlipTest } from './sign-flip.js';
import { seededRandom } from './prng.js';

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

it('counts exactly as enumerating every one of the 2^n assignments does, ties included', () => {
  // The reference: every sign assignment summed in turn, as the test was first written.
  const enumerated = (d: number[]) => {
    const observed = Math.abs(d.reduce((a, b) => a + b, 0));
    let extreme = 0;
    for (let mask = 0; mask < 2 ** d.length; mask++) {
      let sum = 0;
      for (let i = 0; i < d.length; i++) sum += mask & (1 << i) ? -Math.abs(d[i]!) : Math.abs(d[i]!);
      if (Math.abs(sum) >= observed - 1e-12) extreme++;
    }
    return extreme / 2 ** d.length;
  };
  const random = seededRandom(11);
  for (let c = 0; c < 300; c++) {
    const n = 1 + (c % 16);
    // Small integers make many sums tie with the observed one exactly; log ratios tie rarely.
    const d = Array.from({ length: n }, () => (c % 2 === 0 ? Math.round(random() * 8) - 4 || 1 : Math.log(0.8 + 0.4 * random())));
    expect(signFlipTest(d).p, JSON.stringify(d)).toBeCloseTo(enumerated(d), 12);
  }
});

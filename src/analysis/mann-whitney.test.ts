import { describe, expect, it } from 'vitest';
import { binomial, mannWhitney } from './mann-whitney.js';

describe('mannWhitney', () => {
  it('gives the exact two-sided p for fully separated samples (R: wilcox.test(1:3, 4:6) → 0.1)', () => {
    const result = mannWhitney([1, 2, 3], [4, 5, 6]);
    expect(result.method).toBe('exact');
    expect(result.u).toBe(9);
    expect(result.p).toBeCloseTo(0.1, 12);
    expect(result.minimumP).toBeCloseTo(0.1, 12);
  });

  it('reaches 2/252 with five trials a side and 2/12870 with eight', () => {
    expect(mannWhitney([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]).p).toBeCloseTo(2 / 252, 12);
    const eight = mannWhitney([1, 2, 3, 4, 5, 6, 7, 8], [9, 10, 11, 12, 13, 14, 15, 16]);
    expect(eight.p).toBeCloseTo(2 / 12870, 12);
    expect(eight.minimumP).toBeCloseTo(2 / 12870, 12);
  });

  it('is symmetric in direction', () => {
    expect(mannWhitney([6, 7, 8], [1, 2, 3]).p).toBeCloseTo(mannWhitney([1, 2, 3], [6, 7, 8]).p, 12);
    expect(mannWhitney([6, 7, 8], [1, 2, 3]).u).toBe(0);
  });

  it('counts ties exactly with mid-ranks (hand-computed: 4 of 6 splits as extreme)', () => {
    // Pooled 1,2,2,3 → mid-ranks 1, 2.5, 2.5, 4; y holds a 2 and the 3.
    const result = mannWhitney([1, 2], [2, 3]);
    expect(result.u).toBe(3.5);
    expect(result.p).toBeCloseTo(4 / 6, 12);
  });

  it('gives p = 1 for identical samples and for n = 2 per side it cannot go below 1/3', () => {
    expect(mannWhitney([5, 5, 5], [5, 5, 5]).p).toBe(1);
    const two = mannWhitney([1, 2], [3, 4]);
    expect(two.p).toBeCloseTo(2 / 6, 12);
    expect(two.minimumP).toBeCloseTo(1 / 3, 12);
  });

  it('matches a published table value (n = m = 4, U = 1: two-sided p = 2 × 2/70)', () => {
    // One inversion: x = [1,2,3,5], y = [4,6,7,8] → U for x is 1; P(U <= 1) = 2/70.
    expect(mannWhitney([1, 2, 3, 5], [4, 6, 7, 8]).p).toBeCloseTo(4 / 70, 12);
  });

  it('uses a tie-corrected normal approximation for large samples', () => {
    const x = Array.from({ length: 40 }, (_, i) => i);
    const y = Array.from({ length: 40 }, (_, i) => i + 10);
    const result = mannWhitney(x, y);
    expect(result.method).toBe('normal');
    expect(result.p).toBeGreaterThan(0.0001);
    expect(result.p).toBeLessThan(0.05);
  });

  it('handles empty samples without NaN', () => {
    expect(mannWhitney([], [1]).p).toBe(1);
  });

  it('gives the same p in any order of calls: a kept null distribution serves only the same sizes and ties', () => {
    const cases: Array<[number[], number[]]> = [
      [[1, 2, 3, 4, 5, 6, 7, 8], [2.5, 9, 10, 11, 12, 13, 14, 15]],
      [[1, 2, 2, 4, 5, 6, 7, 8], [2, 9, 10, 10, 12, 13, 14, 15]],
      [[1, 2, 3, 4, 5, 6, 7], [2.5, 9, 10, 11, 12, 13, 14, 15, 16]],
      [[0, 0, 0, 1], [0, 0, 2, 3]],
      [[0, 0, 1, 1], [0, 0, 2, 3]],
    ];
    const forward = cases.map(([x, y]) => mannWhitney(x, y).p);
    const backward = [...cases].reverse().map(([x, y]) => mannWhitney(x, y).p).reverse();
    expect(backward).toEqual(forward);
    expect(new Set(forward).size).toBe(cases.length);
  });

  it('computes binomial coefficients', () => {
    expect(binomial(16, 8)).toBe(12870);
    expect(binomial(10, 5)).toBe(252);
  });
});

describe('one-sided tails', () => {
  it('halve the two-sided p for a clear direction, and point the right way', () => {
    const up = mannWhitney([1, 2, 3, 4, 5, 6, 7, 8], [9, 10, 11, 12, 13, 14, 15, 16]);
    expect(up.pGreater).toBeCloseTo(1 / 12870, 12);
    expect(up.pLess).toBe(1);
    const down = mannWhitney([9, 10, 11, 12], [1, 2, 3, 4]);
    expect(down.pLess).toBeCloseTo(1 / 70, 12);
    expect(down.pGreater).toBe(1);
  });

  it('count ties exactly (pooled 1,2,2,3: P(rank sum of y >= 13 doubled) = 2/6)', () => {
    const result = mannWhitney([1, 2], [2, 3]);
    expect(result.pGreater).toBeCloseTo(2 / 6, 12);
    expect(result.pLess).toBeCloseTo(6 / 6, 12);
  });

  it('one inversion in 8 against 8 gives P(U <= 1) = 2/12870', () => {
    expect(mannWhitney([1, 2, 3, 4, 5, 6, 7, 9], [8, 10, 11, 12, 13, 14, 15, 16]).pGreater).toBeCloseTo(2 / 12870, 12);
  });
});

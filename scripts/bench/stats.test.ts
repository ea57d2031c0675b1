import { describe, expect, it } from 'vitest';
import { logLogSlope, lowerBound95, quantile, spread, upperBound95, wilson } from './stats.js';

describe('bench statistics', () => {
  it('interpolates quantiles as numpy does (type 7)', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(spread([3, 1, 2])).toEqual({ median: 2, q1: 1.5, q3: 2.5, min: 1, max: 3, n: 3 });
  });

  it('reads growth as the slope of log time over log size', () => {
    expect(logLogSlope([{ x: 10, y: 3 }, { x: 100, y: 30 }, { x: 1000, y: 300 }])).toBeCloseTo(1, 10);
    expect(logLogSlope([{ x: 10, y: 1 }, { x: 100, y: 100 }])).toBeCloseTo(2, 10);
  });

  it('gives honest bounds for small counts', () => {
    const none = wilson(0, 20);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.161, 3);
  });
});

describe('upperBound95', () => {
  it('is the one-sided 95% Clopper–Pearson bound the rates on the verdicts page quote', () => {
    // 0 failures in 40 runs: 1 − 0.05^(1/40) ≈ 7.2%; 1 in 20: ≈ 21.6% (the figures the issues cite).
    expect(upperBound95(0, 40)).toBeCloseTo(1 - 0.05 ** (1 / 40), 4);
    expect(upperBound95(1, 20)).toBeCloseTo(0.2161, 3);
    expect(upperBound95(5, 5)).toBe(1);
  });
});

describe('lowerBound95', () => {
  it('mirrors the upper bound: k caught of n supports at least 1 − upperBound95(n − k, n)', () => {
    // 10 of 10: 0.05^(1/10) ≈ 74.1%; 0 of n: nothing.
    expect(lowerBound95(10, 10)).toBeCloseTo(0.05 ** (1 / 10), 4);
    expect(lowerBound95(9, 10)).toBeCloseTo(1 - upperBound95(1, 10), 10);
    expect(lowerBound95(0, 10)).toBe(0);
  });
});

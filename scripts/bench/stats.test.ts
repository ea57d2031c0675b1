import { describe, expect, it } from 'vitest';
import { logLogSlope, quantile, spread, wilson } from './stats.js';

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

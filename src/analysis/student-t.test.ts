import { describe, expect, it } from 'vitest';
import { tQuantile, tUpperTail } from './student-t.js';

describe('Student t', () => {
  it('matches published quantiles', () => {
    // Two-sided 95% critical values from any t table.
    expect(tQuantile(0.025, 9)).toBeCloseTo(2.262, 3);
    expect(tQuantile(0.025, 18)).toBeCloseTo(2.101, 3);
    expect(tQuantile(0.05, 1)).toBeCloseTo(6.314, 3);
    expect(tQuantile(0.025, 1e6)).toBeCloseTo(1.96, 3);
  });

  it('gives tails that sum to one and halve at zero', () => {
    expect(tUpperTail(0, 5)).toBeCloseTo(0.5, 12);
    expect(tUpperTail(2, 7) + tUpperTail(-2, 7)).toBeCloseTo(1, 12);
    // P(T9 >= 4.297) = 0.001 (table value).
    expect(tUpperTail(4.297, 9)).toBeCloseTo(0.001, 5);
  });
});

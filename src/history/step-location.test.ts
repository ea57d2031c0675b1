import { describe, expect, it } from 'vitest';
import { seededRandom } from '../analysis/prng.js';
import { stepLocation } from './step-location.js';

describe('stepLocation', () => {
  it('places a clear step exactly', () => {
    const y = [1, 1.1, 0.9, 1, 1.05, 0.95, 2, 2.1, 1.9, 2, 2.05, 1.95];
    expect(stepLocation(y, 2)).toBe(6);
  });

  it('is not dragged by one slow run, as least squares on the raw values is', () => {
    const random = seededRandom(7);
    const y = Array.from({ length: 40 }, (_, i) => (i >= 20 ? 1 : 0) + 0.1 * (random() - 0.5));
    y[5] = 50; // one run on a busy machine, far before the step
    expect(stepLocation(y, 4)).toBe(20);
  });

  it('keeps minSegment values on each side, and gives up on a segment too short', () => {
    // The step is at 1, where no split may be.
    const at = stepLocation([0, 5, 5, 5, 5, 5, 5, 5, 5], 3)!;
    expect(at).toBeGreaterThanOrEqual(3);
    expect(at).toBeLessThanOrEqual(6);
    expect(stepLocation([0, 1, 2, 3, 4], 3)).toBeNull();
  });
});

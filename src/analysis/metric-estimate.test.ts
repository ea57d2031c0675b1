import { describe, expect, it } from 'vitest';
import { NO_DRIFT } from './drift-variance.js';
import { pairedEstimate, unpairedEstimate } from './metric-estimate.js';
import { testMetric } from './metric-test.js';

// One profiler sample is worth 1 here (offset, half a sample, 0.5): values are sample counts.
const ONE_SAMPLE = 0.5;

describe('a metric whose trials agree exactly', () => {
  it('is not a certainty: two pairs of a function seen once, then three times, are counting noise', () => {
    // Seen before as p = 0: identical log ratios in every pair gave a standard error of zero.
    const test = testMetric({ baseline: [1, 1], candidate: [3, 3] }, 'both', 'paired', ONE_SAMPLE, NO_DRIFT);
    expect(test.pUp).toBeGreaterThan(0.05);
    expect(test.measured.ci.low).toBeLessThan(1);
    expect(pairedEstimate([1, 1], [3, 3], ONE_SAMPLE).se).toBeGreaterThan(0.5);
    expect(unpairedEstimate([1, 1], [3, 3], ONE_SAMPLE).se).toBeGreaterThan(0.5);
  });

  it('keeps the trials’ own spread when they have one, and many samples are near-certain', () => {
    // The delta method's residuals cᵢ − r·bᵢ, r the ratio of the means: about the spread of the pairs' log ratios.
    const r = (200.5 + 230.5) / (100.5 + 110.5);
    const residuals = [200.5 - r * 100.5, 230.5 - r * 110.5];
    expect(pairedEstimate([100, 110], [200, 230], ONE_SAMPLE).se).toBeCloseTo(Math.sqrt((residuals[0]! ** 2 + residuals[1]! ** 2) / 2) / ((200.5 + 230.5) / 2), 6);
    expect(pairedEstimate([100, 110], [200, 230], ONE_SAMPLE).se).toBeCloseTo(Math.abs(Math.log(230.5 / 110.5) - Math.log(200.5 / 100.5)) / 2, 3);
    const many = testMetric({ baseline: [10_000, 10_000, 10_000], candidate: [20_000, 20_000, 20_000] }, 'both', 'paired', ONE_SAMPLE, NO_DRIFT);
    expect(many.pUp).toBeLessThan(1e-4);
  });
});

describe('a function found on one side only, in trials that agree exactly', () => {
  it('is not certain to be there: seen once in each of two trials is counting noise', async () => {
    const { presenceTest } = await import('./presence-test.js');
    // Seen before as p = 0 with a zero-width interval ("new (7.41% … 7.41%)").
    const once = presenceTest([1, 1], ONE_SAMPLE);
    expect(once.p).toBeGreaterThan(0.05);
    expect(once.ci.low).toBeLessThan(1);
    expect(presenceTest([1000, 1000, 1000], ONE_SAMPLE).p).toBeLessThan(1e-3);
  });
});

describe('a cost that rose in some processes only (a deoptimisation)', () => {
  it('is judged by what the service pays, the mean over processes, pair by pair', () => {
    // A function at 600 samples a trial, 6× in every other candidate process: 3.5× on the whole.
    const baseline = [600, 610, 590, 605, 595, 600, 612, 588, 603, 597];
    const candidate = baseline.map((b, i) => (i % 2 === 0 ? 6 * b : b));
    const estimate = pairedEstimate(baseline, candidate, ONE_SAMPLE);
    expect(Math.exp(estimate.effect)).toBeCloseTo(3.5, 1);
    // The mean of the pairs' log ratios would say √6 ≈ 2.45.
    expect(Math.exp(estimate.effect)).toBeGreaterThan(3);
    const test = testMetric({ baseline, candidate }, 'both', 'paired', ONE_SAMPLE, NO_DRIFT);
    expect(test.pUp).toBeLessThan(1e-3);
  });

  it('cancels a machine that moves every pair alike', () => {
    const machine = [1, 1.3, 0.8, 1.1, 0.9];
    const estimate = pairedEstimate(machine.map((m) => 1000 * m), machine.map((m) => 1200 * m), ONE_SAMPLE);
    expect(Math.exp(estimate.effect)).toBeCloseTo(1.2, 3);
    expect(estimate.se).toBeLessThan(1e-3);
  });
});

import { describe, expect, it } from 'vitest';
import { minimumDetectableChange } from './minimum-detectable-change.js';

// Evenly spaced normal quantiles: a sample whose spread is exactly the σ asked for, with no luck in it.
function normalSample(n: number, sigma: number, level = 100): number[] {
  const quantile = (p: number) => {
    // Acklam's rational approximation is overkill; the probit by bisection on erf is enough here.
    let lo = -10;
    let hi = 10;
    for (let i = 0; i < 80; i++) {
      const mid = (lo + hi) / 2;
      if (0.5 * (1 + erf(mid / Math.SQRT2)) < p) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  return Array.from({ length: n }, (_, i) => level * Math.exp(sigma * quantile((i + 0.5) / n)));
}

function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

describe('minimumDetectableChange', () => {
  it('matches the textbook power calculation for 10 against 10 trials at 3% noise', () => {
    // Two-sample z: (z_0.95 + z_0.80) · σ · √(2/n) = 2.487 · 0.03 · 0.447 = 3.3%; Mann–Whitney
    // has 95.5% of the t-test's efficiency on normal data, so slightly more.
    const mdc = minimumDetectableChange({ kind: 'independent', baseline: normalSample(10, 0.03), candidate: normalSample(10, 0.03, 103) }, { alpha: 0.05, seed: 1 });
    expect(mdc.test).toBe('mann-whitney');
    expect(mdc.noise).toBeGreaterThan(0.025);
    expect(mdc.noise).toBeLessThan(0.035);
    expect(mdc.relative).toBeGreaterThan(0.028);
    expect(mdc.relative).toBeLessThan(0.045);
  });

  it('grows with the noise and shrinks with more trials', () => {
    const at = (n: number, sigma: number) =>
      minimumDetectableChange({ kind: 'independent', baseline: normalSample(n, sigma), candidate: normalSample(n, sigma) }, { alpha: 0.05, seed: 2 }).relative;
    expect(at(8, 0.06)).toBeGreaterThan(1.6 * at(8, 0.03));
    expect(at(16, 0.03)).toBeLessThan(at(8, 0.03));
  });

  it('is Infinity when the test can never reach alpha (2 against 2 trials: the smallest one-sided p is 1/6)', () => {
    const mdc = minimumDetectableChange({ kind: 'independent', baseline: [100, 101], candidate: [100, 99] }, { alpha: 0.05, seed: 3 });
    expect(mdc.relative).toBe(Number.POSITIVE_INFINITY);
  });

  it('agrees with the exact test at its boundary: 3 against 3 trials reach p = 1/20 = 0.05 and no lower', () => {
    const samples = { kind: 'independent' as const, baseline: [100, 102, 98], candidate: [101, 99, 100] };
    expect(minimumDetectableChange(samples, { alpha: 0.05, seed: 5 }).relative).toBeLessThan(1);
    expect(minimumDetectableChange(samples, { alpha: 0.049, seed: 5 }).relative).toBe(Number.POSITIVE_INFINITY);
  });

  it('uses the sign-flip test for interleaved pairs', () => {
    const ratios = normalSample(8, 0.02, 1);
    const mdc = minimumDetectableChange({ kind: 'paired', ratios }, { alpha: 0.05, seed: 4 });
    expect(mdc.test).toBe('sign-flip');
    expect(mdc.relative).toBeGreaterThan(0.01);
    expect(mdc.relative).toBeLessThan(0.06);
    // Five pairs: the smallest two-sided p is 2/32 > 0.05.
    expect(minimumDetectableChange({ kind: 'paired', ratios: ratios.slice(0, 5) }, { alpha: 0.05, seed: 4 }).relative).toBe(Number.POSITIVE_INFINITY);
  });

  it('is the same for the same seed', () => {
    const samples = { kind: 'independent' as const, baseline: [10, 11, 10.4, 9.7, 10.2], candidate: [10.3, 10.1, 9.9, 10.8, 10.5] };
    expect(minimumDetectableChange(samples, { alpha: 0.05, seed: 9 })).toEqual(minimumDetectableChange(samples, { alpha: 0.05, seed: 9 }));
  });
});

import { describe, expect, it } from 'vitest';
import { driftSd, MIN_METRICS_FOR_DRIFT, NO_DRIFT } from './drift-variance.js';

const alternating = (n: number, size: number, se: number) => Array.from({ length: n }, (_, i) => ({ effect: (i % 2 === 0 ? 1 : -1) * size, se }));
/** n effects spread like draws of a normal of sd `se` (logistic quantiles of the same sd), each with standard error `se`. */
const spread = (n: number, se: number) => Array.from({ length: n }, (_, i) => ({ effect: se * (Math.sqrt(3) / Math.PI) * Math.log((i + 0.5) / (n - i - 0.5)), se }));

describe('driftSd', () => {
  it('adds nothing with too few metrics to tell', () => {
    expect(driftSd(alternating(MIN_METRICS_FOR_DRIFT - 1, 0.2, 0.01), 0)).toEqual(NO_DRIFT);
  });

  it('listens to the large functions, which can see a drift of a few percent, more than to the small ones', () => {
    // Eight large functions (se 2%) within 0.6% of the centre: no drift to speak of. Fifty
    // small ones (se 10%) at 1.25 standard errors each, a little above their χ² expectation
    // by chance. Σ z² gave every function the same say and read that chance as a drift of
    // about 10%; the likelihood knows the small ones cannot tell 0 from 5% and the large ones can.
    const tau = driftSd([...alternating(50, 0.125, 0.1), ...alternating(8, 0.006, 0.02)], 0).sd;
    expect(tau).toBeLessThan(0.03);
  });

  it('bounds a 5% drift that only the large functions show', () => {
    // Fifty small functions whose effects are just their noise (se 10%), eight large ones
    // (se 2%) each 5.5% off: the drift is what the large ones show beyond their noise.
    const large = alternating(8, 0.055, 0.02);
    expect(driftSd([...spread(50, 0.1), ...large], 0).sd).toBeGreaterThanOrEqual(0.05);
  });

  it('sets aside a group of functions that moved the same way', () => {
    // Forty functions with no drift, and twelve precise ones 25% up: a broad change, not noise.
    const unchanged = alternating(40, 0.08, 0.1);
    const moved = Array.from({ length: 12 }, () => ({ effect: Math.log(1.25), se: 0.03 }));
    expect(driftSd([...unchanged, ...moved], 0).sd).toBeLessThan(0.05);
  });
});

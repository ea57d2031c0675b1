import { median } from 'simple-statistics';

/** Fewer usable metrics than this say too little about their spread: no drift is added. */
export const MIN_METRICS_FOR_DRIFT = 12;

export interface Drift {
  /** τ: the drift's standard deviation on the log scale (0: none beyond the trials' noise). */
  readonly sd: number;
  /** Degrees of freedom of τ (infinite: τ is an upper bound, its uncertainty already in it). */
  readonly df: number;
}

export const NO_DRIFT: Drift = { sd: 0, df: Number.POSITIVE_INFINITY };

/**
 * How far the two sides' functions differ beyond their trials' own noise, as a standard
 * deviation τ on the log scale, added to every interval as a variance (se′ = √(se² + τ²)).
 *
 * A stored baseline was measured at another time than the candidate, and a shared machine
 * moves each function's cost by its own few percent between sessions (its caches, its
 * neighbours, the kernel's side of a write), which no number of trials averages out. That
 * drift is the same size for a large function as for a small one, so it adds to the
 * variance rather than multiplying the standard error (a multiplier under-widens the large
 * functions, whose trials agree closely, and those are the ones that can fail).
 *
 * Estimated from the functions that did not move, around `centre` (where the unchanged
 * functions are: 0 once shares are recentred by the common factor). A robust first pass
 * (τ that makes the median |z| = |effect − centre| / √(se² + τ²) the normal's 0.6745), then the metrics
 * beyond 2.5 of those z are set aside, so that many functions moving the same way (a broad
 * regression) are not read as noise, and τ is solved again from the rest by their sum of z²
 * (0.9113 is E[Z² | |Z| ≤ 2.5]), as the upper end of its one-sided 90% interval. Pass self metrics only: a caller's total averages its callees' drift, and
 * a leaf's total is its self, which must not count twice.
 */
export function driftSd(estimates: ReadonlyArray<{ readonly effect: number; readonly se: number }>, centre: number): Drift {
  const finite = estimates.filter((e) => Number.isFinite(e.effect) && Number.isFinite(e.se));
  if (finite.length < MIN_METRICS_FOR_DRIFT) return NO_DRIFT;
  const usable = finite;
  const z = (e: { effect: number; se: number }, tau: number) => Math.abs(e.effect - centre) / Math.sqrt(e.se ** 2 + tau ** 2 || Number.MIN_VALUE);
  const first = solve((tau) => median(usable.map((e) => z(e, tau))), HALF_NORMAL_MEDIAN);
  const kept = usable.filter((e) => z(e, first) <= TRIM);
  if (kept.length < MIN_METRICS_FOR_DRIFT) return { sd: first, df: Number.POSITIVE_INFINITY };
  // Q-profile (Viechtbauer 2007): the largest τ the kept metrics do not rule out, one-sided
  // 90%: Σ z² is χ² with one degree of freedom per metric at the true τ (scaled by the trim),
  // so τ is where Σ z² falls to that χ²'s 10% quantile (docs/statistics.md weighs 80%, 90%
  // and 95% in simulation: false failures under drift against power to find +25%). Only a few large functions see a drift
  // of a few percent through their trials' noise; the bound says how little they show.
  const sd = solve((tau) => kept.reduce((a, e) => a + z(e, tau) ** 2, 0), TRIMMED_MEAN_SQUARE * chiSquareLowerQuantile(kept.length));
  return { sd, df: Number.POSITIVE_INFINITY };
}

/** The 10% quantile of χ² with k degrees of freedom (Wilson–Hilferty). */
function chiSquareLowerQuantile(k: number): number {
  const a = 2 / (9 * k);
  return k * Math.max(0, 1 - a - Z_90 * Math.sqrt(a)) ** 3;
}

/** The τ ≥ 0 at which `statistic` (falling in τ) meets `target`; 0 when it is already below. */
function solve(statistic: (tau: number) => number, target: number): number {
  if (statistic(0) <= target) return 0;
  let low = 0;
  let high = 1;
  while (statistic(high) > target && high < 64) high *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (statistic(mid) > target) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

const TRIM = 2.5;
/** Φ⁻¹(0.9): τ is the upper end of its one-sided 90% interval. */
const Z_90 = 1.2815515655446004;
/** Φ⁻¹(3/4): the median of |Z| for a standard normal Z. */
const HALF_NORMAL_MEDIAN = 0.6744897501960817;
/** E[Z² | |Z| ≤ 2.5] = 1 − 2·2.5·φ(2.5) / P(|Z| ≤ 2.5). */
const TRIMMED_MEAN_SQUARE = 1 - (2 * 2.5 * Math.exp(-(2.5 ** 2) / 2)) / Math.sqrt(2 * Math.PI) / 0.9875806693484477;

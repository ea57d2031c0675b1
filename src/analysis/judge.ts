import type { MetricComparison, Outcome } from './findings.js';

/** One-sided p-values of a test and their false-discovery-adjusted q-values. */
export interface Tails {
  readonly pUp: number;
  readonly pDown: number;
  readonly qUp: number;
  readonly qDown: number;
}
export const UNTESTED: Tails = { pUp: 1, pDown: 1, qUp: 1, qDown: 1 };

/** A metric measured on both sides, or on one (`presence`: then `costCi` is its value's interval on the other), before it is judged. */
export type Measured = Pick<MetricComparison, 'baseline' | 'candidate' | 'baselineMedian' | 'candidateMedian' | 'ratio' | 'ci' | 'costCi' | 'driftSd'> & {
  readonly presence: 'both' | 'added' | 'gone';
};

export interface Floors {
  readonly alpha: number;
  /** Relative floor: a ratio within 1 ± this never counts. */
  readonly minEffect: number;
  /** Absolute floor, in the metric's own unit (0 for service metrics). */
  readonly absolute: number;
  /**
   * The function's (or package's) weight in the screen for leaning: its share of the whole (of
   * the baseline's busy CPU or of its allocated bytes) times leaning.ts `LEANING_BUDGET`, at most
   * 1. A lean towards a regression needs p <= alpha × this (a weighted Bonferroni screen), so
   * that how often unchanged code leans does not grow with its number of functions, and a large
   * function leans sooner than a small one. Absent: never leans.
   */
  readonly weight?: number;
}

/**
 * The outcome of one metric: a regression needs all three of significance after false
 * discovery control, an interval clear of the relative floor, and a change of at least the
 * absolute floor; an improvement the same downwards. A function on one side only is judged
 * on its cost: new code regresses when its cost is significant and its interval's low end
 * reaches the absolute floor (gone code improves by the same rule).
 */
export function judge(measured: Measured, tails: Tails, floors: Floors, untestable: boolean): MetricComparison {
  const { baseline, candidate, baselineMedian, candidateMedian, ci } = measured;
  const rising = candidateMedian >= baselineMedian;
  const p = rising ? tails.pUp : tails.pDown;
  const q = rising ? tails.qUp : tails.qDown;
  let outcome: Outcome;
  const testable = !untestable && !(measured.presence === 'both' && (baseline.length < 2 || candidate.length < 2));
  if (!testable) outcome = 'inconclusive';
  else if (measured.presence !== 'both') {
    const significant = measured.presence === 'added' ? tails.qUp <= floors.alpha : tails.qDown <= floors.alpha;
    const cost = measured.costCi ?? { low: 0, high: 0 };
    if (significant && cost.low >= floors.absolute && cost.low > 0) outcome = measured.presence === 'added' ? 'regressed' : 'improved';
    else if (cost.high < floors.absolute) outcome = 'unchanged';
    else outcome = 'inconclusive';
  } else {
    const upper = 1 + floors.minEffect;
    const lower = 1 / upper;
    const delta = candidateMedian - baselineMedian;
    if (tails.qUp <= floors.alpha && ci.low > upper && delta >= floors.absolute) outcome = 'regressed';
    else if (tails.qDown <= floors.alpha && ci.high < lower && -delta >= floors.absolute) outcome = 'improved';
    else if (ci.low >= lower && ci.high <= upper) outcome = 'unchanged';
    // Even the worst case the interval allows stays under the absolute floor.
    else if (floors.absolute > 0 && Math.max(baselineMedian * Math.abs(ci.high - 1), baselineMedian * Math.abs(1 - ci.low)) < floors.absolute) outcome = 'unchanged';
    else outcome = 'inconclusive';
  }
  // Undecided, but pointing at a regression: significant on its own at its share of alpha
  // (before false-discovery control) and its estimate clears both floors. More trials would
  // decide it (leaning.ts).
  const leaning =
    outcome === 'inconclusive' && testable && measured.presence === 'both' && floors.weight !== undefined && tails.pUp <= floors.alpha * floors.weight && measured.ratio > 1 + floors.minEffect && candidateMedian - baselineMedian >= floors.absolute;
  return {
    baseline,
    candidate,
    baselineMedian,
    candidateMedian,
    ratio: measured.ratio,
    ci,
    p,
    q,
    outcome,
    ...(leaning ? { leaning: true as const } : {}),
    ...(measured.costCi ? { costCi: measured.costCi } : {}),
    ...(measured.driftSd !== undefined && measured.driftSd > 0 ? { driftSd: measured.driftSd } : {}),
  };
}

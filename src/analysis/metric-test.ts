import type { Drift } from './drift-variance.js';
import type { Measured } from './judge.js';
import { mannWhitney } from './mann-whitney.js';
import { pairedEstimate, safeMedian, unpairedEstimate, type MetricEstimate } from './metric-estimate.js';
import { presenceTest } from './presence-test.js';
import { tQuantile, tUpperTail } from './student-t.js';

/** A metric's one-sided p-values (before false-discovery control) and its interval. */
export interface MetricTest {
  readonly pUp: number;
  readonly pDown: number;
  readonly measured: Measured;
}

export type Design = 'paired' | 'unpaired';

/**
 * One metric of one function (or package) tested. On both sides: the log-scale estimate
 * (paired pair by pair, or unpaired), drift `driftSd` added as a variance, a t-test of
 * that, and, unpaired, also the exact Mann–Whitney test on the values (the larger p of the
 * two counts: a change must stand out both from the trials' ranks and from the drift).
 * On one side: tested against zero (presence-test.ts).
 */
export function testMetric(values: { baseline: readonly number[]; candidate: readonly number[] }, presence: 'both' | 'added' | 'gone', design: Design, offset: number, drift: Drift): MetricTest {
  // A metric that is zero on one side (a function that starts allocating) is new or gone for that metric.
  const zero = (v: readonly number[]) => v.every((x) => x === 0);
  const where = presence === 'both' && zero(values.baseline) !== zero(values.candidate) ? (zero(values.baseline) ? 'added' : 'gone') : presence;
  if (where !== 'both') {
    const side = where === 'added' ? values.candidate : values.baseline;
    const test = presenceTest(side, offset);
    const added = where === 'added';
    const baselineMedian = safeMedian(values.baseline);
    const candidateMedian = safeMedian(values.candidate);
    // Unpaired, the side where it was not seen must also rank below the other: with few
    // trials, a function (or its allocations, which V8 may charge to a caller in some
    // processes) can go unseen on one side by chance, and the one-sample test alone would
    // flag it where the rank limit says no change can be flagged at all.
    const ranks = design === 'unpaired' ? mannWhitney(values.baseline, values.candidate) : undefined;
    return {
      pUp: where === 'added' ? Math.max(test.p, ranks?.pGreater ?? 0) : 1,
      pDown: where === 'gone' ? Math.max(test.p, ranks?.pLess ?? 0) : 1,
      measured: { ...values, baselineMedian, candidateMedian, ratio: added ? Number.POSITIVE_INFINITY : 0, ci: added ? { low: Number.POSITIVE_INFINITY, high: Number.POSITIVE_INFINITY } : { low: 0, high: 0 }, costCi: test.ci, presence: where },
    };
  }
  const estimate = estimateOf(values, design, offset);
  return fromEstimate(values, estimate, design, drift);
}

/** The tails and interval of an estimate with drift added (exported for the service's paired metrics). */
export function fromEstimate(values: { baseline: readonly number[]; candidate: readonly number[] }, estimate: MetricEstimate, design: Design, drift: Drift): MetricTest {
  const driftSd = drift.sd;
  const se = Math.sqrt(estimate.se ** 2 + driftSd ** 2);
  // Welch–Satterthwaite: τ was itself estimated, from `drift.df + 1` metrics, so the
  // combined standard error has fewer degrees of freedom than the trials alone give.
  const df = driftSd > 0 ? se ** 4 / (estimate.se ** 4 / estimate.df + driftSd ** 4 / drift.df) : estimate.df;
  const nothing = values.baseline.every((v) => v === 0) && values.candidate.every((v) => v === 0);
  let pUp = 1;
  let pDown = 1;
  let ci = { low: 1, high: 1 };
  if (!nothing) {
    if (se > 0 && Number.isFinite(se)) {
      const t = estimate.effect / se;
      pUp = tUpperTail(t, df);
      pDown = tUpperTail(-t, df);
      const half = tQuantile(0.025, df) * se;
      ci = { low: Math.exp(estimate.effect - half), high: Math.exp(estimate.effect + half) };
    } else if (se === 0) {
      pUp = estimate.effect > 0 ? 0 : 1;
      pDown = estimate.effect < 0 ? 0 : 1;
      ci = { low: Math.exp(estimate.effect), high: Math.exp(estimate.effect) };
    } else ci = { low: 0, high: Number.POSITIVE_INFINITY };
    if (design === 'unpaired') {
      const ranks = mannWhitney(values.baseline, values.candidate);
      pUp = Math.max(pUp, ranks.pGreater);
      pDown = Math.max(pDown, ranks.pLess);
    }
  }
  return {
    pUp,
    pDown,
    measured: {
      ...values,
      baselineMedian: estimate.baselineMedian,
      candidateMedian: estimate.candidateMedian,
      ratio: Math.exp(estimate.effect),
      ci,
      presence: 'both',
      ...(driftSd > 0 ? { driftSd } : {}),
    },
  };
}

export function estimateOf(values: { baseline: readonly number[]; candidate: readonly number[] }, design: Design, offset: number): MetricEstimate {
  return design === 'paired' ? pairedEstimate(values.baseline, values.candidate, offset) : unpairedEstimate(values.baseline, values.candidate, offset);
}

import type { Comparison } from '../analysis/index.js';
import { signedPercent } from './format.js';

/** The statistical rules of a run in one sentence, stated with every verdict. */
export function methodsSentence(comparison: Comparison): string {
  const s = comparison.settings;
  const paired = comparison.basis === 'nanos-per-request';
  const basis = paired
    ? "each function's CPU nanoseconds per request (self and total), compared pair by pair over interleaved pairs (the ratio of the sides' means, a paired t-test on each pair's residual)"
    : "each function's share of busy CPU (self and total; each trial's native frames counted at the run's typical share), the candidate's shares divided by the factor every share moved by together" +
      (comparison.commonFactor !== undefined && Math.abs(comparison.commonFactor - 1) >= 0.005 ? ` (${comparison.commonFactor.toFixed(3)})` : '') +
      ', tested with a t-test on the log ratio of medians and an exact one-sided Mann–Whitney U (the larger p counts)';
  const drift = comparison.drift?.cpu ?? 0;
  const pairs = comparison.pairFactors;
  const shift = pairs?.shift;
  const moved = shift ? `${signedPercent(shift.ratio)}, 95% CI ${signedPercent(shift.low)} … ${signedPercent(shift.high)}` : '';
  const relative = !shift
    ? ''
    : pairs!.applied
      ? `; and again relative to the run's unchanged code (each pair's candidate trial divided by the factor its unchanged functions moved by, which takes out each trial's machine; that code moved ${moved} over the run, and where it lies adds ${(pairs!.centreSe * 100).toFixed(1)}% to those intervals), which can only find a regression`
      : `; not relative to the unchanged code, which moved as a whole (${moved})`;
  return (
    `One-sided tests (does the candidate take more?) on ${basis}` +
    (comparison.findings.some((f) => f.allocations) ? ` and on allocated bytes per request (self)` : '') +
    relative +
    '; functions on one side only tested against zero, and each package of node_modules as one unit; ' +
    `${comparison.trials.baseline} baseline vs ${comparison.trials.candidate} candidate trials, ` +
    `Benjamini–Hochberg over ${comparison.tests} tests at α = ${s.alpha}; ` +
    `regressed only if q ≤ α, the 95% CI of the ratio` +
    (drift > 0 ? ` (with the sides' drift, ${(drift * 100).toFixed(1)}% per function, added as a variance)` : '') +
    ` lies above ${(1 + s.minEffect).toFixed(2)} ` +
    `and the change is at least ${(s.minShareOfTotal * 100).toFixed(2)}% of ${paired ? "the baseline's CPU per request" : 'the total'}` +
    (comparison.untested > 0 ? ` (${comparison.untested} functions below half that floor were left out, and metrics whose trials all lie within it of each other were not tested)` : '') +
    `; a metric with p ≤ α × its function's share of the whole before that control and an estimate above both floors, but not regressed, leans towards a regression, and no run passes beside one` +
    (paired ? ` (same-runner adds ${s.extendTrials} pairs once to decide it)` : '') +
    '.'
  );
}

import type { Comparison } from '../analysis/index.js';

/** The statistical rules of a run in one sentence, stated with every verdict. */
export function methodsSentence(comparison: Comparison): string {
  const s = comparison.settings;
  return (
    `Exact one-sided Mann–Whitney U (does the candidate take more?) on each function's share of busy CPU (self and total; each trial's native frames counted at the run's typical share)` +
    (comparison.findings.some((f) => f.allocations) ? ` and of allocated bytes (self)` : '') +
    ', ' +
    `${comparison.trials.baseline} baseline vs ${comparison.trials.candidate} candidate trials, ` +
    `Benjamini–Hochberg over ${comparison.tests} tests at α = ${s.alpha}; ` +
    `regressed only if q ≤ α, the 95% bootstrap CI of the median ratio (widened by the comparison's empirical null when the sides drifted apart) lies above ${(1 + s.minEffect).toFixed(2)} ` +
    `and the change is at least ${(s.minShareOfTotal * 100).toFixed(2)}% of the total` +
    (comparison.untested > 0 ? ` (${comparison.untested} functions below half that floor were left out, and metrics whose trials all lie within it of each other were not tested)` : '') +
    '.'
  );
}

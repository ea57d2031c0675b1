import { signedChange } from './signed-change.js';
import { metricOf, metricWords, type Comparison, type Verdict } from './findings.js';
import { firstFew } from './first-few.js';
import { leaningReason } from './leaning.js';

/**
 * Why a comparison with a stored baseline cannot decide, or null when it can: the baseline
 * does not match this run; the run was blind (its noise, or the drift between the sides,
 * would have hidden a change of compare.maxDetectable), whether it passed or failed; or the
 * comparison itself cannot tell (`comparisonDoubt`); or the service's CPU per request
 * regressed with no function to blame (a uniform slowdown and a slower machine look alike
 * across time). The gate re-measures the base on this machine (same-runner) when it knows
 * the base commit, and otherwise ends inconclusive with this reason.
 */
export function storedDoubt(notComparable: readonly string[], comparison: Comparison, blind: string | null, leaningDoubts = true): string | null {
  if (notComparable.length > 0) return `the stored baseline does not match this run: ${notComparable.join('; ')}`;
  // Blindness speaks against a pass (it could have missed something), and against a stored
  // failure too: what blinds a stored comparison is mostly the drift between the baseline's
  // session and this one, and a loaded machine moves some frames far more than the drift model
  // allows (the example's writev +226% beside a process burning a core, same code): found
  // regressions are re-measured same-runner, where what is found stands.
  if (blind !== null) return blind;
  const doubt = comparisonDoubt(comparison, leaningDoubts);
  if (doubt !== null) return doubt;
  // A rise of CPU per request with no function to blame is a uniform slowdown or a slower
  // machine; with functions to blame (shares cancel the machine's speed), the failure stands.
  const cpu = comparison.service.find((s) => s.metric === 'cpuMicrosPerRequest');
  if (cpu?.comparison.outcome === 'regressed' && comparison.verdict.outcome !== 'fail') {
    const c = cpu.comparison;
    return `the service's CPU per request regressed against the stored baseline (×${c.ratio.toFixed(2)}, 95% CI ×${c.ci.low.toFixed(2)}–×${c.ci.high.toFixed(2)}), and a stored baseline cannot tell slower code from a slower machine`;
  }
  return null;
}

/**
 * What a stored comparison's own figures cannot decide: whether the code that moved is the
 * group of functions that moved together or everything else (common-factor.ts
 * `contestedCentre`): a broad slowdown would pass as the rest improving, and a broad speedup
 * could fail as the rest slowing; measured on this machine pair by pair, cost per request
 * tells them apart. And functions that lean towards a regression the comparison could not
 * decide (leaning.ts): a +10% in a tenth of the CPU, against a baseline's drift.
 */
export function comparisonDoubt(comparison: Comparison, leaningDoubts = true): string | null {
  const contest = comparison.sharesContest;
  if (contest?.contested) {
    return `the shares cannot tell which code moved (the large functions put the unchanged code at ${signedChange(contest.precise)}, the small ones at ${signedChange(contest.coarse)}: a group of functions moved together, or everything else did)`;
  }
  // Pairs decide what the drift between sessions leaves open, and add more of themselves if they must.
  // Merged shards can neither add pairs nor re-measure: there a lean is a warning (compare.ts `leaning`).
  // A failure is confirmed instead (storedConfirmation).
  const leaning = leaningDoubts ? leaningReason(comparison) : null;
  return leaning === null ? null : `${leaning} that the stored comparison could not decide`;
}

/**
 * Why a stored failure is re-measured on this machine before it blocks, when the base commit
 * is known (with none, it stands). A stored baseline's drift (each function's cost moving by
 * its own few percent between the baseline's session and this one) is added to every interval
 * as a variance, but it is estimated from the dozen functions large enough to show it, and at
 * alpha 0.05 an unchanged function drifts past the floor now and then: with 5% drift per
 * function, 1–2% of simulated A/A runs failed, always on one of the three largest functions, and
 * a loaded runner moves some frames far more. Same-runner has no drift, and what it finds
 * stands; a pass costs nothing more.
 */
export function storedConfirmation(comparison: Comparison): string | null {
  if (comparison.verdict.outcome !== 'fail') return null;
  const drift = comparison.drift?.cpu ?? 0;
  return `a stored failure is confirmed on this machine before it blocks (drift between the baseline's measurement and this one${drift > 0 ? `, about ${(drift * 100).toFixed(1)}% per function here,` : ''} can move an unchanged function past the floor)`;
}

/**
 * What a same-runner re-measurement that passed leaves open of a stored failure it was to
 * confirm, or null: for every function or package the stored comparison blamed, the pass rules
 * it out only when the same-runner interval lies below the stored one's lower end (drift, not
 * code). A re-measurement that neither confirms nor rules it out (a +60% that misses
 * significance over a few noisy pairs) is no reason to pass a change the stored comparison saw:
 * the gate adds pairs for it (leaning.ts `extension`) and, if they leave it open, ends the run
 * inconclusive (`unconfirmedVerdict`). Null too when the same-runner verdict is not a pass.
 */
export function unconfirmedReason(stored: Comparison, sameRunner: Comparison): string | null {
  if (stored.verdict.outcome !== 'fail' || sameRunner.verdict.outcome !== 'pass') return null;
  const percent = (ratio: number) => (Number.isFinite(ratio) ? signedChange(ratio) : 'new');
  const open: string[] = [];
  for (const f of stored.verdict.blocking) {
    const metric = f.decidedBy ?? 'self';
    const was = metricOf(f, metric);
    const found = sameRunner.findings.find((g) => g.key === f.key);
    const now = found ? metricOf(found, metric) : undefined;
    if (was && now && now.ci.high < was.ci.low) continue;
    open.push(`${f.name} (${metricWords(metric)} ${percent(was?.ratio ?? Number.NaN)} stored, ${now ? `${percent(now.ratio)}, 95% CI ${percent(now.ci.low)} … ${percent(now.ci.high)} here` : 'not measured here'})`);
  }
  for (const p of stored.verdict.blockingPackages ?? []) {
    const now = sameRunner.packages?.find((q) => q.name === p.name)?.self;
    if (now && now.ci.high < p.self.ci.low) continue;
    open.push(`package ${p.name} (${percent(p.self.ratio)} stored${now ? `, ${percent(now.ratio)} here` : ''})`);
  }
  return open.length === 0 ? null : `the stored comparison found a regression that the re-measurement on this machine (same-runner) neither confirms nor rules out: ${firstFew(open)}`;
}

/**
 * The verdict when a stored failure was re-measured same-runner to confirm it and the
 * re-measurement, pairs added and all, still leaves it open (`unconfirmedReason`): inconclusive.
 * Null when the same-runner verdict stands as it is.
 */
export function unconfirmedVerdict(stored: Comparison, sameRunner: Comparison): Verdict | null {
  const open = unconfirmedReason(stored, sameRunner);
  return open === null ? null : { outcome: 'inconclusive', rule: `${open}. More pairs (--trials) or requests per trial (--requests) decide it` };
}

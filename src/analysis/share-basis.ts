import { median } from 'simple-statistics';
import type { TrialMetrics } from './trial.js';

/**
 * What each trial's function shares are taken of: the trial's busy CPU with the native
 * frames' own time (system calls such as writev, the garbage collector, `(program)`,
 * C++ bindings: frames with no source file) set to the run's typical share.
 *
 * Shares of busy CPU cancel the machine's speed, but not its load: on a loaded 2-core
 * machine the kernel's side of a write on loopback costs more, writev's share of a trial
 * swung from 10% to 25% here, and every JavaScript function's share moved the other way
 * by the same factor. Taking shares of the JavaScript part of each trial removes that
 * common factor; multiplying by the median JavaScript fraction over every trial of both
 * sides keeps the numbers on the scale of busy CPU (a caller's total share stays below
 * 100%). The multiplier is the same for every trial, and the median ignores which side a
 * trial came from, so the ranks the tests see are those of the JavaScript-only shares.
 *
 * Native frames are still compared like any other function, on the same basis.
 */
export function shareBases(trials: readonly TrialMetrics[]): Map<TrialMetrics, number> {
  const javaScript = trials.map(javaScriptNanos);
  const fractions = trials.flatMap((t, i) => (t.sampledCpuNanos > 0 && javaScript[i]! > 0 ? [javaScript[i]! / t.sampledCpuNanos] : []));
  const typical = fractions.length > 0 ? median(fractions) : 1;
  // A trial with no JavaScript at all (or no samples) keeps plain busy CPU: there is nothing to rescale.
  return new Map(trials.map((t, i) => [t, javaScript[i]! > 0 ? javaScript[i]! / typical : t.sampledCpuNanos]));
}

/** Busy CPU minus the own time of frames without a source file. */
function javaScriptNanos(trial: TrialMetrics): number {
  let native = 0;
  for (const cost of Object.values(trial.functions)) if (cost.file === '') native += cost.selfNanos;
  return trial.sampledCpuNanos - native;
}

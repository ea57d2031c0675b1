import { median, probit } from 'simple-statistics';
import type { ChangeEstimate } from './diff-score.js';
import type { Comparison } from './findings.js';
import { tQuantile } from './student-t.js';

/** What a run could have seen, and whether that is enough to let it pass. */
export interface Detectability {
  /** The smallest rise of the service's CPU per request the gate fails with 80% probability (relative; Infinity: none up to ×10); null when not measured. */
  readonly cpuPerRequest: number | null;
  /** The same for the own time of the largest functions, from the interval each was judged by. */
  readonly functions: ReadonlyArray<{ readonly key: string; readonly name: string; readonly relative: number }>;
  /** compare.maxDetectable: above it the run is blind. */
  readonly limit: number;
  /** Why the run is blind, or null when it could have seen a change of `limit`. */
  readonly blind: string | null;
}

/** How many of the largest functions speak for "the functions". */
export const LARGEST_FUNCTIONS = 5;

const Z_POWER = probit(0.8);

/**
 * The run's minimum detectable change at its own noise: the smallest rise that the gate's
 * own rule fails with 80% probability, not a bare test's. A function regresses when its q
 * clears α (for a lone regression among the run's m tests, p ≤ α / m, the first
 * Benjamini–Hochberg threshold) and its 95% interval's low end clears 1 + minEffect; an
 * estimate spread around the true change with the run's standard error passes both 80% of
 * the time when
 *
 *   ln(1 + d) = max(t(α / m) · se, ln(1 + minEffect) + t(0.025) · se) + z₀.₈ · se,
 *
 * se read off the interval the function was judged by (so it holds whatever the comparison
 * added for drift between the sides), t with the trials' degrees of freedom (pairs − 1, or
 * both sides' trials − 2; an estimated drift has fewer, which this leaves out). CPU per
 * request: the power of the run's own test at α, simulated from its residuals (diff-score.ts),
 * or, when larger, what its interval's low end needs to clear 1 + minEffect. The absolute
 * floor (a rise of 0.5% of busy CPU) is left out: a +25% rise of any of the five largest
 * functions clears it. The run is blind when CPU per request, or the median of its largest
 * functions, could not have shown a change of `limit`.
 */
export function detectability(comparison: Comparison, cpuPerRequest: CpuEstimate | null, limit: number, alpha: number): Detectability {
  const largest = comparison.findings
    // A function left untested because its time jumps between processes (attribution-jumps.ts) can see nothing, and says nothing of the run.
    .filter((f) => f.presence === 'both' && f.self.candidate.length > 0 && f.self.attributionJumps !== true)
    .sort((a, b) => b.self.candidateMedian - a.self.candidateMedian)
    .slice(0, LARGEST_FUNCTIONS);
  const rule = gateRule(comparison, alpha);
  // Same-runner tests a function's change both absolute and relative to the unchanged code: either can fail it.
  const functions = largest.map((f) => ({ key: f.key, name: f.name, relative: Math.min(fromInterval(f.self.ci, rule), f.self.relative ? fromInterval(f.self.relative.ci, rule) : Number.POSITIVE_INFINITY) }));
  const cpu = cpuPerRequest === null ? null : Math.max(cpuPerRequest.minimumDetectable.relative, cpuFloorPath(cpuPerRequest, rule.minEffect));
  const typical = functions.length > 0 ? median(functions.map((f) => f.relative)) : null;
  const percent = (x: number) => (Number.isFinite(x) ? `+${(x * 100).toFixed(1)}%` : 'no change up to ×10');
  const reasons: string[] = [];
  if (cpu !== null && cpu > limit) reasons.push(`CPU per request could only have shown ${percent(cpu)}`);
  if (typical !== null && typical > limit) reasons.push(`its ${functions.length} largest functions could only have shown ${percent(typical)} (median)`);
  return {
    cpuPerRequest: cpu,
    functions,
    limit,
    blind: reasons.length > 0 ? `this run could not have seen a +${(limit * 100).toFixed(0)}% regression (compare.maxDetectable): ${reasons.join('; ')}` : null,
  };
}

interface GateRule {
  /** Degrees of freedom of a function's test. */
  readonly df: number;
  /** The one-sided p a lone regression must reach: α over the run's tests. */
  readonly threshold: number;
  readonly minEffect: number;
}

function gateRule(comparison: Comparison, alpha: number): GateRule {
  const { baseline, candidate } = comparison.trials;
  const paired = comparison.basis === 'nanos-per-request';
  const df = Math.max(1, paired ? baseline - 1 : baseline + candidate - 2);
  return { df, threshold: alpha / Math.max(1, comparison.tests), minEffect: comparison.settings.minEffect };
}

function fromInterval(ci: { readonly low: number; readonly high: number }, rule: GateRule): number {
  if (!(ci.low > 0) || !Number.isFinite(ci.high) || ci.high <= 0) return Number.POSITIVE_INFINITY;
  const half = (Math.log(ci.high) - Math.log(ci.low)) / 2;
  const se = half / tQuantile(0.025, rule.df);
  const shift = Math.max(tQuantile(rule.threshold, rule.df) * se, Math.log1p(rule.minEffect) + half) + Z_POWER * se;
  return finiteChange(shift);
}

/** CPU per request as the diff score estimated it (diff-score.ts: the verdict's own estimate and interval), with its test's simulated power. */
export type CpuEstimate = Pick<ChangeEstimate, 'change' | 'low' | 'high' | 'minimumDetectable'>;

/** What CPU per request's interval needs to clear 1 + minEffect 80% of the time: its low end moves with the estimate. */
function cpuFloorPath(cpu: CpuEstimate, minEffect: number): number {
  if (!(cpu.low > -1) || !(cpu.change > -1) || !Number.isFinite(cpu.high)) return 0;
  const below = Math.max(0, Math.log1p(cpu.change) - Math.log1p(cpu.low));
  const se = (Math.log1p(cpu.high) - Math.log1p(cpu.low)) / 2 / 1.959964;
  return finiteChange(Math.log1p(minEffect) + below + Z_POWER * se);
}

function finiteChange(shift: number): number {
  const relative = Math.expm1(shift);
  return relative > 9 ? Number.POSITIVE_INFINITY : relative;
}

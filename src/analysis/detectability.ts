import { median, probit } from 'simple-statistics';
import type { Comparison } from './findings.js';

/** What a run could have seen, and whether that is enough to let it pass. */
export interface Detectability {
  /** The smallest rise of the service's CPU per request the run's test detects with 80% power (relative; Infinity: none up to ×10); null when not measured. */
  readonly cpuPerRequest: number | null;
  /** The same for the self share of the largest functions, from the interval each was judged by. */
  readonly functions: ReadonlyArray<{ readonly key: string; readonly name: string; readonly relative: number }>;
  /** compare.maxDetectable: above it the run is blind. */
  readonly limit: number;
  /** Why the run is blind, or null when it could have seen a change of `limit`. */
  readonly blind: string | null;
}

/** How many of the largest functions speak for "the functions". */
export const LARGEST_FUNCTIONS = 5;

/**
 * The run's minimum detectable change at its own noise. For CPU per request it is the
 * simulated power of the run's own test (diff-score.ts); for functions it is read off the
 * interval each function was judged by, so it includes whatever widening the comparison
 * applied for drift between the sides: a change of d is detected with 80% power when
 * ln(1 + d) = (z₁₋α + z₀.₈) · se, with se the interval's half-width in log space over 1.96.
 * The run is blind when CPU per request, or the median of its largest functions, could not
 * have shown a change of `limit`.
 */
export function detectability(comparison: Comparison, cpuPerRequest: number | null, limit: number, alpha: number): Detectability {
  const largest = comparison.findings
    // A function left untested because its time jumps between processes (attribution-jumps.ts) can see nothing, and says nothing of the run.
    .filter((f) => f.presence === 'both' && f.self.candidate.length > 0 && f.self.attributionJumps !== true)
    .sort((a, b) => b.self.candidateMedian - a.self.candidateMedian)
    .slice(0, LARGEST_FUNCTIONS);
  const z = probit(1 - alpha) + probit(0.8);
  // Same-runner tests a function's change both absolute and relative to the unchanged code: either can fail it.
  const functions = largest.map((f) => ({ key: f.key, name: f.name, relative: Math.min(fromInterval(f.self.ci.low, f.self.ci.high, z), f.self.relative ? fromInterval(f.self.relative.ci.low, f.self.relative.ci.high, z) : Number.POSITIVE_INFINITY) }));
  const typical = functions.length > 0 ? median(functions.map((f) => f.relative)) : null;
  const percent = (x: number) => (Number.isFinite(x) ? `+${(x * 100).toFixed(1)}%` : 'no change up to ×10');
  const reasons: string[] = [];
  if (cpuPerRequest !== null && cpuPerRequest > limit) reasons.push(`CPU per request could only have shown ${percent(cpuPerRequest)}`);
  if (typical !== null && typical > limit) reasons.push(`its ${functions.length} largest functions could only have shown ${percent(typical)} (median)`);
  return {
    cpuPerRequest,
    functions,
    limit,
    blind: reasons.length > 0 ? `this run could not have seen a +${(limit * 100).toFixed(0)}% regression (compare.maxDetectable): ${reasons.join('; ')}` : null,
  };
}

function fromInterval(low: number, high: number, z: number): number {
  if (!(low > 0) || !Number.isFinite(high) || high <= 0) return Number.POSITIVE_INFINITY;
  const se = (Math.log(high) - Math.log(low)) / 2 / 1.959964;
  const relative = Math.expm1(z * se);
  return relative > 9 ? Number.POSITIVE_INFINITY : relative;
}

import { benjaminiHochberg } from './benjamini-hochberg.js';
import type { Comparison, FunctionFinding, ServiceFinding, ServiceMetricName, Verdict } from './findings.js';
import { mannWhitney } from './mann-whitney.js';

/**
 * What a canary is judged on from outside: what a client sees. CPU and memory totals of a
 * deployed service are not visible (they come from the agent or /proc, which a canary run
 * does not have); per-function shares are, when both sides served pprof profiles.
 */
export const CANARY_METRICS: readonly ServiceMetricName[] = ['latencyP50Ms', 'latencyP95Ms', 'latencyP99Ms', 'throughputRps'];

/**
 * The canary's verdict from a comparison of replay rounds (the canary against the stable
 * version or the stored baseline): failed requests first; then a regression, either a
 * client-side metric (Mann–Whitney with Benjamini–Hochberg over the metrics judged) or,
 * when both sides were profiled, a function as the gate finds one (compare()'s blocking
 * findings); then whether the rounds could show anything at all. Pure.
 */
export interface CanaryVerdict {
  readonly verdict: Verdict;
  /** The client-side metrics, with q adjusted over them. */
  readonly service: ServiceFinding[];
  /** Regressed function keys (`file#name`), then regressed client-side metrics. */
  readonly regressed: string[];
}

export interface CanaryJudging {
  /** Both sides had function tables, so compare()'s function findings count. */
  readonly functions: boolean;
}

export function canaryVerdict(comparison: Comparison, judging: CanaryJudging = { functions: false }): CanaryVerdict {
  const service = comparison.service.filter((s) => CANARY_METRICS.includes(s.metric));
  if (comparison.verdict.outcome === 'fail-errors') return { verdict: comparison.verdict, service, regressed: [] };
  const { alpha } = comparison.settings;
  const q = benjaminiHochberg(service.map((s) => s.comparison.p));
  const adjusted = service.map((s, i) => ({ ...s, comparison: { ...s.comparison, q: q[i]! } }));
  const metrics = adjusted.filter((s) => s.comparison.outcome === 'regressed' && s.comparison.q <= alpha);
  const functions: readonly FunctionFinding[] = judging.functions && comparison.verdict.outcome === 'fail' ? comparison.verdict.blocking : [];
  if (metrics.length > 0 || functions.length > 0) {
    const rules = [
      // compare()'s own rule for the functions, so the canary states the gate's criteria word for word.
      ...(functions.length > 0 ? [comparison.verdict.rule] : []),
      ...(metrics.length > 0
        ? [`${metrics.map((s) => s.metric).join(', ')} regressed: Mann–Whitney q <= ${alpha} (Benjamini–Hochberg over ${service.length} metrics), CI of the median ratio beyond ${1 + comparison.settings.minEffect}`]
        : []),
    ];
    return {
      verdict: { outcome: 'fail', rule: rules.join('; '), blocking: functions },
      service: adjusted,
      regressed: [...functions.map((f) => f.key), ...metrics.map((s) => s.metric)],
    };
  }
  const { baseline, candidate } = comparison.trials;
  const minimumP = mannWhitney(
    Array.from({ length: baseline }, (_, i) => i),
    Array.from({ length: candidate }, (_, i) => i + baseline),
  ).minimumP;
  if (minimumP > alpha / Math.max(1, service.length)) {
    return { verdict: { outcome: 'inconclusive', rule: `${baseline} vs ${candidate} rounds cannot reach significance over ${service.length} metrics; use more trials` }, service: adjusted, regressed: [] };
  }
  // Profiled rounds too few for any function to be flagged: a pass would hide what the profiles cannot show.
  if (judging.functions && comparison.verdict.outcome === 'inconclusive') {
    return { verdict: { outcome: 'inconclusive', rule: `${comparison.verdict.rule}; use more trials` }, service: adjusted, regressed: [] };
  }
  const what = judging.functions ? 'no function or client-side metric regressed' : 'no client-side metric regressed';
  return { verdict: { outcome: 'pass', rule: `${what} (q <= ${alpha}, effect beyond ${1 + comparison.settings.minEffect})` }, service: adjusted, regressed: [] };
}

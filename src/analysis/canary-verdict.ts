import { benjaminiHochberg } from './benjamini-hochberg.js';
import type { Comparison, ServiceFinding, ServiceMetricName, Verdict } from './comparison.js';
import { mannWhitney } from './mann-whitney.js';

/**
 * What a canary is judged on: what a client sees. CPU and memory of a deployed service are
 * not visible from outside (they come from the agent, which a canary run does not have).
 */
export const CANARY_METRICS: readonly ServiceMetricName[] = ['latencyP50Ms', 'latencyP95Ms', 'latencyP99Ms', 'throughputRps'];

/**
 * The canary's verdict from a comparison of replay rounds (the canary against the stable
 * version or the stored baseline): failed requests first, then a client-side metric that
 * regressed with Benjamini–Hochberg over the metrics judged, then whether the rounds could
 * show anything at all. Pure.
 */
export interface CanaryVerdict {
  readonly verdict: Verdict;
  /** The client-side metrics, with q adjusted over them. */
  readonly service: ServiceFinding[];
  readonly regressed: ServiceMetricName[];
}

export function canaryVerdict(comparison: Comparison): CanaryVerdict {
  const service = comparison.service.filter((s) => CANARY_METRICS.includes(s.metric));
  if (comparison.verdict.outcome === 'fail-errors') return { verdict: comparison.verdict, service, regressed: [] };
  const { alpha } = comparison.settings;
  const q = benjaminiHochberg(service.map((s) => s.comparison.p));
  const adjusted = service.map((s, i) => ({ ...s, comparison: { ...s.comparison, q: q[i]! } }));
  const regressed = adjusted.filter((s) => s.comparison.outcome === 'regressed' && s.comparison.q <= alpha);
  if (regressed.length > 0) {
    return {
      verdict: {
        outcome: 'fail',
        rule: `${regressed.map((s) => s.metric).join(', ')} regressed: Mann–Whitney q <= ${alpha} (Benjamini–Hochberg over ${service.length} metrics), CI of the median ratio beyond ${1 + comparison.settings.minEffect}`,
        blocking: [],
      },
      service: adjusted,
      regressed: regressed.map((s) => s.metric),
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
  return { verdict: { outcome: 'pass', rule: `no client-side metric regressed (q <= ${alpha}, effect beyond ${1 + comparison.settings.minEffect})` }, service: adjusted, regressed: [] };
}

import type { FunctionFinding, MetricComparison } from '../analysis/index.js';

export type DecisiveName = 'self' | 'total' | 'allocations';

/**
 * The metric that decided the function's outcome, so that a row shows what decided it: a
 * function that regressed on allocations is shown with its allocations, not its CPU (whose
 * q may be 1), and one that regressed on its total time with its total, not a self share
 * of 0.00%. The comparison records it (`decidedBy`); reports written before it did fall
 * back to the metric whose outcome is the function's, the larger change when several are.
 */
export function decisiveMetric(finding: FunctionFinding): { name: DecisiveName; metric: MetricComparison } {
  if (finding.decidedBy === 'allocations' && finding.allocations) return { name: 'allocations', metric: finding.allocations };
  if (finding.decidedBy === 'self' || finding.decidedBy === 'total') return { name: finding.decidedBy, metric: finding[finding.decidedBy] };
  const all = [
    { name: 'self' as const, metric: finding.self },
    { name: 'total' as const, metric: finding.total },
    ...(finding.allocations ? [{ name: 'allocations' as const, metric: finding.allocations }] : []),
  ];
  const deciding = all.filter((m) => m.metric.outcome === finding.outcome);
  const size = (m: MetricComparison) => (Number.isFinite(m.ratio) && m.ratio > 0 ? Math.abs(Math.log(m.ratio)) : Number.POSITIVE_INFINITY);
  return (deciding.length > 0 ? deciding : all.slice(0, 2)).reduce((a, b) => (size(b.metric) > size(a.metric) ? b : a));
}

import type { FunctionFinding, MetricComparison } from '../analysis/index.js';

/** The metric (self or total) that decided the function's outcome; the larger change when both did. */
export function decisiveMetric(finding: FunctionFinding): { name: 'self' | 'total'; metric: MetricComparison } {
  const both = [
    { name: 'self' as const, metric: finding.self },
    { name: 'total' as const, metric: finding.total },
  ];
  const deciding = both.filter((m) => m.metric.outcome === finding.outcome);
  const size = (m: MetricComparison) => (Number.isFinite(m.ratio) && m.ratio > 0 ? Math.abs(Math.log(m.ratio)) : Number.POSITIVE_INFINITY);
  return (deciding.length > 0 ? deciding : both).reduce((a, b) => (size(b.metric) > size(a.metric) ? b : a));
}

export { compare, formatP } from './compare.js';
export { extension } from './leaning.js';
export type { Comparison, ErrorCounts, FunctionFinding, RouteMismatchTotal, MetricComparison, Outcome, PackageFinding, PairedFinding, Replaces, ServiceFinding, ServiceMetricName, Verdict } from './findings.js';
// Paired (same-runner) comparison of any per-trial metric given as adjacent pairs, for the gate.
export { pairedEstimate, unpairedEstimate, type MetricEstimate } from './metric-estimate.js';
export { testMetric, type MetricTest } from './metric-test.js';
export { NO_DRIFT, type Drift } from './drift-variance.js';
export { pairedComparison } from './service-comparison.js';
export { functionTable, type FunctionTable } from './function-table.js';
export { allocationTable, withAllocations, type AllocationTable } from './allocation-table.js';
export { hotLines, type HotLine } from './hot-lines.js';
export { totalBreakdown, totalRises, type TotalBreakdown, type TotalRise } from './total-breakdown.js';
export { diffScore, type ChangeEstimate, type DiffScore } from './diff-score.js';
export { minimumDetectableChange, type MdcOptions, type MdcSamples, type MinimumDetectableChange } from './minimum-detectable-change.js';
export { routeMismatches } from './route-mismatches.js';
export type { FunctionCost, RouteStatusMismatch, ServiceMetrics, TrialMetrics } from './trial.js';
export { detectability, type Detectability } from './detectability.js';
export { comparisonDoubt, storedConfirmation, storedDoubt, unconfirmedReason, unconfirmedVerdict } from './stored-doubt.js';

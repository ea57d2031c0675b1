export { compare, formatP } from './compare.js';
export type { Comparison, ErrorCounts, FunctionFinding, RouteMismatchTotal, MetricComparison, Outcome, PairedFinding, ServiceFinding, ServiceMetricName, Verdict } from './findings.js';
export { functionTable, type FunctionTable } from './function-table.js';
export { allocationTable, withAllocations, type AllocationTable } from './allocation-table.js';
export { hotLines, type HotLine } from './hot-lines.js';
export { diffScore, type ChangeEstimate, type DiffScore } from './diff-score.js';
export { minimumDetectableChange, type MdcOptions, type MdcSamples, type MinimumDetectableChange } from './minimum-detectable-change.js';
export { routeMismatches } from './route-mismatches.js';
export type { FunctionCost, RouteStatusMismatch, ServiceMetrics, TrialMetrics } from './trial.js';

export { compare, formatP, MAX_ERROR_RATE } from './compare.js';
export type { Comparison, ErrorCounts, FunctionFinding, MetricComparison, Outcome, PairedFinding, ServiceFinding, ServiceMetricName, Verdict } from './comparison.js';
export { functionTable, type FunctionTable } from './function-table.js';
export type { FunctionCost, ServiceMetrics, TrialMetrics } from './trial.js';

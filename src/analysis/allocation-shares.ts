import { median } from 'simple-statistics';
import type { TrialMetrics } from './trial.js';

/** Whether every trial carries an allocation profile (baselines from older perfgates do not). */
export function allocationsProfiled(trials: readonly TrialMetrics[]): boolean {
  return trials.length > 0 && trials.every((t) => t.allocatedBytes !== undefined && t.allocatedBytes > 0);
}

/**
 * The unit allocations are compared in: the baseline's median of all bytes allocated per
 * request. Unlike CPU time, bytes per request do not change with the machine's speed, so
 * they need no per-trial share; and a fixed denominator keeps one function's change from
 * moving every other function's figure (as a share of each trial's total would).
 */
export function allocationUnit(baseline: readonly TrialMetrics[]): number {
  const perRequest = baseline.filter((t) => t.requests > 0).map((t) => (t.allocatedBytes ?? 0) / t.requests);
  return perRequest.length === 0 ? 0 : median(perRequest);
}

/** Per trial, the function's own allocated bytes per request, in units of `allocationUnit`. */
export function allocationShares(trials: readonly TrialMetrics[], key: string, unit: number): number[] {
  return trials.map((t) => (t.requests > 0 && unit > 0 ? (t.functions[key]?.allocBytes ?? 0) / t.requests / unit : 0));
}

/** Medians over trials of the function's own allocated bytes and sampled allocations per request. */
export function allocationsPerRequest(trials: readonly TrialMetrics[], key: string): { bytes: number; objects: number } {
  const per = (field: 'allocBytes' | 'allocObjects') => {
    const values = trials.map((t) => (t.requests > 0 ? (t.functions[key]?.[field] ?? 0) / t.requests : 0));
    return values.length === 0 ? 0 : median(values);
  };
  return { bytes: per('allocBytes'), objects: per('allocObjects') };
}

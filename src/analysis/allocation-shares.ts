import { median } from 'simple-statistics';
import type { TrialMetrics } from './trial.js';

/** Whether every trial carries an allocation profile (baselines from older perfgates do not). */
export function allocationsProfiled(trials: readonly TrialMetrics[]): boolean {
  return trials.length > 0 && trials.every((t) => t.allocatedBytes !== undefined && t.allocatedBytes > 0);
}

/** Per trial, the function's own allocated bytes as a share of every byte the trial allocated. */
export function allocationShares(trials: readonly TrialMetrics[], key: string): number[] {
  return trials.map((t) => ((t.functions[key]?.allocBytes ?? 0) / (t.allocatedBytes ?? 0)) || 0);
}

/** Medians over trials of the function's own allocated bytes and sampled allocations per request. */
export function allocationsPerRequest(trials: readonly TrialMetrics[], key: string): { bytes: number; objects: number } {
  const per = (field: 'allocBytes' | 'allocObjects') => {
    const values = trials.map((t) => (t.requests > 0 ? (t.functions[key]?.[field] ?? 0) / t.requests : 0));
    return values.length === 0 ? 0 : median(values);
  };
  return { bytes: per('allocBytes'), objects: per('allocObjects') };
}

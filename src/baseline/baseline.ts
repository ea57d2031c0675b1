import type { TrialMetrics } from '../analysis/trial.js';
import type { Environment } from './environment.js';

export const BASELINE_SCHEMA = 'perfgate.baseline';
export const BASELINE_VERSION = 1;

/** A stored baseline: every trial's metrics (a distribution, not a mean) and where they came from. */
export interface Baseline {
  readonly schema: typeof BASELINE_SCHEMA;
  readonly version: typeof BASELINE_VERSION;
  readonly createdAt: string;
  /** The commit measured, when the project is a git checkout. */
  readonly commit: string | null;
  readonly environment: Environment;
  readonly settings: MeasurementSettings;
  readonly trials: readonly TrialMetrics[];
}

export interface MeasurementSettings {
  /** sha256 of the settings that change what a trial measures (absent in baselines from before it was recorded). */
  readonly configSha256?: string;
  readonly trials: number;
  readonly warmupRequests: number;
  readonly measureRequests: number;
  readonly connections: number;
  readonly cpuSamplingIntervalUs: number;
  /** Absent in baselines from before allocations were profiled. */
  readonly allocationSamplingIntervalBytes?: number;
  /** sha256 of the replay file, so a baseline taken with other traffic is noticed. */
  readonly replaySha256: string;
  /** sha256 of the dependency lockfile, so a baseline taken with other dependency versions is noticed (absent when there is none). */
  readonly lockfileSha256?: string;
}

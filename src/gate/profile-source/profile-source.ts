import type { ProcessUsage } from '../../agent/protocol.js';
import type { Config } from '../../config/index.js';
import type { LoadResult } from '../../load/index.js';
import type { RunningService } from '../../target/index.js';
import type { TrialProfiles } from '../trial-profiles.js';

/** The runtime a service runs on, as a baseline's environment records it. */
export interface RuntimeVersions {
  readonly nodeVersion: string;
  readonly v8Version: string;
}

/** What a trial lends a profile source for its measured window. */
export interface TrialWindow {
  readonly config: Config;
  readonly service: RunningService;
  /** The warm-up's load (undefined without one): its rate sizes windows of a fixed length. */
  readonly warmup: LoadResult | undefined;
  /**
   * Replays the measured requests; `end` cuts the load short when a window has a fixed
   * length of `windowSeconds` (the progress line then counts seconds, not requests).
   */
  readonly runLoad: (amount: number, end?: AbortSignal, windowSeconds?: number) => Promise<LoadResult>;
  /** Throws when perfgate was interrupted or the service died: call it once the load is over. */
  readonly settle: (phase: string) => void;
  /** Where the trial's CPU and allocation pprof files go. */
  readonly out: { readonly cpu: string; readonly allocations: string };
  /** The trial's abort: an interrupt, or the service exiting. */
  readonly signal: AbortSignal;
  /** A progress line about this trial. */
  readonly note: (text: string) => void;
  /** Ends a phase of the run's timings (report.json `timingsMs`). */
  readonly lap: (phase: 'measure' | 'profiles') => void;
}

/** One measured window: the load it saw, its profiles (written to `out`), and the OS's view of the service. */
export interface ProfiledWindow {
  readonly load: LoadResult;
  readonly profiles: TrialProfiles;
  readonly usage: ProcessUsage | undefined;
  readonly runtime: RuntimeVersions;
}

/**
 * Where a trial's profiles come from. The gate starts the service, warms it up and stops
 * it; a source only profiles the measured window around the load it is lent, and says
 * what it knows of the runtime. One instance serves every trial of a run, so it may keep
 * what is worth reading once (source maps). Implementations are registered in
 * profile-sources.ts, keyed by the config's `profile.source`.
 */
export interface ProfileSource {
  /** The agent to preload into the service with NODE_OPTIONS, or null: the service is profiled from outside and is ready when its port accepts. */
  readonly preload: string | null;
  /** The runtime as known before any trial runs (the fingerprint that decides whether a stored baseline is comparable). */
  readonly expectedRuntime: RuntimeVersions;
  profileWindow(window: TrialWindow): Promise<ProfiledWindow>;
}

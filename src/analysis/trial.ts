/** What one trial measured, in plain numbers: the unit of comparison and of baselines. */
export interface TrialMetrics {
  /** Responses received in the measured window: every per-request figure divides by this. */
  readonly requests: number;
  /** Busy (non-idle) CPU the profiler sampled in the window. */
  readonly sampledCpuNanos: number;
  /**
   * What one CPU sample stands for (the profile's period: 1 ms for V8 at the default
   * interval, 10 ms for Go's 100 Hz profiles); absent in tables from before it was recorded.
   */
  readonly cpuSampleNanos?: number;
  /**
   * Bytes allocated in the window, estimated from V8's sampling heap profiler, and the
   * sampled allocations (docs/profiling.md); absent in baselines from before allocations
   * were profiled.
   */
  readonly allocatedBytes?: number;
  readonly allocatedObjects?: number;
  readonly functions: Readonly<Record<string, FunctionCost>>;
  readonly service: ServiceMetrics;
}

export interface FunctionCost {
  readonly name: string;
  readonly file: string;
  readonly selfNanos: number;
  /** Time with the function anywhere on the stack, counted once per sample even when recursive. */
  readonly totalNanos: number;
  /** Bytes the function itself allocated (self), when allocations were profiled. */
  readonly allocBytes?: number;
  /** Sampled allocations of the function itself (see TrialMetrics.allocatedObjects). */
  readonly allocObjects?: number;
}

export interface ServiceMetrics {
  /** CPU time the OS charged the service process per request (not from samples). */
  readonly cpuMicrosPerRequest: number;
  readonly throughputRps: number;
  readonly latencyMs: { readonly p50: number; readonly p95: number; readonly p99: number };
  readonly errors: number;
  readonly non2xx: number;
  readonly statusMismatches: number;
  /** The mismatches by route (`GET /items/:id`); absent when there were none. */
  readonly statusMismatchesByRoute?: Readonly<Record<string, RouteStatusMismatch>>;
  readonly maxRssBytes: number;
}

/** Responses on one route whose status differed from the recorded one. */
export interface RouteStatusMismatch {
  readonly count: number;
  /** Responses received on the route, mismatched or not. */
  readonly responses: number;
  /**
   * `recorded→got` (`"200→500"`) with counts; `"any→503"` for a 5xx where the replay file
   * recorded no status.
   */
  readonly statuses: Readonly<Record<string, number>>;
}

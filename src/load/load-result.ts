
/** What one replay of recorded requests against a service measured. */
export interface LoadResult {
  /** Responses received (any status). */
  readonly responses: number;
  /** Connection errors and timeouts: requests that got no response. */
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  /** Responses whose status differs from the recorded one (or a 5xx where none was recorded), by route. */
  readonly statusMismatches: Readonly<Record<string, RouteStatusMismatch>>;
  readonly durationMs: number;
  readonly latencyMs: { readonly p50: number; readonly p95: number; readonly p99: number };
}

/** Responses on one route whose status differed from the recorded one. */
export interface RouteStatusMismatch {
  readonly count: number;
  /** Responses received on the route, mismatched or not. */
  readonly responses: number;
  /** `recorded→got` (`"200→500"`) with counts; `"any→503"` for a 5xx where the replay file recorded no status. */
  readonly statuses: Readonly<Record<string, number>>;
}

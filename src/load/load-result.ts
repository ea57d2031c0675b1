import type { RouteStatusMismatch } from '../analysis/index.js';

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

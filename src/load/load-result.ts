/** What one replay of recorded requests against a service measured. */
export interface LoadResult {
  /** Responses received (any status). */
  readonly responses: number;
  /** Connection errors and timeouts: requests that got no response. */
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  /** Responses whose status differs from the recorded one, by route. */
  readonly statusMismatches: Readonly<Record<string, StatusMismatch>>;
  readonly durationMs: number;
  readonly latencyMs: { readonly p50: number; readonly p95: number; readonly p99: number };
}

export interface StatusMismatch {
  readonly count: number;
  /** One example: what was recorded and what came back. */
  readonly expected: number;
  readonly got: number;
}

import { median } from 'simple-statistics';
import { PLACEHOLDER_PATTERN } from './redactor.js';
import { routeOf, type ReplayRequest } from './replay-request.js';

export interface RouteStats {
  readonly route: string;
  readonly requests: number;
  /** Recorded statuses and how often each was seen; `none` for requests without one. */
  readonly statuses: Readonly<Record<string, number>>;
  readonly bodyBytes: number;
  /** Median recorded duration, when the requests carry one. */
  readonly medianDurationMs?: number;
}

/** The mix of a replay file: what `perfgate replay stats` shows. */
export interface ReplayStats {
  readonly requests: number;
  readonly methods: Readonly<Record<string, number>>;
  /** Routes by number of requests, most first. */
  readonly routes: readonly RouteStats[];
  readonly withStatus: number;
  /** Requests carrying at least one redaction placeholder. */
  readonly withPlaceholders: number;
}

export function replayStats(requests: readonly ReplayRequest[]): ReplayStats {
  const methods: Record<string, number> = {};
  const routes = new Map<string, { requests: number; statuses: Record<string, number>; bodyBytes: number; durations: number[] }>();
  let withStatus = 0;
  let withPlaceholders = 0;
  const placeholder = new RegExp(`${PLACEHOLDER_PATTERN.source}|%3Credacted%3A`, 'i');
  for (const request of requests) {
    methods[request.method] = (methods[request.method] ?? 0) + 1;
    const route = routeOf(request);
    const entry = routes.get(route) ?? { requests: 0, statuses: {}, bodyBytes: 0, durations: [] };
    entry.requests += 1;
    const status = request.status === undefined ? 'none' : String(request.status);
    entry.statuses[status] = (entry.statuses[status] ?? 0) + 1;
    entry.bodyBytes += request.body?.length ?? 0;
    if (request.durationMs !== undefined) entry.durations.push(request.durationMs);
    routes.set(route, entry);
    if (request.status !== undefined) withStatus += 1;
    if ([request.path, ...Object.values(request.headers), request.body?.toString('latin1') ?? ''].some((text) => placeholder.test(text))) withPlaceholders += 1;
  }
  return {
    requests: requests.length,
    methods,
    routes: [...routes.entries()]
      .map(([route, e]) => ({
        route,
        requests: e.requests,
        statuses: e.statuses,
        bodyBytes: e.bodyBytes,
        ...(e.durations.length > 0 ? { medianDurationMs: median(e.durations) } : {}),
      }))
      .sort((a, b) => b.requests - a.requests || a.route.localeCompare(b.route)),
    withStatus,
    withPlaceholders,
  };
}

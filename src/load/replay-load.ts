import autocannon from 'autocannon';
import type { RouteStatusMismatch } from './load-result.js';
import { dropForReplay, routeOf, type ReplayRequest } from '../replay/index.js';
import type { LoadResult } from './load-result.js';
import { quantileSorted } from './quantile.js';

export interface ReplayLoadOptions {
  /** How many requests to send in all. */
  readonly amount: number;
  readonly connections: number;
  readonly timeoutMs: number;
  /**
   * Open loop: requests per second across all connections, each connection paced to its
   * share (autocannon's overallRate). A connection still waits for its answer, so the rate
   * holds only while the service answers within connections / rate seconds; the caller
   * compares the achieved rate with this one. Absent: closed loop, each connection sends
   * its next request as soon as the previous one is answered.
   */
  readonly ratePerSecond?: number;
  /** Which recorded request to start from, so consecutive phases continue the sequence. */
  readonly startAt?: number;
  readonly onProgress?: (responses: number) => void;
  /** Aborts the load early, for example when the service exits. */
  readonly signal?: AbortSignal;
}

/** How often autocannon checks whether the load is done (see its `sampleInt` below). */
const SAMPLE_INTERVAL_MS = 20;

interface Prepared {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer | undefined;
  readonly expected: number | undefined;
  readonly route: string;
}

/**
 * Replays recorded requests with autocannon: one shared cursor hands the next recorded
 * request to whichever connection is free, so the file's order and mix are kept across
 * connections, cycling when it runs out.
 */
export async function replayLoad(origin: URL, requests: readonly ReplayRequest[], options: ReplayLoadOptions): Promise<LoadResult> {
  const prepared: Prepared[] = requests.map((request) => ({
    method: request.method,
    path: request.path,
    headers: Object.fromEntries(Object.entries(request.headers).filter(([name]) => !dropForReplay(name))),
    body: request.body,
    expected: request.status,
    route: routeOf(request),
  }));
  let cursor = options.startAt ?? 0;
  const routes = new Map<string, { count: number; responses: number; statuses: Record<string, number> }>();
  const latencies: number[] = [];
  let responses = 0;

  const startedAt = performance.now();
  let lastResponseAt = startedAt;

  let finish: (error: unknown, result: autocannon.Result) => void = () => undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    finish = (error, result) => (error ? reject(error) : resolve(result));
  });
  const instance = autocannon({
    url: origin.toString(),
    connections: options.connections,
    amount: options.amount,
    ...(options.ratePerSecond !== undefined ? { overallRate: options.ratePerSecond } : {}),
    timeout: Math.max(1, Math.ceil(options.timeoutMs / 1000)),
    // autocannon notices that `amount` is reached only on its sampling tick (1 s by
    // default), so every load phase idled up to a second after its last response: a third
    // of a trial's wall time at the example's sizes, and a throughput rounded to whole seconds.
    sampleInt: SAMPLE_INTERVAL_MS,
    requests: [
      {
        setupRequest(request: Record<string, unknown>, context: Record<string, unknown>) {
          const index = cursor++ % prepared.length;
          const next = prepared[index]!;
          context.index = index;
          request.method = next.method;
          request.path = next.path;
          request.headers = { ...next.headers };
          request.body = next.body ?? Buffer.alloc(0);
          return request;
        },
        onResponse(status: number, _body: string, context: Record<string, unknown>) {
          const sent = prepared[context.index as number];
          if (!sent) return;
          const entry = routes.get(sent.route) ?? { count: 0, responses: 0, statuses: {} };
          entry.responses += 1;
          // Without a recorded status, a server error is still wrong: a service that answers
          // 500 is not faster.
          const wrong = sent.expected !== undefined ? sent.expected !== status : status >= 500;
          if (wrong) {
            const pair = `${sent.expected ?? 'any'}→${status}`;
            entry.count += 1;
            entry.statuses[pair] = (entry.statuses[pair] ?? 0) + 1;
          }
          routes.set(sent.route, entry);
        },
      } as never,
    ],
  }, (error, result) => finish(error, result));
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    responses += 1;
    lastResponseAt = performance.now();
    latencies.push(responseTime);
    if (options.onProgress && responses % 250 === 0) options.onProgress(responses);
  });
  const onAbort = () => (instance as unknown as { stop(): void }).stop();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const result = await finished.finally(() => options.signal?.removeEventListener('abort', onAbort));
  latencies.sort((a, b) => a - b);
  options.onProgress?.(responses);
  return {
    responses,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusMismatches: Object.fromEntries([...routes].filter(([, entry]) => entry.count > 0)) as Record<string, RouteStatusMismatch>,
    // From the first request to the last response: rates computed from it are not
    // inflated by the wait for autocannon's tick, nor rounded to its 10 ms.
    durationMs: responses > 0 ? lastResponseAt - startedAt : result.duration * 1000,
    latencyMs: { p50: quantileSorted(latencies, 0.5), p95: quantileSorted(latencies, 0.95), p99: quantileSorted(latencies, 0.99) },
  };
}

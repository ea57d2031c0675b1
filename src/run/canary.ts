import type { TrialMetrics } from '../analysis/index.js';
import type { Config } from '../config/index.js';
import { PerfgateError } from '../errors.js';
import { replayLoad, type LoadResult } from '../load/index.js';
import type { ReplayRequest } from '../replay/index.js';
import type { Progress } from './progress.js';

export interface CanaryTargets {
  readonly canary: URL;
  /** The stable deployment, measured in alternating rounds with the canary; null to use the stored baseline. */
  readonly stable: URL | null;
}

export interface CanaryMeasurement {
  readonly canary: TrialMetrics[];
  readonly stable: TrialMetrics[];
}

/**
 * Replays the recorded traffic against already running deployments, in `config.trials`
 * rounds. With a stable URL the two alternate (S C, C S, S C …) so that drift in the
 * network or the cluster falls on both sides alike. Nothing is built or started.
 */
export async function measureCanary(config: Config, requests: readonly ReplayRequest[], targets: CanaryTargets, progress: Progress, signal?: AbortSignal): Promise<CanaryMeasurement> {
  const canary: TrialMetrics[] = [];
  const stable: TrialMetrics[] = [];
  const load = (origin: URL, amount: number, startAt: number) =>
    replayLoad(origin, requests, { amount, startAt, connections: config.load.connections, timeoutMs: config.load.requestTimeoutMs, ...(signal ? { signal } : {}) });
  const sides = targets.stable ? [{ name: 'stable', origin: targets.stable, into: stable }, { name: 'canary', origin: targets.canary, into: canary }] : [{ name: 'canary', origin: targets.canary, into: canary }];
  if (config.load.warmupRequests > 0) {
    // Deployed services are warm already; this warms connections, caches and the path there.
    for (const side of sides) await progress.phase(`${side.name} warm-up`, () => load(side.origin, config.load.warmupRequests, 0));
  }
  for (let round = 1; round <= config.trials; round++) {
    const order = round % 2 === 1 ? sides : [...sides].reverse();
    for (const side of order) {
      if (signal?.aborted) throw new PerfgateError('INTERRUPTED', 'interrupted during the canary rounds');
      const result = await progress.phase(`${side.name} round ${round} of ${config.trials}`, () => load(side.origin, config.load.measureRequests, config.load.warmupRequests % requests.length));
      if (result.responses === 0) {
        throw new PerfgateError('LOAD_FAILED', `${side.name} ${side.origin.origin}: no request got a response in round ${round} (${result.errors} errors, ${result.timeouts} timeouts)`);
      }
      const metrics = clientSideMetrics(result);
      side.into.push(metrics);
      progress.line(`  ${side.name} round ${round}: ${metrics.requests} responses, ${metrics.service.throughputRps.toFixed(0)} req/s, p95 ${metrics.service.latencyMs.p95.toFixed(1)} ms`);
    }
  }
  return { canary, stable };
}

/** A round as trial metrics with what a client can see; no profile, so no functions and no CPU. */
export function clientSideMetrics(load: LoadResult): TrialMetrics {
  const mismatches = Object.values(load.statusMismatches).reduce((sum, m) => sum + m.count, 0);
  return {
    requests: load.responses,
    sampledCpuNanos: 0,
    functions: {},
    service: {
      cpuMicrosPerRequest: 0,
      throughputRps: load.durationMs > 0 ? load.responses / (load.durationMs / 1000) : 0,
      latencyMs: load.latencyMs,
      errors: load.errors,
      non2xx: load.non2xx,
      statusMismatches: mismatches,
      maxRssBytes: 0,
    },
  };
}

/** A stored baseline's trials as a client would have seen them, for comparing with canary rounds. */
export function clientSideOnly(trials: readonly TrialMetrics[]): TrialMetrics[] {
  return trials.map((t) => ({ ...t, sampledCpuNanos: 0, functions: {}, service: { ...t.service, cpuMicrosPerRequest: 0, maxRssBytes: 0 } }));
}

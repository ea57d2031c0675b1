import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Profile } from 'pprof-format';
import { allocationsProfiled } from '../analysis/allocation-shares.js';
import type { TrialMetrics } from '../analysis/index.js';
import type { Config } from '../config/index.js';
import { PerfgateError } from '../errors.js';
import { replayLoad, type LoadResult } from '../load/index.js';
import type { ReplayRequest } from '../replay/index.js';
import { loadForSeconds, measurePprofHttpWindow, pprofHttpTrialProfiles, pprofWindowSeconds } from './pprof-http-window.js';
import type { Progress } from './progress.js';
import { trialMetrics } from './trial-metrics.js';

export interface CanaryTargets {
  readonly canary: URL;
  /** The stable deployment, measured in alternating rounds with the canary; null to use the stored baseline. */
  readonly stable: URL | null;
  /** The canary's pprof endpoints (ending in `/`); null to measure from outside only. */
  readonly canaryPprof: URL | null;
  /** The stable deployment's pprof endpoints; null when it is not profiled. */
  readonly stablePprof: URL | null;
}

export interface CanaryMeasurement {
  readonly canary: TrialMetrics[];
  readonly stable: TrialMetrics[];
  /** Per-round pprof files of each side (CPU, then allocations), in round order; empty for a side not profiled. */
  readonly profiles: { readonly canary: RoundProfiles; readonly stable: RoundProfiles };
}

export interface RoundProfiles {
  readonly cpu: string[];
  readonly allocations: string[];
  /** The CPU profiles, decoded, merged into the side's profile. */
  readonly pprofs: Profile[];
  /** The allocation profiles, decoded; empty when the endpoints serve no allocs profile. */
  readonly allocationPprofs: Profile[];
}

/**
 * Replays the recorded traffic against already running deployments, in `config.trials`
 * rounds. With a stable URL the two alternate (S C, C S, S C …) so that drift in the
 * network or the cluster falls on both sides alike. A side with pprof endpoints is
 * profiled round by round, each round's load inside its CPU window, as pprof-http trials
 * are in the gate. Nothing is built or started.
 */
export async function measureCanary(config: Config, requests: readonly ReplayRequest[], targets: CanaryTargets, progress: Progress, signal?: AbortSignal): Promise<CanaryMeasurement> {
  const profileDir = join(config.outputDir, 'profiles');
  const load = (origin: URL, amount: number, startAt: number, windowEnd?: AbortSignal) => {
    const signals = [...(signal ? [signal] : []), ...(windowEnd ? [windowEnd] : [])];
    return replayLoad(origin, requests, { amount, startAt, connections: config.load.connections, timeoutMs: config.load.requestTimeoutMs, ...(signals.length > 0 ? { signal: AbortSignal.any(signals) } : {}) });
  };
  const side = (name: 'stable' | 'canary', origin: URL, pprof: URL | null, setting: string) => ({
    name,
    origin,
    pprof,
    setting,
    rounds: [] as TrialMetrics[],
    profiles: { cpu: [] as string[], allocations: [] as string[], pprofs: [] as Profile[], allocationPprofs: [] as Profile[] },
    warmup: undefined as LoadResult | undefined,
  });
  const canary = side('canary', targets.canary, targets.canaryPprof, 'input pprof-url');
  const stable = targets.stable ? side('stable', targets.stable, targets.stablePprof, 'input baseline-pprof-url') : null;
  const sides = stable ? [stable, canary] : [canary];
  if (sides.some((s) => s.pprof)) mkdirSync(profileDir, { recursive: true });
  if (config.load.warmupRequests > 0) {
    // Deployed services are warm already; this warms connections, caches and the path there (and gives the rate a pprof window is sized by).
    for (const s of sides) s.warmup = await progress.phase(`${s.name} warm-up`, () => load(s.origin, config.load.warmupRequests, 0));
  }
  const startAt = config.load.warmupRequests % requests.length;
  // With profiles, every round of either side lasts one CPU window (the endpoint's fixed
  // duration), long enough for the slower side's measureRequests: rounds measured by count on
  // one side and by time on the other would differ in more than the deployment.
  const windowSeconds = sides.some((s) => s.pprof) ? Math.max(...sides.map((s) => pprofWindowSeconds(config.profile.pprofSeconds, config.load.measureRequests, s.warmup))) : null;
  const windowConfig: Config = windowSeconds === null ? config : { ...config, profile: { ...config.profile, pprofSeconds: windowSeconds } };
  for (let round = 1; round <= config.trials; round++) {
    const order = round % 2 === 1 ? sides : [...sides].reverse();
    for (const s of order) {
      if (signal?.aborted) throw new PerfgateError('INTERRUPTED', 'interrupted during the canary rounds');
      const metrics = await progress.phase(`${s.name} round ${round} of ${config.trials}`, async () => {
        const runLoad = (amount: number, windowEnd: AbortSignal) => load(s.origin, amount, startAt, windowEnd);
        if (!s.pprof) {
          const result = windowSeconds === null ? await load(s.origin, config.load.measureRequests, startAt) : await loadForSeconds(windowSeconds, config.load.measureRequests, s.warmup, runLoad);
          return trialMetrics(checked(result, s.name, s.origin, round), undefined, undefined);
        }
        const window = await measurePprofHttpWindow({ base: s.pprof, setting: s.setting }, windowConfig, s.warmup, runLoad, signal);
        checked(window.load, s.name, s.origin, round);
        if (round === 1 && !window.allocationsServed) progress.line(`  ${s.name}: its pprof endpoints have no allocs profile (HTTP 404); allocations are not profiled`);
        const out = { cpu: join(profileDir, `${s.name}-round-${round}.pb.gz`), allocations: join(profileDir, `${s.name}-round-${round}.alloc.pb.gz`) };
        s.profiles.cpu.push(out.cpu);
        s.profiles.allocations.push(out.allocations);
        const profiled = pprofHttpTrialProfiles(window, out, config);
        s.profiles.pprofs.push(profiled.cpu);
        if (window.allocationsServed) s.profiles.allocationPprofs.push(profiled.allocations);
        return trialMetrics(window.load, profiled, undefined);
      });
      s.rounds.push(metrics);
      progress.line(`  ${s.name} round ${round}: ${metrics.requests} responses, ${metrics.service.throughputRps.toFixed(0)} req/s, p95 ${metrics.service.latencyMs.p95.toFixed(1)} ms`);
    }
  }
  const none: RoundProfiles = { cpu: [], allocations: [], pprofs: [], allocationPprofs: [] };
  return { canary: canary.rounds, stable: stable?.rounds ?? [], profiles: { canary: canary.profiles, stable: stable?.profiles ?? none } };
}

function checked(result: LoadResult, side: string, origin: URL, round: number): LoadResult {
  if (result.responses === 0) {
    throw new PerfgateError('LOAD_FAILED', `${side} ${origin.origin}: no request got a response in round ${round} (${result.errors} errors, ${result.timeouts} timeouts)`);
  }
  return result;
}

/**
 * Trials as a client would have seen them, for comparing with rounds measured from
 * outside: no functions, no CPU or memory of the service.
 */
export function clientSideOnly(trials: readonly TrialMetrics[]): TrialMetrics[] {
  return trials.map((t) => ({ ...withoutAllocationTotals(t), sampledCpuNanos: 0, functions: {}, service: { ...t.service, cpuMicrosPerRequest: 0, maxRssBytes: 0 } }));
}

/**
 * A stored baseline's trials beside profiled canary rounds: its function tables are kept
 * (shares of busy CPU cancel the machine's speed), its OS figures are not (a deployment's
 * are not measured).
 */
export function withoutServiceUsage(trials: readonly TrialMetrics[]): TrialMetrics[] {
  return trials.map((t) => ({ ...t, service: { ...t.service, cpuMicrosPerRequest: 0, maxRssBytes: 0 } }));
}

/**
 * Both sides' trials, with allocation totals only when both sides profiled allocations: a
 * deployment's endpoints may serve no /allocs, and compare() would take a missing side for
 * an old baseline. `dropped` says that one side had them.
 */
export function allocationsOnBothOrNeither(reference: readonly TrialMetrics[], canary: readonly TrialMetrics[]): { reference: TrialMetrics[]; canary: TrialMetrics[]; dropped: boolean } {
  const both = allocationsProfiled(reference) && allocationsProfiled(canary);
  if (both || (!allocationsProfiled(reference) && !allocationsProfiled(canary))) return { reference: [...reference], canary: [...canary], dropped: false };
  return { reference: reference.map(withoutAllocationTotals), canary: canary.map(withoutAllocationTotals), dropped: true };
}

function withoutAllocationTotals({ allocatedBytes: _bytes, allocatedObjects: _objects, ...trial }: TrialMetrics): TrialMetrics {
  return trial;
}

/** Whether trials carry function tables to compare: every trial profiled, with samples in it. */
export function profiled(trials: readonly TrialMetrics[]): boolean {
  return trials.length > 0 && trials.every((t) => t.sampledCpuNanos > 0 && Object.keys(t.functions).length > 0);
}

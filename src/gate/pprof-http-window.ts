import { StringTable, Profile, ValueType } from 'pprof-format';
import type { ProcessUsage } from '../agent/protocol.js';
import type { Config } from '../config/index.js';
import { PerfgateError } from '../errors.js';
import type { LoadResult } from '../load/index.js';
import { keepSampleTypes, relativeFileNames, subtractProfile, withComments } from '../profile/index.js';
import { fetchPprof } from '../target/pprof-http.js';
import { groupUsage } from '../target/group-usage.js';
import { writeTrialProfiles, type TrialProfiles } from './trial-profiles.js';

/** The longest CPU window perfgate asks for; Go's handler would take any, a trial should not. */
export const MAX_PPROF_SECONDS = 300;

export interface PprofHttpWindow {
  readonly cpu: Profile;
  /** Allocations in the window (the difference of two /allocs snapshots); empty when the service serves none. */
  readonly allocations: Profile;
  readonly allocationsServed: boolean;
  readonly load: LoadResult;
  readonly startedAtMs: number;
  readonly seconds: number;
  /** The service's process group CPU and peak RSS over the window (Linux /proc), else undefined. */
  readonly usage: ProcessUsage | undefined;
}

/** Where a window's profiles come from. */
export interface PprofTarget {
  /** The pprof endpoints' base, ending in `/` (see pprofBase). */
  readonly base: URL;
  /** The service's process group on this machine, for its CPU and memory; absent for a remote deployment. */
  readonly pid?: number | undefined;
  /** The setting that named `base`, for errors (default: `profile.pprofUrl`). */
  readonly setting?: string;
}

/**
 * One measured window of a service profiled through its pprof endpoints (Go's
 * net/http/pprof): snapshot /allocs, ask /profile?seconds=N, replay load for exactly
 * those N seconds, then snapshot /allocs again. The window is the CPU profile's own
 * duration, because the endpoint cannot be stopped early (a closed connection loses the
 * profile); the load is cut when the window ends, so every response counted falls inside
 * it and per-request figures divide by requests the profile saw.
 */
export async function measurePprofHttpWindow(
  target: PprofTarget,
  config: Config,
  warmup: LoadResult | undefined,
  runLoad: (amount: number, signal: AbortSignal) => Promise<LoadResult>,
  /** The trial's abort (interrupt, or the service exiting): the profile requests end with it. */
  signal?: AbortSignal,
): Promise<PprofHttpWindow> {
  const base = target.base;
  const seconds = pprofWindowSeconds(config.profile.pprofSeconds, config.load.measureRequests, warmup);
  const timeoutMs = Math.max(config.load.requestTimeoutMs, 10_000);
  const aborts = { ...(signal ? { signal } : {}), ...(target.setting ? { setting: target.setting } : {}) };
  const before = await fetchPprof(new URL('allocs', base), { timeoutMs, allowMissing: true, ...aborts });

  const windowEnd = new AbortController();
  const usageBefore = groupUsage(target.pid);
  const startedAtMs = Date.now();
  const cpuRequest = fetchPprof(new URL(`profile?seconds=${seconds}`, base), { timeoutMs: seconds * 1000 + timeoutMs, ...aborts });
  // A profile endpoint that fails at once (404, "already profiling") ends the window early.
  void cpuRequest.catch(() => windowEnd.abort());
  const load = await loadForSeconds(seconds, config.load.measureRequests, warmup, runLoad, windowEnd);
  const cpu = await cpuRequest;
  const usageAfter = groupUsage(target.pid);
  const wallMicros = (Date.now() - startedAtMs) * 1000;
  const after = before ? await fetchPprof(new URL('allocs', base), { timeoutMs, ...aborts }) : undefined;
  return {
    cpu,
    allocations: before && after ? keepSampleTypes(subtractProfile(after, before, 'allocations in the window'), ALLOCATION_TYPES) : emptyAllocations(),
    allocationsServed: before !== undefined,
    load,
    startedAtMs,
    seconds,
    usage: usageBefore && usageAfter ? { cpuMicros: usageAfter.cpuMicros - usageBefore.cpuMicros, wallMicros, maxRssBytes: usageAfter.maxRssBytes } : undefined,
  };
}

/**
 * Replays load for `seconds`, or until `end` aborts: enough requests for the window several
 * times over at the warm-up's rate, so that the timer, not the count, ends it. A canary side
 * without pprof endpoints is measured this way too when the other side is profiled, so both
 * sides' rounds are alike.
 */
export async function loadForSeconds(
  seconds: number,
  measureRequests: number,
  warmup: LoadResult | undefined,
  runLoad: (amount: number, signal: AbortSignal) => Promise<LoadResult>,
  end = new AbortController(),
): Promise<LoadResult> {
  const timer = setTimeout(() => end.abort(), seconds * 1000);
  try {
    const expected = warmup && warmup.durationMs > 0 ? (warmup.responses / warmup.durationMs) * 1000 * seconds : measureRequests;
    return await runLoad(Math.max(measureRequests, Math.ceil(expected * 4)), end.signal);
  } finally {
    clearTimeout(timer);
  }
}

/** The window's two profiles with repo-relative file names and perfgate's comments, written and tabulated. */
export function pprofHttpTrialProfiles(window: PprofHttpWindow, out: { cpu: string; allocations: string }, config: Config): TrialProfiles {
  const comments = [`perfgate: requests=${window.load.responses}`, `perfgate: replay=${config.replayPath}`, `perfgate: pprof-http, a ${window.seconds} s window`];
  const prepare = (profile: Profile) => withComments(relativeFileNames(profile, config.root), comments);
  return writeTrialProfiles(prepare(window.cpu), prepare(window.allocations), out);
}

/**
 * The CPU window in whole seconds (what the endpoint takes): `profile.pprofSeconds`, or
 * the time `load.measureRequests` takes at the rate the warm-up reached.
 */
export function pprofWindowSeconds(configured: number | undefined, measureRequests: number, warmup: LoadResult | undefined): number {
  if (configured !== undefined) return configured;
  if (!warmup || warmup.responses === 0 || warmup.durationMs <= 0) {
    throw new PerfgateError('CONFIG_INVALID', 'profile.pprofSeconds: required with profile.source "pprof-http" when there is no warm-up to measure the rate from (load.warmupRequests is 0)');
  }
  const rate = warmup.responses / (warmup.durationMs / 1000);
  return Math.min(MAX_PPROF_SECONDS, Math.max(1, Math.ceil(measureRequests / rate)));
}

/** The allocation counters of a Go heap profile, as perfgate's own allocation profiles have them. */
const ALLOCATION_TYPES = ['alloc_objects', 'alloc_space'];

/** An allocation profile with nothing in it, for services that serve no /allocs. */
function emptyAllocations(): Profile {
  const strings = new StringTable();
  return new Profile({
    sampleType: [new ValueType({ type: strings.dedup('alloc_objects'), unit: strings.dedup('count') }), new ValueType({ type: strings.dedup('alloc_space'), unit: strings.dedup('bytes') })],
    stringTable: strings,
  });
}

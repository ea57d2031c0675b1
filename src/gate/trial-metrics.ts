import type { ProcessUsage } from '../agent/protocol.js';
import type { TrialMetrics } from '../analysis/index.js';
import type { LoadResult } from '../load/index.js';
import type { TrialProfiles } from './trial-profiles.js';

/**
 * One trial (or canary round) as the numbers compared: what the load saw, the profiles'
 * function table when the window was profiled, and the OS's CPU and memory when the
 * service runs on this machine. What was not measured is 0 (no profile: no functions).
 */
export function trialMetrics(load: LoadResult, profiled: TrialProfiles | undefined, usage: ProcessUsage | undefined): TrialMetrics {
  const mismatches = Object.values(load.statusMismatches).reduce((sum, m) => sum + m.count, 0);
  const seconds = (usage?.wallMicros ?? load.durationMs * 1000) / 1e6;
  return {
    requests: load.responses,
    sampledCpuNanos: profiled?.sampledCpuNanos ?? 0,
    ...(profiled?.cpuSampleNanos ? { cpuSampleNanos: profiled.cpuSampleNanos } : {}),
    ...(profiled ? { allocatedBytes: profiled.allocatedBytes, allocatedObjects: profiled.allocatedObjects } : {}),
    functions: profiled?.functions ?? {},
    service: {
      cpuMicrosPerRequest: usage ? usage.cpuMicros / load.responses : 0,
      throughputRps: seconds > 0 ? load.responses / seconds : 0,
      latencyMs: load.latencyMs,
      errors: load.errors,
      non2xx: load.non2xx,
      statusMismatches: mismatches,
      ...(mismatches > 0 ? { statusMismatchesByRoute: load.statusMismatches } : {}),
      maxRssBytes: usage?.maxRssBytes ?? 0,
    },
  };
}

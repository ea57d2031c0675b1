import { readFileSync } from 'node:fs';
import type { Profile } from 'pprof-format';
import { allocationTable, withAllocations } from '../analysis/allocation-table.js';
import { functionTable } from '../analysis/function-table.js';
import type { FunctionCost } from '../analysis/trial.js';
import type { Config } from '../config/index.js';
import { PerfgateError, describeError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { encodePprofGzip, v8HeapToPprof, v8ToPprof, type V8CpuProfile, type V8HeapProfile } from '../profile/index.js';
import { scriptUrls, type SourceReader } from './read-sources.js';

/** One trial's two profiles, converted, written and tabulated. */
export interface TrialProfiles {
  readonly cpu: Profile;
  readonly allocations: Profile;
  readonly sampledCpuNanos: number;
  /** What one CPU sample stands for (the profile's period), when the profile says. */
  readonly cpuSampleNanos?: number;
  readonly allocatedBytes: number;
  readonly allocatedObjects: number;
  readonly functions: Record<string, FunctionCost>;
}

/** Where the trial's pprof files go: `<label>-trial-N.pb.gz` (CPU) and `<label>-trial-N.alloc.pb.gz` (allocations). */
export function trialProfilePaths(profileDir: string, label: string, index: number): { cpu: string; allocations: string } {
  return { cpu: `${profileDir}/${label}-trial-${index}.pb.gz`, allocations: `${profileDir}/${label}-trial-${index}.alloc.pb.gz` };
}

/**
 * Reads the V8 profiles the agent wrote, maps their frames (source maps, package
 * versions) with what `sources` reads from disk, converts both to pprof (the frames of
 * `agentScript`, perfgate's agent, as one function), writes them and returns the trial's
 * function table with allocations.
 */
export function convertTrialProfiles(
  written: { cpuProfilePath: string; heapProfilePath: string },
  out: { cpu: string; allocations: string },
  window: { startedAtMs: number; durationMs: number; requests: number },
  config: Config,
  sources: SourceReader,
  agentScript: string,
): TrialProfiles {
  const v8 = readJson<V8CpuProfile>(written.cpuProfilePath, 'CPU profile');
  const heap = readJson<V8HeapProfile>(written.heapProfilePath, 'heap profile');
  const lookup = sources.lookupFor(scriptUrls(v8, heap));
  const comments = [`perfgate: requests=${window.requests}`, `perfgate: replay=${config.replayPath}`];
  const cpu = v8ToPprof(v8, { root: config.root, startedAtMs: window.startedAtMs, samplingIntervalUs: config.profile.cpuSamplingIntervalUs, comments, sources: lookup, agentScript });
  const allocations = v8HeapToPprof(heap, {
    root: config.root,
    startedAtMs: window.startedAtMs,
    durationMs: window.durationMs,
    samplingIntervalBytes: config.profile.allocationSamplingIntervalBytes,
    comments,
    sources: lookup,
    agentScript,
  });
  return writeTrialProfiles(cpu, allocations, out);
}

/** Writes a trial's CPU and allocation profiles (however they were taken) and tabulates them. */
export function writeTrialProfiles(cpu: Profile, allocations: Profile, out: { cpu: string; allocations: string }): TrialProfiles {
  writeFileAtomic(out.cpu, encodePprofGzip(cpu));
  writeFileAtomic(out.allocations, encodePprofGzip(allocations));
  const cpuTable = functionTable(cpu, out.cpu);
  const allocationsTable = allocationTable(allocations, out.allocations);
  return {
    cpu,
    allocations,
    sampledCpuNanos: cpuTable.total,
    ...(cpuTable.sampleValue ? { cpuSampleNanos: cpuTable.sampleValue } : {}),
    allocatedBytes: allocationsTable.totalBytes,
    allocatedObjects: allocationsTable.totalObjects,
    functions: withAllocations(cpuTable, allocationsTable),
  };
}

function readJson<T>(path: string, what: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    throw new PerfgateError('AGENT_FAILED', `agent: the ${what} it wrote (${path}) cannot be read: ${describeError(error)}`);
  }
}

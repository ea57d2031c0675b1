import type { Profile } from 'pprof-format';
import { PerfgateError } from '../errors.js';
import { requestsOf } from '../profile/merge.js';
import { functionTable } from './function-table.js';
import type { ServiceMetrics, TrialMetrics } from './trial.js';

/** A profile read from a file carries no service measurements. */
const NOT_MEASURED: ServiceMetrics = { cpuMicrosPerRequest: 0, throughputRps: 0, latencyMs: { p50: 0, p95: 0, p99: 0 }, errors: 0, non2xx: 0, statusMismatches: 0, maxRssBytes: 0 };

export interface SampleTypeChoice {
  readonly type: string;
  readonly unit: string;
}

/** The sample type pprof shows by default: the profile's default_sample_type, else the last one. */
export function defaultSampleType(profile: Profile): SampleTypeChoice {
  const s = profile.stringTable.strings;
  const types = profile.sampleType.map((t) => ({ type: s[Number(t.type)] ?? '', unit: s[Number(t.unit)] ?? '' }));
  const named = s[Number(profile.defaultSampleType)];
  return types.find((t) => named && t.type === named) ?? types.at(-1) ?? { type: '', unit: '' };
}

/** The unit of `type` in `profile`, or a PROFILE_INVALID error listing the types it has. */
export function sampleTypeOf(profile: Profile, type: string, source: string): SampleTypeChoice {
  const s = profile.stringTable.strings;
  const types = profile.sampleType.map((t) => ({ type: s[Number(t.type)] ?? '', unit: s[Number(t.unit)] ?? '' }));
  const found = types.find((t) => t.type === type);
  if (!found) throw new PerfgateError('PROFILE_INVALID', `${source}: no sample type "${type}" (it has ${types.map((t) => `${t.type}/${t.unit}`).join(', ') || 'none'})`);
  return found;
}

/**
 * One profile as one trial: its function table in the chosen sample type, and the request
 * count perfgate stored in it (1 when it has none, so "per request" means "per profile").
 * The shares compare() tests are then shares of that sample type's total.
 */
export function trialFromProfile(profile: Profile, source: string, type: string): TrialMetrics {
  sampleTypeOf(profile, type, source);
  const table = functionTable(profile, source, type);
  return { requests: requestsOf(profile) ?? 1, sampledCpuNanos: table.total, ...(table.sampleValue ? { cpuSampleNanos: table.sampleValue } : {}), functions: table.functions, service: NOT_MEASURED };
}

import { Function as PprofFunction, Line, Location, Profile, Sample, StringTable, ValueType } from 'pprof-format';
import { PerfgateError } from '../errors.js';

export const REQUESTS_COMMENT = /^perfgate: requests=(\d+)$/;

/**
 * Merges profiles of the same kind into one (for example every trial of a side), as
 * pprof's own merge does: functions are keyed by name and file (perfgate's identity, so
 * line moves do not split them), locations by their lines, samples by their stacks, and
 * values are summed. Mappings, addresses and labels are dropped: perfgate works at the
 * function level. The request counts perfgate stores as comments are summed too, so the
 * merged profile still knows its per-request denominator.
 */
export function mergeProfiles(profiles: readonly Profile[], source: string): Profile {
  const first = profiles[0];
  if (!first) throw new PerfgateError('PROFILE_INVALID', `${source}: nothing to merge`);
  const typesOf = (p: Profile) => p.sampleType.map((t) => `${p.stringTable.strings[Number(t.type)]}/${p.stringTable.strings[Number(t.unit)]}`).join(', ');
  const expectedTypes = typesOf(first);
  profiles.forEach((p, i) => {
    if (typesOf(p) !== expectedTypes) {
      throw new PerfgateError('PROFILE_INVALID', `${source}: profile ${i + 1} has sample types [${typesOf(p)}], profile 1 has [${expectedTypes}]; only profiles of one kind can be merged`);
    }
  });

  const strings = new StringTable();
  const functions: PprofFunction[] = [];
  const functionIds = new Map<string, number>();
  const locations: Location[] = [];
  const locationIds = new Map<string, number>();
  const samples = new Map<string, Sample>();
  let requests = 0;
  let allHaveRequests = true;
  let durationNanos = 0;
  let timeNanos: bigint | undefined;

  for (const profile of profiles) {
    const s = profile.stringTable.strings;
    const functionById = new Map<string, number>();
    for (const fn of profile.function) {
      const name = s[Number(fn.name)] ?? '';
      const file = s[Number(fn.filename)] ?? '';
      const key = `${file}\u0000${name}`;
      let id = functionIds.get(key);
      if (id === undefined) {
        id = functions.length + 1;
        functions.push(new PprofFunction({ id, name: strings.dedup(name), systemName: strings.dedup(s[Number(fn.systemName)] ?? name), filename: strings.dedup(file), startLine: fn.startLine }));
        functionIds.set(key, id);
      }
      functionById.set(String(fn.id), id);
    }
    const locationById = new Map<string, number>();
    for (const location of profile.location) {
      const lines = location.line.map((line) => {
        const functionId = functionById.get(String(line.functionId));
        if (functionId === undefined) throw new PerfgateError('PROFILE_INVALID', `${source}: location ${location.id} refers to unknown function ${line.functionId}`);
        return { functionId, line: Number(line.line) };
      });
      const key = lines.map((l) => `${l.functionId}:${l.line}`).join('|');
      let id = locationIds.get(key);
      if (id === undefined) {
        id = locations.length + 1;
        locations.push(new Location({ id, line: lines.map((l) => new Line(l)) }));
        locationIds.set(key, id);
      }
      locationById.set(String(location.id), id);
    }
    for (const sample of profile.sample) {
      const stack = sample.locationId.map((locationId) => {
        const id = locationById.get(String(locationId));
        if (id === undefined) throw new PerfgateError('PROFILE_INVALID', `${source}: a sample refers to unknown location ${locationId}`);
        return id;
      });
      const key = stack.join(',');
      const existing = samples.get(key);
      if (existing) {
        existing.value = existing.value.map((v, i) => Number(v) + Number(sample.value[i] ?? 0));
      } else {
        samples.set(key, new Sample({ locationId: stack, value: sample.value.map(Number) }));
      }
    }
    const count = profile.comment.map((c) => REQUESTS_COMMENT.exec(s[Number(c)] ?? '')).find(Boolean);
    if (count) requests += Number(count[1]);
    else allHaveRequests = false;
    durationNanos += Number(profile.durationNanos);
    const started = BigInt(profile.timeNanos);
    if (timeNanos === undefined || started < timeNanos) timeNanos = started;
  }

  const copyType = (t: ValueType) => new ValueType({ type: strings.dedup(first.stringTable.strings[Number(t.type)] ?? ''), unit: strings.dedup(first.stringTable.strings[Number(t.unit)] ?? '') });
  return new Profile({
    sampleType: first.sampleType.map(copyType),
    sample: [...samples.values()],
    location: locations,
    function: functions,
    stringTable: strings,
    timeNanos: timeNanos ?? 0n,
    durationNanos,
    ...(first.periodType ? { periodType: copyType(first.periodType) } : {}),
    period: first.period,
    comment: allHaveRequests ? [strings.dedup(`perfgate: requests=${requests}`), strings.dedup(`perfgate: merged ${profiles.length} profiles`)] : [strings.dedup(`perfgate: merged ${profiles.length} profiles`)],
  });
}

/** The request count perfgate stored in a profile's comments, if any. */
export function requestsOf(profile: Profile): number | undefined {
  for (const c of profile.comment) {
    const match = REQUESTS_COMMENT.exec(profile.stringTable.strings[Number(c)] ?? '');
    if (match) return Number(match[1]);
  }
  return undefined;
}

import { Profile, Sample } from 'pprof-format';

/**
 * The profile restricted to the named sample types, in the given order, when it has all
 * of them (otherwise unchanged). Samples left with only zeros are dropped. Used to keep
 * the allocation counters of a Go heap delta: its in-use counters are not a window's.
 */
export function keepSampleTypes(profile: Profile, names: readonly string[]): Profile {
  const strings = profile.stringTable.strings;
  const indexes = names.map((name) => profile.sampleType.findIndex((t) => strings[Number(t.type)] === name));
  if (indexes.some((i) => i < 0)) return profile;
  const sample = profile.sample
    .map((s) => new Sample({ locationId: s.locationId, label: s.label, value: indexes.map((i) => s.value[i] ?? 0) }))
    .filter((s) => s.value.some((v) => Number(v) !== 0));
  return new Profile({ ...profile, sampleType: indexes.map((i) => profile.sampleType[i]!), sample, defaultSampleType: 0 });
}

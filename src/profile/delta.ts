import { Profile } from 'pprof-format';
import { mergeProfiles } from './merge.js';
import { scaleProfile } from './scale.js';

/**
 * What happened between two snapshots of a cumulative profile (Go's /debug/pprof/allocs
 * counts every allocation since the process started): `after` minus `before`, as pprof's
 * `-base` does, by merging `after` with `before` negated. Stacks whose values all cancel
 * are dropped. Functions are matched by name and file, so a location that moved between
 * the snapshots still cancels.
 */
export function subtractProfile(after: Profile, before: Profile, source: string): Profile {
  const merged = mergeProfiles([after, scaleProfile(before, -1)], source);
  const strings = merged.stringTable;
  return new Profile({
    ...merged,
    sample: merged.sample.filter((s) => s.value.some((v) => Number(v) !== 0)),
    timeNanos: before.timeNanos,
    durationNanos: Math.max(0, Number(after.timeNanos) - Number(before.timeNanos)),
    comment: [strings.dedup(`perfgate: delta of two snapshots (${source})`)],
  });
}

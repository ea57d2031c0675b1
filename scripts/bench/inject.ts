import { Profile, Sample } from 'pprof-format';
import { functionKey } from '../../src/profile/function-identity.js';

/**
 * A copy of a CPU profile in which one function's own time (the samples where it is the
 * innermost frame) is `factor` times what was measured: a regression planted after the
 * fact, so that one set of measured trials can be tested against many effect sizes. The
 * callers' totals grow by the same absolute amount, as they would for real.
 */
export function scaleSelfTime(profile: Profile, key: string, factor: number): Profile {
  const strings = profile.stringTable.strings;
  const target = new Set<string>();
  for (const fn of profile.function) {
    if (functionKey({ name: strings[Number(fn.name)] ?? '', file: strings[Number(fn.filename)] ?? '' }) === key) target.add(String(fn.id));
  }
  const innermost = new Map<string, string>();
  for (const location of profile.location) {
    const first = location.line[0];
    if (first) innermost.set(String(location.id), String(first.functionId));
  }
  const sample = profile.sample.map((s) => {
    const leaf = s.locationId[0];
    const fn = leaf === undefined ? undefined : innermost.get(String(leaf));
    if (fn === undefined || !target.has(fn)) return s;
    return new Sample({ ...s, value: s.value.map((v) => Math.round(Number(v) * factor)) });
  });
  return new Profile({ ...profile, sample });
}

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

/**
 * A copy of a CPU profile as if it had been sampled `1 / keep` times less often: each
 * sample's count becomes a binomial draw (every tick kept with probability `keep`) and its
 * time shrinks in proportion. Sampling at 2 ms instead of 1 ms keeps about every other
 * tick, so this shows what a longer interval would cost in detection, from trials
 * measured at the default.
 */
export function thinSamples(profile: Profile, keep: number, random: () => number): Profile {
  const sample = profile.sample.map((s) => {
    const count = Number(s.value[0] ?? 0);
    let kept = 0;
    for (let i = 0; i < count; i++) if (random() < keep) kept += 1;
    const factor = count > 0 ? kept / count : 0;
    return new Sample({ ...s, value: s.value.map((v, i) => (i === 0 ? kept : Math.round(Number(v) * factor))) });
  });
  return new Profile({ ...profile, sample });
}

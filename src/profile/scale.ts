import { Profile, Sample } from 'pprof-format';
import { PerfgateError } from '../errors.js';
import { requestsOf, REQUESTS_COMMENT } from './merge.js';

/**
 * Rescales a profile to stand for `requests` requests (its own count comes from the
 * `perfgate: requests=N` comment), so two sides measured over different request counts
 * can be shown side by side or with `go tool pprof -diff_base`, which subtracts raw
 * values. Values are rounded per sample, as pprof's own Scale does; the comments record
 * the original count. Returns a new profile.
 */
export function scaleToRequests(profile: Profile, requests: number, source: string): Profile {
  const own = requestsOf(profile);
  if (own === undefined || own <= 0) throw new PerfgateError('PROFILE_INVALID', `${source}: the profile does not say how many requests it covers (no "perfgate: requests=N" comment)`);
  if (own === requests) return profile;
  const factor = requests / own;
  const strings = profile.stringTable;
  const kept = profile.comment.filter((c) => !REQUESTS_COMMENT.test(strings.strings[Number(c)] ?? ''));
  return new Profile({
    ...scaleProfile(profile, factor),
    comment: [strings.dedup(`perfgate: requests=${requests}`), ...kept, strings.dedup(`perfgate: scaled ×${factor.toPrecision(6)} from ${own} requests, to compare with ${requests}`)],
  });
}

/** Every sample value multiplied by `factor` and rounded (pprof's Profile.Scale); a new profile sharing the rest. */
export function scaleProfile(profile: Profile, factor: number): Profile {
  return new Profile({
    ...profile,
    sample: profile.sample.map((s) => new Sample({ locationId: s.locationId, label: s.label, value: s.value.map((v) => Math.round(Number(v) * factor)) })),
  });
}

/** `baseline` rescaled to `candidate`'s request count when both know theirs; otherwise unchanged. */
export function scaledLike(baseline: Profile, candidate: Profile, source: string): Profile {
  const requests = requestsOf(candidate);
  return requests === undefined || requestsOf(baseline) === undefined ? baseline : scaleToRequests(baseline, requests, source);
}

import { Profile } from 'pprof-format';

/** The profile with `comments` appended to its own (how perfgate records requests and where a profile came from). */
export function withComments(profile: Profile, comments: readonly string[]): Profile {
  const strings = profile.stringTable;
  return new Profile({ ...profile, comment: [...profile.comment, ...comments.map((c) => strings.dedup(c))] });
}

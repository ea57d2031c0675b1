import type { Profile } from 'pprof-format';
import { PerfgateError } from '../errors.js';

/**
 * Looks strings up in a profile's table, refusing an index past its end with an error that
 * names the profile and what referred to it (a decoded profile is checked, a built one may not be).
 */
export function stringAtOf(profile: Profile, source: string): (index: number | bigint, what: string) => string {
  const strings = profile.stringTable.strings;
  return (index, what) => {
    const value = strings[Number(index)];
    if (value === undefined) throw new PerfgateError('PROFILE_INVALID', `${source}: ${what} refers to string ${index}, past the end of the string table (${strings.length})`);
    return value;
  };
}

import { Function as PprofFunction, Profile } from 'pprof-format';

/**
 * Makes absolute file names under `root` relative to it (POSIX separators), so a profile
 * from a service built elsewhere keys its functions as perfgate's own profiles do
 * (`src/app.go#main.handle`) and matches across machines and checkouts. Other names, such
 * as a Go toolchain's `/usr/lib/go/src/…` or `-trimpath`'s `module/file.go`, are kept.
 */
export function relativeFileNames(profile: Profile, root: string): Profile {
  const prefix = `${root.replace(/\\/g, '/').replace(/\/+$/, '')}/`;
  const strings = profile.stringTable;
  let changed = false;
  const functions = profile.function.map((f) => {
    const file = (strings.strings[Number(f.filename)] ?? '').replace(/\\/g, '/');
    if (!file.startsWith(prefix)) return f;
    changed = true;
    return new PprofFunction({ id: f.id, name: f.name, systemName: f.systemName, filename: strings.dedup(file.slice(prefix.length)), startLine: f.startLine });
  });
  return changed ? new Profile({ ...profile, function: functions }) : profile;
}

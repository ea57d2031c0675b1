import { Function as PprofFunction, Line, Location, Profile } from 'pprof-format';

/**
 * Gives every location without line information (an unsymbolized address, as in C++ or
 * Go profiles taken without symbols) a function named the way `go tool pprof` shows it at
 * function granularity: `[binary]` after the mapping's file, or `<unknown>` without one.
 * pprof groups such addresses by binary; doing the same keeps perfgate's function table
 * equal to its `-top`, and keeps merges from folding every address into one location.
 * Takes the decoder's fresh profile and returns it with the extra functions.
 */
export function nameUnsymbolizedLocations(profile: Profile): Profile {
  const lineless = profile.location.filter((l) => l.line.length === 0);
  if (lineless.length === 0) return profile;
  const strings = profile.stringTable;
  const mappingFile = new Map(profile.mapping.map((m) => [String(m.id), strings.strings[Number(m.filename)] ?? '']));
  let nextId = profile.function.reduce((max, f) => (BigInt(f.id) > max ? BigInt(f.id) : max), 0n) + 1n;
  const functionOfName = new Map<string, number | bigint>();
  const added: PprofFunction[] = [];
  const location = profile.location.map((l) => {
    if (l.line.length > 0) return l;
    const file = mappingFile.get(String(l.mappingId)) ?? '';
    const name = file === '' ? '<unknown>' : `[${baseName(file)}]`;
    let id = functionOfName.get(name);
    if (id === undefined) {
      id = nextId <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(nextId) : nextId;
      nextId += 1n;
      functionOfName.set(name, id);
      const nameIndex = strings.dedup(name);
      added.push(new PprofFunction({ id, name: nameIndex, systemName: nameIndex, filename: 0, startLine: 0 }));
    }
    return new Location({ id: l.id, mappingId: l.mappingId, address: l.address, isFolded: l.isFolded, line: [new Line({ functionId: id, line: 0 })] });
  });
  return new Profile({ ...profile, location, function: [...profile.function, ...added] });
}

function baseName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return slash < 0 ? trimmed : trimmed.slice(slash + 1);
}

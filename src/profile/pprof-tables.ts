import { Function as PprofFunction, Line, Location, StringTable } from 'pprof-format';
import { functionKey } from './function-identity.js';
import type { ResolvedFrame } from './function-identity.js';

/**
 * The string, function and location tables of a pprof profile being built: one function
 * per identity (name and file), one location per function and line.
 */
export interface PprofTables {
  readonly strings: StringTable;
  readonly functions: PprofFunction[];
  readonly locations: Location[];
  /** The location of `frame` at `line` (1-based; the function's first line when omitted). */
  location(frame: ResolvedFrame, line?: number): number;
}

export function pprofTables(): PprofTables {
  const strings = new StringTable();
  const functions: PprofFunction[] = [];
  const functionIds = new Map<string, number>();
  const locations: Location[] = [];
  const locationIds = new Map<string, number>();
  return {
    strings,
    functions,
    locations,
    location(frame, line) {
      const key = functionKey(frame.identity);
      let functionId = functionIds.get(key);
      if (functionId === undefined) {
        functionId = functions.length + 1;
        const name = strings.dedup(frame.identity.name);
        // pprof's system name is the name the runtime knows a function by: for a frame a source
        // map moved, that is the generated script, which is how symbolication counts mapped frames;
        // a compiled script without a map is marked the same way, so written profiles keep it too.
        const systemName = frame.mapped
          ? strings.dedup(sourceMappedSystemName(frame.identity.name, frame.scriptPath))
          : frame.compiledWithoutMap
            ? strings.dedup(compiledWithoutMapSystemName(frame.identity.name))
            : name;
        functions.push(new PprofFunction({ id: functionId, name, systemName, filename: strings.dedup(frame.identity.file), startLine: frame.startLine }));
        functionIds.set(key, functionId);
      }
      const shownLine = line ?? frame.startLine;
      const locationKey = `${functionId}:${shownLine}`;
      let locationId = locationIds.get(locationKey);
      if (locationId === undefined) {
        locationId = locations.length + 1;
        locations.push(new Location({ id: locationId, line: [new Line({ functionId, line: shownLine })] }));
        locationIds.set(locationKey, locationId);
      }
      return locationId;
    },
  };
}

/** `name [server.js]`: a source-mapped function's system name, the generated script's base name in brackets. */
export function sourceMappedSystemName(name: string, scriptPath: string): string {
  return `${name} [${scriptPath.slice(Math.max(scriptPath.lastIndexOf('/'), scriptPath.lastIndexOf('\\')) + 1)}]`;
}

/** Whether a function's system name says a source map moved it (see sourceMappedSystemName). */
export function isSourceMapped(name: string, systemName: string): boolean {
  return systemName.length > name.length + 3 && systemName.startsWith(`${name} [`) && systemName.endsWith(']') && !isCompiledWithoutMap(name, systemName);
}

const NO_SOURCE_MAP = '[no source map]';

/** `name [no source map]`: a function in compiled code whose source map was not found; its file and lines are the generated ones. */
export function compiledWithoutMapSystemName(name: string): string {
  return `${name} ${NO_SOURCE_MAP}`;
}

/** Whether a function's system name says it is compiled code without a source map (see compiledWithoutMapSystemName). */
export function isCompiledWithoutMap(name: string, systemName: string): boolean {
  return systemName === compiledWithoutMapSystemName(name);
}

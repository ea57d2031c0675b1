import type { Profile } from 'pprof-format';
import { PerfgateError } from '../errors.js';
import { functionKey } from '../profile/function-identity.js';
import type { FunctionCost } from './trial.js';

export interface FunctionTable {
  /** Sum of the chosen value over all samples. */
  readonly total: number;
  readonly functions: Record<string, FunctionCost>;
}

/**
 * Self and total value per function (keyed by name and file) from a pprof profile, using
 * the sample type named `valueType` (default `cpu`, else the last one, as pprof does).
 */
export function functionTable(profile: Profile, source: string, valueType = 'cpu'): FunctionTable {
  const strings = profile.stringTable.strings;
  const stringAt = (index: number | bigint, what: string): string => {
    const value = strings[Number(index)];
    if (value === undefined) throw new PerfgateError('PROFILE_INVALID', `${source}: ${what} refers to string ${index}, past the end of the string table (${strings.length})`);
    return value;
  };
  const types = profile.sampleType.map((t) => stringAt(t.type, 'a sample type'));
  let valueIndex = types.indexOf(valueType);
  if (valueIndex < 0) valueIndex = types.length - 1;
  if (valueIndex < 0) throw new PerfgateError('PROFILE_INVALID', `${source}: the profile has no sample types`);

  const keyOfFunction = new Map<string, { key: string; name: string; file: string }>();
  for (const fn of profile.function) {
    const name = stringAt(fn.name, `function ${fn.id}'s name`);
    const file = stringAt(fn.filename, `function ${fn.id}'s file name`);
    keyOfFunction.set(String(fn.id), { key: functionKey({ name, file }), name, file });
  }
  // A location can hold several lines (inlined frames): the last is the outermost caller.
  const keysOfLocation = new Map<string, string[]>();
  for (const location of profile.location) {
    const keys: string[] = [];
    for (let i = location.line.length - 1; i >= 0; i--) {
      const fn = keyOfFunction.get(String(location.line[i]!.functionId));
      if (!fn) throw new PerfgateError('PROFILE_INVALID', `${source}: location ${location.id} refers to unknown function ${location.line[i]!.functionId}`);
      keys.unshift(fn.key);
    }
    keysOfLocation.set(String(location.id), keys);
  }
  const info = new Map<string, { name: string; file: string }>();
  for (const fn of keyOfFunction.values()) info.set(fn.key, fn);

  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let sum = 0;
  for (const sample of profile.sample) {
    const value = Number(sample.value[valueIndex] ?? 0);
    if (!Number.isFinite(value)) throw new PerfgateError('PROFILE_INVALID', `${source}: a sample has a non-finite value`);
    if (value === 0) continue;
    sum += value;
    const seen = new Set<string>();
    let leaf = true;
    for (const locationId of sample.locationId) {
      const keys = keysOfLocation.get(String(locationId));
      if (!keys) throw new PerfgateError('PROFILE_INVALID', `${source}: a sample refers to unknown location ${locationId}`);
      for (const key of keys) {
        if (leaf) {
          self.set(key, (self.get(key) ?? 0) + value);
          leaf = false;
        }
        if (!seen.has(key)) {
          seen.add(key);
          total.set(key, (total.get(key) ?? 0) + value);
        }
      }
    }
  }
  const functions: Record<string, FunctionCost> = Object.create(null) as Record<string, FunctionCost>;
  for (const [key, totalValue] of total) {
    const meta = info.get(key)!;
    functions[key] = { name: meta.name, file: meta.file, selfNanos: self.get(key) ?? 0, totalNanos: totalValue };
  }
  return { total: sum, functions };
}

import type { Profile } from 'pprof-format';
import { PerfgateError } from '../errors.js';
import { functionKey } from '../profile/function-identity.js';
import type { FunctionCost } from './trial.js';
import { stringAtOf } from '../profile/string-at.js';

export interface FunctionTable {
  /** Sum of the chosen value over all samples. */
  readonly total: number;
  /** What one sample stands for in the chosen value: the profile's period, when it is of that type. */
  readonly sampleValue?: number;
  readonly functions: Record<string, FunctionCost>;
}

/**
 * Self and total value per function (keyed by name and file) from a pprof profile, using
 * the sample type named `valueType` (default `cpu`, else the last one, as pprof does).
 *
 * This runs once per trial over every frame of every sample, so it works on dense
 * integer indexes: each distinct function key gets a slot in a typed array, each location
 * the slots of its lines, and "already counted in this sample" is a stamp per slot
 * rather than a set per sample (docs/benchmarks/README.md measures it).
 */
export function functionTable(profile: Profile, source: string, valueType = 'cpu'): FunctionTable {
  const stringAt = stringAtOf(profile, source);
  const types = profile.sampleType.map((t) => stringAt(t.type, 'a sample type'));
  let valueIndex = types.indexOf(valueType);
  if (valueIndex < 0) valueIndex = types.length - 1;
  if (valueIndex < 0) throw new PerfgateError('PROFILE_INVALID', `${source}: the profile has no sample types`);

  // Function id → slot of its key; several ids may share a key (same name and file).
  const slotOfKey = new Map<string, number>();
  const keys: string[] = [];
  const names: string[] = [];
  const files: string[] = [];
  const slotOfFunction = new Map<number | string, number>();
  for (const fn of profile.function) {
    const name = stringAt(fn.name, `function ${fn.id}'s name`);
    const file = stringAt(fn.filename, `function ${fn.id}'s file name`);
    const key = functionKey({ name, file });
    let slot = slotOfKey.get(key);
    if (slot === undefined) {
      slot = keys.length;
      slotOfKey.set(key, slot);
      keys.push(key);
    }
    // The last function with a key names it.
    names[slot] = name;
    files[slot] = file;
    slotOfFunction.set(idOf(fn.id), slot);
  }
  // A location can hold several lines (inlined frames): the first is the innermost
  // callee, the last the outermost caller. All locations' slots sit in one flat array
  // (location i's from offsets[i] to offsets[i + 1]), found by position when the ids are
  // 1..n as most writers number them, else through a map.
  const locations = profile.location;
  const offsets = new Int32Array(locations.length + 1);
  for (let i = 0; i < locations.length; i++) offsets[i + 1] = offsets[i]! + locations[i]!.line.length;
  const flat = new Int32Array(offsets[locations.length]!);
  const dense = locations.every((location, i) => Number(location.id) === i + 1);
  const indexOfLocation = dense ? undefined : new Map<number | string, number>();
  for (let i = 0; i < locations.length; i++) {
    const location = locations[i]!;
    for (let l = 0; l < location.line.length; l++) {
      const slot = slotOfFunction.get(idOf(location.line[l]!.functionId));
      if (slot === undefined) throw new PerfgateError('PROFILE_INVALID', `${source}: location ${location.id} refers to unknown function ${location.line[l]!.functionId}`);
      flat[offsets[i]! + l] = slot;
    }
    indexOfLocation?.set(idOf(location.id), i);
  }

  // Per slot: self, total, and the sample (1-based) that last counted its total, side by
  // side so that one frame touches one cache line; recursion counts once per sample.
  const perSlot = new Float64Array(3 * keys.length);
  // Slots in the order they first appear, which is the order of the returned record.
  const order: number[] = [];
  let sum = 0;
  let sampleNumber = 0;
  for (const sample of profile.sample) {
    sampleNumber += 1;
    const value = Number(sample.value[valueIndex] ?? 0);
    if (!Number.isFinite(value)) throw new PerfgateError('PROFILE_INVALID', `${source}: a sample has a non-finite value`);
    if (value === 0) continue;
    sum += value;
    let leaf = true;
    for (const locationId of sample.locationId) {
      const index = indexOfLocation ? indexOfLocation.get(idOf(locationId)) : denseIndex(locationId, locations.length);
      if (index === undefined) throw new PerfgateError('PROFILE_INVALID', `${source}: a sample refers to unknown location ${locationId}`);
      for (let k = offsets[index]!, end = offsets[index + 1]!; k < end; k++) {
        const at = 3 * flat[k]!;
        if (leaf) {
          perSlot[at]! += value;
          leaf = false;
        }
        if (perSlot[at + 2] !== sampleNumber) {
          if (perSlot[at + 2] === 0) order.push(at / 3);
          perSlot[at + 2] = sampleNumber;
          perSlot[at + 1]! += value;
        }
      }
    }
  }
  const functions: Record<string, FunctionCost> = Object.create(null) as Record<string, FunctionCost>;
  for (const slot of order) {
    functions[keys[slot]!] = { name: names[slot]!, file: files[slot]!, selfNanos: perSlot[3 * slot]!, totalNanos: perSlot[3 * slot + 1]! };
  }
  const period = Number(profile.period ?? 0);
  const periodType = profile.periodType ? stringAt(profile.periodType.type, 'the period type') : '';
  return { total: sum, ...(period > 0 && periodType === types[valueIndex] ? { sampleValue: period } : {}), functions };
}

/** Position of location `id` when ids are 1..count; undefined for any other id. */
function denseIndex(id: number | bigint, count: number): number | undefined {
  const index = Number(id) - 1;
  return Number.isInteger(index) && index >= 0 && index < count ? index : undefined;
}

/** Ids are uint64: numbers while they fit, decimal strings beyond (the decoder gives bigints there). */
function idOf(id: number | bigint): number | string {
  if (typeof id === 'number') return id;
  return id <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(id) : String(id);
}

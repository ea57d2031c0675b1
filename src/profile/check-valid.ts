import type { Profile } from 'pprof-format';
import { PerfgateError } from '../errors.js';
import type { ProfileLimits } from './profile-limits.js';

type Numeric = number | bigint;

/**
 * pprof's CheckValid for a decoded profile, plus the references its decoder resolves:
 * every id is non-zero and unique, every reference (sample → location → function,
 * location → mapping) resolves, every string index is inside the string table, every
 * sample has one value per sample type, and the sizes stay within `limits`. The first
 * fault is thrown as PROFILE_INVALID naming `source` and the offending id, so nothing
 * downstream ever sees a broken profile.
 */
export function checkValid(profile: Profile, source: string, limits: ProfileLimits): void {
  const fail = (message: string): never => {
    throw new PerfgateError('PROFILE_INVALID', `${source}: ${message}`);
  };
  const strings = profile.stringTable.strings;
  if (strings.length > 0 && strings[0] !== '') fail(`string_table[0] must be "" (got ${JSON.stringify(strings[0]!.slice(0, 40))})`);
  const checkString = (index: Numeric, what: string) => {
    const i = Number(index);
    if (!Number.isInteger(i) || i < 0 || i >= strings.length) fail(`${what} refers to string ${String(index)}, outside the string table (${strings.length} strings)`);
  };

  for (const [count, limit, what] of [
    [profile.sample.length, limits.maxSamples, 'samples'],
    [profile.location.length, limits.maxLocations, 'locations'],
    [profile.function.length, limits.maxFunctions, 'functions'],
  ] as const) {
    if (count > limit) fail(`${count} ${what}, more than the limit of ${limit} (docs/limits.md)`);
  }

  profile.sampleType.forEach((t, i) => {
    checkString(t.type, `sample type ${i + 1}`);
    checkString(t.unit, `sample type ${i + 1}'s unit`);
  });
  if (profile.periodType) {
    checkString(profile.periodType.type, 'the period type');
    checkString(profile.periodType.unit, "the period type's unit");
  }
  checkString(profile.dropFrames, 'drop_frames');
  checkString(profile.keepFrames, 'keep_frames');
  checkString(profile.defaultSampleType, 'default_sample_type');
  checkString(profile.docUrl, 'doc_url');
  profile.comment.forEach((c, i) => checkString(c, `comment ${i + 1}`));

  const mappings = uniqueIds(profile.mapping, 'mapping', fail);
  for (const m of profile.mapping) {
    checkString(m.filename, `mapping ${m.id}'s file name`);
    checkString(m.buildId, `mapping ${m.id}'s build id`);
  }
  const functions = uniqueIds(profile.function, 'function', fail);
  for (const f of profile.function) {
    checkString(f.name, `function ${f.id}'s name`);
    checkString(f.systemName, `function ${f.id}'s system name`);
    checkString(f.filename, `function ${f.id}'s file name`);
  }
  const locations = uniqueIds(profile.location, 'location', fail);
  // Most writers number locations 1..n; then a sample's reference is checked by range, not
  // looked up in a set of hundreds of thousands (every frame of every sample is checked).
  const dense = profile.location.every((l, i) => Number(l.id) === i + 1);
  const knownLocation = (id: Numeric) => (dense ? isInRange(id, profile.location.length) : locations.has(idKey(id)));
  for (const l of profile.location) {
    if (!isZero(l.mappingId) && !mappings.has(idKey(l.mappingId))) fail(`location ${l.id} refers to unknown mapping ${l.mappingId}`);
    l.line.forEach((line, i) => {
      if (isZero(line.functionId)) fail(`location ${l.id}'s line ${i + 1} has no function (id 0)`);
      if (!functions.has(idKey(line.functionId))) fail(`location ${l.id} refers to unknown function ${line.functionId}`);
    });
  }

  const types = profile.sampleType.length;
  if (types === 0 && profile.sample.length > 0) fail('the profile has samples but no sample types');
  profile.sample.forEach((sample, i) => {
    if (sample.value.length !== types) {
      fail(`sample ${i + 1} has ${sample.value.length} value(s) but the profile has ${types} sample type(s) (${typeNames(profile)})`);
    }
    if (sample.locationId.length > limits.maxStackDepth) fail(`sample ${i + 1} has a stack of ${sample.locationId.length} locations, deeper than the limit of ${limits.maxStackDepth} (docs/limits.md)`);
    for (const id of sample.locationId) {
      if (isZero(id)) fail(`sample ${i + 1} refers to location 0 (reserved)`);
      if (!knownLocation(id)) fail(`sample ${i + 1} refers to unknown location ${id}`);
    }
    for (const label of sample.label) {
      checkString(label.key, `sample ${i + 1}'s label key`);
      checkString(label.str, `sample ${i + 1}'s label value`);
      checkString(label.numUnit, `sample ${i + 1}'s label unit`);
    }
  });
}

function uniqueIds(items: ReadonlyArray<{ id: Numeric }>, what: string, fail: (message: string) => never): Set<number | string> {
  const ids = new Set<number | string>();
  for (const item of items) {
    if (isZero(item.id)) fail(`a ${what} has the reserved id 0`);
    const key = idKey(item.id);
    if (ids.has(key)) fail(`two ${what}s have the id ${key}`);
    ids.add(key);
  }
  return ids;
}

function isInRange(id: Numeric, count: number): boolean {
  const n = Number(id);
  return Number.isInteger(n) && n >= 1 && n <= count;
}

function isZero(id: Numeric): boolean {
  return id === 0 || id === 0n;
}

/**
 * An id as a set key: the decoder gives numbers, or bigints past 2^53. Checking every
 * frame of every sample is most of the cost of reading a large profile, so numbers stay
 * numbers (a string per frame doubled the time to read a profile).
 */
function idKey(id: Numeric): number | string {
  if (typeof id === 'number') return id;
  return id <= BigInt(Number.MAX_SAFE_INTEGER) && id >= 0n ? Number(id) : String(id);
}

function typeNames(profile: Profile): string {
  const s = profile.stringTable.strings;
  return profile.sampleType.map((t) => `${s[Number(t.type)] ?? '?'}/${s[Number(t.unit)] ?? '?'}`).join(', ');
}

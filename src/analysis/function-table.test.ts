import { readFileSync } from 'node:fs';
import { Function as PprofFunction, Line, Location, Profile, Sample, StringTable, ValueType } from 'pprof-format';
import { describe, expect, it } from 'vitest';
import { decodePprof } from '../profile/pprof-codec.js';
import { functionTable } from './function-table.js';
import { seededRandom } from './prng.js';
import type { FunctionCost } from './trial.js';

/**
 * The plain definition, kept as the oracle for the indexed implementation: per sample,
 * the leaf's key gets self, every distinct key on the stack gets total once.
 */
function oracle(profile: Profile, valueType = 'cpu'): { total: number; functions: Record<string, FunctionCost> } {
  const s = profile.stringTable.strings;
  const types = profile.sampleType.map((t) => s[Number(t.type)]!);
  const index = types.includes(valueType) ? types.indexOf(valueType) : types.length - 1;
  const fnById = new Map(profile.function.map((f) => [Number(f.id), { name: s[Number(f.name)]!, file: s[Number(f.filename)]! }]));
  const keyOf = (f: { name: string; file: string }) => (f.file === '' ? f.name : `${f.file}#${f.name}`);
  const locById = new Map(profile.location.map((l) => [Number(l.id), l.line.map((line) => fnById.get(Number(line.functionId))!)]));
  const functions: Record<string, FunctionCost> = {};
  let total = 0;
  for (const sample of profile.sample) {
    const value = Number(sample.value[index]);
    if (value === 0) continue;
    total += value;
    const frames = sample.locationId.flatMap((id) => locById.get(Number(id))!);
    frames.forEach((frame, i) => {
      const key = keyOf(frame);
      const entry = (functions[key] ??= { name: frame.name, file: frame.file, selfNanos: 0, totalNanos: 0 });
      if (i === 0) (entry as { selfNanos: number }).selfNanos += value;
      if (frames.findIndex((f) => keyOf(f) === key) === i) (entry as { totalNanos: number }).totalNanos += value;
    });
  }
  return { total, functions };
}

/** A random profile with what real ones have: inlined frames (several lines per location), recursion, shared names across files, zero-valued samples. */
function randomProfile(seed: number, firstLocationId = 100): Profile {
  const random = seededRandom(seed);
  const strings = new StringTable();
  const functions = Array.from({ length: 40 }, (_, i) => {
    const name = strings.dedup(`f${i % 25}`);
    return new PprofFunction({ id: i + 1, name, systemName: name, filename: strings.dedup(i % 7 === 0 ? '' : `src/m${i % 3}.js`) });
  });
  const locations = Array.from({ length: 60 }, (_, i) => {
    const lines = 1 + Math.floor(random() * 3);
    return new Location({ id: firstLocationId + i, line: Array.from({ length: lines }, () => new Line({ functionId: 1 + Math.floor(random() * 40), line: 1 })) });
  });
  const samples = Array.from({ length: 500 }, () => {
    const depth = 1 + Math.floor(random() * 12);
    const stack = Array.from({ length: depth }, () => firstLocationId + Math.floor(random() * 60));
    const value = random() < 0.1 ? 0 : 1 + Math.floor(random() * 1000);
    return new Sample({ locationId: stack, value: [1, value] });
  });
  return new Profile({
    sampleType: [new ValueType({ type: strings.dedup('samples'), unit: strings.dedup('count') }), new ValueType({ type: strings.dedup('cpu'), unit: strings.dedup('nanoseconds') })],
    sample: samples,
    location: locations,
    function: functions,
    stringTable: strings,
  });
}

describe('functionTable', () => {
  it('gives exactly what the plain definition gives, on random profiles with inlining and recursion', () => {
    // Location ids 1..n are found by position, any others through a map: both ways.
    for (const [seed, firstLocationId] of [[1, 100], [2, 1], [3, 100], [4, 1], [5, 7]] as const) {
      const profile = randomProfile(seed, firstLocationId);
      const table = functionTable(profile, 'random');
      const expected = oracle(profile);
      expect(table.total).toBe(expected.total);
      expect({ ...table.functions }).toEqual(expected.functions);
      // The record lists functions in the order samples first reach them (baselines are written in this order).
      expect(Object.keys(table.functions)).toEqual(Object.keys(expected.functions));
    }
  });

  it('reads the other sample types by name, and the last one when the name is missing', () => {
    const profile = randomProfile(9);
    const counts = functionTable(profile, 'random', 'samples');
    expect(counts.total).toBe(oracle(profile, 'samples').total);
    expect(functionTable(profile, 'random', 'no-such-type').total).toBe(oracle(profile).total);
  });

  it('gives the same on a real third-party profile (Go)', () => {
    const bytes = readFileSync(new URL('../../../shared/testdata/pprof/gobench.cpu.pb.gz', import.meta.url));
    const profile = decodePprof(bytes, 'gobench.cpu.pb.gz');
    const table = functionTable(profile, 'gobench');
    const expected = oracle(profile);
    expect(table.total).toBe(expected.total);
    expect({ ...table.functions }).toEqual(expected.functions);
  });

  it('names the unknown function or location a broken profile refers to', () => {
    const profile = randomProfile(3);
    profile.location[0]!.line[0]!.functionId = 999;
    expect(() => functionTable(profile, 'broken.pb.gz')).toThrow(/broken\.pb\.gz: location 100 refers to unknown function 999/);
    const other = randomProfile(3);
    other.sample.push(new Sample({ locationId: [7], value: [1, 5] }));
    expect(() => functionTable(other, 'broken.pb.gz')).toThrow(/broken\.pb\.gz: a sample refers to unknown location 7/);
    const numbered = randomProfile(3, 1);
    numbered.sample.push(new Sample({ locationId: [61], value: [1, 5] }));
    expect(() => functionTable(numbered, 'broken.pb.gz')).toThrow(/broken\.pb\.gz: a sample refers to unknown location 61/);
  });
});

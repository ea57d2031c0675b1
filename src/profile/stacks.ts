import type { Profile } from 'pprof-format';
import { PerfgateError } from '../errors.js';
import { functionKey } from './function-identity.js';
import { stringAtOf } from './string-at.js';

/** A function as a stack frame: perfgate's identity (name and file) plus where it starts. */
export interface StackFunction {
  /** `file#name` (or the bare name for native frames), as in function tables and findings. */
  readonly key: string;
  readonly name: string;
  readonly file: string;
  /** The function's first line, 0 when the profile does not say. */
  readonly line: number;
}

/**
 * Calls `visit` once per sample with a non-zero value of the sample type `sampleType`,
 * with the stack outermost caller first. Inlined frames (several lines in one location)
 * are expanded, the last line being the outermost. The frame objects are shared between
 * calls, so a visitor may key maps by them. Throws PROFILE_INVALID naming `source` for a
 * dangling reference or a missing sample type.
 */
export function forEachStack(profile: Profile, source: string, sampleType: string, visit: (frames: readonly StackFunction[], value: number) => void): void {
  const stringAt = stringAtOf(profile, source);
  const valueIndex = sampleTypeIndex(profile, source, sampleType);

  // Ids keyed as numbers: String() of every frame of every sample was most of this loop's time.
  const functions = new Map<number, StackFunction>();
  for (const fn of profile.function) {
    const name = stringAt(fn.name, `function ${fn.id}'s name`);
    const file = stringAt(fn.filename, `function ${fn.id}'s file name`);
    functions.set(Number(fn.id), { key: functionKey({ name, file }), name, file, line: Number(fn.startLine) });
  }
  const framesOfLocation = new Map<number, StackFunction[]>();
  for (const location of profile.location) {
    const frames: StackFunction[] = [];
    for (let i = location.line.length - 1; i >= 0; i--) {
      const fn = functions.get(Number(location.line[i]!.functionId));
      if (!fn) throw new PerfgateError('PROFILE_INVALID', `${source}: location ${location.id} refers to unknown function ${location.line[i]!.functionId}`);
      frames.push(fn);
    }
    framesOfLocation.set(Number(location.id), frames);
  }

  const stack: StackFunction[] = [];
  for (const sample of profile.sample) {
    const value = Number(sample.value[valueIndex] ?? 0);
    if (!Number.isFinite(value)) throw new PerfgateError('PROFILE_INVALID', `${source}: a sample has a non-finite ${sampleType} value`);
    if (value === 0) continue;
    stack.length = 0;
    // pprof lists the leaf first; the visitor wants the root first.
    for (let i = sample.locationId.length - 1; i >= 0; i--) {
      const frames = framesOfLocation.get(Number(sample.locationId[i]));
      if (!frames) throw new PerfgateError('PROFILE_INVALID', `${source}: a sample refers to unknown location ${sample.locationId[i]}`);
      for (const frame of frames) stack.push(frame);
    }
    visit(stack, value);
  }
}

/** The names of a profile's sample types, in order (`cpu`, `samples`, `alloc_space`, …). */
export function sampleTypes(profile: Profile): string[] {
  return profile.sampleType.map((t) => profile.stringTable.strings[Number(t.type)] ?? '');
}

function sampleTypeIndex(profile: Profile, source: string, sampleType: string): number {
  const types = sampleTypes(profile);
  const index = types.indexOf(sampleType);
  if (index < 0) throw new PerfgateError('PROFILE_INVALID', `${source}: no sample type "${sampleType}" (the profile has ${types.length > 0 ? types.map((t) => `"${t}"`).join(', ') : 'none'})`);
  return index;
}

/**
 * The first line of every function in the profiles, keyed like findings (`file#name`);
 * the first profile that knows a function wins, so pass the candidate's first.
 */
export function functionLines(profiles: readonly Profile[]): Record<string, number> {
  const lines = Object.create(null) as Record<string, number>;
  for (const profile of profiles) {
    const strings = profile.stringTable.strings;
    for (const fn of profile.function) {
      const line = Number(fn.startLine);
      if (line <= 0) continue;
      const key = functionKey({ name: strings[Number(fn.name)] ?? '', file: strings[Number(fn.filename)] ?? '' });
      if (!(key in lines)) lines[key] = line;
    }
  }
  return lines;
}

import type { Profile } from 'pprof-format';
import { PerfgateError } from '../errors.js';
import { isGroup } from './function-identity.js';
import { isCompiledWithoutMap, isSourceMapped } from './pprof-tables.js';
import { sampleTypes } from './stacks.js';

/** Why a frame has no source file and line, as far as the profile can tell. */
export type UnsymbolizedCause =
  /** An address inside a binary the profiler had no symbols for (`[binary]`). */
  | 'stripped-binary'
  /** An address with no binary named for it (`<unknown>`): a profile written unsymbolized and without the binary's name, or JIT code. */
  | 'unknown-address'
  /** Code compiled from a string (`eval`, `new Function`): it has no file. */
  | 'eval'
  /** A named function with no file: native code (a C++ builtin or addon, a JVM intrinsic). */
  | 'native-code'
  /** A file but no line: the profiler or its symbolizer recorded no line table. */
  | 'no-line';

export interface UnsymbolizedFrame {
  readonly name: string;
  readonly cause: UnsymbolizedCause;
  /** Share of the sample type's total whose leaf frame this is. */
  readonly share: number;
}

/**
 * How much of a profile can be traced to source: the share of a sample type's value whose
 * leaf frame — the one that owns the time or the bytes — has a file and a line, or is named
 * native code called from such a frame (see sourceOf). The continuous-profiling SLI is at
 * least 95%.
 */
export interface Symbolication {
  readonly sampleType: string;
  /** Symbolized value over the value in code at all; 1 when there is none. */
  readonly rate: number;
  readonly symbolized: number;
  readonly total: number;
  /**
   * Share of `total` whose leaf is named native code reached from source (counted as
   * symbolized, charged to that caller's line): a V8 builtin, a binding such as `writev`.
   */
  readonly nativeShare: number;
  /**
   * Share of `total` whose source frame reached its original file through a source map (a
   * compiled service: TypeScript, a bundle); 0 for a service run from its own sources.
   */
  readonly sourceMappedShare: number;
  /**
   * Share of the value charged to the V8 VM's pseudo-frames (`(garbage collector)`,
   * `(program)`, `(idle)`): time no source exists for, so it is left out of `rate` rather
   * than counted as a symbolization failure.
   */
  readonly vmShare: number;
  /** The largest unsymbolized leaf frames, most first (at most 5). */
  readonly largestUnsymbolized: readonly UnsymbolizedFrame[];
  /**
   * Share of `total` counted as symbolized whose source frame is in compiled code with no
   * source map (TypeScript run from its .js output, a bundle): it has a file and a line, but
   * the generated ones. `rate` minus this is the share traced to the code as written.
   */
  readonly compiledWithoutMapShare: number;
  /** The largest of those source frames, most first (at most 5). */
  readonly largestCompiledWithoutMap: readonly CompiledFrame[];
}

export interface CompiledFrame {
  readonly name: string;
  /** The generated file, as the profile names it. */
  readonly file: string;
  /** Share of the sample type's total that reached source through this frame. */
  readonly share: number;
}

/** The SLI of continuous profiling: below this a report warns. */
export const SYMBOLICATION_TARGET = 0.95;

const VM_FRAMES = new Set(['(garbage collector)', '(program)', '(idle)', '(root)']);

/**
 * The symbolication of one sample type of a profile (decoded, so unsymbolized addresses
 * already carry their `[binary]` or `<unknown>` names). Throws PROFILE_INVALID naming
 * `source` when the sample type is missing.
 */
export function symbolication(profile: Profile, sampleType: string, source: string): Symbolication {
  const types = sampleTypes(profile);
  const index = types.indexOf(sampleType);
  if (index < 0) throw new PerfgateError('PROFILE_INVALID', `${source}: no sample type "${sampleType}" (the profile has ${types.map((t) => `"${t}"`).join(', ') || 'none'})`);
  const strings = profile.stringTable.strings;
  const functions = new Map(
    profile.function.map((f) => {
      const name = strings[Number(f.name)] ?? '';
      const systemName = strings[Number(f.systemName)] ?? '';
      return [String(f.id), { name, file: strings[Number(f.filename)] ?? '', startLine: Number(f.startLine), mapped: isSourceMapped(name, systemName), compiled: isCompiledWithoutMap(name, systemName) }];
    }),
  );
  const locations = new Map(profile.location.map((l) => [String(l.id), l]));
  let total = 0;
  let symbolized = 0;
  let vm = 0;
  const missing = new Map<string, { cause: UnsymbolizedCause; value: number }>();
  let native = 0;
  let mapped = 0;
  const compiled = new Map<string, { name: string; file: string; value: number }>();
  for (const sample of profile.sample) {
    const value = Number(sample.value[index] ?? 0);
    if (!(value > 0)) continue;
    const frames = framesOf(sample.locationId, locations, functions);
    const leaf = frames[0] ?? UNKNOWN;
    if (VM_FRAMES.has(leaf.name) && leaf.file === '') {
      vm += value;
      continue;
    }
    total += value;
    const found = sourceOf(frames);
    if (found.symbolized) {
      symbolized += value;
      if (found.throughNative) native += value;
      if (found.frame.mapped) mapped += value;
      if (found.frame.compiled) {
        const key = `${found.frame.file}#${found.frame.name}`;
        const entry = compiled.get(key) ?? { name: found.frame.name, file: found.frame.file, value: 0 };
        entry.value += value;
        compiled.set(key, entry);
      }
      continue;
    }
    const culprit = found.frame;
    const entry = missing.get(culprit.name) ?? { cause: causeOf(culprit.name, culprit.file), value: 0 };
    entry.value += value;
    missing.set(culprit.name, entry);
  }
  const largestUnsymbolized = [...missing]
    .sort((a, b) => b[1].value - a[1].value || a[0].localeCompare(b[0]))
    .slice(0, 5)
    .map(([name, { cause, value }]) => ({ name, cause, share: value / total }));
  return {
    sampleType,
    rate: total > 0 ? symbolized / total : 1,
    symbolized,
    total,
    nativeShare: total > 0 ? native / total : 0,
    sourceMappedShare: total > 0 ? mapped / total : 0,
    vmShare: vm + total > 0 ? vm / (vm + total) : 0,
    largestUnsymbolized,
    compiledWithoutMapShare: total > 0 ? [...compiled.values()].reduce((sum, c) => sum + c.value, 0) / total : 0,
    largestCompiledWithoutMap: [...compiled.values()]
      .sort((a, b) => b.value - a.value || a.file.localeCompare(b.file) || a.name.localeCompare(b.name))
      .slice(0, 5)
      .map(({ name, file, value }) => ({ name, file, share: value / total })),
  };
}

const UNKNOWN: Frame = { name: '<unknown>', file: '', line: 0, mapped: false, compiled: false };

interface Frame {
  readonly name: string;
  readonly file: string;
  /** The line of the location, or else the function's first line; 0 when neither is known. */
  readonly line: number;
  /** A source map moved it from a generated script. */
  readonly mapped: boolean;
  /** Compiled code whose source map was not found: file and line are the generated ones. */
  readonly compiled: boolean;
}

/** A sample's frames, leaf first, inlined frames expanded (a location's first line is its innermost). */
function framesOf(
  locationIds: ReadonlyArray<number | bigint>,
  locations: ReadonlyMap<string, Profile['location'][number]>,
  functions: ReadonlyMap<string, { name: string; file: string; startLine: number; mapped: boolean; compiled: boolean }>,
): Frame[] {
  const frames: Frame[] = [];
  for (const id of locationIds) {
    const location = locations.get(String(id));
    if (!location || location.line.length === 0) {
      frames.push(UNKNOWN);
      continue;
    }
    for (const line of location.line) {
      const fn = functions.get(String(line.functionId));
      frames.push(fn ? { name: fn.name, file: fn.file, line: Number(line.line) > 0 ? Number(line.line) : fn.startLine, mapped: fn.mapped, compiled: fn.compiled } : UNKNOWN);
    }
  }
  return frames;
}

/**
 * Whether a sample reaches source: its leaf has a file and line; or its leaf is named
 * native code (a V8 builtin such as Array.prototype.push, a binding such as writev, the
 * JVM's own frames) called — through named native frames only — from a frame with a file
 * and line, which is where the time can be acted on. An unnamed address (`<unknown>`,
 * `[binary]`) on the way stops it: that is a symbolization failure, whoever called it.
 * Either way, the frame that decided it: the source frame, or the one to blame.
 */
function sourceOf(frames: readonly Frame[]): { symbolized: boolean; throughNative: boolean; frame: Frame } {
  const leaf = frames[0] ?? UNKNOWN;
  for (let i = 0; i < frames.length; i++) {
    const frame = frames[i]!;
    // Node's own modules are resolved by V8 to node:internal files and lines, and perfgate's agent
    // to its bundle; perfgate folds each into one frame on purpose.
    if (frame.file !== '') return { symbolized: frame.line > 0 || isGroup(frame), throughNative: i > 0, frame };
    if (isAddress(frame.name)) return { symbolized: false, throughNative: false, frame };
  }
  return { symbolized: false, throughNative: false, frame: leaf };
}

function isAddress(name: string): boolean {
  return name === '<unknown>' || name === '' || /^\[.*\]$/.test(name);
}

function causeOf(name: string, file: string): UnsymbolizedCause {
  if (file !== '') return 'no-line';
  if (/^\[.*\]$/.test(name)) return 'stripped-binary';
  if (isAddress(name)) return 'unknown-address';
  if (/\beval\b|^anonymous$|evalmachine/.test(name)) return 'eval';
  return 'native-code';
}

const CAUSE_TEXT: Record<UnsymbolizedCause, string> = {
  'stripped-binary': 'addresses in a binary without symbols: it was stripped (`-ldflags=-s -w`, `strip`) or its symbols were not where the profile was symbolized',
  'unknown-address': 'addresses with no binary named for them: a profile written without symbols or its binary\'s name (symbolize it against the binary: `go tool pprof -symbolize=local BINARY FILE`), or JIT-compiled code',
  eval: 'code compiled from a string (eval, new Function), which has no file',
  'native-code': 'native code (C++ builtins, addons, JVM intrinsics), which has no source file',
  'no-line': 'files without line tables: the binary has no debug line information, or for compiled JavaScript no source map was found',
};

/** The warning for a rate below the target, naming the largest unsymbolized frames and the likely cause; null at or above it. */
export function symbolicationWarning(s: Symbolication, what: string): string | null {
  if (s.rate >= SYMBOLICATION_TARGET || s.total === 0) return null;
  const frames = s.largestUnsymbolized.map((f) => `${f.name} ${(f.share * 100).toFixed(1)}%`).join(', ');
  const causes = [...new Set(s.largestUnsymbolized.map((f) => f.cause))].map((c) => CAUSE_TEXT[c]);
  return (
    `Only ${(s.rate * 100).toFixed(1)}% of ${what} can be traced to a source file and line (target ${SYMBOLICATION_TARGET * 100}%): the rest is reported under frames without source. ` +
    `Largest: ${frames}. Likely cause: ${causes.join('; ')}.`
  );
}

/**
 * The warning for compiled code run without its source map, when that leaves less than the
 * target traced to the code as written: such frames count as symbolized (they have a file and
 * a line), but the generated ones. Names the largest; null when there is nothing to say.
 */
export function sourceMapWarning(s: Symbolication, what: string): string | null {
  if (s.compiledWithoutMapShare <= 0 || s.rate - s.compiledWithoutMapShare >= SYMBOLICATION_TARGET || s.total === 0) return null;
  const frames = s.largestCompiledWithoutMap.map((f) => `${f.name} (${f.file}) ${(f.share * 100).toFixed(1)}%`).join(', ');
  return (
    `No source map: ${(s.compiledWithoutMapShare * 100).toFixed(1)}% of ${what} is in compiled JavaScript whose source map was not found, so its files and lines are the generated code's; ` +
    `${((s.rate - s.compiledWithoutMapShare) * 100).toFixed(1)}% can be traced to the code as written (target ${SYMBOLICATION_TARGET * 100}%). ` +
    `Largest: ${frames}. Build with a source map (tsc --sourceMap, esbuild --sourcemap) and keep the .map file where the script's sourceMappingURL comment points.`
  );
}

import { Function as PprofFunction, Line, Location, Profile, Sample, StringTable, ValueType } from 'pprof-format';
import { seededRandom } from '../../src/analysis/prng.js';

export interface ProfileShape {
  /** Sample entries (distinct stacks, as perfgate and Go write them). */
  readonly samples: number;
  /** Distinct functions (name and file), spread over 1 000 files. */
  readonly functions: number;
  /** Mean stack depth; each stack is 0.5 to 1.5 times as deep. */
  readonly depth: number;
  readonly seed: number;
  /** Makes function 0 (the hottest) this much more expensive where it is the leaf: 1.2 is +20%. */
  readonly leafFactor?: number;
}

/** Lines per function: each function has this many locations, so stacks carry line numbers as real ones do. */
const LINES_PER_FUNCTION = 2;
const FILES = 1_000;
const SAMPLE_NANOS = 1_000_000;

/**
 * A CPU profile of the given size, the same for the same shape. Frames are drawn with a
 * skew (the cube of a uniform number) so that a few functions are hot and most are
 * rare, as in real services, where the comparison tests a few dozen functions and
 * filters the long tail.
 */
export function syntheticProfile(shape: ProfileShape): Profile {
  const random = seededRandom(shape.seed);
  const strings = new StringTable();
  const samplesType = new ValueType({ type: strings.dedup('samples'), unit: strings.dedup('count') });
  const cpuType = new ValueType({ type: strings.dedup('cpu'), unit: strings.dedup('nanoseconds') });
  const files = Array.from({ length: Math.min(FILES, shape.functions) }, (_, i) => strings.dedup(`src/module-${i}.js`));
  const functions: PprofFunction[] = [];
  const locations: Location[] = [];
  for (let i = 0; i < shape.functions; i++) {
    const name = strings.dedup(`fn${i}`);
    functions.push(new PprofFunction({ id: i + 1, name, systemName: name, filename: files[i % files.length]!, startLine: 10 }));
    for (let l = 0; l < LINES_PER_FUNCTION; l++) {
      locations.push(new Location({ id: i * LINES_PER_FUNCTION + l + 1, line: [new Line({ functionId: i + 1, line: 10 + l })] }));
    }
  }
  const pick = () => Math.floor(shape.functions * random() ** 3);
  const samples: Sample[] = new Array(shape.samples);
  for (let s = 0; s < shape.samples; s++) {
    const depth = Math.max(1, Math.round(shape.depth * (0.5 + random())));
    const stack: number[] = new Array(depth);
    for (let d = 0; d < depth; d++) stack[d] = pick() * LINES_PER_FUNCTION + 1 + (random() < 0.5 ? 0 : 1);
    const count = 1 + Math.floor(random() * 4);
    const leafIsHot = Math.floor((stack[0]! - 1) / LINES_PER_FUNCTION) === 0;
    const factor = leafIsHot ? (shape.leafFactor ?? 1) : 1;
    samples[s] = new Sample({ locationId: stack, value: [count, Math.round(count * SAMPLE_NANOS * factor)] });
  }
  return new Profile({
    sampleType: [samplesType, cpuType],
    sample: samples,
    location: locations,
    function: functions,
    stringTable: strings,
    periodType: cpuType,
    period: SAMPLE_NANOS,
  });
}

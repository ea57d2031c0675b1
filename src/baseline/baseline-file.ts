import { readFileSync } from 'node:fs';
import { PerfgateError, describeError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { Baseline } from './baseline.js';
import { parseBaseline } from './parse-baseline.js';

export function readBaseline(path: string): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new PerfgateError('BASELINE_MISSING', `${path}: no baseline yet; create one with \`perfgate baseline --config <config>\` and commit it`);
    }
    throw new PerfgateError('BASELINE_INVALID', `${path}: cannot read the baseline (${describeError(error)})`);
  }
  return parseBaseline(text, path);
}

/** Numbers are rounded so the committed file stays small and its diffs readable. */
export function writeBaseline(path: string, baseline: Baseline): void {
  const text = JSON.stringify(baseline, (_key, value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(6)) : value), 1);
  writeFileAtomic(path, `${text}\n`);
}

/** Where a baseline's merged pprof profile lives: beside it, `.json` replaced by `.pb.gz`. */
export function baselineProfilePath(baselinePath: string): string {
  return `${baselinePath.replace(/\.json$/i, '')}.pb.gz`;
}

/** Where a baseline's merged allocation profile lives: beside it, `.json` replaced by `.alloc.pb.gz`. */
export function baselineAllocationProfilePath(baselinePath: string): string {
  return `${baselinePath.replace(/\.json$/i, '')}.alloc.pb.gz`;
}

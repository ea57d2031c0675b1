import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parseBaseline, type Baseline } from '../baseline/index.js';
import { PerfgateError, describeError } from '../errors.js';
import { DEFAULT_PROFILE_LIMITS, decodePprof } from '../profile/index.js';
import { MAX_ARTIFACT_REPORT_BYTES, readCappedBytes } from './report-artifact.js';

/** Where the measuring job puts the baseline the PR head had before it was re-measured, for the comment's comparison. */
export const PREVIOUS_BASELINE_FOLDER = 'previous';

/** A folder deeper or wider than this is not a baseline artifact. */
const MAX_ENTRIES = 64;

export interface BaselineArtifact {
  /** The files to commit, at their repository paths: the baseline and its profiles. */
  readonly files: ReadonlyArray<{ readonly path: string; readonly content: Buffer }>;
  readonly baseline: Baseline;
  /** The baseline the PR head had before, when the artifact carries one (shown in the comment only). */
  readonly previous: Baseline | null;
}

/**
 * Reads the baseline artifact of the accept flow: written by a job that ran the PR's code,
 * so untrusted. Only the configured baseline (a repository path, from the trusted config)
 * and its two profiles may be in it, plus the previous baseline under `previous/`; any other
 * file, a symlink or a device refuses the whole artifact. Each file is size-capped and
 * validated: the baseline by its schema, the profiles by the pprof decoder and its limits.
 */
export function readBaselineArtifact(folder: string, baselinePath: string, profilePaths: readonly string[]): BaselineArtifact {
  const previousPath = posix.join(PREVIOUS_BASELINE_FOLDER, baselinePath);
  const allowed = new Set([baselinePath, ...profilePaths, previousPath]);
  const found = listFiles(folder);
  for (const path of found) {
    if (!allowed.has(path)) {
      throw new PerfgateError('ARTIFACT_INVALID', `${join(folder, path)}: not a file of the baseline; the artifact may hold only ${[...allowed].join(', ')}; refusing all of it`);
    }
  }
  if (!found.includes(baselinePath)) throw new PerfgateError('ARTIFACT_INVALID', `${folder}: the artifact has no ${baselinePath}; did the measuring job upload it?`);
  const readJson = (path: string) => parseBaseline(readCappedBytes(join(folder, path), MAX_ARTIFACT_REPORT_BYTES).toString('utf8'), join(folder, path));
  const baseline = readJson(baselinePath);
  const files = [{ path: baselinePath, content: readCappedBytes(join(folder, baselinePath), MAX_ARTIFACT_REPORT_BYTES) }];
  for (const path of profilePaths.filter((p) => found.includes(p))) {
    const content = readCappedBytes(join(folder, path), DEFAULT_PROFILE_LIMITS.maxCompressedBytes);
    decodePprof(content, join(folder, path));
    files.push({ path, content });
  }
  return { files, baseline, previous: found.includes(previousPath) ? readJson(previousPath) : null };
}

/** Every regular file under `folder`, as a relative path with `/`; anything else is refused. */
function listFiles(folder: string): string[] {
  let root: string;
  try {
    root = realpathSync(folder);
  } catch (error) {
    throw new PerfgateError('ARTIFACT_INVALID', `${folder}: the artifact folder cannot be read (${describeError(error)}); did the download step run?`);
  }
  const files: string[] = [];
  let entries = 0;
  const walk = (relative: string) => {
    for (const name of readdirSync(join(root, relative))) {
      if (++entries > MAX_ENTRIES) throw new PerfgateError('ARTIFACT_INVALID', `${folder}: more than ${MAX_ENTRIES} entries; a baseline artifact holds at most four files`);
      const path = relative === '' ? name : `${relative}/${name}`;
      const stat = lstatSync(join(root, path));
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) files.push(path);
      else throw new PerfgateError('ARTIFACT_INVALID', `${join(folder, path)}: expected a regular file (got a ${stat.isSymbolicLink() ? 'symbolic link' : 'device or socket'}); refusing to follow it`);
    }
  };
  walk('');
  return files;
}

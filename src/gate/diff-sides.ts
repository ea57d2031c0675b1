import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Profile } from 'pprof-format';
import { globToRegExp } from '../glob.js';
import { describeError, PerfgateError } from '../errors.js';
import { checkProfileFileSize, decodePprof } from '../profile/index.js';

const PROFILE_FILE = /\.(pb\.gz|pb|pprof|prof)$/;
const TRIAL_FILE = /^(.*)-trial-\d+\.pb\.gz$/;

export interface ProfileSide {
  /** Absolute paths, in trial order. */
  readonly files: readonly string[];
  readonly profiles: readonly Profile[];
}

/**
 * One side of `perfgate diff`: a pprof file, a folder of them (one per trial), or a
 * pattern with `*` in its last part (`report/profiles/candidate-trial-*.pb.gz`). A
 * perfgate report folder holds trials of two sides and their merges, so a folder that has
 * `<side>-trial-N` files contributes those only, and one with two sides' trials must be
 * narrowed with a pattern.
 */
export function readProfileSide(argument: string, role: 'baseline' | 'candidate'): ProfileSide {
  const files = profileFiles(argument, role);
  return {
    files,
    profiles: files.map((file) => {
      let size: number;
      try {
        size = statSync(file).size;
      } catch (error) {
        throw new PerfgateError('USAGE', `${role}: cannot read ${file} (${describeError(error)})`);
      }
      checkProfileFileSize(size, file);
      return decodePprof(readFileSync(file), file);
    }),
  };
}

function profileFiles(argument: string, role: string): string[] {
  const path = resolve(argument);
  if (basename(path).includes('*')) {
    const folder = dirname(path);
    const pattern = globToRegExp(basename(path));
    const found = listFolder(folder, role).filter((f) => pattern.test(f));
    if (found.length === 0) throw new PerfgateError('USAGE', `${role}: no file in ${folder} matches ${basename(path)}`);
    return sortTrials(found).map((f) => join(folder, f));
  }
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    throw new PerfgateError('USAGE', `${role}: ${argument} does not exist (expected a pprof file, a folder of them, or a pattern such as 'profiles/candidate-trial-*.pb.gz')`);
  }
  if (!isFolder) return [path];
  const profiles = listFolder(path, role).filter((f) => PROFILE_FILE.test(f));
  const trials = profiles.filter((f) => TRIAL_FILE.test(f));
  const sides = [...new Set(trials.map((f) => TRIAL_FILE.exec(f)![1]!))];
  if (sides.length > 1) {
    throw new PerfgateError(
      'USAGE',
      `${role}: ${argument} holds the trials of ${sides.map((s) => `"${s}"`).join(' and ')}; pick one with a pattern such as '${join(argument, `${sides[0]}-trial-*.pb.gz`)}'`,
    );
  }
  const chosen = trials.length > 0 ? trials : profiles;
  if (chosen.length === 0) throw new PerfgateError('USAGE', `${role}: ${argument} holds no pprof files (*.pb.gz, *.pb, *.pprof, *.prof)`);
  return sortTrials(chosen).map((f) => join(path, f));
}

function listFolder(folder: string, role: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
  } catch (error) {
    throw new PerfgateError('USAGE', `${role}: cannot list ${folder} (${describeError(error)})`);
  }
}

/** Name order, but `trial-10` after `trial-9`. */
function sortTrials(names: string[]): string[] {
  return [...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

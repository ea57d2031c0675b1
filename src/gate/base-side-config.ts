import { resolve } from 'node:path';
import type { Config } from '../config/index.js';
import { PerfgateError } from '../errors.js';
import { pathInside } from '../fs/path-inside.js';
import type { Worktree } from './worktree.js';

/**
 * The base side's config in a same-runner comparison: the same settings, with the config's
 * folder and the service's folder moved into the base commit's worktree, and no candidate-only
 * environment. A service folder outside the repository has no base copy: measuring it there
 * would run the candidate's code on both sides and compare it with itself, so it is an error.
 */
export function baseSideConfig(config: Config, worktree: Pick<Worktree, 'top' | 'path' | 'commit'>): Config {
  const inBase = (path: string, what: string) => {
    const inside = pathInside(worktree.top, path);
    if (inside === null) {
      throw new PerfgateError(
        'CONFIG_INVALID',
        `same-runner comparison: ${what} ${path} is outside the git repository ${worktree.top}, so the base commit (${worktree.commit.slice(0, 12)}) has no copy of it to measure; move the service into the repository, or compare with a stored baseline (compare.baseline: "stored")`,
      );
    }
    return resolve(worktree.path, inside);
  };
  return { ...config, root: inBase(config.root, "the config's folder"), service: { ...config.service, cwd: inBase(config.service.cwd, 'service.cwd') }, candidateEnv: {} };
}

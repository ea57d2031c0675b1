import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerfgateError } from '../errors.js';

/** A detached git worktree of another commit, for building and running the baseline side. */
export interface Worktree {
  readonly path: string;
  /** The repository's top folder, which `path` mirrors. */
  readonly top: string;
  readonly commit: string;
  remove(): void;
}

export function addWorktree(folder: string, ref: string): Worktree {
  const git = (args: string[], cwd = folder) => execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();
  let top: string;
  let commit: string;
  try {
    top = git(['rev-parse', '--show-toplevel']);
  } catch {
    throw new PerfgateError('USAGE', `same-runner comparison needs a git checkout, and ${folder} is not in one`);
  }
  try {
    commit = git(['rev-parse', '--verify', `${ref}^{commit}`]);
  } catch {
    throw new PerfgateError('USAGE', `same-runner comparison: the base commit "${ref}" is not in this repository (fetch it first, e.g. actions/checkout with fetch-depth: 0)`);
  }
  const parent = mkdtempSync(join(tmpdir(), 'perfgate-base-'));
  const path = join(parent, 'worktree');
  try {
    git(['worktree', 'add', '--detach', path, commit], top);
  } catch (error) {
    rmSync(parent, { recursive: true, force: true });
    throw new PerfgateError('USAGE', `cannot create a git worktree of ${commit}: ${(error as { stderr?: Buffer }).stderr?.toString().trim() ?? String(error)}`);
  }
  return {
    path,
    top,
    commit,
    remove() {
      try {
        git(['worktree', 'remove', '--force', path], top);
      } catch {
        // Removed below; `git worktree prune` forgets it later.
      }
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

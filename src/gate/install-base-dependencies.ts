import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { linkTree } from '../fs/link-tree.js';
import { runBuild } from '../target/index.js';
import { lockfileIn } from '../baseline/lockfile-fingerprint.js';
import { planBaseDependencies, type BaseInstallSetting, type PackageFiles, type PackageFolder } from './base-dependencies.js';
import type { Progress } from './progress.js';

export interface BaseTree {
  /** The repository's top folder (the working tree). */
  readonly top: string;
  /** The base commit's worktree, which mirrors `top`. */
  readonly base: string;
  /** The service's folder inside the repository, '/'-separated ('' for the top): the same in `top` and in `base`. */
  readonly serviceDir: string;
  readonly commit: string;
}

/** Gives the base worktree its dependencies (base-dependencies.ts decides how), before either side builds. */
export async function installBaseDependencies(tree: BaseTree, setting: BaseInstallSetting, progress: Progress): Promise<void> {
  const parts = tree.serviceDir.split('/').filter(Boolean);
  // The top first, then each folder down to the service's.
  const dirs = ['', ...parts.map((_, i) => parts.slice(0, i + 1).join('/'))];
  const folders: PackageFolder[] = dirs.map((dir) => {
    const here = join(tree.top, dir);
    const there = join(tree.base, dir);
    return {
      dir,
      candidateInstalled: isFolder(join(here, 'node_modules')),
      candidate: packageFiles(here),
      base: isFolder(there) ? packageFiles(there) : null,
      baseInstalled: isFolder(join(there, 'node_modules')),
    };
  });
  const steps = planBaseDependencies(folders, setting, parts.join('/'));
  const short = tree.commit.slice(0, 12);
  for (const step of steps) {
    const at = join(tree.base, step.dir);
    const where = step.dir === '' ? '.' : step.dir;
    if (step.kind === 'link') {
      await progress.phase(`dependencies of the baseline (${short}, ${where}): the working tree's node_modules, linked (${step.because})`, async () => {
        linkTree(join(tree.top, step.dir, 'node_modules'), join(at, 'node_modules'));
      });
    } else {
      await progress.phase(`dependencies of the baseline (${short}, ${where}): ${step.command} (${step.because})`, () => runBuild(step.command, at, process.env, 'the baseline\'s install command'));
    }
  }
}

function packageFiles(dir: string): PackageFiles {
  const manifest = join(dir, 'package.json');
  return {
    lockfile: lockfileIn(dir) ?? null,
    manifest: existsSync(manifest) ? createHash('sha256').update(readFileSync(manifest)).digest('hex') : null,
  };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

import type { Lockfile } from '../baseline/lockfile-fingerprint.js';
import { PerfgateError } from '../errors.js';

/**
 * How the base commit's worktree gets its dependencies in same-runner mode. A worktree is a
 * bare checkout: no `node_modules`, so the base's service cannot load a package and its build
 * finds a build tool only through the candidate's PATH (which would build the base with the
 * head's compiler). Pure: the edge (install-base-dependencies.ts) reads the files and acts.
 */
export type BaseInstallSetting = 'auto' | 'none' | { readonly command: string };

/** What one side has in one package folder: its lockfile and its package.json, by content digest. */
export interface PackageFiles {
  readonly lockfile: Lockfile | null;
  readonly manifest: string | null;
}

/** A folder on the way from the repository's top to the service's folder, on both sides. */
export interface PackageFolder {
  /** Relative to the repository's top, POSIX slashes; '' for the top itself. */
  readonly dir: string;
  /** The working tree's `node_modules` exists here: only such folders are mirrored in the base. */
  readonly candidateInstalled: boolean;
  readonly candidate: PackageFiles;
  /** null when the base commit has no such folder. */
  readonly base: PackageFiles | null;
  /** The base commit itself holds a `node_modules` here (committed): it is used as it is. */
  readonly baseInstalled: boolean;
}

export type BaseDependencyStep =
  /** The base resolves the same dependencies: the working tree's `node_modules`, linked file by file. */
  | { readonly kind: 'link'; readonly dir: string; readonly because: string }
  /** The base's dependencies differ: installed in its worktree from its own lockfile. */
  | { readonly kind: 'install'; readonly dir: string; readonly command: string; readonly because: string };

/** compare.baseInstall as written in the config: "auto", "none", or a shell command. */
export function baseInstallSetting(value: string): BaseInstallSetting {
  return value === 'auto' || value === 'none' ? value : { command: value };
}

const NPM_CI = 'npm ci --ignore-scripts --no-audit --no-fund';
const NPM_INSTALL = 'npm install --ignore-scripts --no-audit --no-fund';

/**
 * The steps that give the base worktree its dependencies, top folder first. A folder whose
 * lockfile (or, with none, package.json) is the same on both sides links the working tree's
 * `node_modules`: same lockfile, same packages, in seconds and offline. A changed one (a
 * dependency upgrade, which is what the comparison must see) is installed from the base's own
 * lockfile, without install scripts as the recommended workflow installs the head. A folder
 * with no lockfile of its own under one that was installed is left to that install (a
 * workspace). A custom command replaces all of this and runs in the base's service folder.
 */
export function planBaseDependencies(folders: readonly PackageFolder[], setting: BaseInstallSetting, serviceDir: string): BaseDependencyStep[] {
  if (setting === 'none') return [];
  if (typeof setting === 'object') return [{ kind: 'install', dir: serviceDir, command: setting.command, because: 'compare.baseInstall' }];
  const steps: BaseDependencyStep[] = [];
  // The nearest lockfile above decides for a folder that has none (a workspace member).
  let lockfileAbove: 'linked' | 'installed' | null = null;
  for (const folder of folders) {
    if (!folder.candidateInstalled || folder.base === null || folder.baseInstalled) continue;
    const { candidate, base } = folder;
    const own = candidate.lockfile !== null || base.lockfile !== null;
    if (!own && lockfileAbove === 'installed') continue;
    const same = own ? sameLockfile(candidate, base) : lockfileAbove === 'linked' || candidate.manifest === base.manifest;
    if (same) {
      const because = own ? `${candidate.lockfile!.name} unchanged` : lockfileAbove === 'linked' ? 'the lockfile above it is unchanged' : candidate.manifest === null ? 'no package.json or lockfile' : 'package.json unchanged, no lockfile';
      steps.push({ kind: 'link', dir: folder.dir, because });
      if (own) lockfileAbove = 'linked';
      continue;
    }
    steps.push({ kind: 'install', dir: folder.dir, command: installCommand(folder.dir, base), because: changeOf(candidate, base) });
    if (own) lockfileAbove = 'installed';
  }
  return steps;
}

function sameLockfile(candidate: PackageFiles, base: PackageFiles): boolean {
  return candidate.lockfile?.name === base.lockfile?.name && candidate.lockfile?.sha256 === base.lockfile?.sha256;
}

function changeOf(candidate: PackageFiles, base: PackageFiles): string {
  if (base.lockfile === null && candidate.lockfile === null) return 'package.json changed, no lockfile';
  if (base.lockfile === null) return `the base has no lockfile (the working tree has ${candidate.lockfile!.name})`;
  if (candidate.lockfile === null || candidate.lockfile.name !== base.lockfile.name) return `the base's lockfile is ${base.lockfile.name}`;
  return `${base.lockfile.name} changed`;
}

function installCommand(dir: string, base: PackageFiles): string {
  const lockfile = base.lockfile?.name;
  if (lockfile === undefined) return NPM_INSTALL;
  if (lockfile === 'package-lock.json' || lockfile === 'npm-shrinkwrap.json') return NPM_CI;
  // Only npm's install is built in: guessing another package manager's flags (yarn 1 against
  // berry, pnpm's versions) would install something else than the lockfile says, or fail late.
  const example = OTHER_INSTALLS[lockfile];
  throw new PerfgateError(
    'CONFIG_INVALID',
    `same-runner: the base commit's dependencies differ from the working tree's (${join(dir, lockfile)}), and perfgate installs only npm lockfiles itself: set compare.baseInstall to the command that installs the base's dependencies${example ? ` (for example "${example}")` : ''}, run in the base's service folder`,
  );
}

const OTHER_INSTALLS: Partial<Record<Lockfile['name'], string>> = {
  'pnpm-lock.yaml': 'pnpm install --frozen-lockfile',
  'yarn.lock': 'yarn install --frozen-lockfile',
  'bun.lock': 'bun install --frozen-lockfile',
};

const join = (dir: string, name: string) => (dir === '' ? name : `${dir}/${name}`);

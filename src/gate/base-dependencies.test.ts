import { describe, expect, it } from 'vitest';
import { planBaseDependencies, type PackageFiles, type PackageFolder } from './base-dependencies.js';

const npmLock = (digest: string): PackageFiles => ({ lockfile: { name: 'package-lock.json', sha256: digest }, manifest: `manifest-${digest}` });
const bare = (manifest: string | null): PackageFiles => ({ lockfile: null, manifest });
const folder = (dir: string, candidate: PackageFiles, base: PackageFiles | null, over: Partial<PackageFolder> = {}): PackageFolder => ({
  dir,
  candidateInstalled: true,
  candidate,
  base,
  baseInstalled: false,
  ...over,
});

describe('planBaseDependencies', () => {
  it('links node_modules where the lockfile is unchanged', () => {
    expect(planBaseDependencies([folder('', npmLock('a'), npmLock('a'))], 'auto', '')).toEqual([{ kind: 'link', dir: '', because: 'package-lock.json unchanged' }]);
  });

  it("installs the base's own packages from its lockfile when it changed (a dependency upgrade)", () => {
    expect(planBaseDependencies([folder('', npmLock('express5'), npmLock('express4'))], 'auto', '')).toEqual([
      { kind: 'install', dir: '', command: 'npm ci --ignore-scripts --no-audit --no-fund', because: 'package-lock.json changed' },
    ]);
  });

  it('uses npm install when the base has no lockfile, and says so', () => {
    const [step] = planBaseDependencies([folder('', npmLock('a'), bare('m'))], 'auto', '');
    expect(step).toEqual({ kind: 'install', dir: '', command: 'npm install --ignore-scripts --no-audit --no-fund', because: 'the base has no lockfile (the working tree has package-lock.json)' });
  });

  it('compares package.json when neither side has a lockfile', () => {
    expect(planBaseDependencies([folder('', bare('m'), bare('m'))], 'auto', '')[0]).toMatchObject({ kind: 'link', because: 'package.json unchanged, no lockfile' });
    expect(planBaseDependencies([folder('', bare('m2'), bare('m'))], 'auto', '')[0]).toMatchObject({ kind: 'install', because: 'package.json changed, no lockfile' });
  });

  it('leaves a folder without a lockfile to the install above it (a workspace), and links it under an unchanged one', () => {
    const member = folder('packages/api', bare('api2'), bare('api'));
    expect(planBaseDependencies([folder('', npmLock('b'), npmLock('a')), member], 'auto', 'packages/api').map((s) => `${s.kind} ${s.dir}`)).toEqual(['install ']);
    expect(planBaseDependencies([folder('', npmLock('a'), npmLock('a')), member], 'auto', 'packages/api').map((s) => `${s.kind} ${s.dir}: ${s.because}`)).toEqual([
      'link : package-lock.json unchanged',
      'link packages/api: the lockfile above it is unchanged',
    ]);
  });

  it('decides each folder with a lockfile of its own on its own', () => {
    const steps = planBaseDependencies([folder('', npmLock('tools'), npmLock('tools')), folder('services/shop', npmLock('new'), npmLock('old'))], 'auto', 'services/shop');
    expect(steps.map((s) => `${s.kind} ${s.dir}`)).toEqual(['link ', 'install services/shop']);
  });

  it('skips folders the working tree has not installed, the base does not have, or the base commits node_modules in', () => {
    const folders = [
      folder('', npmLock('a'), npmLock('a'), { candidateInstalled: false }),
      folder('moved', npmLock('a'), null),
      folder('vendored', npmLock('a'), npmLock('a'), { baseInstalled: true }),
    ];
    expect(planBaseDependencies(folders, 'auto', 'vendored')).toEqual([]);
  });

  it('names compare.baseInstall when a changed lockfile is not npm\'s', () => {
    const yarn: PackageFiles = { lockfile: { name: 'yarn.lock', sha256: 'new' }, manifest: 'm' };
    const older: PackageFiles = { lockfile: { name: 'yarn.lock', sha256: 'old' }, manifest: 'm' };
    expect(() => planBaseDependencies([folder('web', yarn, older)], 'auto', 'web')).toThrow(/web\/yarn\.lock.*set compare\.baseInstall.*"yarn install --frozen-lockfile"/);
    // Unchanged, it needs no package manager: the same packages are linked.
    expect(planBaseDependencies([folder('web', yarn, yarn)], 'auto', 'web')).toEqual([{ kind: 'link', dir: 'web', because: 'yarn.lock unchanged' }]);
  });

  it('does nothing with "none", and runs a given command in the service folder instead of deciding', () => {
    const folders = [folder('', npmLock('b'), npmLock('a'))];
    expect(planBaseDependencies(folders, 'none', '')).toEqual([]);
    expect(planBaseDependencies(folders, { command: 'pnpm install --frozen-lockfile' }, 'apps/api')).toEqual([
      { kind: 'install', dir: 'apps/api', command: 'pnpm install --frozen-lockfile', because: 'compare.baseInstall' },
    ]);
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const IDENTITY = { GIT_AUTHOR_NAME: 'Release Test', GIT_AUTHOR_EMAIL: 'release@example.com', GIT_COMMITTER_NAME: 'Release Test', GIT_COMMITTER_EMAIL: 'release@example.com' };

/** A scratch repository holding this working tree's files on main, with node_modules borrowed. */
function scratchRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'perfgate-release-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: REPO, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    try {
      cpSync(join(REPO, file), join(dir, file));
    } catch {
      // Deleted in the working tree but still in the index: not part of the tree being released.
    }
  }
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, ...IDENTITY }, stdio: 'ignore' });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '--all');
  git('commit', '--quiet', '-m', 'the tree to release');
  return dir;
}

const release = (dir: string, ...args: string[]) =>
  spawnSync(process.execPath, ['scripts/release.mjs', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...IDENTITY } });
const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

describe('npm run release', () => {
  let dir: string;
  beforeAll(() => {
    dir = scratchRepository();
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a dirty tree, an old version and a malformed one, changing nothing', () => {
    writeFileSync(join(dir, 'stray.txt'), 'x');
    const dirty = release(dir, '9.0.0');
    expect(dirty.status).toBe(2);
    expect(dirty.stderr).toContain('the working tree has changes');
    rmSync(join(dir, 'stray.txt'));
    const current = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    expect(release(dir, current).stderr).toContain(`is not newer than the current version ${current}`);
    expect(release(dir, 'v9.0.0').stderr).toContain('expected a version such as 0.2.0 (got "v9.0.0")');
    expect(git(dir, 'tag', '--list')).toBe('');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('bumps, rebuilds, moves the changelog, commits, tags vX.Y.Z and moves the major tag', () => {
    const result = release(dir, '9.1.0');
    expect(result.stderr).not.toMatch(/^release:/m);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('released v9.1.0 (v9 moved to it)');
    expect((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version).toBe('9.1.0');
    expect((JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as { version: string }).version).toBe('9.1.0');
    // The rebuilt bundle carries the version.
    expect(execFileSync(process.execPath, [join(dir, 'dist/cli.js'), '--version'], { encoding: 'utf8' }).trim()).toBe('9.1.0');
    const changelog = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(/\n## Unreleased\n\n## 9\.1\.0 — \d{4}-\d{2}-\d{2}\n\n### /);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('releases/download/v9.1.0/perfgate-9.1.0.tgz');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('Release v9.1.0');
    const head = git(dir, 'rev-parse', 'HEAD');
    expect(git(dir, 'rev-parse', 'v9.1.0^{commit}')).toBe(head);
    expect(git(dir, 'rev-parse', 'v9^{commit}')).toBe(head);
    // The notes the release workflow would publish.
    const notes = spawnSync(process.execPath, ['scripts/release-notes.mjs', 'v9.1.0'], { cwd: dir, encoding: 'utf8' });
    expect(notes.status).toBe(0);
    expect(notes.stdout).toMatch(/^### /);
  }, 120_000);

  it('moves the major tag to the next release, leaving the previous release tag where it was', () => {
    const first = git(dir, 'rev-parse', 'v9.1.0^{commit}');
    const changelog = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8').replace('## Unreleased\n', '## Unreleased\n\n### Fixed\n- a patch\n');
    writeFileSync(join(dir, 'CHANGELOG.md'), changelog);
    execFileSync('git', ['commit', '--quiet', '-am', 'a patch'], { cwd: dir, env: { ...process.env, ...IDENTITY } });
    expect(release(dir, '9.1.1').status).toBe(0);
    const head = git(dir, 'rev-parse', 'HEAD');
    expect(head).not.toBe(first);
    expect(git(dir, 'rev-parse', 'v9^{commit}')).toBe(head);
    expect(git(dir, 'rev-parse', 'v9.1.0^{commit}')).toBe(first);
    expect(spawnSync(process.execPath, ['scripts/release-notes.mjs', 'v9.1.1'], { cwd: dir, encoding: 'utf8' }).stdout).toBe('### Fixed\n- a patch\n');
  }, 120_000);
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installBaseDependencies } from '../src/gate/install-base-dependencies.js';
import type { Progress } from '../src/gate/progress.js';
import { addWorktree } from '../src/gate/worktree.js';

// The base commit of a same-runner run is checked out bare, in a worktree: these give it its
// dependencies with real git, real npm (offline: the dependency is a folder in the repository)
// and real module resolution by node.

const recorded = () => {
  const titles: string[] = [];
  const progress: Progress = { phase: (title, work) => (titles.push(title), work()), line: () => undefined, status: () => undefined };
  return { titles, progress };
};

function repository(greeting: string): { dir: string; git: (...args: string[]) => string; npm: (...args: string[]) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'perfgate-base-deps-'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.invalid', '-c', 'user.name=t', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();
  const npm = (...args: string[]) => execFileSync('npm', [...args, '--ignore-scripts', '--no-audit', '--no-fund', '--offline'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  mkdirSync(join(dir, 'vendor/greeting'), { recursive: true });
  writeFileSync(join(dir, 'vendor/greeting/index.js'), `module.exports = ${JSON.stringify(greeting)};\n`);
  writeFileSync(join(dir, 'vendor/greeting/package.json'), JSON.stringify({ name: 'greeting', version: '1.0.0' }));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', private: true, version: '1.0.0', dependencies: { greeting: 'file:vendor/greeting' } }));
  writeFileSync(join(dir, 'server.js'), "console.log(require('greeting') + ' ' + require.resolve('greeting'));\n");
  writeFileSync(join(dir, '.gitignore'), 'node_modules\n');
  npm('install');
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'base');
  return { dir, git, npm };
}

const serve = (cwd: string) => execFileSync(process.execPath, ['server.js'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();

describe('the base worktree gets its own dependencies', () => {
  it('links the working tree’s node_modules where the lockfile is unchanged', async () => {
    const { dir } = repository('hello');
    const worktree = addWorktree(dir, 'HEAD');
    try {
      // Bare, the base cannot load its dependency: what the step below fixes.
      expect(() => serve(worktree.path)).toThrow(/Cannot find module 'greeting'/);
      const { titles, progress } = recorded();
      await installBaseDependencies({ top: worktree.top, base: worktree.path, serviceDir: '', commit: worktree.commit }, 'auto', progress);
      expect(titles).toEqual([`dependencies of the baseline (${worktree.commit.slice(0, 12)}, .): the working tree's node_modules, linked (package-lock.json unchanged)`]);
      // Resolved inside the worktree, from the base's own copy of the folder dependency.
      const [greeting, path] = serve(worktree.path).split(' ');
      expect(greeting).toBe('hello');
      expect(realpathSync(path!)).toBe(realpathSync(join(worktree.path, 'vendor/greeting/index.js')));
    } finally {
      worktree.remove();
    }
  });

  it('installs the base’s own lockfile with npm ci when the change upgraded a dependency', async () => {
    const { dir, git, npm } = repository('hello-1');
    writeFileSync(join(dir, 'vendor/greeting/index.js'), 'module.exports = "hello-2";\n');
    writeFileSync(join(dir, 'vendor/greeting/package.json'), JSON.stringify({ name: 'greeting', version: '2.0.0' }));
    npm('install');
    git('commit', '-qam', 'greeting 2');
    expect(serve(dir).split(' ')[0]).toBe('hello-2');
    const worktree = addWorktree(dir, 'HEAD~1');
    try {
      const { titles, progress } = recorded();
      await installBaseDependencies({ top: worktree.top, base: worktree.path, serviceDir: '', commit: worktree.commit }, 'auto', progress);
      expect(titles).toEqual([`dependencies of the baseline (${worktree.commit.slice(0, 12)}, .): npm ci --ignore-scripts --no-audit --no-fund (package-lock.json changed)`]);
      expect(serve(worktree.path).split(' ')[0]).toBe('hello-1');
      // The working tree keeps its own.
      expect(serve(dir).split(' ')[0]).toBe('hello-2');
    } finally {
      worktree.remove();
    }
  });

  it('mirrors every folder from the top to the service’s, each by its own lockfile', async () => {
    const { dir, git } = repository('hello');
    const api = join(dir, 'services/api');
    mkdirSync(api, { recursive: true });
    writeFileSync(join(api, 'package.json'), JSON.stringify({ name: 'api', private: true, version: '1.0.0', dependencies: { greeting: 'file:../../vendor/greeting' } }));
    writeFileSync(join(api, 'server.js'), "console.log(require('greeting') + ' ' + require.resolve('greeting'));\n");
    execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--offline'], { cwd: api, stdio: ['ignore', 'pipe', 'pipe'] });
    git('add', '.');
    git('commit', '-qm', 'api');
    const worktree = addWorktree(dir, 'HEAD');
    try {
      const { titles, progress } = recorded();
      await installBaseDependencies({ top: worktree.top, base: worktree.path, serviceDir: 'services/api', commit: worktree.commit }, 'auto', progress);
      expect(titles.map((t) => t.replace(/^dependencies of the baseline \([0-9a-f]{12}, /, ''))).toEqual([
        ".): the working tree's node_modules, linked (package-lock.json unchanged)",
        "services/api): the working tree's node_modules, linked (package-lock.json unchanged)",
      ]);
      expect(serve(join(worktree.path, 'services/api')).split(' ')[0]).toBe('hello');
    } finally {
      worktree.remove();
    }
  });

  it('fails with the install command, its exit and its last output when the install fails', async () => {
    const { dir } = repository('hello');
    const worktree = addWorktree(dir, 'HEAD');
    try {
      const { progress } = recorded();
      const install = installBaseDependencies({ top: worktree.top, base: worktree.path, serviceDir: '', commit: worktree.commit }, { command: 'echo no registry here >&2; exit 3' }, progress);
      await expect(install).rejects.toThrow(/the baseline's install command `echo no registry here >&2; exit 3` exited with code 3 \(in .*worktree\); its last output:\n.*no registry here/s);
    } finally {
      worktree.remove();
    }
  });
});

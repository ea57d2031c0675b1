import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load-config.js';
import { baseSideConfig } from './base-side-config.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A repository top (real path, as git reports it), the same folder through a symbolic link, and a worktree folder. */
function folders() {
  const parent = realpathSync(mkdtempSync(join(tmpdir(), 'perfgate-base-side-')));
  made.push(parent);
  const top = join(parent, 'repo');
  mkdirSync(join(top, 'services', 'shop'), { recursive: true });
  symlinkSync(top, join(parent, 'linked'));
  return { parent, top, linked: join(parent, 'linked'), worktree: { top, path: join(parent, 'worktree'), commit: 'a'.repeat(40) } };
}

const config = (configPath: string, cwd: string) => parseConfig({ service: { start: 'node server.js', cwd }, replay: 'r.ndjson', baseline: 'b.json' }, configPath, { candidateEnv: { SLOW: '1' } });

describe('the base side of a same-runner comparison', () => {
  it('moves the config folder and the service folder into the worktree, without the candidate-only environment', () => {
    const { top, worktree } = folders();
    const base = baseSideConfig(config(join(top, 'perfgate.config.json'), 'services/shop'), worktree);
    expect(base.root).toBe(worktree.path);
    expect(base.service.cwd).toBe(join(worktree.path, 'services', 'shop'));
    expect(base.candidateEnv).toEqual({});
  });

  it('finds them in the worktree when the config reached the repository through a symbolic link', () => {
    // A plain `relative` from git's real top to the linked path leads out of the repository,
    // and the base side would have run the candidate's folder: the head compared with itself.
    const { linked, worktree } = folders();
    const base = baseSideConfig(config(join(linked, 'perfgate.config.json'), 'services/shop'), worktree);
    expect(base.root).toBe(worktree.path);
    expect(base.service.cwd).toBe(join(worktree.path, 'services', 'shop'));
  });

  it('refuses a service folder outside the repository, naming it and what to do', () => {
    const { parent, top, worktree } = folders();
    mkdirSync(join(parent, 'elsewhere'));
    expect(() => baseSideConfig(config(join(top, 'perfgate.config.json'), '../elsewhere'), worktree)).toThrow(
      `same-runner comparison: service.cwd ${join(parent, 'elsewhere')} is outside the git repository ${top}, so the base commit (aaaaaaaaaaaa) has no copy of it to measure`,
    );
    // A sibling whose name only starts with the top's is outside too.
    mkdirSync(join(parent, 'repo-other'));
    expect(() => baseSideConfig(config(join(top, 'perfgate.config.json'), '../repo-other'), worktree)).toThrow(/service\.cwd .*repo-other is outside the git repository/);
  });
});

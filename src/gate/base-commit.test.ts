import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pullRequestBase } from './base-commit.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'init.defaultBranch=main', '-c', 'protocol.file.allow=always', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    .toString()
    .trim();
}

function commit(repo: string, file: string, text: string): string {
  writeFileSync(join(repo, file), text);
  git(repo, 'add', file);
  git(repo, 'commit', '-q', '-m', `${file}: ${text}`);
  return git(repo, 'rev-parse', 'HEAD');
}

/** origin: main c1 → c2 → c3, and feature cut from c1 with one commit f1; the PR is feature into main. */
function pullRequestRepository() {
  const origin = mkdtempSync(join(tmpdir(), 'perfgate-origin-'));
  dirs.push(origin);
  git(origin, 'init', '-q');
  const c1 = commit(origin, 'a.txt', 'one');
  git(origin, 'checkout', '-q', '-b', 'feature');
  const f1 = commit(origin, 'b.txt', 'feature');
  git(origin, 'checkout', '-q', 'main');
  commit(origin, 'a.txt', 'two');
  const c3 = commit(origin, 'a.txt', 'three');
  return { origin, c1, f1, c3 };
}

describe("the PR's base", () => {
  it('is the merge base of the base branch and the head, not the base branch tip', () => {
    const { origin, c1, f1, c3 } = pullRequestRepository();
    const clone = mkdtempSync(join(tmpdir(), 'perfgate-clone-'));
    dirs.push(clone);
    git(clone, 'clone', '-q', `file://${origin}`, '.');
    git(clone, 'checkout', '-q', f1);
    expect(pullRequestBase(clone, { baseSha: c3, headSha: f1 }).commit).toBe(c1);
  });

  it('is found in a shallow checkout of the head by fetching the history from origin', () => {
    const { origin, c1, f1, c3 } = pullRequestRepository();
    const clone = mkdtempSync(join(tmpdir(), 'perfgate-shallow-'));
    dirs.push(clone);
    git(clone, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${origin}`, '.');
    expect(git(clone, 'rev-parse', '--is-shallow-repository')).toBe('true');
    expect(() => git(clone, 'cat-file', '-e', `${c3}^{commit}`)).toThrow();
    expect(pullRequestBase(clone, { baseSha: c3, headSha: f1 }).commit).toBe(c1);
  });

  it("is the base branch's tip when GitHub's test merge of the PR is checked out (actions/checkout's default)", () => {
    const { origin, f1, c3 } = pullRequestRepository();
    const clone = mkdtempSync(join(tmpdir(), 'perfgate-merge-'));
    dirs.push(clone);
    git(clone, 'clone', '-q', `file://${origin}`, '.');
    git(clone, 'checkout', '-q', c3);
    git(clone, 'merge', '-q', '--no-ff', '-m', 'Merge f1 into c3', f1);
    const base = pullRequestBase(clone, { baseSha: c3, headSha: f1 });
    expect(base.commit).toBe(c3);
    expect(base.why).toMatch(/test merge/);
  });

  it('names fetch-depth when the history cannot be had', () => {
    const { origin, f1, c3 } = pullRequestRepository();
    const clone = mkdtempSync(join(tmpdir(), 'perfgate-shallow-'));
    dirs.push(clone);
    git(clone, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${origin}`, '.');
    git(clone, 'remote', 'remove', 'origin');
    expect(() => pullRequestBase(clone, { baseSha: c3, headSha: f1 })).toThrow(/no merge base of .*fetch-depth: 0/s);
  });
});

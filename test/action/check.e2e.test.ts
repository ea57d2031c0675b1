import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { ACTION, bundledAction, runAction } from '../helpers/run-action.js';
import { writeSampleReport, type SampleFunction } from '../helpers/sample-report.js';
import { fromFork, webhookExample } from '../helpers/webhook-payloads.js';

const REPO = 'Codertocat/Hello-World';
const MARKER = '<!-- perfgate:sticky-comment:perfgate -->';
const BOT = 'github-actions[bot]';

// The check mode publishing a prepared report (input `report`): the GitHub side without
// minutes of measuring. The real gate runs in gate-action.e2e.test.ts.
describe('action, check mode, against a fake api.github.com that validates every request', () => {
  const fake = useFakeGitHub(REPO);
  let github: FakeGitHub;

  const start = async () => {
    github = await fake.start();
    github.tokens.set('ghs_workflow_token', { login: null, actsAs: BOT, readOnly: false });
    github.tokens.set('ghs_read_only', { login: null, actsAs: BOT, readOnly: true });
    return github;
  };
  const check = (event: Record<string, unknown>, reportPath: string, extra: Record<string, string> = {}, workspace = mkdtempSync(join(tmpdir(), 'perfgate-ws-'))) =>
    runAction({
      inputs: { mode: 'check', report: reportPath, 'github-token': 'ghs_workflow_token', 'fail-on-regression': 'true', ...extra },
      event,
      eventName: 'pull_request',
      repository: REPO,
      apiUrl: github.url,
      workspace,
      cwd: workspace,
    });
  const passing: SampleFunction[] = [
    { name: 'handleSearch', file: 'src/search.js', outcome: 'unchanged' },
    { name: 'render', file: 'src/render.js', outcome: 'unchanged' },
  ];

  it('creates the sticky comment, then updates it on the next push: one comment in the end, found past the first page, only among its own', async () => {
    await start();
    // 150 comments by people first, so perfgate's own is on page 2; one of them quotes the marker.
    for (let i = 0; i < 150; i++) github.addComment(2, `user${i}`, `comment ${i}`);
    const impostor = github.addComment(2, 'mallory', `${MARKER}\nnot perfgate's`);
    const { reportPath } = writeSampleReport(passing);

    const first = await check(webhookExample('pull_request', 'opened'), reportPath);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const created = github.comments.get(2)!.filter((c) => c.login === BOT);
    expect(created).toHaveLength(1);
    expect(created[0]!.body.startsWith(`${MARKER}\n## perfgate: ✅`)).toBe(true);
    expect(first.outputs['comment-url']).toContain(`#issuecomment-${created[0]!.id}`);
    // The flame graph is in the artifact this run uploads: the comment links to the run's artifacts.
    expect(created[0]!.body).toContain(`(https://github.com/${REPO}/actions/runs/4242#artifacts)`);
    expect(first.outputs.verdict).toBe('pass');
    expect(first.summary).toMatch(/## perfgate: ✅ no performance regression/);

    const second = writeSampleReport([{ name: 'handleSearch', file: 'src/search.js', outcome: 'regressed' }, ...passing.slice(1)]);
    const again = await check(webhookExample('pull_request', 'synchronize'), second.reportPath, { 'fail-on-regression': 'false' });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    const mine = github.comments.get(2)!.filter((c) => c.login === BOT);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.id).toBe(created[0]!.id);
    expect(mine[0]!.body, again.stdout + again.stderr).toMatch(/1 function regressed/);
    expect(impostor.body).toBe(`${MARKER}\nnot perfgate's`);
    expect(github.writes().map((w) => w.operationId)).toEqual(['issues/create-comment', 'issues/update-comment']);
    expect(JSON.parse(again.outputs.regressions!)).toEqual(['src/search.js#handleSearch']);
    // The token went in the Authorization header; the log only tells the runner to mask it, first thing.
    expect(github.requests.every((r) => r.token === 'ghs_workflow_token')).toBe(true);
    expect(first.stdout.split('\n')[0]).toBe('::add-mask::ghs_workflow_token');
    const logged = (first.stdout + again.stdout).split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(logged.join('\n')).not.toContain('ghs_workflow_token');
  });

  it('on a PR from a fork (read-only token) writes the summary and outputs, makes no write, and does not fail on the permission', async () => {
    await start();
    const { reportPath } = writeSampleReport(passing);
    const run = await runAction({
      inputs: { mode: 'check', report: reportPath, 'github-token': 'ghs_read_only' },
      event: fromFork(webhookExample('pull_request', 'opened')),
      eventName: 'pull_request',
      repository: REPO,
      apiUrl: github.url,
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.summary).toMatch(/## perfgate: ✅/);
    expect(run.outputs.verdict).toBe('pass');
    expect(github.writes()).toEqual([]);
    expect(run.commands.find((c) => c.command === 'notice')?.message).toMatch(/fork octo-fork\/Hello-World.*read-only token.*perfgate-comment workflow/);
  });

  it('with a token that may not comment on a same-repository PR, warns and still passes', async () => {
    await start();
    const { reportPath } = writeSampleReport(passing);
    const run = await check(webhookExample('pull_request', 'opened'), reportPath, { 'github-token': 'ghs_read_only' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.commands.find((c) => c.command === 'warning')?.message).toMatch(/may not comment on #2 \(HTTP 403: Resource not accessible by integration\).*pull-requests: write/);
    expect(github.comments.get(2) ?? []).toEqual([]);
  });

  it('waits as long as a secondary rate limit says (retry-after) and retries', async () => {
    await start();
    github.faults.push({
      method: 'POST',
      operationId: 'issues/create-comment',
      status: 403,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
      times: 1,
    });
    const { reportPath } = writeSampleReport(passing);
    const run = await check(webhookExample('pull_request', 'opened'), reportPath);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const posts = github.requests.filter((r) => r.operationId === 'issues/create-comment');
    expect(posts).toHaveLength(2);
    // A lower bound the client guarantees, not a speed: it must not retry before retry-after.
    expect(posts[1]!.atMs - posts[0]!.atMs).toBeGreaterThanOrEqual(950);
    expect(github.comments.get(2)!.filter((c) => c.login === BOT)).toHaveLength(1);
    expect(run.stdout).toMatch(/secondary rate limit on POST .*waiting 1 s/);
  });

  it('keeps a comment for a huge report within 65,536 characters, dropping the least important rows and saying so', async () => {
    await start();
    const many: SampleFunction[] = [
      { name: 'theRegression', file: 'src/hot.js', outcome: 'regressed' },
      ...Array.from({ length: 3000 }, (_, i) => ({ name: `helperFunctionWithALongName${i}`, file: `src/modules/deeply/nested/module-${i}.js`, outcome: 'unchanged' as const })),
    ];
    const { reportPath } = writeSampleReport(many);
    const run = await check(webhookExample('pull_request', 'opened'), reportPath, { 'fail-on-regression': 'false' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const body = github.comments.get(2)![0]!.body;
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body.length).toBeGreaterThan(50_000);
    expect(body).toMatch(/theRegression/);
    expect(body).toMatch(/\d+ of 3001 function rows were left out, least important first, to stay within GitHub's comment limit/);
    expect(body).not.toMatch(/helperFunctionWithALongName2999\b/);
    // The summary's limit is 1 MiB: the same report fits there whole.
    expect(run.summary).toMatch(/helperFunctionWithALongName2999\b/);
  });

  it('escapes function names carrying markdown, HTML, @mentions and the sticky marker', async () => {
    await start();
    const evil = `**bold** [click](https://evil.example) @octocat ${MARKER} </details><img src=x>`;
    const { reportPath } = writeSampleReport([{ name: evil, file: 'src/<script>.js', outcome: 'regressed', line: 3 }, ...passing]);
    const run = await check(webhookExample('pull_request', 'opened'), reportPath, { 'fail-on-regression': 'false' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const body = github.comments.get(2)![0]!.body;
    expect(body.split(MARKER)).toHaveLength(2);
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body.slice(MARKER.length)).not.toContain('<!--');
    // Inside a code span GitHub shows text as it is: no markup, no HTML, no mention, and no backtick to end it early.
    const outsideCode = (text: string) => text.replace(/`[^`\n]*`/g, '');
    for (const text of [body, run.summary]) {
      expect(outsideCode(text)).not.toMatch(/<img|<script>|<\/details><img|\*\*bold\*\*|\[click\]\(|(^|[^\u200b])@octocat/);
    }
    expect(body).toContain('@\u200boctocat');
  });

  it('annotates the source lines of regressed functions, at most 10, most important first', async () => {
    await start();
    const workspace = mkdtempSync(join(tmpdir(), 'perfgate-ws-'));
    const regressed: SampleFunction[] = Array.from({ length: 12 }, (_, i) => ({ name: `slow${i}`, file: `src/slow-${i}.js`, outcome: 'regressed', line: 10 + i }));
    const { reportPath } = writeSampleReport([...regressed, { name: 'inDependency', file: 'node_modules/lib/index.js', outcome: 'regressed', line: 5 }]);
    const run = await check(webhookExample('pull_request', 'opened'), reportPath, { comment: 'false' }, workspace);
    expect(run.code).toBe(1);
    const errors = run.commands.filter((c) => c.command === 'error' && c.properties.file);
    expect(errors.map((e) => [e.properties.file, e.properties.line])).toEqual(regressed.slice(0, 10).map((f) => [f.file, String(f.line)]));
    expect(errors[0]!.properties.title).toBe('perfgate: slow0 regressed');
    expect(errors[9]!.message).toMatch(/2 more regressed function\(s\) are in the report/);
    expect(run.commands.find((c) => c.command === 'error' && !c.properties.file)?.message).toMatch(/perfgate: 13 function\(s\) regressed/);
    expect(github.writes()).toEqual([]);
  });

  it('runs from a folder holding only action.yml and dist/, with no node_modules anywhere above it', async () => {
    await start();
    const folder = mkdtempSync(join(tmpdir(), 'perfgate-bare-action-'));
    cpSync(join(dirname(ACTION), '..', 'action.yml'), join(folder, 'action.yml'));
    cpSync(dirname(bundledAction()), join(folder, 'dist'), { recursive: true });
    for (let dir = folder; dir !== dirname(dir); dir = dirname(dir)) expect(existsSync(join(dir, 'node_modules')), dir).toBe(false);
    const { reportPath } = writeSampleReport(passing);
    const run = await runAction({
      inputs: { mode: 'check', report: reportPath, 'github-token': 'ghs_workflow_token' },
      event: webhookExample('pull_request', 'opened'),
      repository: REPO,
      apiUrl: github.url,
      script: join(folder, 'dist/action.js'),
      cwd: folder,
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(github.comments.get(2)!.map((c) => c.login)).toEqual([BOT]);
  });
});

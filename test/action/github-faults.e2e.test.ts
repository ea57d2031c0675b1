import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { runAction } from '../helpers/run-action.js';
import { writeSampleReport } from '../helpers/sample-report.js';
import { webhookExample } from '../helpers/webhook-payloads.js';

const REPO = 'Codertocat/Hello-World';
const BOT = 'github-actions[bot]';

// When GitHub answers badly, a verdict is never lost: the job summary and the outputs are
// written first; what can be retried safely is retried; the rest is reported by name.
describe('GitHub API faults in check mode', () => {
  const fake = useFakeGitHub(REPO);
  let github: FakeGitHub;
  const start = async () => {
    github = await fake.start();
    github.tokens.set('ghs_workflow_token', { login: null, actsAs: BOT, readOnly: false });
    return github;
  };
  const check = (apiUrl: string) => {
    const { reportPath } = writeSampleReport([{ name: 'handleSearch', file: 'src/search.js', outcome: 'unchanged' }]);
    const workspace = mkdtempSync(join(tmpdir(), 'perfgate-ws-'));
    return runAction({
      inputs: { mode: 'check', report: reportPath, 'github-token': 'ghs_workflow_token', 'fail-on-regression': 'true' },
      event: webhookExample('pull_request', 'opened'),
      eventName: 'pull_request',
      repository: REPO,
      apiUrl,
      workspace,
      cwd: workspace,
    });
  };
  const fault = (operationId: string, method: string, status: number, times = 1, headers?: Record<string, string>) =>
    github.faults.push({ method, operationId, status, times, body: { message: `fake ${status}` }, ...(headers ? { headers } : {}) });

  it('a 5xx on posting the comment is retried, and the comment is posted once', async () => {
    await start();
    fault('issues/create-comment', 'POST', 502);
    const run = await check(github.url);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(github.requests.filter((r) => r.operationId === 'issues/create-comment')).toHaveLength(2);
    expect(github.comments.get(2)!.filter((c) => c.login === BOT)).toHaveLength(1);
  });

  for (const status of [403, 422, 500]) {
    it(`a lasting ${status} fails the step with the API's answer, after the summary and outputs were written`, async () => {
      await start();
      fault('issues/create-comment', 'POST', status, 10);
      const run = await check(github.url);
      expect(run.code).not.toBe(0);
      expect(run.stdout + run.stderr).toMatch(new RegExp(`a GitHub API request failed \\(POST [^)]*/issues/2/comments\\): HTTP ${status}: fake ${status}`));
      expect(run.stdout + run.stderr).not.toMatch(/internal error/);
      expect(run.summary).toMatch(/## perfgate: ✅ no performance regression/);
      expect(run.outputs.verdict).toBe('pass');
      // Client errors are not retried: the same request would fail the same way.
      const posts = github.requests.filter((r) => r.operationId === 'issues/create-comment').length;
      if (status < 500) expect(posts).toBe(1);
      else expect(posts).toBeGreaterThan(1);
    });
  }

  for (const status of [401, 404]) {
    it(`a ${status} (a token that may not comment) is a warning, not a failure: the result is in the summary`, async () => {
      await start();
      fault('issues/create-comment', 'POST', status, 10);
      const run = await check(github.url);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`may not comment on #2 \\(HTTP ${status}`));
      expect(run.summary).toMatch(/## perfgate: ✅/);
    });
  }

  it('the API unreachable (connection refused) fails the step by name, after the summary', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const run = await check(`http://127.0.0.1:${port}`);
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(/a GitHub API request failed .*(ECONNREFUSED|fetch failed|connect)/i);
    expect(run.summary).toMatch(/## perfgate: ✅/);
    expect(run.outputs.verdict).toBe('pass');
  });
});

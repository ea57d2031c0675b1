import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyRecord, parseHistory, serializeHistory, type HistoryRecord } from '../../src/history/index.js';
import type { Report } from '../../src/report/index.js';
import { useFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { runAction } from '../helpers/run-action.js';
import { sampleReport } from '../helpers/sample-report.js';
import { webhookExample } from '../helpers/webhook-payloads.js';

const REPO = 'Codertocat/Hello-World';
const BOT = 'github-actions[bot]';
const DATA = 'perfgate-data';

/** A report of a run at `cpu` µs per request with a diff score, written where the action's `report` input reads it. */
function reportAt(cpu: number, commit: string): { path: string; report: Report } {
  const base = sampleReport([{ name: 'handleSearch', file: 'src/search.js', outcome: 'unchanged' }]);
  const metric = { baseline: [cpu, cpu], candidate: [cpu * 0.99, cpu * 1.01], baselineMedian: cpu, candidateMedian: cpu, ratio: 1, ci: { low: 0.98, high: 1.02 }, p: 0.8, q: 0.8, outcome: 'unchanged' as const };
  const minimumDetectable = { relative: 0.04, alpha: 0.05, power: 0.8, test: 'mann-whitney' as const, noise: 0.02, simulations: 400 };
  const report: Report = {
    ...base,
    candidate: { ...base.candidate, commit },
    comparison: { ...base.comparison, service: [{ metric: 'cpuMicrosPerRequest', higherIsWorse: true, comparison: metric }, ...base.comparison.service] },
    diffScore: { cpuPerRequest: { change: 0.0123, low: -0.0101, high: 0.0345, design: 'independent', baselineMedian: cpu, candidateMedian: cpu, minimumDetectable } },
  };
  const dir = mkdtempSync(join(tmpdir(), 'perfgate-report-'));
  const path = join(dir, 'report.json');
  writeFileSync(path, JSON.stringify(report));
  return { path, report };
}

function push(): Record<string, any> {
  // The example push is to a tag of a repository whose default branch is master; the runner's GITHUB_REF_NAME says which branch ran.
  return webhookExample('push', undefined as unknown as string);
}

describe('action, check mode with history: true, against a fake api.github.com that validates every request', () => {
  const fake = useFakeGitHub(REPO);
  let github: FakeGitHub;
  const start = async () => {
    github = await fake.start();
    github.tokens.set('ghs_workflow_token', { login: null, actsAs: BOT, readOnly: false });
    return github;
  };
  const check = (reportPath: string, options: { event: Record<string, unknown>; eventName: string; branch?: string; extra?: Record<string, string> }) => {
    const workspace = mkdtempSync(join(tmpdir(), 'perfgate-ws-'));
    return runAction({
      inputs: { mode: 'check', report: reportPath, 'github-token': 'ghs_workflow_token', history: 'true', ...options.extra },
      event: options.event,
      eventName: options.eventName,
      repository: REPO,
      apiUrl: github.url,
      workspace,
      cwd: workspace,
      env: options.branch ? { GITHUB_REF_NAME: options.branch } : {},
    });
  };
  const history = () => parseHistory(github.fileAt(DATA, 'history.ndjson')!.content.toString('utf8'), 'data branch');

  it('records a default-branch run on a data branch of its own, sets the diff-score outputs, and keeps another run\'s record written meanwhile', async () => {
    await start();
    const first = reportAt(400, '1'.repeat(40));
    const run1 = await check(first.path, { event: push(), eventName: 'push', branch: 'master' });
    expect(run1.code, run1.stdout + run1.stderr).toBe(0);
    expect(run1.outputs).toMatchObject({ 'diff-score': '1.23', 'diff-score-low': '-1.01', 'diff-score-high': '3.45' });
    // A root commit: the data branch carries none of the repository's code.
    const head = github.refs.get(DATA)!;
    expect(github.commits.get(head)!.parents).toEqual([]);
    expect(history().map((r) => [r.commit, r.branch, r.cpuMicrosPerRequest.median, r.runUrl])).toEqual([['1'.repeat(40), 'master', 400, `https://github.com/${REPO}/actions/runs/4242`]]);

    // Another run writes between this run's read and its write: the contents API refuses the stale sha (409), perfgate reads again and appends to that.
    const other: HistoryRecord = { ...historyRecord(reportAt(410, '2'.repeat(40)).report, { parent: null, branch: 'master', runUrl: null }) };
    let raced = false;
    github.onRequest = (operationId, fake) => {
      if (operationId === 'repos/create-or-update-file-contents' && !raced) {
        raced = true;
        const text = fake.fileAt(DATA, 'history.ndjson')!.content.toString('utf8');
        fake.putFile(DATA, 'history.ndjson', Buffer.from(text + serializeHistory([other])), 'the other run');
      }
    };
    const run2 = await check(reportAt(420, '3'.repeat(40)).path, { event: push(), eventName: 'push', branch: 'master' });
    expect(run2.code, run2.stdout + run2.stderr).toBe(0);
    expect(run2.stdout).toMatch(/recorded this run in perfgate-data:history\.ndjson \(commit [0-9a-f]{12}, 2 attempt\(s\)\)/);
    expect(history().map((r) => r.commit)).toEqual(['1'.repeat(40), '2'.repeat(40), '3'.repeat(40)]);
    const puts = github.requests.filter((r) => r.operationId === 'repos/create-or-update-file-contents');
    expect(puts).toHaveLength(2);
    // Nothing is ever forced: no ref update at all, and each write names the sha it replaces.
    expect(github.requests.filter((r) => r.operationId === 'git/update-ref')).toEqual([]);
    expect(puts.every((r) => typeof (r.body as { sha?: unknown }).sha === 'string')).toBe(true);
  });

  it('retries when another run created the file first (422: a write without the sha of a file that now exists)', async () => {
    await start();
    github.addBranch(DATA, 'd'.repeat(40));
    const other = historyRecord(reportAt(410, '2'.repeat(40)).report, { parent: null, branch: 'master', runUrl: null });
    let raced = false;
    github.onRequest = (operationId, fake) => {
      if (operationId === 'repos/create-or-update-file-contents' && !raced) {
        raced = true;
        fake.putFile(DATA, 'history.ndjson', Buffer.from(serializeHistory([other])), 'the other run');
      }
    };
    const run = await check(reportAt(420, '3'.repeat(40)).path, { event: push(), eventName: 'push', branch: 'master' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(history().map((r) => r.commit)).toEqual(['2'.repeat(40), '3'.repeat(40)]);
    const puts = github.requests.filter((r) => r.operationId === 'repos/create-or-update-file-contents');
    expect(puts.map((r) => (r.body as { sha?: string }).sha)).toEqual([undefined, github.fileAt(github.commits.get(github.refs.get(DATA)!)!.parents[0]!, 'history.ndjson')!.sha]);
  });

  it('does not record a run of another branch', async () => {
    await start();
    const run = await check(reportAt(400, '4'.repeat(40)).path, { event: push(), eventName: 'push', branch: 'feature' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/not recording history for feature \(history-branches: master\)/);
    expect(github.writes()).toEqual([]);
  });

  it('shows the trend and a step the gate did not fail in the PR comment and the summary', async () => {
    await start();
    github.addBranch(DATA, 'd'.repeat(40));
    // 60 runs of master: +10% from the 31st, which every gate run passed.
    const records = Array.from({ length: 60 }, (_, i) => {
      const cpu = (i >= 30 ? 440 : 400) * (1 + 0.01 * Math.sin(i * 2.3));
      return historyRecord(reportAt(cpu, i.toString(16).padStart(40, 'a')).report, { parent: null, branch: 'master', runUrl: null });
    });
    github.putFile(DATA, 'history.ndjson', Buffer.from(serializeHistory(records)));
    const pr = webhookExample('pull_request', 'opened');
    const reportPath = reportAt(470, 'e'.repeat(40)).path;
    const run = await check(reportPath, { event: pr, eventName: 'pull_request' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const comment = [...github.comments.get(2)!].at(-1)!.body;
    expect(comment).toMatch(/### Trend of master \(last 20 runs, µs CPU per request\)/);
    expect(comment).toMatch(/`[▁▂▃▄▅▆▇█]{20}` [\d.]+ → this PR `█` 470\.0: above 20 of the last 20 runs of master/);
    expect(comment).toContain(`rose 10.`);
    expect(comment).toContain(`from \`${records[30]!.commit!.slice(0, 12)}\``);
    expect(comment).toContain('no gate run failed');
    expect(run.summary).toContain('```mermaid\nxychart-beta');
    // The chart itself goes into the report folder (the artifact): 60 markers, the step's rule.
    const svg = readFileSync(join(dirname(reportPath), 'trend.svg'), 'utf8');
    expect(svg.match(/<circle class="point"/g)).toHaveLength(60);
    expect(svg).toContain('<g class="step">');
    // A PR run reads the history and writes nothing to it.
    expect(github.requests.filter((r) => r.operationId === 'repos/create-or-update-file-contents')).toEqual([]);
  });

  it('shows the trend in the comment the comment mode posts (workflow_run), reading the history and writing none', async () => {
    await start();
    github.addBranch(DATA, 'd'.repeat(40));
    const records = Array.from({ length: 20 }, (_, i) => historyRecord(reportAt(400 + i, i.toString(16).padStart(40, 'b')).report, { parent: null, branch: 'main', runUrl: null }));
    github.putFile(DATA, 'history.ndjson', Buffer.from(serializeHistory(records)));
    const head = 'c'.repeat(40);
    github.pulls.push({ number: 7, state: 'open', headSha: head, headRef: 'patch-1', headRepo: REPO });
    // The workflow_run example's repository has main as its default branch: its history is main's.
    const event = webhookExample('workflow_run', 'completed');
    Object.assign(event.workflow_run, { event: 'pull_request', head_sha: head, head_branch: 'patch-1', conclusion: 'success', pull_requests: [] });
    event.workflow_run.head_repository = { ...event.workflow_run.head_repository, full_name: REPO };
    const artifact = dirname(reportAt(430, head).path);
    const run = await runAction({ inputs: { mode: 'comment', artifact, 'github-token': 'ghs_workflow_token', history: 'true' }, event, eventName: 'workflow_run', repository: REPO, apiUrl: github.url });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const comment = github.comments.get(7)!.at(-1)!.body;
    expect(comment).toMatch(/### Trend of main \(last 20 runs, µs CPU per request\)/);
    expect(comment).toMatch(/→ this PR `[▁▂▃▄▅▆▇█]` 430\.0: above 20 of the last 20 runs of main/);
    expect(github.requests.filter((r) => r.operationId === 'repos/create-or-update-file-contents')).toEqual([]);
  });
});

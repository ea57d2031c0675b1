import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/index.js';
import { MARK } from '../helpers/example-config.js';
import { leftoverProcesses } from '../helpers/processes.js';
import { runAction } from '../helpers/run-action.js';
import { REPO } from '../helpers/run-cli.js';
import { webhookExample } from '../helpers/webhook-payloads.js';

// A PR check with nothing configured but the service: the action measures the PR's base
// (the merge base of the base branch and the head) on this runner, interleaved with the
// head, from a shallow checkout of the head like actions/checkout's default.
describe('action, check mode, on a pull request', () => {
  it("measures the PR's base on the same runner by default, deepening a shallow checkout", async () => {
    const origin = mkdtempSync(join(tmpdir(), 'perfgate-pr-origin-'));
    const mark = randomUUID();
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', ['-c', 'user.email=t@example.invalid', '-c', 'user.name=t', '-c', 'init.defaultBranch=main', '-c', 'protocol.file.allow=always', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
        .toString()
        .trim();
    cpSync(join(REPO, 'examples/shop-api'), join(origin, 'examples/shop-api'), { recursive: true });
    cpSync(join(REPO, 'replay/shop-api.ndjson'), join(origin, 'replay/shop-api.ndjson'));
    writeFileSync(
      join(origin, 'perfgate.config.json'),
      JSON.stringify({
        service: { start: 'node examples/shop-api/server.js', readyPath: '/health', env: { [MARK]: mark } },
        replay: 'replay/shop-api.ndjson',
        baseline: 'baselines/shop-api.json',
        output: 'report',
        trials: 2,
        load: { warmupRequests: 100, measureRequests: 400, connections: 4 },
        // Two pairs are blind to +25%, and a blind same-runner run adds pairs: this checks which base is measured, not what it finds.
        compare: { extendTrials: 0 },
      }),
    );
    git(origin, 'init', '-q');
    git(origin, 'add', '.');
    git(origin, 'commit', '-qm', 'the service');
    const forkPoint = git(origin, 'rev-parse', 'HEAD');
    git(origin, 'checkout', '-qb', 'feature');
    writeFileSync(join(origin, 'examples/shop-api/NOTES.md'), 'a change on the branch\n');
    git(origin, 'add', '.');
    git(origin, 'commit', '-qm', 'the change');
    const head = git(origin, 'rev-parse', 'HEAD');
    git(origin, 'checkout', '-q', 'main');
    writeFileSync(join(origin, 'CHANGES.md'), 'main moved on\n');
    git(origin, 'add', '.');
    git(origin, 'commit', '-qm', 'main moves on');
    const baseTip = git(origin, 'rev-parse', 'HEAD');

    const workspace = mkdtempSync(join(tmpdir(), 'perfgate-pr-workspace-'));
    git(workspace, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${origin}`, '.');
    const event = webhookExample('pull_request', 'synchronize');
    event.pull_request.base.sha = baseTip;
    event.pull_request.head.sha = head;

    const run = await runAction({
      inputs: { mode: 'check', config: join(workspace, 'perfgate.config.json'), comment: 'false', 'fail-on-regression': 'false' },
      event,
      eventName: 'pull_request',
      repository: 'Codertocat/Hello-World',
      workspace,
      cwd: workspace,
    });
    expect(run.stdout).toContain(`measuring the PR's base ${forkPoint.slice(0, 12)} (the merge base of the base branch and the head, ${event.pull_request.base.ref})`);
    const report = JSON.parse(readFileSync(join(run.outputs['report-path']!, 'report.json'), 'utf8')) as Report;
    expect(report.baselineSource.kind).toBe('same-runner');
    // The fork point, not the base branch's tip: main's later commits are not the PR's doing.
    expect(report.baseline.commit).toBe(forkPoint);
    expect(report.candidate.commit).toBe(head);
    expect(report.comparison.paired?.ratios).toHaveLength(2);
    expect(report.reproduce).toContain(`--base-ref ${forkPoint}`);
    expect(git(workspace, 'worktree', 'list').split('\n')).toHaveLength(1);
    expect(await leftoverProcesses(MARK, mark)).toEqual([]);
  });
});

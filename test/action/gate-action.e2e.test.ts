import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReportFile } from '../../src/github/report-artifact.js';
import { exampleConfig, MARK } from '../helpers/example-config.js';
import { FakeGitHub } from '../helpers/fake-github.js';
import { leftoverProcesses } from '../helpers/processes.js';
import { runAction } from '../helpers/run-action.js';
import { runCli } from '../helpers/run-cli.js';
import { webhookExample } from '../helpers/webhook-payloads.js';

const REPO = 'Codertocat/Hello-World';

// The whole thing as a PR check: the bundled action runs the real gate on the example
// service (agent, profiler, autocannon), then publishes to the fake GitHub API.
describe('action, check mode, running the real gate', () => {
  let github: FakeGitHub;
  beforeAll(async () => {
    github = await new FakeGitHub(REPO).start();
    github.tokens.set('ghs_token', { login: 'perfgate-bot', actsAs: 'perfgate-bot', readOnly: false });
  });
  afterAll(async () => {
    await github.stop();
  });

  it('measures, writes the summary, the outputs and the report folder, and comments on the PR', async () => {
    // The stored baseline, as a config that insists on it: a PR check's default, the PR's base measured here, is tested in pr-base.e2e.test.ts.
    const config = exampleConfig({ trials: 2, load: { warmupRequests: 100, measureRequests: 400, connections: 4 }, compare: { baseline: 'stored' } });
    const baseline = await runCli(['baseline', '--config', config.path]);
    expect(baseline.code, baseline.stderr).toBe(0);

    const run = await runAction({
      inputs: { mode: 'check', config: config.path, 'github-token': 'ghs_token', 'fail-on-regression': 'false' },
      event: webhookExample('pull_request', 'synchronize'),
      eventName: 'pull_request',
      repository: REPO,
      apiUrl: github.url,
    });
    expect(['pass', 'fail', 'fail-errors', 'inconclusive']).toContain(run.outputs.verdict);
    // Two trials a side cannot reach significance: the verdict says so, and inconclusive fails the step.
    expect(run.code, run.stdout + run.stderr).toBe(run.outputs.verdict === 'inconclusive' ? 1 : 0);
    expect(run.stdout).toMatch(/::group::candidate trial 2 of 2/);
    expect(run.summary).toMatch(/^## perfgate: /);
    const reportFile = join(run.outputs['report-path']!, 'report.json');
    expect(existsSync(reportFile)).toBe(true);
    // The fork-safe comment re-reads this file as untrusted: nothing a real report holds may be dropped or refused.
    expect(keyPaths(readReportFile(reportFile))).toEqual(keyPaths(JSON.parse(readFileSync(reportFile, 'utf8'))));
    const comments = github.comments.get(2)!;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.login).toBe('perfgate-bot');
    expect(comments[0]!.body).toMatch(/^<!-- perfgate:sticky-comment:perfgate -->\n## perfgate: /);
    expect(github.violations).toEqual([]);
    expect(await leftoverProcesses(MARK, config.mark)).toEqual([]);
  });
});

/** Every key path in a JSON value (array items collapsed), to compare shapes. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((item) => keyPaths(item, `${prefix}[]`)))].sort();
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => [`${prefix}.${key}`, ...keyPaths(inner, `${prefix}.${key}`)]).sort();
  }
  return [];
}

import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/report/index.js';
import { MARK } from './helpers/example-config.js';
import { leftoverProcesses } from './helpers/processes.js';
import { exampleRepo } from './helpers/example-repo.js';
import { useFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';
import { runAction } from './helpers/run-action.js';
import { runCli } from './helpers/run-cli.js';
import { webhookExample } from './helpers/webhook-payloads.js';

const REPO = 'Codertocat/Hello-World';
const BOT = 'github-actions[bot]';

// Three shards run one after another as separate processes, each counted as its own
// runner; shard 2 runs beside a CPU hog, so its runner is slower and noisier. Each shard
// interleaves base and head itself, and the merge combines them into one verdict.
describe('sharded gate: perfgate run --shard I/N, then perfgate merge', () => {
  const mark = randomUUID();
  const { dir, configPath, git } = exampleRepo('perfgate-shards-', {
    service: { start: 'node examples/shop-api/server.js', readyPath: '/health', env: { [MARK]: mark } },
    replay: 'replay/shop-api.ndjson',
    baseline: 'baselines/shop-api.json',
    trials: 9,
    load: { warmupRequests: 200, measureRequests: 600, connections: 8 },
  });
  const hogs: ChildProcess[] = [];
  const fake = useFakeGitHub(REPO);
  let github: FakeGitHub;

  /** Runs shards 1/3, 2/3 (beside a CPU hog, always killed) and 3/3 into `<dir>/<name>-<i>`. */
  async function runShards(name: string, extra: readonly string[]): Promise<string[]> {
    const folders: string[] = [];
    for (const index of [1, 2, 3]) {
      const out = join(dir, `${name}-${index}`);
      let hog: ChildProcess | undefined;
      if (index === 2) {
        hog = spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
        hogs.push(hog);
      }
      try {
        const result = await runCli(['run', '--config', configPath, '--base-ref', 'HEAD', '--shard', `${index}/3`, '--output', out, ...extra]);
        expect(result.code, result.stdout + result.stderr).toBe(0);
        expect(result.stdout).toContain(`shard ${index}/3: pairs ${[index, index + 3, index + 6].join(', ')} written to`);
      } finally {
        hog?.kill('SIGKILL');
      }
      folders.push(out);
    }
    return folders;
  }

  let aa: string[] = [];
  let planted: string[] = [];

  beforeAll(async () => {
    aa = await runShards('aa', []);
  });

  afterAll(() => {
    for (const hog of hogs) if (hog.exitCode === null && hog.signalCode === null) hog.kill('SIGKILL');
  });

  it('A/A: three shards merge into one passing report with 9 pairs, each shard weighted, and the detectable change shrinking as shards are added', async () => {
    const out = join(dir, 'aa-merged');
    const result = await runCli(['merge', ...aa, '--output', out]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    expect(report.comparison.verdict.outcome).toBe('pass');
    expect(report.comparison.trials).toEqual({ baseline: 9, candidate: 9 });
    expect(report.comparison.paired?.ratios).toHaveLength(9);
    expect(report.baselineSource.kind).toBe('same-runner');
    expect(report.shards?.method).toBe('stratified-sign-flip');
    expect(report.shards?.shards.map((s) => [s.index, s.status, s.pairs])).toEqual([
      [1, 'complete', [1, 4, 7]],
      [2, 'complete', [2, 5, 8]],
      [3, 'complete', [3, 6, 9]],
    ]);
    const weights = report.shards!.shards.map((s) => s.weight!);
    // report.json keeps 6 significant digits.
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    // 3 pairs cannot reach p <= 0.05 (2 / 2^3); 6 and 9 can, and 9 see a smaller change than 6.
    const [one, two, three] = report.shards!.detectableByShards;
    expect(one).toBeNull();
    expect(two).not.toBeNull();
    expect(three!).toBeLessThan(two!);
    // One set of reports and profiles: every trial of both sides, and each side merged.
    for (const file of ['report.md', 'report.html', 'flamegraph.svg', 'profiles/candidate.pb.gz', 'profiles/baseline.pb.gz', 'profiles/baseline-trial-5.pb.gz', 'profiles/candidate-trial-9.alloc.pb.gz']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/### Shards[\s\S]*\| 2\/3 \| complete \| 2, 5, 8 \|/);
    expect(git('worktree', 'list').split('\n')).toHaveLength(1);
    expect(await leftoverProcesses(MARK, mark)).toEqual([]);
  });

  // 1800 requests a trial here, not 600: at 600 scoreProduct has about 30 samples a trial, and
  // in CI its planted 2× read +63.6% (95% CI +35.8% … +97.2%, p 0.00015) but q 0.051 over 360
  // tests: a pass with a lean warning, merged shards being unable to add pairs.
  it('a planted regression (scoreProduct twice its work) is caught by the merged verdict, the function named', async () => {
    planted = await runShards('planted', ['--candidate-env', 'PERFGATE_EXAMPLE_REGRESSION=scoreProduct', '--requests', '1800']);
    const out = join(dir, 'planted-merged');
    const result = await runCli(['merge', ...planted, '--output', out]);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    expect(report.comparison.verdict.outcome).toBe('fail');
    // Named among the first, with its change: over 9 noisy pairs and ~400 tests its own q can miss
    // 0.05 (one CI run: +61%, 95% CI +19% … +116%, q 0.17) while its callers' totals decide.
    const scoreProduct = report.comparison.findings.slice(0, 3).find((f) => f.name === 'scoreProduct');
    expect(scoreProduct, JSON.stringify(report.comparison.findings.slice(0, 3).map((f) => f.name))).toBeDefined();
    expect(scoreProduct!.self.ci.low).toBeGreaterThan(1.05);
    if (report.comparison.findings[0]!.name !== 'scoreProduct') expect(['search', 'searchProducts']).toContain(report.comparison.findings[0]!.name);

    // Shards of the planted run and of the A/A run measured different candidates: refused.
    const mixed = await runCli(['merge', planted[0]!, aa[1]!, planted[2]!, '--output', join(dir, 'mixed')]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/not merging shards of different runs: shard 2\/3 \(.*aa-2\) ran the candidate with other --candidate-env variables/);
    expect(await leftoverProcesses(MARK, mark)).toEqual([]);
  });

  it('a missing shard and a failed one make the merge inconclusive, naming them', async () => {
    const missing = await runCli(['merge', aa[0]!, aa[2]!, '--output', join(dir, 'missing')]);
    expect(missing.code).toBe(2);
    const report = JSON.parse(readFileSync(join(dir, 'missing/report.json'), 'utf8')) as Report;
    expect(report.comparison.verdict).toMatchObject({ outcome: 'inconclusive' });
    expect(report.comparison.verdict.rule).toMatch(/^shard 2\/3 is missing: 2 of 3 shards were merged/);

    // A shard whose service never starts (the same config, broken for this shard only) writes a failed shard.json; the merge names it.
    const config = readFileSync(configPath, 'utf8');
    writeFileSync(configPath, JSON.stringify({ ...JSON.parse(config), service: { start: 'node -e "process.exit(3)"', readyPath: '/health', readyTimeoutMs: 5000, env: { [MARK]: mark } } }));
    const failedDir = join(dir, 'failed-3');
    try {
      const failed = await runCli(['run', '--config', configPath, '--base-ref', 'HEAD', '--shard', '3/3', '--output', failedDir]);
      expect(failed.code).toBe(2);
    } finally {
      writeFileSync(configPath, config);
    }
    expect(JSON.parse(readFileSync(join(failedDir, 'shard.json'), 'utf8'))).toMatchObject({ status: 'failed', shard: { index: 3, count: 3 } });
    const merged = await runCli(['merge', aa[0]!, aa[1]!, failedDir, '--output', join(dir, 'with-failed')]);
    expect(merged.code).toBe(2);
    expect(merged.stdout + merged.stderr).toMatch(/shard 3\/3 failed \(service `node -e "process.exit\(3\)"` exited with code 3 before it was ready[^)]*\): 2 of 3 shards were merged/);
    expect(await leftoverProcesses(MARK, mark)).toEqual([]);
  });

  it('several services: each service\'s shards merged on their own, one report.md with a verdict per service and one overall', async () => {
    // The planted run's shards stand in for a second service (its config path is data in shard.json).
    const worker = planted.map((folder, i) => {
      const copy = join(dir, `worker-${i + 1}`);
      cpSync(folder, copy, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(copy, 'shard.json'), 'utf8'));
      writeFileSync(join(copy, 'shard.json'), JSON.stringify({ ...manifest, service: 'services/worker/perfgate.config.json' }));
      return copy;
    });
    const out = join(dir, 'services');
    const result = await runCli(['merge', ...aa, ...worker, '--output', out]);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toMatch(/== services\/worker ==[\s\S]*overall \(2 services\): fail/);
    const markdown = readFileSync(join(out, 'report.md'), 'utf8');
    expect(markdown).toMatch(/^## perfgate: ❌ regression \(2 services\)\n/);
    expect(markdown).toMatch(/\| services\/worker \| ❌ \d+ functions? regressed \|/);
    expect(markdown).toMatch(/\| ✅ no performance regression \|/);
    const worker1 = JSON.parse(readFileSync(join(out, 'services-worker/report.json'), 'utf8')) as Report;
    expect(worker1.comparison.verdict.outcome).toBe('fail');
    expect(worker1.shards?.count).toBe(3);
  });

  it('action, mode merge: the shard folders of two services as download-artifact leaves them, one sticky comment with a verdict per service and one overall, and no checkout needed', async () => {
    github = await fake.start();
    github.tokens.set('ghs_workflow_token', { login: null, actsAs: BOT, readOnly: false });
    const workspace = mkdtempSync(join(tmpdir(), 'perfgate-merge-ws-'));
    // One sub-folder per artifact; the A/A shards stand in for both services.
    aa.forEach((folder, i) => {
      cpSync(folder, join(workspace, 'shards', `perfgate-shard-api-${i + 1}`), { recursive: true });
      const copy = join(workspace, 'shards', `perfgate-shard-worker-${i + 1}`);
      cpSync(folder, copy, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(copy, 'shard.json'), 'utf8'));
      writeFileSync(join(copy, 'shard.json'), JSON.stringify({ ...manifest, service: 'services/worker/perfgate.config.json' }));
    });
    const run = await runAction({
      inputs: { mode: 'merge', shards: 'shards', 'github-token': 'ghs_workflow_token' },
      event: webhookExample('pull_request', 'opened'),
      eventName: 'pull_request',
      repository: REPO,
      apiUrl: github.url,
      workspace,
      cwd: workspace,
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    expect(run.outputs['report-path']).toBe(join(workspace, 'perfgate-report'));
    const comments = github.comments.get(2)!.filter((c) => c.login === BOT);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(/^<!-- perfgate:sticky-comment:perfgate -->\n## perfgate: ✅ no performance regression \(2 services\)\n/);
    expect(comments[0]!.body).toMatch(/\| services\/worker \| ✅ no performance regression \|/);
    expect(run.summary).toMatch(/\(2 services\)/);
    expect(github.writes().map((w) => w.operationId)).toEqual(['issues/create-comment']);
  });

  it('stored baseline: the candidate\'s trials are shared out, every shard carries the baseline, and the merge compares with it', async () => {
    const storedConfig = join(dir, 'stored.config.json');
    writeFileSync(storedConfig, JSON.stringify({ ...JSON.parse(readFileSync(configPath, 'utf8')), baseline: 'baselines/stored.json', compare: { baseline: 'stored' } }));
    const made = await runCli(['baseline', '--config', storedConfig, '--trials', '2']);
    expect(made.code, made.stderr).toBe(0);
    const folders: string[] = [];
    for (const index of [1, 2]) {
      const out = join(dir, `stored-${index}`);
      const result = await runCli(['run', '--config', storedConfig, '--trials', '4', '--shard', `${index}/2`, '--output', out]);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.stderr).toMatch(new RegExp(`shard ${index}/2: pairs ${index}, ${index + 2} of 4; baseline stored`));
      folders.push(out);
    }
    const out = join(dir, 'stored-merged');
    const merged = await runCli(['merge', ...folders, '--output', out]);
    expect([0, 1, 2], merged.stdout + merged.stderr).toContain(merged.code);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    expect(report.baselineSource.kind).toBe('stored');
    expect(report.comparison.trials).toEqual({ baseline: 2, candidate: 4 });
    expect(report.comparison.paired).toBeUndefined();
    expect(report.shards).toMatchObject({ count: 2, method: 'stored', detectableByShards: [] });
    expect(report.merged.baseline).toBe('profiles/baseline.pb.gz');
    expect(existsSync(join(out, 'profiles/stored-baseline.pb.gz'))).toBe(true);
    expect(await leftoverProcesses(MARK, mark)).toEqual([]);
  });

  it('refuses shards of another commit, and a shard folder whose profile path leaves it', async () => {
    const copy = join(dir, 'tampered-3');
    cpSync(aa[2]!, copy, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(copy, 'shard.json'), 'utf8'));
    writeFileSync(join(copy, 'shard.json'), JSON.stringify({ ...manifest, candidateCommit: '0'.repeat(40) }));
    const other = await runCli(['merge', aa[0]!, aa[1]!, copy, '--output', join(dir, 'other')]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/shard 3\/3 \(.*tampered-3\) measured commit 0{40}, .*aa-1 [0-9a-f]{40}/);

    // Other comparison settings, another shard count: refused, naming what differs.
    writeFileSync(join(copy, 'shard.json'), JSON.stringify({ ...manifest, compare: { ...manifest.compare, alpha: 0.1 } }));
    const settings = await runCli(['merge', aa[0]!, aa[1]!, copy, '--output', join(dir, 'other')]);
    expect(settings.code).toBe(2);
    expect(settings.stderr).toMatch(/shard 3\/3 \(.*tampered-3\) and shard 1\/3 \(.*aa-1\) differ in the comparison settings \(compare\)/);
    writeFileSync(join(copy, 'shard.json'), JSON.stringify({ ...manifest, shard: { index: 3, count: 4 } }));
    const count = await runCli(['merge', aa[0]!, aa[1]!, copy, '--output', join(dir, 'other')]);
    expect(count.stderr).toMatch(/shard 3\/4 \(.*tampered-3\) is one of 4 shards, .*aa-1 one of 3/);

    // A profile that is a symbolic link (to anything) is not followed.
    writeFileSync(join(copy, 'shard.json'), JSON.stringify(manifest));
    rmSync(join(copy, manifest.profiles.candidate[0]));
    symlinkSync('/etc/hostname', join(copy, manifest.profiles.candidate[0]));
    const link = await runCli(['merge', aa[0]!, aa[1]!, copy, '--output', join(dir, 'link')]);
    expect(link.code).toBe(2);
    expect(link.stderr).toMatch(/candidate-trial-3\.pb\.gz: expected a regular file \(got a symbolic link\); refusing to follow it/);

    manifest.profiles.candidate[0] = 'profiles/../../aa-1/shard.json';
    writeFileSync(join(copy, 'shard.json'), JSON.stringify(manifest));
    const escape = await runCli(['merge', aa[0]!, aa[1]!, copy, '--output', join(dir, 'escape')]);
    expect(escape.code).toBe(2);
    expect(escape.stderr).toMatch(/shard\.json: profiles\.candidate\.0: expected profiles\/<name>\.pb\.gz inside the shard folder/);
  });
});

import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/report/index.js';
import { addAuditChecksum, cacheSearches } from './fixtures/verdict-commits.js';
import { MARK } from './helpers/example-config.js';
import { leftoverProcesses } from './helpers/processes.js';
import { REPO, runCli } from './helpers/run-cli.js';

const gitIn = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=t@example.invalid', '-c', 'user.name=t', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();

// The mark is part of the config's fingerprint: both changes share it, so both can use the one stored baseline.
const mark = randomUUID();

function writeConfig(dir: string, baseline: 'stored' | 'same-runner'): void {
  writeFileSync(
    join(dir, `perfgate.${baseline}.json`),
    JSON.stringify({
      service: { start: 'node examples/shop-api/server.js', readyPath: '/health', env: { [MARK]: mark } },
      replay: 'replay/shop-api.ndjson',
      baseline: 'baselines/shop-api.json',
      output: `report-${baseline}`,
      trials: 10,
      // 1500 requests a trial: the changes judged here are large (a new function at ~7% of the CPU;
      // searchProducts' total time down ~15×), and ten trials see them at this size as at 3000.
      // The power against small changes is simulated in test/verdict-properties.test.ts.
      load: { warmupRequests: 300, measureRequests: 1500, connections: 8 },
      // 10 trials of 1500 requests cannot see +25% in every function (maxDetectable is tested on its own); the model is what is judged here.
      compare: { baseline, maxDetectable: 10, ...(baseline === 'same-runner' ? { baseRef: 'HEAD~1' } : {}) },
    }),
  );
}

// The example service in a repository of one commit, with a stored baseline of that commit:
// measured once, the commit before both changes.
let base: Promise<string> | undefined;
const measuredBase = () =>
  (base ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'perfgate-verdict-base-'));
    cpSync(join(REPO, 'examples/shop-api'), join(dir, 'examples/shop-api'), { recursive: true });
    cpSync(join(REPO, 'replay/shop-api.ndjson'), join(dir, 'replay/shop-api.ndjson'));
    writeConfig(dir, 'stored');
    writeConfig(dir, 'same-runner');
    gitIn(dir, 'init', '-q');
    gitIn(dir, 'add', '.');
    gitIn(dir, 'commit', '-qm', 'service');
    const made = await runCli(['baseline', '--config', join(dir, 'perfgate.stored.json')]);
    expect(made.code, made.stderr).toBe(0);
    return dir;
  })());

afterAll(async () => {
  expect(await leftoverProcesses(MARK, mark)).toEqual([]);
});

// Issue #13 end to end: real commits to the example service, judged against a stored
// baseline of the commit before them and against that commit re-measured here (same-runner).
// An optimisation must pass; new per-request code must fail, naming the new function.
describe.each([
  { change: 'an optimisation (search caches its results)', commit: cacheSearches, fails: false },
  { change: 'a new per-request function (an audit checksum)', commit: addAuditChecksum, fails: true },
])('$change', ({ commit, fails }) => {
  const dir = mkdtempSync(join(tmpdir(), 'perfgate-verdict-'));
  let ready: Promise<void> | undefined;
  // A copy of the measured repository (its history and untracked baseline with it), then the change as its second commit.
  const setUp = () =>
    (ready ??= (async () => {
      cpSync(await measuredBase(), dir, { recursive: true });
      commit(dir);
      gitIn(dir, 'add', 'examples');
      gitIn(dir, 'commit', '-qm', 'the change');
    })());

  it.each(['stored', 'same-runner'] as const)(`in %s mode is judged ${fails ? 'a regression, naming the new function' : 'no regression (at most a lean)'}`, async (mode) => {
    await setUp();
    const result = await runCli(['run', '--config', join(dir, `perfgate.${mode}.json`)]);
    const report = JSON.parse(readFileSync(join(dir, `report-${mode}/report.json`), 'utf8')) as Report;
    const summary = `${result.stdout}\n${result.stderr}`;
    expect(report.baselineSource.kind).toBe(mode);
    expect(report.baseline.commit).toBe(gitIn(dir, 'rev-parse', 'HEAD~1'));
    if (fails) {
      expect(result.code, summary).toBe(1);
      const blocking = report.comparison.verdict.outcome === 'fail' ? report.comparison.verdict.blocking : [];
      const audit = blocking.find((f) => f.name === 'auditChecksum');
      expect(audit, summary).toMatchObject({ presence: 'added', outcome: 'regressed', file: 'examples/shop-api/router.js' });
      // Named first among the service's own code: not the garbage collector or Node's internals.
      expect(blocking[0]!.name, summary).toBe('auditChecksum');
    } else {
      // Never failed. It may end inconclusive on a lean, not on anything else: in CI the cache made
      // sendJson's own time +10.3% per request (95% CI +0.3% … +21.2%; +15.6% relative to the
      // unchanged code, p 0.0021), leaning at 10 pairs and at 20: absolute and relative agree, so
      // it reads as a cost of the change (why the cache makes serialising dearer was not
      // investigated), small beside the search's −65%, which the gate names rather than passes over.
      expect([0, 2], summary).toContain(result.code);
      if (result.code === 2) expect(report.comparison.verdict.rule, summary).toMatch(/lean towards a regression/);
      expect(report.comparison.findings.filter((f) => f.outcome === 'regressed')).toEqual([]);
      const searchProducts = report.comparison.findings.find((f) => f.name === 'searchProducts');
      expect(searchProducts?.outcome, summary).toBe('improved');
    }
  });
});

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/report/index.js';
import { exampleConfig, MARK } from './helpers/example-config.js';
import { leftoverProcesses } from './helpers/processes.js';
import { REPO, runCli } from './helpers/run-cli.js';

// Recorded traffic for the storm service: /orders/… recorded as 200, /items/… with no status.
const dir = mkdtempSync(join(tmpdir(), 'perfgate-storm-'));
const replay = join(dir, 'storm.ndjson');
writeFileSync(
  replay,
  Array.from({ length: 40 }, (_, i) =>
    i % 4 === 0
      ? `{"method":"GET","path":"/orders/${i}","status":200}`
      : i % 4 === 1
        ? `{"method":"GET","path":"/items/${i}"}`
        : i % 4 === 2
          ? `{"method":"GET","path":"/account/${i}","headers":{"authorization":"Bearer <redacted:authorization:1>"},"status":200}`
          : `{"method":"GET","path":"/products?page=${i}","status":200}`,
  ).join('\n'),
);
// compare.baseline "stored": the storm is in the environment, so a same-runner baseline would storm too.
const stormConfig = (env: Record<string, string>, extra: Record<string, unknown> = {}) =>
  exampleConfig({
    compare: { baseline: 'stored' },
    service: { start: `node ${join(REPO, 'test/fixtures/storm-service.js')}` },
    replay,
    trials: 3,
    load: { warmupRequests: 40, measureRequests: 400, connections: 4 },
    env,
    redaction: { substitute: { '<redacted:authorization:1>': 'PERFGATE_TEST_TOKEN' } },
    ...extra,
  });
// The test credential lives only in perfgate's environment, never in a file.
const CREDENTIAL = { PERFGATE_TEST_TOKEN: 'test-credential-7' };

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)]));
}

describe('status mismatches and error storms fail the run', () => {
  const clean = stormConfig({});

  it('refuses to start when a substituted credential is not in the environment', async () => {
    const result = await runCli(['baseline', '--config', clean.path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${clean.path}: redaction.substitute["<redacted:authorization:1>"]: environment variable PERFGATE_TEST_TOKEN is not set`);
    expect(result.stderr).not.toMatch(/trial 1/);
  });

  it('a baseline of the healthy service, with the test credential put back, has no mismatches and writes no credential', async () => {
    const result = await runCli(['baseline', '--config', clean.path], { env: CREDENTIAL });
    expect(result.code, result.stderr).toBe(0);
    const written = filesUnder(clean.dir).filter((f) => !f.endsWith('.gz'));
    expect(written.length).toBeGreaterThan(1);
    for (const file of written) expect(readFileSync(file, 'latin1'), file).not.toContain('test-credential-7');
  });

  it('a candidate answering 500 on one route fails with per-route counts in every report', async () => {
    const storm = stormConfig({ PERFGATE_TEST_STORM: '1' }, { baseline: join(clean.dir, 'baseline.json') });
    const result = await runCli(['run', '--config', storm.path], { env: CREDENTIAL });
    expect(result.code, result.stdout + result.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(storm.dir, 'report/report.json'), 'utf8')) as Report;
    expect(report.comparison.verdict.outcome).toBe('fail-errors');
    const mismatches = report.comparison.statusMismatches!;
    expect(mismatches.map((m) => `${m.side} ${m.route}`)).toEqual(['candidate GET /orders/:id']);
    expect(mismatches[0]!.count).toBe(mismatches[0]!.responses);
    expect(mismatches[0]!.statuses).toEqual({ '200→500': mismatches[0]!.count });
    expect(mismatches[0]!.count).toBeGreaterThanOrEqual(3 * 100);
    const markdown = readFileSync(join(storm.dir, 'report/report.md'), 'utf8');
    expect(markdown).toMatch(/## perfgate: ❌ requests failed/);
    expect(markdown).toMatch(/\| candidate \| GET \/orders\/:id \| \d+ \| \d+ \(100\.0%\) \| 200→500 ×\d+ \|/);
    expect(result.stdout).toMatch(/Status mismatches by route:\n {2}candidate {2}GET \/orders\/:id: \d+ of \d+ \(200→500 ×\d+\)/);
    expect(await leftoverProcesses(MARK, storm.mark)).toEqual([]);
  });

  it('a 5xx where nothing was recorded counts too, and the threshold is the config\'s', async () => {
    const unrecorded = join(dir, 'unrecorded.ndjson');
    writeFileSync(unrecorded, Array.from({ length: 20 }, (_, i) => `{"method":"GET","path":"${i % 10 === 0 ? '/orders' : '/items'}/${i}"}`).join('\n'));
    // 10% of the requests fail: over the default 1%, under a configured 20%.
    const strict = stormConfig({ PERFGATE_TEST_STORM: '1' }, { replay: unrecorded, baseline: join(clean.dir, 'baseline.json') });
    const failed = await runCli(['run', '--config', strict.path], { env: CREDENTIAL });
    expect(failed.code, failed.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(strict.dir, 'report/report.json'), 'utf8')) as Report;
    expect(report.comparison.verdict.outcome).toBe('fail-errors');
    expect(report.comparison.statusMismatches![0]).toMatchObject({ route: 'GET /orders/:id', statuses: { 'any→500': expect.any(Number) } });
    const lenient = stormConfig({ PERFGATE_TEST_STORM: '1' }, { replay: unrecorded, baseline: join(clean.dir, 'baseline.json'), compare: { baseline: 'stored', maxErrorRate: 0.2 } });
    const passed = await runCli(['run', '--config', lenient.path], { env: CREDENTIAL });
    const lenientReport = JSON.parse(readFileSync(join(lenient.dir, 'report/report.json'), 'utf8')) as Report;
    expect(lenientReport.comparison.verdict.outcome, passed.stderr).not.toBe('fail-errors');
    expect(lenientReport.comparison.statusMismatches).toHaveLength(1);
  });
});

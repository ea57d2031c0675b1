import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleConfig, MARK } from './helpers/example-config.js';
import { leftoverProcesses } from './helpers/processes.js';
import { REPO, runCli } from './helpers/run-cli.js';

const PROFILE = join(REPO, 'baselines/shop-api.pb.gz');
const ESC = '\x1b[';

describe('--json: the verdict on stdout, the rest on stderr', () => {
  it('diff --json prints { verdict, exitCode, report } and nothing else on stdout', async () => {
    const { dir } = exampleConfig();
    const result = await runCli(['diff', PROFILE, PROFILE, '--json', '--output', join(dir, 'diff')]);
    expect(result.code).toBe(2);
    const printed = JSON.parse(result.stdout) as { verdict: { outcome: string; rule: string }; exitCode: number; report: string };
    expect(printed.verdict.outcome).toBe('inconclusive');
    expect(printed.verdict.rule).toMatch(/1 vs 1 trials/);
    expect(printed.exitCode).toBe(2);
    expect(printed.report).toBe(join(dir, 'diff/report.json'));
    expect(existsSync(printed.report)).toBe(true);
    expect(result.stderr).toContain('perfgate: ⚠️ inconclusive');
    expect(result.stderr).toContain('report: ');
  });

  it('run --json and baseline --json print JSON on stdout for a real (small) run', async () => {
    const config = exampleConfig({ trials: 3, load: { warmupRequests: 50, measureRequests: 300, connections: 4 } });
    const baseline = await runCli(['baseline', '--config', config.path, '--json']);
    expect(baseline.code, baseline.stderr).toBe(0);
    expect(JSON.parse(baseline.stdout)).toMatchObject({ baseline: join(config.dir, 'baseline.json'), trials: 3 });
    expect(baseline.stderr).toContain('perfgate: wrote the baseline');

    const run = await runCli(['run', '--config', config.path, '--json']);
    expect([0, 1, 2]).toContain(run.code);
    const printed = JSON.parse(run.stdout) as { verdict: { outcome: string }; exitCode: number; report: string };
    expect(['pass', 'fail', 'fail-errors', 'inconclusive']).toContain(printed.verdict.outcome);
    expect(printed.exitCode).toBe(run.code);
    expect(printed.report).toBe(join(config.dir, 'report/report.json'));
    expect(run.stderr).toMatch(/^perfgate: /m);
    expect(await leftoverProcesses(MARK, config.mark)).toEqual([]);
  });
});

describe('colour', () => {
  it('is off when piped, on with FORCE_COLOR, and NO_COLOR wins over both', async () => {
    const { dir } = exampleConfig();
    const args = ['diff', PROFILE, PROFILE, '--output', join(dir, 'diff')];
    const piped = await runCli(args, { env: { NO_COLOR: '', FORCE_COLOR: '' } });
    expect(piped.stdout).toContain('perfgate: ⚠️ inconclusive');
    expect(piped.stdout).not.toContain(ESC);
    const forced = await runCli(args, { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain(`${ESC}33m`);
    expect(forced.stdout).toMatch(/\x1b\[33mwarning:\x1b\[39m One profile per side/);
    const noColour = await runCli(args, { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(noColour.stdout).not.toContain(ESC);
  });
});

describe('a run that cannot start says why', () => {
  it('a missing replay file is named, with no internal error and no stack', async () => {
    const config = exampleConfig({ replay: '/nonexistent/replay.ndjson', baseline: join(REPO, 'baselines/shop-api.json') });
    const result = await runCli(['run', '--config', config.path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('perfgate: /nonexistent/replay.ndjson: cannot read the replay file (ENOENT');
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});

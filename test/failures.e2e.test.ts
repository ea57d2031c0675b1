import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleConfig, MARK } from './helpers/example-config.js';
import { leftoverProcesses } from './helpers/processes.js';
import { REPO, runCli, runCliInterrupted } from './helpers/run-cli.js';

const fixture = (name: string) => `node ${join(REPO, 'test/fixtures', name)}`;

describe('runs that cannot succeed exit 2, say why, and leave nothing running', () => {
  it('a config error names the file and the field', async () => {
    const config = exampleConfig({ trials: 'many' });
    const result = await runCli(['run', '--config', config.path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${config.path}: trials:`);
    expect(result.stderr).toContain('(got "many")');
  });

  it('an unknown command or a bad flag value is a usage error', async () => {
    expect((await runCli(['launch'])).code).toBe(2);
    const config = exampleConfig();
    const result = await runCli(['run', '--config', config.path, '--trials', '1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--trials must be an integer >= 2 \(got "1"\)/);
  });

  it('a missing baseline says how to create one, before starting anything', async () => {
    const config = exampleConfig();
    const result = await runCli(['run', '--config', config.path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no baseline yet; create one with `perfgate baseline/);
    expect(result.stderr).not.toMatch(/trial 1/);
  });

  it('a service that never becomes ready times out with its last output', async () => {
    const config = exampleConfig({ service: { start: fixture('never-ready.js'), readyTimeoutMs: 1_500 } });
    const result = await runCli(['baseline', '--config', config.path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/was not ready after 1500 ms: it never listened/);
    expect(result.stderr).toContain('| never-ready: waiting for a database that will not come');
    expect(await leftoverProcesses(MARK, config.mark)).toEqual([]);
  });

  it('a service that exits during start-up is reported with its exit code and output', async () => {
    const config = exampleConfig({ service: { start: fixture('crash-on-start.js') } });
    const result = await runCli(['baseline', '--config', config.path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/exited with code 3 before it was ready/);
    expect(result.stderr).toContain('cannot read settings.json');
  });

  it('a start command that does not exist is reported as such', async () => {
    const config = exampleConfig({ service: { start: 'perfgate-no-such-command --serve' } });
    const result = await runCli(['baseline', '--config', config.path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/exited with code 127 before it was ready/);
    expect(result.stderr).toMatch(/not found/);
  });

  it('a service whose serving process does not load the agent gets a clear error', async () => {
    const config = exampleConfig({ service: { start: fixture('no-agent.js'), readyTimeoutMs: 2_000 } });
    const result = await runCli(['baseline', '--config', config.path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the perfgate agent never registered/);
    expect(await leftoverProcesses(MARK, config.mark)).toEqual([]);
  });

  it('a failing build stops the run with the build output', async () => {
    const config = exampleConfig({ service: { build: 'echo compiling; echo "error TS2304: cannot find name" >&2; exit 2' } });
    const result = await runCli(['baseline', '--config', config.path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/build command .* exited with code 2/);
    expect(result.stderr).toContain('error TS2304');
  });

  it('SIGINT mid-measurement stops the service and exits 2 without writing a baseline', async () => {
    const config = exampleConfig({ load: { warmupRequests: 100, measureRequests: 200_000, connections: 8 } });
    const result = await runCliInterrupted(['baseline', '--config', config.path], 'SIGINT');
    expect(result.sent).toBe(true);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/SIGINT received/);
    expect(result.stderr).toMatch(/interrupted/);
    expect(existsSync(join(config.dir, 'baseline.json'))).toBe(false);
    expect(await leftoverProcesses(MARK, config.mark)).toEqual([]);
  });
});

import { createServer } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleConfig, MARK } from '../helpers/example-config.js';
import { leftoverProcesses } from '../helpers/processes.js';
import { REPO, runCli, runCliInterrupted } from '../helpers/run-cli.js';

const SERVICE = `node ${join(REPO, 'test/fixtures/fault-service.js')}`;
const REPLAY = join(REPO, 'test/fixtures/simple.ndjson');

function faultConfig(fault: string, extra: Record<string, unknown> = {}) {
  const { service, load, ...rest } = extra as { service?: Record<string, unknown>; load?: Record<string, unknown> };
  return exampleConfig({
    service: { start: SERVICE, readyTimeoutMs: 10_000, stopGraceMs: 1_000, ...service },
    env: { FAULT: fault },
    replay: REPLAY,
    trials: 2,
    load: { warmupRequests: 50, measureRequests: 400, connections: 4, requestTimeoutMs: 1_000, ...load },
    ...rest,
  });
}

describe('service faults: exit 2 (or 1 for failed requests), a message naming the process and its output, nothing left running', () => {
  it('the service exits during measurement', async () => {
    const config = faultConfig('exit-after:200');
    const result = await runCli(['baseline', '--config', config.path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/service `node .*fault-service\.js` exited with code 9 during (the trial|measurement|warm-up)/);
    expect(result.stderr).toContain('fault-service: exiting after 200 requests (simulated crash)');
    expect(existsSync(join(config.dir, 'baseline.json'))).toBe(false);
    expect(await leftoverProcesses(MARK, config.mark)).toEqual([]);
  });

  it('the service exits during warm-up', async () => {
    const config = faultConfig('exit-after:10');
    const result = await runCli(['baseline', '--config', config.path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/exited with code 9 during (warm-up|the trial)/);
  });

  it('a service that ignores SIGTERM is killed after the grace period, and the run completes', async () => {
    const config = faultConfig('ignore-sigterm');
    const result = await runCli(['baseline', '--config', config.path]);
    expect(result.code, result.stderr).toBe(0);
    expect(await leftoverProcesses(MARK, config.mark)).toEqual([]);
  });

  it('a service that prints megabytes of logs neither blocks nor bloats perfgate', async () => {
    const config = faultConfig('chatty');
    const result = await runCli(['baseline', '--config', config.path]);
    expect(result.code, result.stderr).toBe(0);
    expect(await leftoverProcesses(MARK, config.mark)).toEqual([]);
  });

  it('the port is taken: the service cannot listen, and its own message is shown', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const config = exampleConfig({ service: { port, readyTimeoutMs: 10_000 } });
      const result = await runCli(['baseline', '--config', config.path]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/exited with code 1 before it was ready/);
      expect(result.stderr).toMatch(/EADDRINUSE/);
    } finally {
      blocker.close();
    }
  });

  it('every connection is reset: no response at all is an error, not a pass', async () => {
    const config = faultConfig('reset');
    const result = await runCli(['baseline', '--config', config.path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no request got a response|failed requests/);
    expect(await leftoverProcesses(MARK, config.mark)).toEqual([]);
  });

  it('a service that never answers times out, and the run is an error', async () => {
    const config = faultConfig('hang', { load: { warmupRequests: 0, measureRequests: 8, connections: 4, requestTimeoutMs: 1_000 } });
    const result = await runCli(['baseline', '--config', config.path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no request got a response .*timeouts|failed requests/);
    expect(await leftoverProcesses(MARK, config.mark)).toEqual([]);
  });

  it('5xx answers where 200 was recorded refuse the baseline', async () => {
    const config = faultConfig('status-500');
    const result = await runCli(['baseline', '--config', config.path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not writing a baseline from a run with failed requests/);
  });

  it('responses far bigger than recorded are measured without trouble', async () => {
    const config = faultConfig('huge', { load: { warmupRequests: 10, measureRequests: 60, connections: 2 } });
    const result = await runCli(['baseline', '--config', config.path]);
    expect(result.code, result.stderr).toBe(0);
    const baseline = JSON.parse(readFileSync(join(config.dir, 'baseline.json'), 'utf8'));
    expect(baseline.trials[0].requests).toBeGreaterThanOrEqual(60);
  });

  it('SIGTERM to perfgate mid-run stops the service and exits 2', async () => {
    const config = faultConfig('', { load: { warmupRequests: 50, measureRequests: 500_000, connections: 4 } });
    const result = await runCliInterrupted(['baseline', '--config', config.path], 'SIGTERM');
    expect(result.sent).toBe(true);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/SIGTERM received/);
    expect(await leftoverProcesses(MARK, config.mark)).toEqual([]);
  });
});

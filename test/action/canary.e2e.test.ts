import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReportFile } from '../../src/github/report-artifact.js';
import { runAction } from '../helpers/run-action.js';

/** A deployment stand-in on loopback; `delayMs` makes it a slow canary. */
async function deployment(delayMs: number): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const answer = () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    if (delayMs > 0) setTimeout(answer, delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function canaryConfig(baseline?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'perfgate-canary-'));
  writeFileSync(join(dir, 'replay.ndjson'), ['/products', '/search?q=a', '/products/1'].map((path) => JSON.stringify({ method: 'GET', path, status: 200 })).join('\n'));
  if (baseline) writeFileSync(join(dir, 'baseline.json'), JSON.stringify(baseline));
  writeFileSync(
    join(dir, 'perfgate.config.json'),
    JSON.stringify({
      // Never started in canary mode: the deployments are already running.
      service: { start: 'exit 1' },
      replay: 'replay.ndjson',
      baseline: 'baseline.json',
      output: 'report',
      trials: 5,
      load: { warmupRequests: 20, measureRequests: 120, connections: 2 },
    }),
  );
  return join(dir, 'perfgate.config.json');
}

describe('action, canary mode: replay against running deployments, no build or start', () => {
  let stable: Awaited<ReturnType<typeof deployment>>;
  let slow: Awaited<ReturnType<typeof deployment>>;
  beforeAll(async () => {
    stable = await deployment(0);
    slow = await deployment(25);
  });
  afterAll(async () => {
    await Promise.all([stable, slow].map((d) => new Promise((resolve) => d.server.close(resolve))));
  });

  it('fails a canary slower than the stable deployment, measured in alternating rounds, and sets the outputs', async () => {
    const config = canaryConfig();
    const run = await runAction({ inputs: { mode: 'canary', config, url: slow.url, 'baseline-url': stable.url } });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    expect(JSON.parse(run.outputs.regressions!)).toContain('latencyP50Ms');
    expect(run.summary).toMatch(/## perfgate: ❌ canary: regressed/);
    expect(run.summary).toContain(`compared it with the stable deployment ${stable.url}, in alternating rounds (5 rounds)`);
    const rounds = [...run.stdout.matchAll(/^::group::(stable|canary) round (\d) of 5$/gm)].map((m) => `${m[1]}${m[2]}`);
    expect(rounds).toEqual(['stable1', 'canary1', 'canary2', 'stable2', 'stable3', 'canary3', 'canary4', 'stable4', 'stable5', 'canary5']);
    // The report it leaves for the pipeline passes the same checks as an untrusted artifact.
    const report = readReportFile(join(run.outputs['report-path']!, 'report.json'));
    expect(report.comparison.verdict.outcome).toBe('fail');
    expect(report.comparison.service.map((s) => s.metric).sort()).toEqual(['latencyP50Ms', 'latencyP95Ms', 'latencyP99Ms', 'throughputRps']);
  });

  it('compares with the stored baseline when no baseline-url is given, and passes a canary faster than it', async () => {
    const trial = { requests: 120, sampledCpuNanos: 1e9, functions: {}, service: { cpuMicrosPerRequest: 300, throughputRps: 50, latencyMs: { p50: 80, p95: 120, p99: 150 }, errors: 0, non2xx: 0, statusMismatches: 0, maxRssBytes: 1e8 } };
    const baseline = {
      schema: 'perfgate.baseline',
      version: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      commit: null,
      environment: { nodeVersion: 'v20.0.0', v8Version: '11', platform: 'linux', arch: 'x64', cpuModel: 'cpu', cpuCount: 2, perfgateVersion: '0.1.0' },
      settings: { trials: 5, warmupRequests: 20, measureRequests: 120, connections: 2, cpuSamplingIntervalUs: 1000, replaySha256: 'a'.repeat(64) },
      trials: [0, 1, 2, 3, 4].map((i) => ({ ...trial, service: { ...trial.service, latencyMs: { p50: 80 + i, p95: 120 + i, p99: 150 + i } } })),
    };
    const config = canaryConfig(baseline);
    const run = await runAction({ inputs: { mode: 'canary', config, url: stable.url } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    expect(run.outputs.regressions).toBe('[]');
    expect(run.summary).toMatch(/## perfgate: ✅ canary: no regression/);
    expect(run.summary).toMatch(/The reference is the stored baseline, measured on another machine/);
    expect(run.stdout).not.toMatch(/stable round/);
  });

  it('says which input is missing', async () => {
    const run = await runAction({ inputs: { mode: 'canary', config: canaryConfig() } });
    expect(run.code).toBe(1);
    expect(run.commands.find((c) => c.command === 'error')?.message).toBe(
      'perfgate: input url: required in canary mode (the deployment to replay against, for example https://canary.internal.example)',
    );
  });
});

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReportFile } from '../../src/github/report-artifact.js';
import { decodePprof, encodePprofGzip } from '../../src/profile/index.js';
import { pprofOf } from '../../src/report/fixtures.test-helper.js';
import { goPprofTop, hasGoPprof } from '../helpers/go-pprof.js';
import { runAction } from '../helpers/run-action.js';

/** Go's CPU profiler samples at 100 Hz: one sample is 10 ms of CPU. */
const GO_SAMPLE_NANOS = 10_000_000;

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

/**
 * A stand-in for Go's net/http/pprof on a debug port: /debug/pprof/profile?seconds=N answers
 * after N seconds, as Go's does, with a real pprof CPU profile in which `main.scoreProduct`
 * has `scoreShare` of the CPU and `main.render` the rest; /allocs is not served. Each
 * profile differs a little from the last (seeded by the request count), as real rounds do.
 */
async function pprofEndpoint(scoreShare: number): Promise<{ server: Server; url: string; profiles: () => number }> {
  let served = 0;
  const server = createServer((request, response) => {
    const url = new URL(request.url!, 'http://x');
    if (url.pathname !== '/debug/pprof/profile') {
      response.writeHead(404).end('404 page not found\n');
      return;
    }
    served += 1;
    const busyNanos = 1e9 * (1 + (served % 5) * 0.01);
    const score = Math.round(busyNanos * scoreShare * (1 + (served % 3) * 0.01));
    const profile = pprofOf([
      [[['main.main', '/src/shop/main.go', 10], ['main.search', '/src/shop/search.go', 20], ['main.scoreProduct', '/src/shop/search.go', 40]], score],
      [[['main.main', '/src/shop/main.go', 10], ['main.search', '/src/shop/search.go', 20], ['main.render', '/src/shop/render.go', 5]], Math.round(busyNanos) - score],
    ], { period: GO_SAMPLE_NANOS });
    setTimeout(() => response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(encodePprofGzip(profile)), Number(url.searchParams.get('seconds')) * 1000);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/debug/pprof/`, profiles: () => served };
}

/**
 * A stored baseline of 5 slow trials (p50 80 ms) from another machine, with `functions` as
 * each trial's function table (a share of `sampledCpuNanos`, 1e9).
 */
function storedBaseline(functions: (trial: number) => Record<string, unknown> = () => ({})): unknown {
  const trial = { requests: 120, sampledCpuNanos: 1e9, cpuSampleNanos: GO_SAMPLE_NANOS, service: { cpuMicrosPerRequest: 300, throughputRps: 50, latencyMs: { p50: 80, p95: 120, p99: 150 }, errors: 0, non2xx: 0, statusMismatches: 0, maxRssBytes: 1e8 } };
  return {
    schema: 'perfgate.baseline',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    commit: null,
    environment: { nodeVersion: 'v20.0.0', v8Version: '11', platform: 'linux', arch: 'x64', cpuModel: 'cpu', cpuCount: 2, perfgateVersion: '0.1.0' },
    settings: { trials: 5, warmupRequests: 20, measureRequests: 120, connections: 2, cpuSamplingIntervalUs: 1000, replaySha256: 'a'.repeat(64) },
    trials: [0, 1, 2, 3, 4].map((i) => ({ ...trial, functions: functions(i), service: { ...trial.service, latencyMs: { p50: 80 + i, p95: 120 + i, p99: 150 + i } } })),
  };
}

function canaryConfig(baseline?: unknown, profile?: unknown): string {
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
      ...(profile ? { profile } : {}),
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
  let stablePprof: Awaited<ReturnType<typeof pprofEndpoint>>;
  let heavierPprof: Awaited<ReturnType<typeof pprofEndpoint>>;
  beforeAll(async () => {
    stablePprof = await pprofEndpoint(0.2);
    // The planted regression: the canary's scoreProduct takes half the CPU instead of a fifth.
    heavierPprof = await pprofEndpoint(0.5);
  });
  afterAll(async () => {
    await Promise.all([stable, slow, stablePprof, heavierPprof].map((d) => new Promise((resolve) => d.server.close(resolve))));
  });

  it('fails a canary slower than the stable deployment, measured in alternating rounds, and sets the outputs', async () => {
    const config = canaryConfig();
    const run = await runAction({ inputs: { mode: 'canary', config, url: slow.url, 'baseline-url': stable.url } });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    expect(JSON.parse(run.outputs.regressions!)).toContain('latencyP50Ms');
    expect(run.summary).toMatch(/## perfgate: ❌ canary: regressed/);
    // Shown, not linked: the markdown escapes a URL's slashes so GitHub does not turn it into a link.
    expect(run.summary).toContain(`compared it with the stable deployment ${stable.url.replace('://', ':\\/\\/')}, in alternating rounds (5 rounds)`);
    const rounds = [...run.stdout.matchAll(/^::group::(stable|canary) round (\d) of 5$/gm)].map((m) => `${m[1]}${m[2]}`);
    expect(rounds).toEqual(['stable1', 'canary1', 'canary2', 'stable2', 'stable3', 'canary3', 'canary4', 'stable4', 'stable5', 'canary5']);
    // The report it leaves for the pipeline passes the same checks as an untrusted artifact.
    const report = readReportFile(join(run.outputs['report-path']!, 'report.json'));
    expect(report.comparison.verdict.outcome).toBe('fail');
    expect(report.comparison.service.map((s) => s.metric).sort()).toEqual(['latencyP50Ms', 'latencyP95Ms', 'latencyP99Ms', 'throughputRps']);
  });

  it('compares with the stored baseline when no baseline-url is given, and passes a canary faster than it', async () => {
    const baseline = storedBaseline();
    const config = canaryConfig(baseline);
    const run = await runAction({ inputs: { mode: 'canary', config, url: stable.url } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    expect(run.outputs.regressions).toBe('[]');
    expect(run.summary).toMatch(/## perfgate: ✅ canary: no regression/);
    expect(run.summary).toMatch(/The reference is the stored baseline, measured on another machine/);
    expect(run.stdout).not.toMatch(/stable round/);
  });

  it('profiles each round through pprof-url and baseline-pprof-url, and fails a canary whose function regressed', async () => {
    const config = canaryConfig(undefined, { source: 'pprof-http', pprofSeconds: 1 });
    const before = { stable: stablePprof.profiles(), canary: heavierPprof.profiles() };
    // The same fast deployment on both sides: only the profiles differ.
    const run = await runAction({ inputs: { mode: 'canary', config, url: stable.url, 'baseline-url': stable.url, 'pprof-url': heavierPprof.url, 'baseline-pprof-url': stablePprof.url } });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    const regressions = JSON.parse(run.outputs.regressions!) as string[];
    expect(regressions).toContain('/src/shop/search.go#main.scoreProduct');
    expect(regressions).not.toContain('/src/shop/render.go#main.render');
    // One CPU window per round and side.
    expect({ stable: stablePprof.profiles() - before.stable, canary: heavierPprof.profiles() - before.canary }).toEqual({ stable: 5, canary: 5 });
    const dir = run.outputs['report-path']!;
    const report = readReportFile(join(dir, 'report.json'));
    expect(report.comparison.verdict.outcome).toBe('fail');
    const outcomes = Object.fromEntries(report.comparison.findings.map((f) => [f.name, f.outcome]));
    expect(outcomes).toMatchObject({ 'main.scoreProduct': 'regressed', 'main.render': 'improved' });
    expect(report.profiles).toEqual([1, 2, 3, 4, 5].map((n) => `profiles/canary-round-${n}.pb.gz`));
    // The round files are pprof as written for `go tool pprof`, with perfgate's request count.
    const round = decodePprof(readFileSync(join(dir, 'profiles/canary-round-1.pb.gz')), 'round 1');
    expect(round.comment.map((c) => round.stringTable.strings[Number(c)])).toContainEqual(expect.stringMatching(/^perfgate: requests=\d+$/));
    expect(existsSync(join(dir, 'profiles/stable-round-5.pb.gz'))).toBe(true);
    if (hasGoPprof()) expect(goPprofTop(join(dir, 'profiles/canary-round-1.pb.gz')).rows.map((r) => r.name)).toContain('main.scoreProduct');
    expect(run.summary).toMatch(/## perfgate: ❌ canary: regressed/);
    expect(run.summary).toContain('### Functions');
    expect(run.summary).toMatch(/\| 🔴 main\.scoreProduct \| \/src\/shop\/search\.go:40 \|/);
    expect(run.stdout).toMatch(/canary: its pprof endpoints have no allocs profile/);
  });

  it('without baseline-url, compares the canary\'s functions with the stored baseline\'s function tables and warns that the machines differ', async () => {
    // The baseline's scoreProduct had a fifth of the CPU, as the stable deployment's has; the canary's has half.
    const cost = (name: string, file: string, nanos: number) => ({ [`${file}#${name}`]: { name, file, selfNanos: nanos, totalNanos: nanos } });
    const baseline = storedBaseline((i) => ({
      ...cost('main.scoreProduct', '/src/shop/search.go', 2e8 + i * 1e6),
      ...cost('main.render', '/src/shop/render.go', 8e8 - i * 1e6),
    }));
    const config = canaryConfig(baseline, { source: 'pprof-http', pprofSeconds: 1 });
    const run = await runAction({ inputs: { mode: 'canary', config, url: stable.url, 'pprof-url': heavierPprof.url } });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    // The canary is far faster than the stored baseline's clients saw: only the function regressed.
    expect(JSON.parse(run.outputs.regressions!)).toEqual(['/src/shop/search.go#main.scoreProduct']);
    const report = readReportFile(join(run.outputs['report-path']!, 'report.json'));
    expect(report.comparison.findings.find((f) => f.name === 'main.scoreProduct')?.outcome).toBe('regressed');
    expect(report.comparison.warnings).toContainEqual(expect.stringMatching(/function shares are compared with the stored baseline's, profiled on another machine/));
    expect(run.summary).toMatch(/\| 🔴 main\.scoreProduct \|/);
  });

  it('compares client-side metrics only, and says so, when only the canary is profiled', async () => {
    const config = canaryConfig(undefined, { source: 'pprof-http', pprofSeconds: 1 });
    const run = await runAction({ inputs: { mode: 'canary', config, url: stable.url, 'baseline-url': stable.url, 'pprof-url': heavierPprof.url } });
    expect(run.outputs.verdict, run.stdout + run.stderr).toBeDefined();
    // Client-side metrics of one deployment against itself may go either way; no function can be among them.
    expect((JSON.parse(run.outputs.regressions!) as string[]).filter((r) => r.includes('#'))).toEqual([]);
    const report = readReportFile(join(run.outputs['report-path']!, 'report.json'));
    expect(report.comparison.findings).toEqual([]);
    expect(report.comparison.warnings).toContainEqual(expect.stringMatching(/the stable deployment was not \(no baseline-pprof-url\): functions were not compared/));
  });

  it('refuses baseline-pprof-url without pprof-url, naming both inputs', async () => {
    const run = await runAction({ inputs: { mode: 'canary', config: canaryConfig(), url: stable.url, 'baseline-url': stable.url, 'baseline-pprof-url': stablePprof.url } });
    expect(run.code).toBe(1);
    expect(run.commands.find((c) => c.command === 'error')?.message).toMatch(/^perfgate: input baseline-pprof-url: given without pprof-url/);
  });

  it('says which input is missing', async () => {
    const run = await runAction({ inputs: { mode: 'canary', config: canaryConfig() } });
    expect(run.code).toBe(1);
    expect(run.commands.find((c) => c.command === 'error')?.message).toBe(
      'perfgate: input url: required in canary mode (the deployment to replay against, for example https://canary.internal.example)',
    );
  });
});

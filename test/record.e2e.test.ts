import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayLoad } from '../src/load/index.js';
import { checkReplay, readReplayFile } from '../src/replay/index.js';
import type { Report } from '../src/report/index.js';
import { exampleConfig, MARK } from './helpers/example-config.js';
import { leftoverProcesses } from './helpers/processes.js';
import { startRecorder } from './helpers/recorder.js';
import { REPO, runCli } from './helpers/run-cli.js';

const temp = () => mkdtempSync(join(tmpdir(), 'perfgate-record-'));

// A plain upstream in this process: answers 200 with what it saw, 404 on /missing.
let upstream: Server;
let upstreamUrl: string;
beforeAll(async () => {
  upstream = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.statusCode = request.url!.startsWith('/missing') ? 404 : 200;
      response.end(JSON.stringify({ url: request.url }));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
afterAll(() => agent.destroy());
function send(origin: URL, path: string, headers: Record<string, string> = {}, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(path, origin), { method: body === undefined ? 'GET' : 'POST', headers, agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode!));
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('perfgate record', () => {
  it('Ctrl-C leaves a complete, valid, redacted file', async () => {
    const mark = randomUUID();
    const out = join(temp(), 'api.ndjson');
    const recorder = await startRecorder(['--upstream', upstreamUrl, '--out', out], { [MARK]: mark });
    expect(await send(recorder.origin, '/login?access_token=tok-SECRET-1', { authorization: 'Bearer SECRET-2', cookie: 'sid=SECRET-3' })).toBe(200);
    expect(await send(recorder.origin, '/session', { 'content-type': 'application/json' }, '{"user":"ann","password":"SECRET-4"}')).toBe(200);
    expect(await send(recorder.origin, '/missing/1')).toBe(404);
    recorder.child.kill('SIGINT');
    const result = await recorder.exited;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/stopped \(SIGINT received\); recorded 3 exchanges to .*api\.ndjson; 4 secret values redacted as 4 placeholders/);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toMatch(/SECRET/);
    expect(text.endsWith('\n')).toBe(true);
    const requests = readReplayFile(out);
    expect(requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /login?access_token=%3Credacted%3Aaccess_token%3A1%3E 200',
      'POST /session 200',
      'GET /missing/1 404',
    ]);
    expect(requests[0]!.headers).toMatchObject({ authorization: 'Bearer <redacted:authorization:1>', cookie: 'sid=<redacted:cookie.sid:1>' });
    expect(await leftoverProcesses(MARK, mark)).toEqual([]);
  });

  it('--max-requests and --duration end it by themselves; an existing file is only extended with --append', async () => {
    const out = join(temp(), 'api.ndjson');
    const limited = await startRecorder(['--upstream', upstreamUrl, '--out', out, '--max-requests', '2']);
    for (const path of ['/a', '/b']) await send(limited.origin, path);
    const first = await limited.exited;
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/stopped \(recorded 2 exchanges \(--max-requests\)\)/);

    const refused = await runCli(['record', '--upstream', upstreamUrl, '--out', out, '--listen', '127.0.0.1:0']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exists .*pass --append \(add to it\) or --force to replace it/);

    const timed = await startRecorder(['--upstream', upstreamUrl, '--out', out, '--append', '--duration', '1.5']);
    await send(timed.origin, '/c');
    const second = await timed.exited;
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/stopped \(1\.5 s passed \(--duration\)\); recorded 1 exchange to /);
    expect(readReplayFile(out).map((r) => r.path)).toEqual(['/a', '/b', '/c']);
  });

  it('a recorder killed mid-traffic leaves only whole lines', async () => {
    const out = join(temp(), 'api.ndjson');
    const recorder = await startRecorder(['--upstream', upstreamUrl, '--out', out]);
    const traffic = Array.from({ length: 400 }, (_, i) => send(recorder.origin, `/items/${i}?pad=${'x'.repeat(i * 20)}`).catch(() => 0));
    await new Promise((resolve) => setTimeout(resolve, 150));
    recorder.child.kill('SIGKILL');
    await Promise.all(traffic);
    await recorder.exited;
    const check = checkReplay(readFileSync(out, 'utf8'), out);
    expect(check.problems).toEqual([]);
    expect(check.warnings).toEqual([]);
    expect(check.requests.length).toBeGreaterThan(0);
  });
});

describe('recording the example service, then gating with the recording', () => {
  it('records real traffic through the proxy and gates with it end to end', async () => {
    const dir = temp();
    const mark = randomUUID();
    const recording = join(dir, 'recorded.ndjson');
    const service = spawn(process.execPath, ['examples/shop-api/server.js'], { cwd: REPO, env: { ...process.env, PORT: '0', [MARK]: mark }, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const serviceUrl = await new Promise<string>((resolve, reject) => {
        let output = '';
        service.stdout!.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (found) resolve(found[1]!);
        });
        service.on('exit', (code) => reject(new Error(`the example service exited (${code}): ${output}`)));
      });
      const recorder = await startRecorder(['--upstream', serviceUrl, '--out', recording], { [MARK]: mark });
      // Drive the bundled traffic through the proxy, as real clients would.
      const traffic = readReplayFile(join(REPO, 'replay/shop-api.ndjson'));
      const driven = await replayLoad(recorder.origin, traffic, { amount: 300, connections: 4, timeoutMs: 10_000 });
      expect(driven.responses).toBe(300);
      recorder.child.kill('SIGINT');
      const stopped = await recorder.exited;
      expect(stopped.code, stopped.stderr).toBe(0);
      expect(stopped.stdout).toMatch(/recorded 300 exchanges/);
    } finally {
      service.kill('SIGTERM');
    }
    const recorded = readReplayFile(recording);
    expect(recorded).toHaveLength(300);
    expect(recorded.every((r) => r.status !== undefined && r.durationMs !== undefined)).toBe(true);
    const validate = await runCli(['replay', 'validate', recording]);
    expect(validate.stdout).toMatch(/valid, 300 requests/);

    // Three trials a side: the recording is under test here (it replays with no status mismatch), not the verdict, which may be any.
    const config = exampleConfig({ replay: recording, trials: 3, load: { warmupRequests: 100, measureRequests: 400, connections: 4 }, env: { [MARK]: mark } });
    const baseline = await runCli(['baseline', '--config', config.path]);
    expect(baseline.code, baseline.stderr).toBe(0);
    const run = await runCli(['run', '--config', config.path]);
    const report = JSON.parse(readFileSync(join(config.dir, 'report/report.json'), 'utf8')) as Report;
    expect(['pass', 'fail', 'inconclusive']).toContain(report.comparison.verdict.outcome);
    expect(run.code).toBe(report.comparison.verdict.outcome === 'pass' ? 0 : report.comparison.verdict.outcome === 'fail' ? 1 : 2);
    expect(report.comparison.statusMismatches).toEqual([]);
    expect(await leftoverProcesses(MARK, mark)).toEqual([]);
  });
});

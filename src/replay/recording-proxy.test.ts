import { createHash } from 'node:crypto';
import http, { type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingProxy } from './recording-proxy.js';
import type { ReplayRecord } from './replay-record.js';

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const seeded = (length: number, seed: number) => {
  const bytes = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
};
const BIG_RESPONSE = seeded(5 * 1024 * 1024, 7);

// The service behind the proxy: echoes what it got, streams big chunked answers, waits on request.
let upstream: Server;
let upstreamUrl: URL;
const upstreamSaw: Array<{ url: string; headers: IncomingMessage['headers']; bodySha: string }> = [];
beforeAll(async () => {
  upstream = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      upstreamSaw.push({ url: request.url!, headers: request.headers, bodySha: sha(body) });
      const url = new URL(request.url!, 'http://x');
      if (url.pathname === '/big') {
        // No Content-Length: chunked, in many writes.
        response.writeHead(200, { 'content-type': 'application/octet-stream', 'x-multi': ['a', 'b'] });
        for (let at = 0; at < BIG_RESPONSE.length; at += 65536) response.write(BIG_RESPONSE.subarray(at, at + 65536));
        response.end();
        return;
      }
      const status = Number(url.searchParams.get('status') ?? 200);
      setTimeout(() => {
        response.writeHead(status, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] });
        response.end(JSON.stringify({ url: request.url, bytes: body.length, sha: sha(body) }));
      }, Number(url.searchParams.get('wait') ?? 0));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = new URL(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`);
});
afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

async function withProxy(extra: { maxBodyBytes?: number; maxRequests?: number; upstream?: URL }, use: (origin: URL, records: ReplayRecord[], skips: string[], limits: () => number) => Promise<void>) {
  const records: ReplayRecord[] = [];
  const skips: string[] = [];
  let limits = 0;
  const proxy = await RecordingProxy.start({
    upstream: extra.upstream ?? upstreamUrl,
    host: '127.0.0.1',
    port: 0,
    maxBodyBytes: extra.maxBodyBytes ?? 1024 * 1024 * 4,
    ...(extra.maxRequests !== undefined ? { maxRequests: extra.maxRequests } : {}),
    onRecord: (r) => records.push(r),
    onSkip: (reason) => skips.push(reason),
    onLimit: () => (limits += 1),
  });
  try {
    await use(proxy.origin, records, skips, () => limits);
  } finally {
    await proxy.stop(2_000);
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
afterAll(() => agent.destroy());

function send(origin: URL, path: string, options: { method?: string; headers?: Record<string, string | string[]>; body?: Buffer; chunked?: boolean } = {}): Promise<{ status: number; headers: IncomingMessage['headers']; rawHeaders: string[]; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(path, origin), { method: options.method ?? 'GET', headers: options.headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, rawHeaders: response.rawHeaders, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    if (options.body && options.chunked) {
      // Several writes without Content-Length: the request goes chunked.
      for (let at = 0; at < options.body.length; at += 100_000) request.write(options.body.subarray(at, at + 100_000));
      request.end();
    } else {
      request.end(options.body);
    }
  });
}

describe('RecordingProxy', () => {
  it('forwards requests and responses untouched and records the exchange', async () => {
    await withProxy({}, async (origin, records) => {
      const answer = await send(origin, '/items/7?lang=en', { headers: { Accept: 'application/json', Cookie: 'sid=1', 'X-Trace': 't-1', Connection: 'keep-alive, X-Hop', 'X-Hop': 'drop-me' } });
      expect(answer.status).toBe(200);
      expect(answer.headers['set-cookie']).toEqual(['a=1', 'b=2']);
      expect(JSON.parse(answer.body.toString())).toMatchObject({ url: '/items/7?lang=en', bytes: 0 });
      const seen = upstreamSaw.at(-1)!;
      expect(seen.headers['x-trace']).toBe('t-1');
      expect(seen.headers['x-hop']).toBeUndefined();
      await new Promise((resolve) => setImmediate(resolve));
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ method: 'GET', path: '/items/7?lang=en', headers: { accept: 'application/json', cookie: 'sid=1', 'x-trace': 't-1' }, status: 200 });
      expect(records[0]!.headers.host).toBeUndefined();
      expect(records[0]!.headers.connection).toBeUndefined();
      expect(records[0]!.headers['x-hop']).toBeUndefined();
      expect(records[0]!.durationMs).toBeGreaterThanOrEqual(0);
      expect(Number.isNaN(Date.parse(records[0]!.time!))).toBe(false);
    });
  });

  it('streams large chunked bodies both ways, byte for byte', async () => {
    await withProxy({}, async (origin, records) => {
      const upload = seeded(3 * 1024 * 1024, 3);
      const answer = await send(origin, '/upload', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: upload, chunked: true });
      expect(JSON.parse(answer.body.toString())).toMatchObject({ bytes: upload.length, sha: sha(upload) });
      const big = await send(origin, '/big');
      expect(big.body.length).toBe(BIG_RESPONSE.length);
      expect(sha(big.body)).toBe(sha(BIG_RESPONSE));
      expect(big.rawHeaders.filter((h) => h.toLowerCase() === 'x-multi')).toHaveLength(2);
      await new Promise((resolve) => setImmediate(resolve));
      expect(records.map((r) => r.path)).toEqual(['/upload', '/big']);
      expect(sha(records[0]!.body!)).toBe(sha(upload));
      expect(records[0]!.headers['transfer-encoding']).toBeUndefined();
    });
  });

  it('records in the order requests arrived, though answers finish out of order', async () => {
    await withProxy({}, async (origin, records) => {
      const slow = send(origin, '/first?wait=300');
      await new Promise((resolve) => setTimeout(resolve, 50));
      await send(origin, '/second');
      expect(records).toEqual([]);
      await slow;
      await new Promise((resolve) => setImmediate(resolve));
      expect(records.map((r) => r.path)).toEqual(['/first?wait=300', '/second']);
    });
  });

  it('forwards but does not record oversized bodies, unreplayable methods, or failed upstreams', async () => {
    await withProxy({ maxBodyBytes: 10 }, async (origin, records, skips) => {
      const answer = await send(origin, '/too-big', { method: 'POST', body: Buffer.alloc(11, 1) });
      expect(JSON.parse(answer.body.toString())).toMatchObject({ bytes: 11 });
      await send(origin, '/trace', { method: 'TRACE' });
      await send(origin, '/ok?status=503');
      await new Promise((resolve) => setImmediate(resolve));
      expect(records.map((r) => `${r.path} ${r.status}`)).toEqual(['/ok?status=503 503']);
      expect(skips).toEqual(['request body of 11 bytes is over --max-body 10', 'method TRACE is not replayable']);
    });
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = new URL(`http://127.0.0.1:${(closed.address() as AddressInfo).port}`);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await withProxy({ upstream: deadUrl }, async (origin, records, skips) => {
      const answer = await send(origin, '/x');
      expect(answer.status).toBe(502);
      expect(answer.body.toString()).toMatch(/the upstream http:\/\/127\.0\.0\.1:\d+ failed/);
      expect(records).toEqual([]);
      expect(skips[0]).toMatch(/^upstream http:\/\/127\.0\.0\.1:\d+ failed: .*ECONNREFUSED/);
    });
  });

  it('stops recording after --max-requests and says so once', async () => {
    await withProxy({ maxRequests: 2 }, async (origin, records, _skips, limits) => {
      for (const path of ['/1', '/2', '/3']) await send(origin, path);
      await new Promise((resolve) => setImmediate(resolve));
      expect(records.map((r) => r.path)).toEqual(['/1', '/2']);
      expect(limits()).toBe(1);
    });
  });
});

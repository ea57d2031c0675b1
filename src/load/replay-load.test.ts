import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReplay } from '../replay/index.js';
import { replayLoad } from './replay-load.js';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

// A tiny service that records what reaches it; /boom answers 500, the rest 200 or 201.
let server: Server;
let origin: URL;
const seen: Seen[] = [];
beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({ method: request.method!, url: request.url!, headers: request.headers, body: Buffer.concat(chunks) });
      response.statusCode = request.url!.startsWith('/boom') ? 500 : request.method === 'POST' ? 201 : 200;
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const recorded = parseReplay(
  [
    '{"method":"GET","path":"/items?page=2","headers":{"Accept":"application/json","Host":"prod.example.com","Connection":"close","Keep-Alive":"timeout=5","TE":"trailers","Upgrade":"h2c","Proxy-Authorization":"Basic eA==","X-Trace":"t-1"},"status":200}',
    '{"method":"POST","path":"/items","headers":{"content-type":"application/json","content-length":"999","transfer-encoding":"chunked"},"body":"{\\"name\\":\\"lamp\\"}","status":201}',
    '{"method":"PUT","path":"/files/7","headers":{"content-type":"application/octet-stream"},"body":"AAECAw==","bodyEncoding":"base64","status":200}',
    '{"method":"DELETE","path":"/boom/1","status":200}',
    '{"method":"PATCH","path":"/boom/2"}',
  ].join('\n'),
  'r.ndjson',
);

describe('replayLoad', () => {
  it('replays each request faithfully and in order: method, path, headers, body; Host and Content-Length for the target', async () => {
    seen.length = 0;
    const result = await replayLoad(origin, recorded, { amount: 10, connections: 1, timeoutMs: 5_000 });
    expect(result.responses).toBe(10);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /items?page=2', 'POST /items', 'PUT /files/7', 'DELETE /boom/1', 'PATCH /boom/2',
      'GET /items?page=2', 'POST /items', 'PUT /files/7', 'DELETE /boom/1', 'PATCH /boom/2',
    ]);
    const [get, post, put] = seen as [Seen, Seen, Seen];
    expect(get.headers.accept).toBe('application/json');
    expect(get.headers['x-trace']).toBe('t-1');
    expect(get.headers.host).toBe(origin.host);
    expect(get.headers.connection).toBe('keep-alive');
    for (const dropped of ['keep-alive', 'te', 'upgrade', 'proxy-authorization', 'transfer-encoding']) expect(get.headers[dropped]).toBeUndefined();
    expect(post.body.toString()).toBe('{"name":"lamp"}');
    expect(post.headers['content-length']).toBe('15');
    expect(post.headers['transfer-encoding']).toBeUndefined();
    expect([...put.body]).toEqual([0, 1, 2, 3]);
    expect(put.headers['content-length']).toBe('4');
  });

  it('counts wrong statuses per route, and 5xx where no status was recorded', async () => {
    const result = await replayLoad(origin, recorded, { amount: 10, connections: 2, timeoutMs: 5_000 });
    expect(result.statusMismatches).toEqual({
      'DELETE /boom/:id': { count: 2, responses: 2, statuses: { '200→500': 2 } },
      'PATCH /boom/:id': { count: 2, responses: 2, statuses: { 'any→500': 2 } },
    });
  });

  it('paces an open loop and still sends every request', async () => {
    seen.length = 0;
    const result = await replayLoad(origin, recorded.slice(0, 3), { amount: 12, connections: 2, timeoutMs: 5_000, ratePerSecond: 500 });
    expect(result.responses).toBe(12);
    expect(result.statusMismatches).toEqual({});
    expect(seen).toHaveLength(12);
  });
});

// ts-api: perfgate's TypeScript example. esbuild bundles src/*.ts into dist/server.js with
// a source map, so perfgate reports src/quotes.ts and src/catalog.ts, not the bundle.
//   npm run build && PORT=3000 node dist/server.js

import http from 'node:http';
import { findItems, makeCatalog } from './catalog.js';
import { quote, type LineItem } from './quotes.js';

const catalog = makeCatalog();

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method === 'GET' && url.pathname === '/health') return send(res, 200, { status: 'ok' });
  if (req.method === 'GET' && url.pathname === '/items') {
    return send(res, 200, { items: findItems(catalog, url.searchParams.get('q') ?? '', Number(url.searchParams.get('limit') ?? 20)) });
  }
  if (req.method === 'POST' && url.pathname === '/quote') {
    const items = JSON.parse(await readBody(req)) as LineItem[];
    return send(res, 200, quote(items));
  }
  send(res, 404, { error: 'not_found' });
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((error: unknown) => send(res, 400, { error: String(error) }));
});
server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  const address = server.address();
  console.log(`ts-api listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : ''}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

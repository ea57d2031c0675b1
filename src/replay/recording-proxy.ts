import http, { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { PerfgateError, describeError } from '../errors.js';
import { dropForReplay } from './header-names.js';
import type { ReplayRecord } from './replay-record.js';
import { HTTP_METHODS, type HttpMethod } from './replay-request.js';

export interface RecordingProxyOptions {
  /** Where requests go: `http://127.0.0.1:3000` (a path prefix on it is kept). */
  readonly upstream: URL;
  readonly host: string;
  /** 0 picks a free port; `origin` tells which. */
  readonly port: number;
  /** Request bodies larger than this are forwarded but not recorded. */
  readonly maxBodyBytes: number;
  /** Exchanges to record; later ones are forwarded, not recorded, and `onLimit` fires once. */
  readonly maxRequests?: number;
  /** Each recorded exchange, in the order the requests arrived. */
  onRecord(record: ReplayRecord): void;
  /** An exchange that was forwarded (or failed) but not recorded, and why. */
  onSkip?(reason: string): void;
  onLimit?(): void;
}

// Hop-by-hop headers belong to one connection: a proxy never forwards them (RFC 9110 §7.6.1).
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'http2-settings']);

/**
 * A reverse proxy that forwards every request and response as they are (streamed, any
 * size, keep-alive, chunked) and hands each finished exchange to `onRecord`, in arrival
 * order: with several connections in flight, answers finish out of order, and a replay
 * should see the requests in the order the service saw them.
 */
export class RecordingProxy {
  private readonly server: http.Server;
  private readonly agent: http.Agent;
  private readonly pending = new Map<number, ReplayRecord | null>();
  private nextSeq = 0;
  private nextToEmit = 0;
  private limitReached = false;
  recorded = 0;
  skipped = 0;

  private constructor(private readonly options: RecordingProxyOptions) {
    const secure = options.upstream.protocol === 'https:';
    this.agent = secure ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
    // No request timeout: an upload may take as long as the client needs, as it would without the proxy.
    this.server = http.createServer({ requestTimeout: 0 }, (request, response) => this.forward(request, response));
  }

  static async start(options: RecordingProxyOptions): Promise<RecordingProxy> {
    if (options.upstream.protocol !== 'http:' && options.upstream.protocol !== 'https:') {
      throw new PerfgateError('USAGE', `--upstream: expected an http:// or https:// URL (got ${JSON.stringify(options.upstream.href)})`);
    }
    const proxy = new RecordingProxy(options);
    await new Promise<void>((resolve, reject) => {
      proxy.server.once('error', (error) => reject(new PerfgateError('RECORD_FAILED', `cannot listen on ${options.host}:${options.port} (${describeError(error)})`)));
      proxy.server.listen(options.port, options.host, () => resolve());
    });
    return proxy;
  }

  get origin(): URL {
    const address = this.server.address() as AddressInfo;
    return new URL(`http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`);
  }

  /**
   * Stops accepting, lets the exchanges in flight finish for up to `graceMs`, then cuts
   * the rest; every exchange that finished is handed to `onRecord` before this resolves.
   */
  async stop(graceMs: number): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    // Keep-alive connections go idle as their last answer finishes; close each as it does.
    const idle = setInterval(() => this.server.closeIdleConnections(), 50);
    this.server.closeIdleConnections();
    const deadline = setTimeout(() => this.server.closeAllConnections(), graceMs);
    await closed;
    clearInterval(idle);
    clearTimeout(deadline);
    // Whatever never finished is not recorded; the sequence must still flush in order.
    for (let seq = this.nextToEmit; seq < this.nextSeq; seq++) if (!this.pending.has(seq)) this.finish(seq, null, 'the connection was cut when recording stopped');
    this.agent.destroy();
  }

  private forward(request: IncomingMessage, response: ServerResponse): void {
    const seq = this.nextSeq++;
    const record = this.options.maxRequests === undefined || seq < this.options.maxRequests;
    if (!record) this.finish(seq, null, undefined);
    else if (seq + 1 === this.options.maxRequests && !this.limitReached) {
      this.limitReached = true;
      setImmediate(() => this.options.onLimit?.());
    }
    const startedAt = performance.now();
    const time = new Date().toISOString();
    const chunks: Buffer[] = [];
    let bodyBytes = 0;
    let done = false;
    const settle = (value: ReplayRecord | null, reason?: string) => {
      if (done) return;
      done = true;
      if (record) this.finish(seq, value, reason);
    };
    request.on('data', (chunk: Buffer) => {
      bodyBytes += chunk.length;
      if (record && bodyBytes <= this.options.maxBodyBytes) chunks.push(chunk);
    });
    const upstream = this.options.upstream;
    const basePath = upstream.pathname.replace(/\/$/, '');
    const outgoing = (upstream.protocol === 'https:' ? https : http).request({
      protocol: upstream.protocol,
      hostname: upstream.hostname.replace(/^\[|\]$/g, ''),
      port: upstream.port || (upstream.protocol === 'https:' ? 443 : 80),
      method: request.method,
      path: `${basePath}${request.url ?? '/'}`,
      headers: forwardedHeaders(request),
      agent: this.agent,
    });
    outgoing.on('response', (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.statusMessage, forwardedRawHeaders(answer.rawHeaders));
      answer.pipe(response);
      answer.on('error', () => response.destroy());
      response.on('finish', () => {
        const reason = recordable(request, bodyBytes, this.options.maxBodyBytes);
        if (reason) return settle(null, reason);
        settle({
          method: request.method as HttpMethod,
          path: request.url!,
          headers: recordedHeaders(request),
          ...(bodyBytes > 0 ? { body: Buffer.concat(chunks) } : {}),
          status: answer.statusCode!,
          durationMs: performance.now() - startedAt,
          time,
        });
      });
    });
    outgoing.on('error', (error) => {
      settle(null, `upstream ${upstream.origin} failed: ${describeError(error)}`);
      if (!response.headersSent) {
        response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
        response.end(`perfgate record: the upstream ${upstream.origin} failed: ${describeError(error)}\n`);
      } else {
        response.destroy();
      }
    });
    // The client went away before its answer was complete: nothing complete to record.
    response.on('close', () => {
      if (!response.writableFinished) {
        outgoing.destroy();
        settle(null, 'the client closed the connection before the response was complete');
      }
    });
    request.pipe(outgoing);
  }

  /** Emits finished exchanges in arrival order. */
  private finish(seq: number, value: ReplayRecord | null, reason: string | undefined): void {
    if (this.pending.has(seq)) return;
    this.pending.set(seq, value);
    if (value === null && reason !== undefined) {
      this.skipped += 1;
      this.options.onSkip?.(reason);
    }
    while (this.pending.has(this.nextToEmit)) {
      const next = this.pending.get(this.nextToEmit)!;
      this.pending.delete(this.nextToEmit);
      this.nextToEmit += 1;
      if (next) {
        this.recorded += 1;
        this.options.onRecord(next);
      }
    }
  }
}

function recordable(request: IncomingMessage, bodyBytes: number, maxBodyBytes: number): string | undefined {
  if (!(HTTP_METHODS as readonly string[]).includes(request.method ?? '')) return `method ${request.method} is not replayable`;
  const url = request.url ?? '';
  if (!url.startsWith('/') || url.startsWith('//') || /[\s\u0000-\u001f\u007f]/.test(url)) return `request target ${JSON.stringify(url.slice(0, 80))} is not a path`;
  if (bodyBytes > maxBodyBytes) return `request body of ${bodyBytes} bytes is over --max-body ${maxBodyBytes}`;
  return undefined;
}

/** Headers named in Connection are hop-by-hop too. */
function connectionTokens(headers: IncomingMessage['headers']): Set<string> {
  const listed = String(headers.connection ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  return new Set([...HOP_BY_HOP, ...listed]);
}

function forwardedHeaders(request: IncomingMessage): OutgoingHttpHeaders {
  const drop = connectionTokens(request.headers);
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(request.headers)) if (!drop.has(name) && value !== undefined) headers[name] = value;
  return headers;
}

function forwardedRawHeaders(raw: readonly string[]): string[] {
  const names = new Map<string, string>();
  for (let i = 0; i < raw.length; i += 2) names.set(raw[i]!.toLowerCase(), raw[i + 1]!);
  const drop = new Set([...HOP_BY_HOP, ...String(names.get('connection') ?? '').split(',').map((t) => t.trim().toLowerCase())]);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (!drop.has(raw[i]!.toLowerCase())) out.push(raw[i]!, raw[i + 1]!);
  return out;
}

/** Request headers as the replay format stores them: lower-case, repeated ones joined. */
function recordedHeaders(request: IncomingMessage): Record<string, string> {
  const drop = connectionTokens(request.headers);
  const headers: Record<string, string> = {};
  const raw = request.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (drop.has(name) || dropForReplay(name)) continue;
    const value = raw[i + 1]!;
    headers[name] = headers[name] === undefined ? value : `${headers[name]}${name === 'cookie' ? '; ' : ', '}${value}`;
  }
  return headers;
}

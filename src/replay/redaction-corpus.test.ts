import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../analysis/prng.js';
import { cli } from '../cli.js';
import type { Progress } from '../gate/progress.js';
import { captureIo } from '../../test/helpers/capture-io.js';
import { readReplayFile } from './read-replay-file.js';

// A corpus of credentials planted where real traffic carries them: well-known formats in
// places with innocent names, secret names in headers, forms, JSON and GraphQL, OAuth codes,
// tokens in path segments. Every value is random (seeded) and distinct, so finding any part
// of one in a written file is a leak.

const random = seededRandom(15);
const pick = (alphabet: string, length: number) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64URL = `${ALNUM}-_`;
const B64 = `${ALNUM}+/`;

const make = {
  aws: () => `AKIA${pick(UPPER, 16)}`,
  google: () => `AIza${pick(B64URL, 35)}`,
  stripe: () => `sk_live_${pick(ALNUM, 24)}`,
  github: () => `ghp_${pick(ALNUM, 36)}`,
  githubPat: () => `github_pat_${pick(ALNUM, 22)}_${pick(ALNUM, 59)}`,
  slack: () => `xoxb-${pick('0123456789', 12)}-${pick('0123456789', 12)}-${pick(ALNUM, 24)}`,
  pem: () => `-----BEGIN RSA PRIVATE KEY-----\n${pick(B64, 64)}\n${pick(B64, 64)}\n-----END RSA PRIVATE KEY-----`,
  bearer: () => pick(ALNUM, 32),
  jwt: () => `eyJ${pick(B64URL, 20)}.eyJ${pick(B64URL, 40)}.${pick(B64URL, 43)}`,
  opaque: () => `${pick(ALNUM, 28)}`,
};

interface Planted {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly mimeType?: string;
  readonly body?: string;
}

/** The requests, and every secret value planted in them (for Bearer values, the token after the scheme). */
function corpus(): { requests: Planted[]; secrets: string[] } {
  const secrets: string[] = [];
  const s = (value: string) => (secrets.push(value), value);
  const requests: Planted[] = [];
  // Well-known formats, under innocent names and in path segments.
  for (let i = 0; i < 3; i++) {
    requests.push({
      method: 'GET',
      path: `/v1/keys/${s(make.aws())}/rotate/${s(make.github())}?page=${i}&q=${s(make.google())}`,
      headers: { 'x-client-id': s(make.aws()), 'x-trace': `t-${i}`, 'x-forwarded-auth': `Bearer ${s(make.bearer())}`, 'x-id': s(make.jwt()) },
    });
    requests.push({
      method: 'POST',
      path: `/hooks/${s(make.slack())}`,
      headers: { 'content-type': 'application/json', 'x-hub': s(make.githubPat()) },
      mimeType: 'application/json',
      body: JSON.stringify({ note: `Bearer ${s(make.bearer())}`, config: { webhook: s(make.slack()), id: s(make.aws()), stripe: s(make.stripe()) }, cert: s(make.pem()), items: [1, 2] }),
    });
    requests.push({
      method: 'POST',
      path: '/notes',
      headers: { 'content-type': 'text/plain' },
      mimeType: 'text/plain',
      body: `deploy with ${s(make.github())} and ${s(make.stripe())}\n${s(make.pem())}\nthen ${s(make.jwt())} ${s(make.google())}`,
    });
  }
  // Secret names as services spell them.
  requests.push({
    method: 'GET',
    path: `/maps?key=${s(make.google())}&zoom=3`,
    headers: {
      'Ocp-Apim-Subscription-Key': s(make.opaque()),
      'X-Auth-Key': s(make.opaque()),
      Token: s(make.opaque()),
      'X-Functions-Key': s(make.opaque()),
      'X-CSRFToken': s(make.opaque()),
      'X-Api_Secret': s(make.opaque()),
    },
  });
  requests.push({
    method: 'POST',
    path: '/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    mimeType: 'application/x-www-form-urlencoded',
    body: `user=ann&pass=${encodeURIComponent(s(make.opaque()))}&passphrase=${encodeURIComponent(s(make.opaque()))}&pw=${encodeURIComponent(s(make.opaque()))}&remember=1`,
  });
  requests.push({
    method: 'POST',
    path: '/payments',
    headers: { 'content-type': 'application/json' },
    mimeType: 'application/json',
    body: JSON.stringify({ privateKey: s(make.opaque()), stripe_key: s(make.stripe()), card: { number: s(`4${pick('0123456789', 15)}`), expiry: '12/30' }, pw: s(make.opaque()), amount: 10 }),
  });
  // JSON sent as text/plain.
  requests.push({ method: 'POST', path: '/import', headers: { 'content-type': 'text/plain' }, mimeType: 'text/plain', body: JSON.stringify({ user: 'ann', password: s(make.opaque()), apiKey: s(make.opaque()) }) });
  // OAuth: the authorization code in the callback, and the code exchange.
  requests.push({ method: 'GET', path: `/oauth/callback?code=${s(make.opaque())}&state=${pick(ALNUM, 12)}`, headers: {} });
  requests.push({
    method: 'POST',
    path: '/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    mimeType: 'application/x-www-form-urlencoded',
    body: `grant_type=authorization_code&code=${s(make.opaque())}&redirect_uri=${encodeURIComponent('https://app.example/cb')}&client_secret=${s(make.opaque())}`,
  });
  // GraphQL inline literals, in a JSON body and in a GET query string.
  requests.push({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    mimeType: 'application/json',
    body: JSON.stringify({ query: `mutation { login(username: "ann", password: "${s(make.opaque())}") { token } }` }),
  });
  requests.push({ method: 'GET', path: `/graphql?query=${encodeURIComponent(`{ account(apiKey:"${s(make.opaque())}") { id } }`)}`, headers: {} });
  return { requests, secrets };
}

/** Where a secret could show up in a file: as is, URL-encoded, JSON-escaped, or any 16-character piece of it. */
function leaks(text: string, secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const secret of secrets) {
    const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
    for (let at = 0; at + 16 <= secret.length; at += 8) forms.push(secret.slice(at, at + 16));
    if (forms.some((form) => text.includes(form))) found.push(secret);
  }
  return found;
}

const { requests, secrets } = corpus();

describe('redaction corpus: planted credentials never reach a written file', () => {
  it('plants at least 60 distinct secrets', () => {
    expect(new Set(secrets).size).toBe(secrets.length);
    expect(secrets.length).toBeGreaterThanOrEqual(60);
  });

  it('perfgate import-har writes none of them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'perfgate-corpus-'));
    const har = {
      log: {
        entries: requests.map((r) => ({
          request: {
            method: r.method,
            url: `https://api.example.com${r.path}`,
            headers: Object.entries(r.headers).map(([name, value]) => ({ name, value })),
            ...(r.body !== undefined ? { postData: { mimeType: r.mimeType, text: r.body } } : {}),
          },
          response: { status: 200, headers: [], content: { text: '' } },
        })),
      },
    };
    writeFileSync(join(dir, 'session.har'), JSON.stringify(har));
    const out = join(dir, 'out', 'api.ndjson');
    const io = captureIo();
    expect(await cli(['import-har', join(dir, 'session.har'), '--out', out], io), io.err()).toBe(0);
    const written = readdirSync(join(dir, 'out')).map((f) => readFileSync(join(dir, 'out', f), 'utf8'));
    expect(written.join('').split('\n').filter(Boolean)).toHaveLength(requests.length);
    expect(leaks(written.join('\n'), secrets)).toEqual([]);
    // What is not a secret stays, so the replay still means something.
    const decoded = readReplayFile(out).map((r) => [r.path, JSON.stringify(r.headers), r.body?.toString('utf8') ?? ''].join('\n')).join('\n');
    for (const kept of ['zoom=3', 'remember=1', 'user=ann', '"expiry":"12/30"', '"amount":10', 'username: \\"ann\\"', '"x-trace":"t-2"', 'grant_type=authorization_code']) {
      expect(decoded, kept).toContain(kept);
    }
  });

  describe('perfgate record', () => {
    let upstream: http.Server;
    beforeAll(async () => {
      upstream = http.createServer((request, response) => {
        request.resume();
        request.on('end', () => response.end('{}'));
      });
      await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

    it('writes none of them', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'perfgate-corpus-'));
      const out = join(dir, 'recorded.ndjson');
      let listening: (origin: URL) => void = () => undefined;
      const origin = new Promise<URL>((resolve) => (listening = resolve));
      const progress: Progress = {
        phase: (_title, work) => work(),
        line: (text) => {
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
          if (match) listening(new URL(match[1]!));
        },
        status: () => undefined,
      };
      const io = captureIo({ progress });
      const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
      const recording = cli(['record', '--upstream', upstreamUrl, '--listen', '127.0.0.1:0', '--out', out, '--max-requests', String(requests.length)], io);
      const proxy = await origin;
      for (const r of requests) {
        await new Promise<void>((resolve, reject) => {
          const request = http.request(new URL(r.path, proxy), { method: r.method, headers: r.headers }, (response) => {
            response.resume();
            response.on('end', () => resolve());
          });
          request.on('error', reject);
          request.end(r.body);
        });
      }
      expect(await recording, io.err()).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(text.split('\n').filter(Boolean)).toHaveLength(requests.length);
      expect(leaks(text, secrets)).toEqual([]);
    });
  });
});

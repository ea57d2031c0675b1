import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli.js';
import { readReplayFile } from '../replay/index.js';
import { captureIo } from '../../test/helpers/capture-io.js';

const HAR_DIR = fileURLToPath(new URL('../../../shared/testdata/har/', import.meta.url));
const FIXTURES = readdirSync(HAR_DIR).filter((f) => f.endsWith('.har')).map((f) => join(HAR_DIR, f));
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbm4ifQ.c2lnbmF0dXJlLXNlY3JldA';

/** Secrets as browsers export them: cookies, tokens in headers, query strings and bodies. */
const secretHar = {
  log: {
    entries: [
      {
        request: {
          method: 'POST',
          url: `https://api.example.com/session?api_key=query-secret-9&next=%2Fhome&jwt=${JWT}`,
          headers: [
            { name: 'Cookie', value: 'sid=cookie-secret-1; theme=dark' },
            { name: 'X-Api-Key', value: 'header-secret-2' },
            { name: 'Proxy-Authorization', value: 'Basic cHJveHktc2VjcmV0' },
            { name: 'Content-Type', value: 'application/json' },
          ],
          postData: { mimeType: 'application/json', text: '{"user":"ann","password":"hunter2","profile":{"refreshToken":"refresh-secret-3"}}' },
        },
        response: { status: 200, headers: [{ name: 'Set-Cookie', value: 'sid=cookie-secret-4' }], content: { text: 'response-secret-5' } },
      },
    ],
  },
};
const SECRETS = ['abc123', 'Bearer ${token}', 'cookie-secret-1', 'header-secret-2', 'cHJveHktc2VjcmV0', 'hunter2', 'refresh-secret-3', 'cookie-secret-4', 'response-secret-5', 'query-secret-9', JWT];

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'perfgate-import-'));
}

describe('perfgate import-har', () => {
  it('imports every fixture, and no secret from them reaches any written file', async () => {
    const dir = tempDir();
    const extra = join(dir, 'secrets.har');
    writeFileSync(extra, JSON.stringify(secretHar));
    const out = join(dir, 'out', 'imported.ndjson');
    const io = captureIo();
    expect(await cli(['import-har', ...FIXTURES, extra, '--out', out], io), io.err()).toBe(0);
    expect(io.out()).toMatch(/wrote \d+ requests to .*imported\.ndjson; \d+ secret values redacted/);
    const requests = readReplayFile(out);
    expect(requests.length).toBeGreaterThan(20);
    const written = readdirSync(join(dir, 'out')).map((f) => readFileSync(join(dir, 'out', f)).toString('latin1'));
    expect(written).toHaveLength(1);
    for (const text of written) {
      for (const secret of SECRETS) expect(text, secret).not.toContain(secret);
      // full.har's login form: password=123
      expect(text).not.toMatch(/name=\\"password\\"\\r\\n\\r\\n123/);
    }
    const session = requests.find((r) => r.path.startsWith('/session'))!;
    expect(session.headers.cookie).toBe('sid=<redacted:cookie.sid:1>; theme=<redacted:cookie.theme:1>');
    expect(session.headers['proxy-authorization']).toBeUndefined();
    expect(JSON.parse(session.body!.toString())).toEqual({ user: 'ann', password: expect.stringMatching(/^<redacted:password:\d+>$/), profile: { refreshToken: '<redacted:refreshtoken:1>' } });
    expect(session.path).toBe('/session?api_key=%3Credacted%3Aapi_key%3A1%3E&next=%2Fhome&jwt=%3Credacted%3Ajwt%3A1%3E');
    // Two distinct tokens (full.har's, and abc123 in two other fixtures) give two stable placeholders.
    const authorizations = requests.map((r) => r.headers.authorization).filter((a) => a !== undefined);
    expect(authorizations).toHaveLength(6);
    expect(new Set(authorizations)).toEqual(new Set(['Bearer <redacted:authorization:1>', 'Bearer <redacted:authorization:2>']));
  });

  it('applies filters and extra redaction names, and refuses to overwrite without --force', async () => {
    const dir = tempDir();
    const out = join(dir, 'r.ndjson');
    const io = captureIo();
    expect(await cli(['import-har', join(HAR_DIR, 'full.har'), '--out', out, '--method', 'GET', '--host', 'httpbin.org', '--redact', 'page'], io), io.err()).toBe(0);
    const requests = readReplayFile(out);
    expect(requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET', 'GET']);
    expect(requests[0]!.path).toBe('/get?page=%3Credacted%3Apage%3A1%3E');
    const again = captureIo();
    expect(await cli(['import-har', join(HAR_DIR, 'full.har'), '--out', out], again)).toBe(2);
    expect(again.err()).toMatch(/r\.ndjson already exists \(\d+ bytes\); pass --force to replace it/);
    expect(await cli(['import-har', join(HAR_DIR, 'full.har'), '--out', out, '--force', '--keep', 'authorization'], captureIo())).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('"authorization":"Bearer ${token}"');
  });

  it('takes the redaction section of a config file', async () => {
    const dir = tempDir();
    const config = join(dir, 'perfgate.config.json');
    writeFileSync(config, JSON.stringify({ service: { start: 'node app.js' }, replay: 'r.ndjson', baseline: 'b.json', redaction: { fields: ['color'], keep: ['authorization'] } }));
    const out = join(dir, 'r.ndjson');
    expect(await cli(['import-har', join(HAR_DIR, 'query.har'), join(HAR_DIR, 'headers.har'), '--out', out, '--config', config], captureIo())).toBe(0);
    const [query, headers] = readReplayFile(out);
    expect(query!.path).toBe('/path?utm_source=loadimpact.com&color=%3Credacted%3Acolor%3A1%3E&token=%3Credacted%3Atoken%3A1%3E&isCool=');
    expect(headers!.headers.authorization).toBe('Bearer abc123');
  });

  it('reports a malformed HAR with the entry and field, and writes nothing', async () => {
    const dir = tempDir();
    const har = join(dir, 'bad.har');
    writeFileSync(har, JSON.stringify({ log: { entries: [{ request: { method: 'GET', url: 'https://a.example.com/', headers: [{ name: 'X', value: 7 }] } }] } }));
    const io = captureIo();
    expect(await cli(['import-har', har, '--out', join(dir, 'r.ndjson')], io)).toBe(2);
    expect(io.err()).toMatch(/bad\.har: log\.entries\[0\]\.request\.headers\[0\]\.value: .*string.*\(got 7\)/);
    expect(readdirSync(dir)).toEqual(['bad.har']);
    const usage = captureIo();
    expect(await cli(['import-har', har, '--out', join(dir, 'r.ndjson'), '--status', '2x'], usage)).toBe(2);
    expect(usage.err()).toMatch(/--status: expected a status such as 200, a class such as 2xx, or a range such as 200-299 \(got "2x"\)/);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importHar, type HarFilter } from './import-har.js';
import { parseReplay } from './parse-replay.js';
import { formatReplayLine } from './replay-record.js';

const HAR_DIR = new URL('../../../shared/testdata/har/', import.meta.url);
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(name, HAR_DIR), 'utf8'));
const imported = (name: string, filter?: HarFilter) => importHar(fixture(name), name, filter);

/** A HAR as browsers write it: responses, cookies, timings. */
const browserHar = {
  log: {
    version: '1.2',
    creator: { name: 'test', version: '1' },
    entries: [
      {
        startedDateTime: '2024-06-01T12:00:00.000Z',
        time: 12.5,
        request: {
          method: 'GET',
          url: 'https://api.example.com/items/7?lang=en',
          httpVersion: 'HTTP/2',
          headers: [{ name: ':authority', value: 'api.example.com' }, { name: ':method', value: 'GET' }, { name: ':path', value: '/items/7?lang=en' }, { name: 'accept', value: 'application/json' }],
          queryString: [{ name: 'lang', value: 'en' }],
          cookies: [{ name: 'sid', value: 'cookie-secret-1' }],
          headersSize: -1,
          bodySize: 0,
        },
        response: { status: 200, statusText: 'OK', headers: [{ name: 'set-cookie', value: 'sid=cookie-secret-2' }], content: { size: 2, mimeType: 'application/json', text: '{}' } },
        timings: { send: 0, wait: 10, receive: 2.5 },
      },
      {
        startedDateTime: '2024-06-01T12:00:01.000Z',
        time: 30,
        request: { method: 'POST', url: 'https://api.example.com/upload', headers: [{ name: 'Content-Type', value: 'application/octet-stream' }], postData: { mimeType: 'application/octet-stream', text: 'AAEC/w==', encoding: 'base64' } },
        response: { status: 201 },
      },
      { request: { method: 'GET', url: 'https://cdn.example.com/app.js' }, response: { status: 304 } },
      { request: { method: 'GET', url: 'https://api.example.com/blocked' }, response: { status: 0 } },
      { request: { method: 'CONNECT', url: 'https://api.example.com/' } },
    ],
  },
};

describe('importHar on the har-to-k6 fixtures', () => {
  it('imports every fixture into lines the replay parser accepts', () => {
    const files = readdirSync(HAR_DIR).filter((f) => f.endsWith('.har'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const { records } = imported(file);
      expect(records.length, file).toBeGreaterThan(0);
      const text = records.map(formatReplayLine).join('');
      expect(parseReplay(text, file)).toHaveLength(records.length);
    }
  });

  it('drops HTTP/2 pseudo-headers and names invalid header names it drops', () => {
    const { records, warnings } = imported('pseudo-headers.har');
    expect(records[0]!.headers).toEqual({ authorization: 'Bearer abc123' });
    expect(warnings).toEqual(['pseudo-headers.har: log.entries[0].request.headers[1]: "Accept;charset=UTF-8" is not a valid HTTP header name; dropped']);
  });

  it('drops Content-Length and hop-by-hop headers', () => {
    const { records, warnings } = imported('blacklisted-headers.har');
    expect(records[0]!.headers).toEqual({ accept: 'application/json' });
    expect(warnings[0]).toMatch(/headers\[1\]: "Content-Length;something" is not a valid HTTP header name/);
  });

  it('takes queryString when the URL has no query, and never doubles a parameter', () => {
    expect(imported('query.har').records[0]!.path).toBe('/path?utm_source=loadimpact.com&color=red&token=abc123&isCool=');
    const [first, second] = imported('issue-58_url-search-params-double-inclusion.har').records;
    expect(first!.path).toBe('/directory?param1=param1-value&param2=param2-value&json-uri={%22value%22:true}&not-in-request=true&not-in-request=%7B%22data%22:true%7D');
    expect(second!.path.match(/assetId=/g)).toHaveLength(1);
  });

  it('builds urlencoded bodies from params without encoding them twice', () => {
    const { records } = imported('x-www-form-url-encoded.har');
    expect(records[0]!.body!.toString()).toBe('field%5B1%5D=value%5B1%5D&field%5B2%5D=value%5B2%5D&field%5B3%5D=value%5B3%5D');
    expect(records[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(records[2]!.body!.toString()).toContain('field%5B$%7BaccessToken%7D%5D=');
  });

  it('builds multipart bodies with the given boundary, files decoded from data URLs', () => {
    const { records } = imported('multipart-formdata.har');
    const text = records[0]!.body!.toString('latin1');
    expect(text).toBe('-----boundary\r\nContent-Disposition: form-data; name="hello"\r\n\r\nworld\r\n-----boundary--\r\n');
    const image = records[1]!.body!;
    expect(image.toString('latin1')).toContain('Content-Disposition: form-data; name="file"; filename="jpeg-quality-30.jpg"\r\nContent-Type: image/jpeg\r\n\r\n');
    expect(image.includes(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(formatReplayLine(records[1]!)).toContain('"bodyEncoding":"base64"');
  });

  it('gives a multipart form without a boundary one, in its Content-Type', () => {
    const login = imported('full.har').records.find((r) => r.path === '/login')!;
    expect(login.headers['content-type']).toBe('multipart/form-data; boundary=----perfgate-boundary-7');
    expect(login.body!.toString()).toContain('------perfgate-boundary-7\r\nContent-Disposition: form-data; name="password"\r\n\r\n123\r\n');
  });
});

describe('importHar on browser-style HAR', () => {
  it('keeps statuses, timing and base64 bodies, builds Cookie from cookies, and skips what cannot be replayed', () => {
    const { records, skipped } = importHar(browserHar, 'b.har');
    expect(records).toHaveLength(4);
    expect(records[0]).toEqual({ method: 'GET', path: '/items/7?lang=en', headers: { accept: 'application/json', cookie: 'sid=cookie-secret-1' }, status: 200, durationMs: 12.5, time: '2024-06-01T12:00:00.000Z' });
    expect([...records[1]!.body!]).toEqual([0, 1, 2, 255]);
    expect(records[1]!.status).toBe(201);
    expect(records[3]!.status).toBeUndefined();
    expect(skipped).toEqual([{ entry: 4, reason: 'method CONNECT cannot be replayed (expected one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS)' }]);
  });

  it('filters by host, method, path and status', () => {
    const paths = (filter: HarFilter) => importHar(browserHar, 'b.har', filter).records.map((r) => `${r.method} ${r.path}`);
    expect(paths({ hosts: ['cdn.example.com'] })).toEqual(['GET /app.js']);
    expect(paths({ hosts: ['*.example.com'], methods: ['post'] })).toEqual(['POST /upload']);
    expect(paths({ pathPrefixes: ['/items'] })).toEqual(['GET /items/7?lang=en']);
    expect(paths({ pathPatterns: [/^\/(upload|blocked)/] })).toEqual(['POST /upload', 'GET /blocked']);
    expect(paths({ statuses: ['2xx'] })).toEqual(['GET /items/7?lang=en', 'POST /upload']);
    expect(paths({ statuses: ['300-399'] })).toEqual(['GET /app.js']);
  });
});

describe('importHar refuses malformed HAR', () => {
  it('names the entry and the field of every problem', () => {
    const broken = {
      log: {
        entries: [
          { request: { method: 'GET', url: 'https://ok.example.com/' } },
          { request: { method: 'GET', url: 42 } },
          { response: { status: 200 } },
          { request: { method: 'GET', url: 'https://x.example.com/', headers: [{ value: 'no name' }] } },
          { request: { method: 'GET', url: 'not a url' } },
        ],
      },
    };
    let message = '';
    try {
      importHar(broken, 'bad.har');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/bad\.har: log\.entries\[1\]\.request\.url: .*string.* \(got 42\)/);
    expect(message).toMatch(/bad\.har: log\.entries\[2\]\.request: .*object.* \(got nothing\)/);
    expect(message).toMatch(/bad\.har: log\.entries\[3\]\.request\.headers\[0\]\.name: .*string.* \(got nothing\)/);
    expect(message).toMatch(/bad\.har: log\.entries\[4\]\.request\.url: expected an absolute URL .*\(got "not a url"\)/);
    expect(message).not.toMatch(/entries\[0\]/);
  });

  it('says when the file is not a HAR at all', () => {
    expect(() => importHar({ entries: [] }, 'x.har')).toThrow(/x\.har: log\.entries: expected an array of entries \(got nothing\); is this a HAR file\?/);
    expect(() => importHar({ log: { entries: {} } }, 'x.har')).toThrow(/x\.har: log\.entries: expected an array of entries \(got \{\}\)/);
  });
});

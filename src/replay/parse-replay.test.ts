import { describe, expect, it } from 'vitest';
import { checkReplay, parseReplay } from './parse-replay.js';
import { routeOf } from './replay-request.js';

describe('parseReplay', () => {
  it('reads requests with headers, bodies and statuses', () => {
    const text = [
      '{"method":"GET","path":"/items?page=2","headers":{"Accept":"application/json"},"status":200}',
      '',
      '{"method":"post","path":"/items","body":"{\\"a\\":1}"}',
      '{"method":"PUT","path":"/bin","body":"AAEC","bodyEncoding":"base64"}',
    ].join('\n');
    const requests = parseReplay(text, 'r.ndjson');
    expect(requests).toHaveLength(3);
    expect(requests[0]).toMatchObject({ method: 'GET', path: '/items?page=2', headers: { accept: 'application/json' }, status: 200, line: 1 });
    expect(requests[1]!.method).toBe('POST');
    expect(requests[1]!.line).toBe(3);
    expect([...requests[2]!.body!]).toEqual([0, 1, 2]);
  });

  it('reports every bad line with its number and field', () => {
    const text = [
      '{"method":"GET","path":"/ok"}',
      '{"method":"GET","path":"http://evil.example/x"}',
      'not json',
      '{"method":"FETCH","path":"/x"}',
      '{"method":"GET","path":"/x","headers":{"a":1}}',
      '{"method":"GET","path":"/x","status":"200"}',
      '{"method":"GET","path":"/x","extra":true}',
    ].join('\n');
    let message = '';
    try {
      parseReplay(text, 'r.ndjson');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/r\.ndjson:2: path: expected a path starting with "\/"/);
    expect(message).toMatch(/r\.ndjson:3: not valid JSON/);
    expect(message).toMatch(/r\.ndjson:4: method: expected one of GET/);
    expect(message).toMatch(/r\.ndjson:5: headers\.a: expected a string/);
    expect(message).toMatch(/r\.ndjson:6: status: expected an integer/);
    expect(message).toMatch(/r\.ndjson:7: unknown field "extra"/);
    expect(message).not.toMatch(/r\.ndjson:1:/);
  });

  it('refuses an empty file and tolerates a byte-order mark', () => {
    expect(() => parseReplay('\n\n', 'e.ndjson')).toThrow(/e\.ndjson: no requests/);
    expect(parseReplay('\uFEFF{"method":"GET","path":"/"}', 'b.ndjson')).toHaveLength(1);
  });

  it('tolerates and reports a last line cut off mid-write, but not a broken line in the middle', () => {
    const warnings: string[] = [];
    const cut = '{"method":"GET","path":"/a"}\n{"method":"GET","path":"/b"}\n{"method":"GET","pa';
    expect(parseReplay(cut, 'r.ndjson', (w) => warnings.push(w))).toHaveLength(2);
    expect(warnings).toEqual([expect.stringMatching(/^r\.ndjson:3: the last line is incomplete/)]);
    expect(() => parseReplay(`${cut}\n`, 'r.ndjson')).toThrow(/r\.ndjson:3: not valid JSON/);
  });

  it('checks recording metadata and lists every problem without throwing', () => {
    const text = [
      '{"method":"GET","path":"/a","status":200,"durationMs":1.5,"time":"2024-06-01T12:00:00.000Z"}',
      '{"method":"GET","path":"/a","durationMs":-1}',
      '{"method":"GET","path":"/a","time":"yesterday"}',
      ...Array.from({ length: 30 }, () => '{"method":"GET"}'),
    ].join('\n');
    const check = checkReplay(text, 'r.ndjson');
    expect(check.requests).toHaveLength(1);
    expect(check.requests[0]!.durationMs).toBe(1.5);
    expect(check.problems).toHaveLength(32);
    expect(check.problems[0]).toEqual({ line: 2, message: expect.stringMatching(/^durationMs: expected a number of milliseconds >= 0 \(got -1\)/) });
    expect(check.problems[1]!.message).toMatch(/^time: expected an ISO 8601 \(RFC 3339\) date-time/);
    expect(() => parseReplay(text, 'r.ndjson')).toThrow(/and 12 more bad lines \(perfgate replay validate r\.ndjson lists them all\)/);
  });

  it('labels routes with ids folded', () => {
    expect(routeOf({ method: 'GET', path: '/products/123?x=1' })).toBe('GET /products/:id');
  });
});

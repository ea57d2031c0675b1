import { describe, expect, it } from 'vitest';
import { redactionRules } from './redaction-rules.js';
import { createRedactor } from './redactor.js';
import type { ReplayRecord } from './replay-record.js';
import { resolveSubstitutions, substituteSecrets, unsubstitutedPlaceholders } from './substitute-secrets.js';
import type { ReplayRequest } from './replay-request.js';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

function record(partial: Partial<ReplayRecord>): ReplayRecord {
  return { method: 'GET', path: '/', headers: {}, ...partial };
}

describe('redaction', () => {
  it('replaces secret headers with stable placeholders and keeps the auth scheme', () => {
    const redactor = createRedactor(redactionRules());
    const a = redactor.redact(record({ headers: { authorization: 'Bearer s3cr3t-a', 'x-api-key': 'k-1', accept: 'text/csv' } }));
    const b = redactor.redact(record({ headers: { authorization: 'Bearer s3cr3t-b', 'x-api-key': 'k-1' } }));
    const c = redactor.redact(record({ headers: { authorization: 'Bearer s3cr3t-a' } }));
    expect(a.headers).toEqual({ authorization: 'Bearer <redacted:authorization:1>', 'x-api-key': '<redacted:x-api-key:1>', accept: 'text/csv' });
    expect(b.headers.authorization).toBe('Bearer <redacted:authorization:2>');
    expect(b.headers['x-api-key']).toBe('<redacted:x-api-key:1>');
    expect(c.headers.authorization).toBe('Bearer <redacted:authorization:1>');
    expect(redactor.placeholders).toBe(3);
    expect(redactor.replaced).toBe(5);
  });

  it('redacts every cookie value but keeps the names', () => {
    const redactor = createRedactor(redactionRules());
    const out = redactor.redact(record({ headers: { cookie: 'sid=abc; theme=dark', 'set-cookie': 'sid=abc; Path=/; HttpOnly' } }));
    expect(out.headers.cookie).toBe('sid=<redacted:cookie.sid:1>; theme=<redacted:cookie.theme:1>');
    expect(out.headers['set-cookie']).toBe('sid=<redacted:cookie.sid:1>; Path=/; HttpOnly');
  });

  it('redacts tokens and passwords in query strings, form, JSON and multipart bodies', () => {
    const redactor = createRedactor(redactionRules());
    const query = redactor.redact(record({ path: '/login?user=ann&access_token=t%2B1&page=2' }));
    expect(query.path).toBe('/login?user=ann&access_token=%3Credacted%3Aaccess_token%3A1%3E&page=2');

    const form = redactor.redact(record({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from('username=admin&password=hunter2') }));
    expect(form.body!.toString()).toBe('username=admin&password=%3Credacted%3Apassword%3A1%3E');

    const json = redactor.redact(record({ method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from('{"user":{"name":"ann","password":"hunter2","apiKey":12345},"list":[{"refresh_token":"r1"}],"note":"ok"}') }));
    expect(JSON.parse(json.body!.toString())).toEqual({ user: { name: 'ann', password: '<redacted:password:1>', apiKey: '<redacted:apikey:1>' }, list: [{ refresh_token: '<redacted:refresh_token:1>' }], note: 'ok' });

    const boundary = 'XyZ';
    const multipartBody = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="user"\r\n\r\nann\r\n--${boundary}\r\nContent-Disposition: form-data; name="password"\r\n\r\nhunter3\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n\r\n`),
      Buffer.from([0xff, 0x00, 0xfe]),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const multipart = redactor.redact(record({ method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: multipartBody }));
    const text = multipart.body!.toString('latin1');
    expect(text).toContain('name="password"\r\n\r\n<redacted:password:2>\r\n');
    expect(text).toContain('name="user"\r\n\r\nann\r\n');
    expect(text).not.toContain('hunter3');
    expect(multipart.body!.includes(Buffer.from([0xff, 0x00, 0xfe]))).toBe(true);
  });

  it('leaves bodies without secrets byte for byte', () => {
    const redactor = createRedactor(redactionRules());
    const body = Buffer.from('{ "name": "lamp",  "price": 12.5 }');
    expect(redactor.redact(record({ method: 'POST', headers: { 'content-type': 'application/json' }, body })).body).toBe(body);
  });

  it('finds JWTs wherever they are, and never redacts a placeholder twice', () => {
    const redactor = createRedactor(redactionRules());
    const out = redactor.redact(record({ path: `/reset/${JWT}?x=1`, headers: { 'x-trace': `t ${JWT}` }, body: Buffer.from(`see ${JWT}`), method: 'POST' }));
    expect(JSON.stringify(out)).not.toContain(JWT);
    expect(out.headers['x-trace']).toBe('t <redacted:jwt:1>');
    const again = redactor.redact(out);
    expect(again.headers).toEqual(out.headers);
    expect(again.path).toBe(out.path);
  });

  it('takes extra names and exemptions', () => {
    const redactor = createRedactor(redactionRules({ headers: ['x-tenant'], fields: ['ssn'], keep: ['x-csrf-token'] }));
    const out = redactor.redact(record({ path: '/p?ssn=123-45', headers: { 'x-tenant': 'acme', 'x-csrf-token': 'visible' } }));
    expect(out.headers).toEqual({ 'x-tenant': '<redacted:x-tenant:1>', 'x-csrf-token': 'visible' });
    expect(out.path).toBe('/p?ssn=%3Credacted%3Assn%3A1%3E');
  });
});

describe('substitution at replay time', () => {
  const request = (partial: Partial<ReplayRequest>): ReplayRequest => ({ method: 'GET', path: '/', headers: {}, line: 1, ...partial });

  it('puts test credentials back from the environment, escaped for where the placeholder sits', () => {
    const substitutions = resolveSubstitutions(
      { '<redacted:authorization:1>': 'TEST_TOKEN', '<redacted:password:1>': 'TEST_PASSWORD', 'x-api-key': 'TEST_KEY' },
      { TEST_TOKEN: 'tok en', TEST_PASSWORD: 'p"w&1', TEST_KEY: 'key-9' },
      'perfgate.config.json',
    );
    const [a, b, c] = substituteSecrets(
      [
        request({ path: '/x?token=%3Credacted%3Aauthorization%3A1%3E', headers: { authorization: 'Bearer <redacted:authorization:1>', 'x-api-key': '<redacted:x-api-key:1>' } }),
        request({ method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from('{"password":"<redacted:password:1>"}') }),
        request({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from('password=%3Credacted%3Apassword%3A1%3E&u=<redacted:other:1>') }),
      ],
      substitutions,
    );
    expect(a!.headers).toEqual({ authorization: 'Bearer tok en', 'x-api-key': 'key-9' });
    expect(a!.path).toBe('/x?token=tok%20en');
    expect(JSON.parse(b!.body!.toString())).toEqual({ password: 'p"w&1' });
    expect(c!.body!.toString()).toBe('password=p%22w%261&u=<redacted:other:1>');
    expect(unsubstitutedPlaceholders([a!, b!, c!])).toEqual({ requests: 1, example: '<redacted:other:1>' });
  });

  it('names the missing environment variable and the config field', () => {
    expect(() => resolveSubstitutions({ authorization: 'PERFGATE_TEST_TOKEN' }, {}, 'c.json')).toThrow(
      /c\.json: redaction\.substitute\["authorization"\]: environment variable PERFGATE_TEST_TOKEN is not set/,
    );
  });

  it('compares names normalised, so one spelling of a rule or an exemption covers the others', () => {
    const redactor = createRedactor(redactionRules({ keep: ['x_request_token'], fields: ['iban'] }));
    const out = redactor.redact(
      record({ path: '/p?IBAN=DE00123&x-request-token=t1', headers: { 'x-request-token': 'keep-me', 'ocp-apim-subscription-key': 'k1', 'x-csrftoken': 'c1' } }),
    );
    expect(out.path).toBe('/p?IBAN=%3Credacted%3Aiban%3A1%3E&x-request-token=t1');
    expect(out.headers).toEqual({ 'x-request-token': 'keep-me', 'ocp-apim-subscription-key': '<redacted:ocp-apim-subscription-key:1>', 'x-csrftoken': '<redacted:x-csrftoken:1>' });
  });

  it('finds credentials by format in any path segment or text, and leaves prose and ordinary ids alone', () => {
    const redactor = createRedactor(redactionRules());
    const key = `AIza${'x'.repeat(35)}`;
    const out = redactor.redact(
      record({ method: 'POST', path: `/v1/${key}/items/42`, headers: { 'content-type': 'text/plain' }, body: Buffer.from('Bearer bonds pay the holder; order AKIA is not a key') }),
    );
    expect(out.path).toBe('/v1/%3Credacted%3Agoogle-api-key%3A1%3E/items/42');
    expect(out.body!.toString()).toBe('Bearer bonds pay the holder; order AKIA is not a key');
  });
});

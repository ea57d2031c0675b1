import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEADER_NAME } from './header-names.js';
import { importHar } from './import-har.js';
import { checkReplay, REPLAY_FIELDS } from './parse-replay.js';
import { formatReplayLine } from './replay-record.js';
import { HTTP_METHODS } from './replay-request.js';

// docs/replay-format.schema.json is what editors and other tools validate with; this test
// keeps it and the parser in agreement, line by line, on good and bad examples.
type Schema = Record<string, unknown>;
const schema = JSON.parse(readFileSync(new URL('../../docs/replay-format.schema.json', import.meta.url), 'utf8')) as Schema;

/** A validator for the JSON Schema keywords the replay schema uses, and no others. */
function valid(value: unknown, s: Schema): boolean {
  const known = new Set(['$schema', '$id', 'title', 'description', 'examples', 'default', 'type', 'required', 'additionalProperties', 'properties', 'propertyNames', 'pattern', 'enum', 'const', 'minimum', 'maximum', 'format', 'if', 'then']);
  for (const key of Object.keys(s)) if (!known.has(key)) throw new Error(`the test validator does not know "${key}"`);
  if (s.type === 'object' && (value === null || typeof value !== 'object' || Array.isArray(value))) return false;
  if (s.type === 'string' && typeof value !== 'string') return false;
  if (s.type === 'number' && typeof value !== 'number') return false;
  if (s.type === 'integer' && !Number.isInteger(value)) return false;
  if (s.enum && !(s.enum as unknown[]).includes(value)) return false;
  if ('const' in s && s.const !== value) return false;
  if (typeof value === 'string' && s.pattern && !new RegExp(s.pattern as string, 'u').test(value)) return false;
  if (typeof value === 'string' && s.format === 'date-time' && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(value)) return false;
  if (typeof value === 'number' && s.minimum !== undefined && value < (s.minimum as number)) return false;
  if (typeof value === 'number' && s.maximum !== undefined && value > (s.maximum as number)) return false;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    if (s.required && (s.required as string[]).some((k) => !(k in record))) return false;
    for (const [key, item] of Object.entries(record)) {
      if (s.propertyNames && !valid(key, s.propertyNames as Schema)) return false;
      if (properties[key]) {
        if (!valid(item, properties[key]!)) return false;
      } else if (s.additionalProperties === false) {
        return false;
      } else if (typeof s.additionalProperties === 'object' && !valid(item, s.additionalProperties as Schema)) {
        return false;
      }
    }
  }
  if (s.if && valid(value, s.if as Schema) && !valid(value, s.then as Schema)) return false;
  return true;
}

const parserAccepts = (line: string) => checkReplay(line, 'x').problems.length === 0;
const schemaAccepts = (line: string) => valid(JSON.parse(line), schema);

const examples = [
  '{"method":"GET","path":"/"}',
  '{"method":"get","path":"/items?page=2&q=a%20b"}',
  '{"method":"Patch","path":"/x","headers":{"X-Y":"1","accept":"*/*"}}',
  '{"method":"POST","path":"/b","body":"AAEC","bodyEncoding":"base64","status":201,"durationMs":1.5,"time":"2024-06-01T12:00:00.000Z"}',
  '{"method":"POST","path":"/b","body":"not base64!","bodyEncoding":"base64"}',
  '{"method":"POST","path":"/b","body":"free text","bodyEncoding":"utf8"}',
  '{"method":"FETCH","path":"/"}',
  '{"method":"GET","path":"http://evil.example/"}',
  '{"method":"GET","path":"//evil.example/"}',
  '{"method":"GET","path":"/a b"}',
  '{"method":"GET","path":"/a\\u0001"}',
  '{"method":"GET"}',
  '{"path":"/"}',
  '{"method":"GET","path":"/","headers":{"bad name":"x"}}',
  '{"method":"GET","path":"/","headers":{"x":"a\\r\\nb"}}',
  '{"method":"GET","path":"/","headers":{"x":3}}',
  '{"method":"GET","path":"/","headers":[]}',
  '{"method":"GET","path":"/","body":3}',
  '{"method":"GET","path":"/","bodyEncoding":"hex"}',
  '{"method":"GET","path":"/","status":99}',
  '{"method":"GET","path":"/","status":600}',
  '{"method":"GET","path":"/","status":200.5}',
  '{"method":"GET","path":"/","status":"200"}',
  '{"method":"GET","path":"/","durationMs":-1}',
  '{"method":"GET","path":"/","durationMs":"5"}',
  '{"method":"GET","path":"/","time":"2024-06-01"}',
  '{"method":"GET","path":"/","time":"2024-06-01T12:00:00+02:00"}',
  '{"method":"GET","path":"/","extra":1}',
  '[1,2]',
];

describe('docs/replay-format.schema.json agrees with the parser', () => {
  it('lists the same fields, methods and header names', () => {
    expect(Object.keys(schema.properties as object)).toEqual([...REPLAY_FIELDS]);
    expect(schema.required).toEqual(['method', 'path']);
    const methodPattern = new RegExp(((schema.properties as Record<string, Schema>).method!.pattern as string));
    for (const method of HTTP_METHODS) for (const spelling of [method, method.toLowerCase(), method[0] + method.slice(1).toLowerCase()]) expect(methodPattern.test(spelling), spelling).toBe(true);
    const headers = (schema.properties as Record<string, Schema>).headers!;
    expect((headers.propertyNames as Schema).pattern).toBe(HEADER_NAME.source);
  });

  it('accepts and refuses the same lines', () => {
    for (const line of examples) expect(schemaAccepts(line), line).toBe(parserAccepts(line));
    expect(examples.filter(parserAccepts)).toHaveLength(6);
  });

  it('accepts every line of the bundled replay file and of the imported fixture HARs', () => {
    const bundled = readFileSync(new URL('../../replay/shop-api.ndjson', import.meta.url), 'utf8').split('\n').filter((l) => l.trim() !== '');
    const harDir = new URL('../../../shared/testdata/har/', import.meta.url);
    const imported = readdirSync(harDir)
      .filter((f) => f.endsWith('.har'))
      .flatMap((f) => importHar(JSON.parse(readFileSync(new URL(f, harDir), 'utf8')), f).records.map((r) => formatReplayLine(r).trimEnd()));
    for (const line of [...bundled, ...imported]) {
      expect(parserAccepts(line), line).toBe(true);
      expect(schemaAccepts(line), line).toBe(true);
    }
  });
});

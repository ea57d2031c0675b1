import { PerfgateError } from '../errors.js';
import { PLACEHOLDER_PATTERN } from './redactor.js';
import type { ReplayRequest } from './replay-request.js';

/**
 * Test credentials to put back at replay time, in memory only: placeholders
 * (`<redacted:authorization:1>`) to values, and header names to whole header values.
 */
export interface Substitutions {
  readonly placeholders: ReadonlyMap<string, string>;
  readonly headers: ReadonlyMap<string, string>;
}

const PLACEHOLDER_KEY = /^<redacted:[a-z0-9._-]+:\d+>$/;

/**
 * Resolves `redaction.substitute` (placeholder or header name → environment variable
 * name) against the environment. A variable that is not set is an error: replaying a
 * placeholder where a credential was meant would measure the service's 401 path.
 */
export function resolveSubstitutions(map: Readonly<Record<string, string>>, env: Readonly<Record<string, string | undefined>>, source: string): Substitutions {
  const placeholders = new Map<string, string>();
  const headers = new Map<string, string>();
  const missing: string[] = [];
  for (const [key, variable] of Object.entries(map)) {
    const value = env[variable];
    if (value === undefined) {
      missing.push(`${source}: redaction.substitute[${JSON.stringify(key)}]: environment variable ${variable} is not set (expected the test credential to replay in place of ${key})`);
      continue;
    }
    if (/[\r\n\u0000]/.test(value)) {
      missing.push(`${source}: redaction.substitute[${JSON.stringify(key)}]: environment variable ${variable} contains CR, LF or NUL, which cannot go into a request`);
      continue;
    }
    if (PLACEHOLDER_KEY.test(key)) placeholders.set(key, value);
    else headers.set(key.toLowerCase(), value);
  }
  if (missing.length > 0) throw new PerfgateError('CONFIG_INVALID', missing.join('\n'));
  return { placeholders, headers };
}

/** The requests with substitutions applied; requests without placeholders are returned as they are. */
export function substituteSecrets(requests: readonly ReplayRequest[], substitutions: Substitutions): ReplayRequest[] {
  if (substitutions.placeholders.size === 0 && substitutions.headers.size === 0) return [...requests];
  const replace = (text: string, escape: (value: string) => string) =>
    text.replace(PLACEHOLDER_PATTERN, (found) => {
      const value = substitutions.placeholders.get(found);
      return value === undefined ? found : escape(value);
    });
  // In paths and form bodies placeholders were written URL-encoded.
  const replaceEncoded = (text: string) =>
    replace(text, encodeURIComponent).replace(/%3Credacted%3A[a-z0-9._-]+%3A\d+%3E/gi, (found) => {
      const value = substitutions.placeholders.get(decodeURIComponent(found));
      return value === undefined ? found : encodeURIComponent(value);
    });
  return requests.map((request) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) headers[name] = substitutions.headers.get(name) ?? replace(value, (v) => v);
    let body = request.body;
    const text = body?.toString('latin1');
    if (text !== undefined && /<redacted:|%3credacted/i.test(text)) {
      const type = (request.headers['content-type'] ?? '').toLowerCase();
      const escape = type.includes('json') ? (v: string) => JSON.stringify(v).slice(1, -1) : (v: string) => v;
      const replaced = type.includes('urlencoded') ? replaceEncoded(text) : replace(text, (v) => Buffer.from(escape(v), 'utf8').toString('latin1'));
      body = Buffer.from(replaced, 'latin1');
    }
    return { ...request, path: replaceEncoded(request.path), headers, ...(body ? { body } : {}) };
  });
}

/** How many requests still carry a placeholder that nothing substitutes (for a warning). */
export function unsubstitutedPlaceholders(requests: readonly ReplayRequest[]): { requests: number; example?: string } {
  let count = 0;
  let example: string | undefined;
  const pattern = /<redacted:[a-z0-9._-]+:\d+>|%3Credacted%3A[a-z0-9._-]+%3A\d+%3E/i;
  for (const request of requests) {
    const texts = [request.path, ...Object.values(request.headers), request.body?.toString('latin1') ?? ''];
    const found = texts.map((t) => pattern.exec(t)?.[0]).find((m) => m !== undefined);
    if (found !== undefined) {
      count += 1;
      example ??= found.startsWith('%') ? decodeURIComponent(found) : found;
    }
  }
  return example === undefined ? { requests: count } : { requests: count, example };
}

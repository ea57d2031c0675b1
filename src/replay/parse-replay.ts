import { PerfgateError } from '../errors.js';
import { HEADER_NAME } from './header-names.js';
import { isDateTime } from './replay-record.js';
import { HTTP_METHODS, type HttpMethod, type ReplayRequest } from './replay-request.js';

export const REPLAY_FIELDS = ['method', 'path', 'headers', 'body', 'bodyEncoding', 'status', 'durationMs', 'time'] as const;
const KNOWN_FIELDS = new Set<string>(REPLAY_FIELDS);

/** One bad line: its number and what is wrong with it (field, expected, got). */
export interface ReplayProblem {
  readonly line: number;
  readonly message: string;
}

export interface ReplayCheck {
  readonly requests: ReplayRequest[];
  readonly problems: ReplayProblem[];
  /** Things tolerated but worth saying, such as a last line cut off mid-write. */
  readonly warnings: string[];
}

/**
 * Checks every line of NDJSON replay text and returns the good requests beside every
 * problem. A last line without its newline that is not valid JSON is what a recording
 * cut off mid-write leaves: it is skipped with a warning rather than refused.
 */
export function checkReplay(text: string, file: string): ReplayCheck {
  const requests: ReplayRequest[] = [];
  const problems: ReplayProblem[] = [];
  const warnings: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((rawLine, index) => {
    const line = index + 1;
    const trimmed = rawLine.trim();
    if (trimmed === '' || trimmed.startsWith('//')) return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      if (index === lines.length - 1) {
        warnings.push(`${file}:${line}: the last line is incomplete (no newline, not valid JSON: a recording cut off mid-write?); skipped`);
        return;
      }
      problems.push({ line, message: `not valid JSON (${(error as Error).message})` });
      return;
    }
    const result = toRequest(value, line);
    if (typeof result === 'string') problems.push({ line, message: result });
    else requests.push(result);
  });
  return { requests, problems, warnings };
}

/**
 * Parses NDJSON replay text. Every bad line is reported (not just the first), each
 * with its line number, the field and what was expected.
 */
export function parseReplay(text: string, file: string, onWarning?: (warning: string) => void): ReplayRequest[] {
  const { requests, problems, warnings } = checkReplay(text, file);
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).map((p) => `${file}:${p.line}: ${p.message}`);
    if (problems.length > shown.length) shown.push(`… and ${problems.length - shown.length} more bad lines (perfgate replay validate ${file} lists them all)`);
    throw new PerfgateError('REPLAY_INVALID', shown.join('\n'));
  }
  if (requests.length === 0) {
    throw new PerfgateError('REPLAY_INVALID', `${file}: no requests (the file is empty; expected one JSON request per line)`);
  }
  for (const warning of warnings) onWarning?.(warning);
  return requests;
}

function toRequest(value: unknown, line: number): ReplayRequest | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return `expected a JSON object per line (got ${Array.isArray(value) ? 'an array' : JSON.stringify(value)})`;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KNOWN_FIELDS.has(key)) return `unknown field ${JSON.stringify(key)} (expected one of ${[...KNOWN_FIELDS].join(', ')})`;
  }
  const method = typeof record.method === 'string' ? record.method.toUpperCase() : undefined;
  if (method === undefined || !(HTTP_METHODS as readonly string[]).includes(method)) {
    return `method: expected one of ${HTTP_METHODS.join(', ')} (got ${JSON.stringify(record.method)})`;
  }
  const path = record.path;
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//')) {
    return `path: expected a path starting with "/" such as "/items?page=2" (got ${JSON.stringify(path)}); replay only targets the configured service, so absolute URLs are refused`;
  }
  if (/[\s\u0000-\u001f\u007f]/.test(path)) return `path: must not contain spaces or control characters (got ${JSON.stringify(path)})`;
  const headers: Record<string, string> = {};
  if (record.headers !== undefined) {
    if (record.headers === null || typeof record.headers !== 'object' || Array.isArray(record.headers)) {
      return `headers: expected an object of header names to strings (got ${JSON.stringify(record.headers)})`;
    }
    for (const [name, headerValue] of Object.entries(record.headers as Record<string, unknown>)) {
      if (!HEADER_NAME.test(name)) return `headers: ${JSON.stringify(name)} is not a valid header name`;
      if (typeof headerValue !== 'string') return `headers.${name}: expected a string (got ${JSON.stringify(headerValue)})`;
      if (/[\r\n\u0000]/.test(headerValue)) return `headers.${name}: must not contain CR, LF or NUL`;
      headers[name.toLowerCase()] = headerValue;
    }
  }
  const encoding = record.bodyEncoding ?? 'utf8';
  if (encoding !== 'utf8' && encoding !== 'base64') {
    return `bodyEncoding: expected "utf8" or "base64" (got ${JSON.stringify(record.bodyEncoding)})`;
  }
  let body: Buffer | undefined;
  if (record.body !== undefined) {
    if (typeof record.body !== 'string') return `body: expected a string (got ${typeof record.body})`;
    if (encoding === 'base64' && !/^[A-Za-z0-9+/]*={0,2}$/.test(record.body)) return 'body: bodyEncoding is "base64" but body is not base64';
    body = Buffer.from(record.body, encoding);
  }
  let status: number | undefined;
  if (record.status !== undefined) {
    if (typeof record.status !== 'number' || !Number.isInteger(record.status) || record.status < 100 || record.status > 599) {
      return `status: expected an integer HTTP status 100-599 (got ${JSON.stringify(record.status)})`;
    }
    status = record.status;
  }
  if (record.durationMs !== undefined && (typeof record.durationMs !== 'number' || !Number.isFinite(record.durationMs) || record.durationMs < 0)) {
    return `durationMs: expected a number of milliseconds >= 0 (got ${JSON.stringify(record.durationMs)})`;
  }
  if (record.time !== undefined && (typeof record.time !== 'string' || !isDateTime(record.time))) {
    return `time: expected an ISO 8601 (RFC 3339) date-time such as "2024-06-01T12:00:00.000Z" (got ${JSON.stringify(record.time)})`;
  }
  return {
    method: method as HttpMethod,
    path,
    headers,
    line,
    ...(body ? { body } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(record.durationMs !== undefined ? { durationMs: record.durationMs as number } : {}),
  };
}

import { z } from 'zod';
import { globToRegExp } from '../glob.js';
import { PerfgateError } from '../errors.js';
import { dropForReplay, HEADER_NAME } from './header-names.js';
import { isDateTime, type ReplayRecord } from './replay-record.js';
import { HTTP_METHODS, type HttpMethod } from './replay-request.js';
import { valueAt } from '../value-at.js';

/** Which HAR entries to import; an empty or missing list lets everything through. */
export interface HarFilter {
  /** Host names (`api.example.com`, `*.example.com`, or with a port). */
  readonly hosts?: readonly string[];
  readonly methods?: readonly string[];
  /** Path prefixes (`/api/`): an entry must start with one. */
  readonly pathPrefixes?: readonly string[];
  /** Regular expressions tested against the path with its query. */
  readonly pathPatterns?: readonly RegExp[];
  /** Response statuses: `200`, `2xx`, `200-299`. Entries without a response never match. */
  readonly statuses?: readonly string[];
}

export interface HarImport {
  readonly records: ReplayRecord[];
  /** Entries left out, with why (filtered, unreplayable method). */
  readonly skipped: ReadonlyArray<{ readonly entry: number; readonly reason: string }>;
  /** What was changed on the way in, such as headers that are not valid HTTP header names. */
  readonly warnings: string[];
}

const nameValue = z.object({ name: z.string(), value: z.string().default('') });
const harEntry = z.object({
  startedDateTime: z.string().optional(),
  time: z.number().optional(),
  request: z.object({
    method: z.string().min(1),
    url: z.string().min(1),
    headers: z.array(nameValue).optional(),
    queryString: z.array(nameValue).optional(),
    cookies: z.array(nameValue).optional(),
    postData: z
      .object({
        mimeType: z.string().optional(),
        text: z.string().optional(),
        // Not in HAR 1.2, but some exporters mark binary request bodies this way.
        encoding: z.string().optional(),
        params: z.array(z.object({ name: z.string(), value: z.string().default(''), fileName: z.string().optional(), contentType: z.string().optional() })).optional(),
      })
      .optional(),
  }),
  response: z.object({ status: z.number().int() }).optional(),
});
type HarEntry = z.output<typeof harEntry>;

/**
 * Turns a parsed HAR 1.2 document into replay records. Every malformed entry is
 * reported, naming the entry and the field; nothing is imported from a broken file.
 */
export function importHar(document: unknown, file: string, filter: HarFilter = {}): HarImport {
  const log = document !== null && typeof document === 'object' ? (document as { log?: unknown }).log : undefined;
  const entries = log !== null && typeof log === 'object' ? (log as { entries?: unknown }).entries : undefined;
  if (!Array.isArray(entries)) {
    throw new PerfgateError('HAR_INVALID', `${file}: log.entries: expected an array of entries (got ${describe(log === undefined ? undefined : entries)}); is this a HAR file?`);
  }
  const problems: string[] = [];
  const parsed: Array<{ index: number; entry: HarEntry }> = [];
  entries.forEach((raw, index) => {
    const result = harEntry.safeParse(raw);
    if (result.success) parsed.push({ index, entry: result.data });
    else for (const issue of result.error.issues) problems.push(`${file}: log.entries[${index}]${jsonPath(issue.path)}: ${issue.message} (got ${describe(valueAt(raw, issue.path))})`);
  });
  const records: ReplayRecord[] = [];
  const skipped: Array<{ entry: number; reason: string }> = [];
  const warnings: string[] = [];
  const statusMatchers = (filter.statuses ?? []).map((s) => statusMatcher(s));
  for (const { index, entry } of parsed) {
    const where = `${file}: log.entries[${index}]`;
    let url: URL;
    try {
      url = new URL(entry.request.url);
    } catch {
      problems.push(`${where}.request.url: expected an absolute URL such as "https://api.example.com/items?page=2" (got ${JSON.stringify(entry.request.url)})`);
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      skipped.push({ entry: index, reason: `${url.protocol} URL` });
      continue;
    }
    const method = entry.request.method.toUpperCase();
    const path = url.pathname + mergedQuery(url, entry.request.queryString ?? []);
    const status = entry.response && entry.response.status > 0 ? entry.response.status : undefined;
    const reason = filteredOut(filter, statusMatchers, url, method, path, status);
    if (reason) {
      skipped.push({ entry: index, reason });
      continue;
    }
    if (!(HTTP_METHODS as readonly string[]).includes(method)) {
      skipped.push({ entry: index, reason: `method ${method} cannot be replayed (expected one of ${HTTP_METHODS.join(', ')})` });
      continue;
    }
    const headers = importHeaders(entry, where, warnings);
    const body = importBody(entry, index, headers);
    records.push({
      method: method as HttpMethod,
      path,
      headers,
      ...(body ? { body } : {}),
      ...(status !== undefined ? { status } : {}),
      ...(entry.time !== undefined && entry.time >= 0 ? { durationMs: entry.time } : {}),
      ...(entry.startedDateTime !== undefined && isDateTime(entry.startedDateTime) ? { time: entry.startedDateTime } : {}),
    });
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    if (problems.length > shown.length) shown.push(`… and ${problems.length - shown.length} more problems`);
    throw new PerfgateError('HAR_INVALID', shown.join('\n'));
  }
  return { records, skipped, warnings };
}

/**
 * The URL's own query, plus `queryString` entries whose names it lacks. Exporters list
 * the URL's parameters again in `queryString`; adding them would double them.
 */
function mergedQuery(url: URL, queryString: ReadonlyArray<{ name: string; value: string }>): string {
  const own = url.search.length > 1 ? url.search.slice(1).split('&') : [];
  const ownNames = new Set(own.map((pair) => decodeLoose(pair.split('=')[0] ?? '')));
  const extra = queryString.filter((p) => p.name !== '' && !ownNames.has(p.name) && !ownNames.has(decodeLoose(p.name)));
  const pairs = [...own, ...extra.map((p) => `${encodeKeepingEscapes(p.name)}=${encodeKeepingEscapes(p.value)}`)];
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

function filteredOut(filter: HarFilter, statuses: ReadonlyArray<(s: number) => boolean>, url: URL, method: string, path: string, status: number | undefined): string | undefined {
  if (filter.hosts && filter.hosts.length > 0) {
    const matches = filter.hosts.some((h) => {
      const pattern = new RegExp(globToRegExp(h.toLowerCase()).source, 'i');
      return pattern.test(url.hostname) || pattern.test(url.host);
    });
    if (!matches) return `host ${url.host} not in --host`;
  }
  if (filter.methods && filter.methods.length > 0 && !filter.methods.some((m) => m.toUpperCase() === method)) return `method ${method} not in --method`;
  if (filter.pathPrefixes && filter.pathPrefixes.length > 0 && !filter.pathPrefixes.some((p) => path.startsWith(p))) return `path ${path} has none of the --path-prefix values`;
  if (filter.pathPatterns && filter.pathPatterns.length > 0 && !filter.pathPatterns.some((p) => p.test(path))) return `path ${path} matches no --path-pattern`;
  if (statuses.length > 0 && (status === undefined || !statuses.some((matches) => matches(status)))) return status === undefined ? 'no response status' : `status ${status} not in --status`;
  return undefined;
}

/** `200`, `2xx` or `200-299`; anything else is a usage error naming the value. */
export function statusMatcher(spec: string): (status: number) => boolean {
  const trimmed = spec.trim().toLowerCase();
  if (/^[1-5]\d\d$/.test(trimmed)) return (s) => s === Number(trimmed);
  if (/^[1-5]xx$/.test(trimmed)) return (s) => Math.floor(s / 100) === Number(trimmed[0]);
  const range = /^([1-5]\d\d)-([1-5]\d\d)$/.exec(trimmed);
  if (range) return (s) => s >= Number(range[1]) && s <= Number(range[2]);
  throw new PerfgateError('USAGE', `--status: expected a status such as 200, a class such as 2xx, or a range such as 200-299 (got ${JSON.stringify(spec)})`);
}

function importHeaders(entry: HarEntry, where: string, warnings: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  (entry.request.headers ?? []).forEach(({ name, value }, i) => {
    // HTTP/2 pseudo-headers (`:authority`, `:method`…) repeat the request line; the target supplies them.
    if (name.startsWith(':')) return;
    const lower = name.toLowerCase();
    if (!HEADER_NAME.test(name)) {
      warnings.push(`${where}.request.headers[${i}]: ${JSON.stringify(name)} is not a valid HTTP header name; dropped`);
      return;
    }
    if (/[\r\n\u0000]/.test(value)) {
      warnings.push(`${where}.request.headers[${i}]: the value of ${name} contains CR, LF or NUL; dropped`);
      return;
    }
    if (dropForReplay(lower)) return;
    const previous = headers[lower];
    headers[lower] = previous === undefined ? value : `${previous}${lower === 'cookie' ? '; ' : ', '}${value}`;
  });
  const cookies = entry.request.cookies ?? [];
  if (headers.cookie === undefined && cookies.length > 0) headers.cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return headers;
}

function importBody(entry: HarEntry, index: number, headers: Record<string, string>): Buffer | undefined {
  const post = entry.request.postData;
  if (!post) return undefined;
  const mimeType = post.mimeType ?? '';
  if (headers['content-type'] === undefined && mimeType !== '') headers['content-type'] = mimeType;
  if (post.text !== undefined && post.text !== '') return Buffer.from(post.text, post.encoding === 'base64' ? 'base64' : 'utf8');
  const params = post.params ?? [];
  if (params.length === 0) return undefined;
  const contentType = headers['content-type'] ?? mimeType;
  if (!contentType.toLowerCase().startsWith('multipart/')) {
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
    return Buffer.from(params.map((p) => `${encodeKeepingEscapes(p.name)}=${encodeKeepingEscapes(p.value)}`).join('&'));
  }
  const found = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = found ? (found[1] ?? found[2])! : `----perfgate-boundary-${index}`;
  if (!found) headers['content-type'] = `${contentType.split(';')[0]}; boundary=${boundary}`;
  const quote = (text: string) => text.replace(/"/g, '%22').replace(/[\r\n]/g, ' ');
  const parts = params.map((p) => {
    const disposition = `Content-Disposition: form-data; name="${quote(p.name)}"${p.fileName !== undefined ? `; filename="${quote(p.fileName)}"` : ''}`;
    const type = p.contentType ? `\r\nContent-Type: ${p.contentType}` : '';
    return Buffer.concat([Buffer.from(`--${boundary}\r\n${disposition}${type}\r\n\r\n`), paramValue(p.value, p.fileName !== undefined), Buffer.from('\r\n')]);
  });
  return Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]);
}

/** File parts are often exported as data URLs; the service received their bytes. */
function paramValue(value: string, isFile: boolean): Buffer {
  const dataUrl = isFile ? /^data:[^,]*?;base64,([\s\S]*)$/.exec(value) : null;
  return dataUrl ? Buffer.from(dataUrl[1]!.replace(/\s+/g, ''), 'base64') : Buffer.from(value, 'utf8');
}

/** Percent-encodes what a query or form value cannot carry, leaving escapes that are already there. */
function encodeKeepingEscapes(text: string): string {
  return text.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$'()*,;:@/?%]/g, (c) => encodeURIComponent(c));
}

function decodeLoose(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** `request.headers[0].name`, as the HAR's JSON spells it. */
function jsonPath(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

import { nameMatcher, type RedactionRules } from './redaction-rules.js';
import type { ReplayRecord } from './replay-record.js';
import { textOf } from './replay-record.js';

/** A placeholder written in place of a secret: `<redacted:authorization:1>`. */
export const PLACEHOLDER_PATTERN = /<redacted:[a-z0-9._-]+:\d+>/g;
const WHOLE_PLACEHOLDER = /^<redacted:[a-z0-9._-]+:\d+>$/;
// header.payload.signature, each base64url; the signature is empty for alg "none".
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const SCHEME_AND_CREDENTIALS = /^([A-Za-z][A-Za-z0-9._~+/-]*)\s+(\S[\s\S]*)$/;

export interface Redactor {
  /** The record with every secret the rules name replaced by its placeholder. */
  redact(record: ReplayRecord): ReplayRecord;
  /** How many values were replaced so far, and by how many distinct placeholders. */
  readonly replaced: number;
  readonly placeholders: number;
}

type Escape = (text: string) => string;
const asIs: Escape = (text) => text;
const jsonEscape: Escape = (text) => JSON.stringify(text).slice(1, -1);

/**
 * A redactor for one output file. Placeholders are stable within it: the same secret
 * always becomes the same placeholder, so requests that shared a token still share one,
 * and a single substitution at replay time restores them all.
 */
export function createRedactor(rules: RedactionRules): Redactor {
  const kept = nameMatcher(rules.keep);
  const headerRule = nameMatcher(rules.headers);
  const fieldRule = nameMatcher(rules.fields);
  const isSecretHeader = (name: string) => !kept(name) && headerRule(name);
  const isSecretField = (name: string) => !kept(name) && fieldRule(name);
  const bySecret = new Map<string, string>();
  const perName = new Map<string, number>();
  let replaced = 0;

  function placeholder(name: string, secret: string): string {
    if (secret === '' || WHOLE_PLACEHOLDER.test(secret)) return secret;
    replaced += 1;
    const known = bySecret.get(secret);
    if (known) return known;
    const label = name.toLowerCase().replace(/[^a-z0-9._-]+/g, '_').slice(0, 40) || 'value';
    const index = (perName.get(label) ?? 0) + 1;
    perName.set(label, index);
    const made = `<redacted:${label}:${index}>`;
    bySecret.set(secret, made);
    return made;
  }

  /** Tokens that are secrets wherever they appear, whatever field carries them. */
  function scanValues(text: string, escape: Escape): string {
    return text.replace(JWT, (token) => escape(placeholder('jwt', token)));
  }

  function header(name: string, value: string): string {
    if (kept(name)) return scanValues(value, asIs);
    if (name === 'cookie') {
      return value
        .split(';')
        .map((pair) => cookiePair(pair))
        .join(';');
    }
    if (name === 'set-cookie') {
      const [first = '', ...attributes] = value.split(';');
      return [cookiePair(first), ...attributes].join(';');
    }
    if (!isSecretHeader(name)) return scanValues(value, asIs);
    // Keep the scheme (`Bearer`, `Basic`): services dispatch on it; only the credentials are secret.
    const scheme = name.endsWith('authorization') ? SCHEME_AND_CREDENTIALS.exec(value) : null;
    if (scheme) return `${scheme[1]} ${placeholder(name, scheme[2]!)}`;
    return placeholder(name, value);
  }

  function cookiePair(pair: string): string {
    const equals = pair.indexOf('=');
    if (equals < 0) return pair;
    const name = pair.slice(0, equals).trim();
    if (kept(name)) return pair;
    const value = pair.slice(equals + 1).trim();
    return `${pair.slice(0, equals)}=${placeholder(`cookie.${name}`, value)}`;
  }

  /** `a=1&token=x`: values of secret fields become URL-encoded placeholders. */
  function formEncoded(text: string): string {
    return text
      .split('&')
      .map((pair) => {
        const equals = pair.indexOf('=');
        if (equals < 0) return scanValues(pair, encodeURIComponent);
        const name = decodeForm(pair.slice(0, equals));
        const raw = pair.slice(equals + 1);
        if (isSecretField(name) && raw !== '') return `${pair.slice(0, equals)}=${encodeURIComponent(placeholder(name, decodeForm(raw)))}`;
        return `${pair.slice(0, equals)}=${scanValues(raw, encodeURIComponent)}`;
      })
      .join('&');
  }

  function json(value: unknown, secretName: string | undefined): unknown {
    if (typeof value === 'string') return secretName !== undefined ? placeholder(secretName, value) : scanValues(value, asIs);
    if (typeof value === 'number') return secretName !== undefined ? placeholder(secretName, String(value)) : value;
    if (Array.isArray(value)) return value.map((item) => json(item, secretName));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        // defineProperty keeps a key such as "__proto__" as plain data.
        Object.defineProperty(out, key, { value: json(item, secretName ?? (isSecretField(key) ? key : undefined)), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return value;
  }

  function multipart(body: Buffer, boundary: string): Buffer {
    // latin1 maps every byte to one character and back, so file parts survive untouched.
    const delimiter = `--${boundary}`;
    const parts = body.toString('latin1').split(delimiter);
    let changed = false;
    for (let i = 1; i < parts.length; i++) {
      const part = parts[i]!;
      const headEnd = part.indexOf('\r\n\r\n');
      if (part.startsWith('--') || headEnd < 0) continue;
      const head = part.slice(0, headEnd);
      if (/filename\*?=/i.test(head)) continue;
      const name = /content-disposition:[^\r\n]*?\bname="([^"]*)"/i.exec(head)?.[1];
      const tail = part.endsWith('\r\n') ? '\r\n' : '';
      const content = Buffer.from(part.slice(headEnd + 4, part.length - tail.length), 'latin1').toString('utf8');
      const redacted = name !== undefined && isSecretField(name) ? placeholder(name, content) : scanValues(content, asIs);
      if (redacted !== content) {
        parts[i] = `${head}\r\n\r\n${Buffer.from(redacted, 'utf8').toString('latin1')}${tail}`;
        changed = true;
      }
    }
    return changed ? Buffer.from(parts.join(delimiter), 'latin1') : body;
  }

  function body(data: Buffer, contentType: string): Buffer {
    const type = contentType.toLowerCase();
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    if (type.startsWith('multipart/') && boundary) return multipart(data, (boundary[1] ?? boundary[2])!);
    const text = textOf(data);
    if (text === undefined) return data;
    let out: string;
    if (type.includes('urlencoded')) {
      out = formEncoded(text);
    } else if (type.includes('json') || (type === '' && /^\s*[[{]/.test(text))) {
      out = jsonText(text);
    } else {
      out = scanValues(text, asIs);
    }
    return out === text ? data : Buffer.from(out, 'utf8');
  }

  function jsonText(text: string): string {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return scanValues(text, jsonEscape);
    }
    const before = replaced;
    const redacted = json(parsed, undefined);
    // Unchanged bodies keep their exact bytes (and formatting).
    return replaced === before ? text : JSON.stringify(redacted);
  }

  return {
    redact(record) {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(record.headers)) headers[name] = header(name, value);
      const query = record.path.indexOf('?');
      const path = query < 0 ? scanValues(record.path, encodeURIComponent) : `${scanValues(record.path.slice(0, query), encodeURIComponent)}?${formEncoded(record.path.slice(query + 1))}`;
      const redactedBody = record.body ? body(record.body, record.headers['content-type'] ?? '') : undefined;
      return { ...record, path, headers, ...(redactedBody ? { body: redactedBody } : {}) };
    },
    get replaced() {
      return replaced;
    },
    get placeholders() {
      return bySecret.size;
    },
  };
}

function decodeForm(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

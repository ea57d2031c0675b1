import { nameMatcher, normaliseName, type RedactionRules } from './redaction-rules.js';
import type { ReplayRecord } from './replay-record.js';
import { textOf } from './replay-record.js';

/** A placeholder written in place of a secret: `<redacted:authorization:1>`. */
export const PLACEHOLDER_PATTERN = /<redacted:[a-z0-9._-]+:\d+>/g;
const WHOLE_PLACEHOLDER = /^<redacted:[a-z0-9._-]+:\d+>$/;
/**
 * Credentials recognisable by their format, redacted wherever they appear (path segments,
 * header values, any field, text and JSON bodies), whatever name carries them. `keep`
 * is a leading part left in place (the `Bearer ` scheme).
 */
const VALUE_DETECTORS: ReadonlyArray<{ readonly name: string; readonly pattern: RegExp; readonly keep?: RegExp }> = [
  // header.payload.signature, each base64url; the signature is empty for alg "none".
  { name: 'jwt', pattern: /eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g },
  { name: 'private-key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----/g },
  { name: 'aws-access-key', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { name: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { name: 'stripe-key', pattern: /\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{10,}\b/g },
  { name: 'stripe-webhook-secret', pattern: /\bwhsec_[0-9A-Za-z]{20,}\b/g },
  { name: 'github-token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/g },
  { name: 'slack-token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  // 16 characters at least, so prose ("bearer bonds") is left alone; real tokens are longer.
  { name: 'bearer', pattern: /\b[Bb]earer\s+[A-Za-z0-9._~+/-]{16,}=*/g, keep: /^[Bb]earer\s+/ },
];
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
  // `password: "…"`, `"apiKey":"…"`, `token="…"`: GraphQL inline arguments and key-value text
  // that is not parsed as JSON or a form; the value is redacted when the name is a secret field.
  const inlineArgument = /(["']?)([A-Za-z_][A-Za-z0-9_.-]{0,63})\1(\s*[:=]\s*)"((?:[^"\\\r\n]|\\.){1,4096})"/g;
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

  /** Credentials that are secrets wherever they appear, whatever field carries them, and secret inline arguments. */
  function scanValues(text: string, escape: Escape): string {
    let out = text;
    for (const detector of VALUE_DETECTORS) {
      out = out.replace(detector.pattern, (found) => {
        const prefix = detector.keep?.exec(found)?.[0] ?? '';
        return `${prefix}${escape(placeholder(detector.name, found.slice(prefix.length)))}`;
      });
    }
    return out.replace(inlineArgument, (whole, quote: string, name: string, between: string, value: string) =>
      isSecretField(name) && !WHOLE_PLACEHOLDER.test(value) ? `${quote}${name}${quote}${between}"${escape(placeholder(name, value))}"` : whole,
    );
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

  /**
   * `a=1&token=x`: values of secret fields become URL-encoded placeholders; other values are
   * decoded and scanned, so an encoded credential is found too. `code` is a secret in an
   * OAuth exchange (a `state`, `redirect_uri`, `grant_type` or `code_verifier` beside it, or
   * an OAuth-looking path), where it buys an access token.
   */
  function formEncoded(text: string, path = ''): string {
    const pairs = text.split('&');
    const names = new Set(pairs.map((pair) => normaliseName(decodeForm(pair.split('=')[0] ?? ''))));
    const oauth = ['state', 'redirecturi', 'granttype', 'codeverifier'].some((n) => names.has(n)) || /oauth|callback|authori[sz]e|\/token\b/i.test(path);
    return pairs
      .map((pair) => {
        const equals = pair.indexOf('=');
        if (equals < 0) return rescan(pair);
        const name = decodeForm(pair.slice(0, equals));
        const raw = pair.slice(equals + 1);
        const secret = isSecretField(name) || (oauth && normaliseName(name) === 'code' && !kept(name));
        if (secret && raw !== '') return `${pair.slice(0, equals)}=${encodeURIComponent(placeholder(name, decodeForm(raw)))}`;
        return `${pair.slice(0, equals)}=${rescan(raw)}`;
      })
      .join('&');
  }

  /** Scans URL-encoded text decoded, and writes it back encoded only where something was redacted. */
  function rescan(raw: string): string {
    const decoded = decodeForm(raw);
    const scanned = scanValues(decoded, asIs);
    return scanned === decoded ? raw : encodeURIComponent(scanned);
  }

  /** `parent` is the key above, so `"card": {"number": …}` is judged as `cardnumber` too. */
  function json(value: unknown, secretName: string | undefined, parent = ''): unknown {
    if (typeof value === 'string') return secretName !== undefined ? placeholder(secretName, value) : scanValues(value, asIs);
    if (typeof value === 'number') return secretName !== undefined ? placeholder(secretName, String(value)) : value;
    if (Array.isArray(value)) return value.map((item) => json(item, secretName, parent));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const secret = secretName ?? (isSecretField(key) ? key : parent !== '' && isSecretField(`${parent}.${key}`) ? `${parent}.${key}` : undefined);
        // defineProperty keeps a key such as "__proto__" as plain data.
        Object.defineProperty(out, key, { value: json(item, secret, key), enumerable: true, writable: true, configurable: true });
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
    } else if (type.includes('json') || /^\s*[[{]/.test(text)) {
      // By content too: JSON sent as text/plain (or mislabelled) carries the same secrets.
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
      const pathname = query < 0 ? record.path : record.path.slice(0, query);
      const scannedPath = pathname.split('/').map(rescan).join('/');
      const path = query < 0 ? scannedPath : `${scannedPath}?${formEncoded(record.path.slice(query + 1), pathname)}`;
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

import { globToRegExp } from '../glob.js';

/**
 * What counts as a secret in recorded traffic (docs/redaction.md). Names are normalised
 * before matching (lower case, without `-`, `_`, `.` and spaces, so `X-Auth-Key`,
 * `x_auth_key` and `xAuthKey` are one name); `*` matches any run of characters. The defaults err on the side
 * of redacting: a redacted value that the service needed shows up as a status mismatch
 * on replay, a leaked one cannot be taken back.
 */
export interface RedactionRules {
  /** Header names whose values are secrets. */
  readonly headers: readonly string[];
  /** Query, form, multipart and JSON field names whose values are secrets. */
  readonly fields: readonly string[];
  /** Header or field names exempt from the two lists above (for example a harmless `x-request-token`). */
  readonly keep: readonly string[];
}

export const DEFAULT_REDACTED_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'apikey',
  'x-auth-token',
  'x-access-token',
  'x-refresh-token',
  'x-csrf-token',
  'x-xsrf-token',
  'x-session-id',
  'x-amz-security-token',
  // Suffixes: Ocp-Apim-Subscription-Key, X-Auth-Key, X-Functions-Key, Token, X-CSRFToken …
  '*key',
  '*token',
  '*secret',
  '*signature',
  '*password',
  '*credentials',
];

export const DEFAULT_REDACTED_FIELDS: readonly string[] = [
  '*token*',
  '*password*',
  '*passphrase*',
  'passwd',
  'pwd',
  'pass',
  'pw',
  // apiKey, privateKey, stripe_key, secret_key, ?key=AIza…: a name ending in "key" errs on the side of redacting.
  '*key',
  '*secret*',
  '*api_key*',
  '*api-key*',
  '*apikey*',
  '*access_key*',
  '*accesskey*',
  '*private_key*',
  '*signature*',
  'sig',
  'auth',
  'authorization',
  '*session*',
  '*credential*',
  'otp',
  'pin',
  'cvv',
  'cvc',
  '*card_number*',
  '*cardnumber*',
];

export const DEFAULT_REDACTION_RULES: RedactionRules = { headers: DEFAULT_REDACTED_HEADERS, fields: DEFAULT_REDACTED_FIELDS, keep: [] };

/** The defaults with a user's additions and exemptions. */
export function redactionRules(extra: { headers?: readonly string[]; fields?: readonly string[]; keep?: readonly string[] } = {}): RedactionRules {
  return {
    headers: [...DEFAULT_REDACTED_HEADERS, ...(extra.headers ?? [])],
    fields: [...DEFAULT_REDACTED_FIELDS, ...(extra.fields ?? [])],
    keep: [...(extra.keep ?? [])],
  };
}

/** A name as rules compare it: `X-Auth-Key`, `x_auth_key` and `xAuthKey` are all `xauthkey`. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_.\s]+/g, '');
}

/** A matcher for a list of names with `*` wildcards, comparing normalised names. */
export function nameMatcher(patterns: readonly string[]): (name: string) => boolean {
  if (patterns.length === 0) return () => false;
  const pattern = new RegExp(patterns.map((p) => `(?:${globToRegExp(normaliseName(p)).source})`).join('|'));
  return (name) => pattern.test(normaliseName(name));
}

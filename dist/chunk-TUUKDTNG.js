import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  globToRegExp
} from "./chunk-MD65PPN2.js";
import {
  median
} from "./chunk-SB6TE77W.js";
import {
  valueAt
} from "./chunk-HHDVV6HW.js";
import {
  PerfgateError,
  describeError
} from "./chunk-RXSKCGKU.js";
import {
  external_exports
} from "./chunk-L7LVZID3.js";

// src/replay/header-names.ts
var HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
var DROPPED_FOR_REPLAY = /* @__PURE__ */ new Set([
  "host",
  "content-length",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "http2-settings",
  // The recording already carries the body; replaying "100-continue" would make the load
  // generator wait for an interim response it does not handle.
  "expect"
]);
function dropForReplay(name) {
  return DROPPED_FOR_REPLAY.has(name);
}

// src/replay/replay-record.ts
function formatReplayLine(record) {
  const line = { method: record.method, path: record.path };
  if (Object.keys(record.headers).length > 0) line.headers = record.headers;
  if (record.body && record.body.length > 0) {
    const text = textOf(record.body);
    if (text === void 0) {
      line.body = record.body.toString("base64");
      line.bodyEncoding = "base64";
    } else {
      line.body = text;
    }
  }
  if (record.status !== void 0) line.status = record.status;
  if (record.durationMs !== void 0) line.durationMs = Math.round(record.durationMs * 1e3) / 1e3;
  if (record.time !== void 0) line.time = record.time;
  return `${JSON.stringify(line)}
`;
}
function textOf(body) {
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return void 0;
  }
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\uFEFF]/.test(text) ? void 0 : text;
}
function isDateTime(text) {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(text) && !Number.isNaN(Date.parse(text));
}

// src/replay/replay-request.ts
var HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
function routeOf(request) {
  const pathOnly = request.path.split("?")[0] ?? "/";
  const folded = pathOnly.split("/").map((segment) => /^\d+$/.test(segment) || /^[0-9a-f]{8,}$/i.test(segment) ? ":id" : segment).join("/");
  return `${request.method} ${folded}`;
}

// src/replay/parse-replay.ts
var REPLAY_FIELDS = ["method", "path", "headers", "body", "bodyEncoding", "status", "durationMs", "time"];
var KNOWN_FIELDS = new Set(REPLAY_FIELDS);
function checkReplay(text, file) {
  const requests = [];
  const problems = [];
  const warnings = [];
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  lines.forEach((rawLine, index) => {
    const line = index + 1;
    const trimmed = rawLine.trim();
    if (trimmed === "" || trimmed.startsWith("//")) return;
    let value;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      if (index === lines.length - 1) {
        warnings.push(`${file}:${line}: the last line is incomplete (no newline, not valid JSON: a recording cut off mid-write?); skipped`);
        return;
      }
      problems.push({ line, message: `not valid JSON (${error.message})` });
      return;
    }
    const result = toRequest(value, line);
    if (typeof result === "string") problems.push({ line, message: result });
    else requests.push(result);
  });
  return { requests, problems, warnings };
}
function parseReplay(text, file, onWarning) {
  const { requests, problems, warnings } = checkReplay(text, file);
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).map((p) => `${file}:${p.line}: ${p.message}`);
    if (problems.length > shown.length) shown.push(`\u2026 and ${problems.length - shown.length} more bad lines (perfgate replay validate ${file} lists them all)`);
    throw new PerfgateError("REPLAY_INVALID", shown.join("\n"));
  }
  if (requests.length === 0) {
    throw new PerfgateError("REPLAY_INVALID", `${file}: no requests (the file is empty; expected one JSON request per line)`);
  }
  for (const warning of warnings) onWarning?.(warning);
  return requests;
}
function toRequest(value, line) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return `expected a JSON object per line (got ${Array.isArray(value) ? "an array" : JSON.stringify(value)})`;
  }
  const record = value;
  for (const key of Object.keys(record)) {
    if (!KNOWN_FIELDS.has(key)) return `unknown field ${JSON.stringify(key)} (expected one of ${[...KNOWN_FIELDS].join(", ")})`;
  }
  const method = typeof record.method === "string" ? record.method.toUpperCase() : void 0;
  if (method === void 0 || !HTTP_METHODS.includes(method)) {
    return `method: expected one of ${HTTP_METHODS.join(", ")} (got ${JSON.stringify(record.method)})`;
  }
  const path = record.path;
  if (typeof path !== "string" || !path.startsWith("/") || path.startsWith("//")) {
    return `path: expected a path starting with "/" such as "/items?page=2" (got ${JSON.stringify(path)}); replay only targets the configured service, so absolute URLs are refused`;
  }
  if (/[\s\u0000-\u001f\u007f]/.test(path)) return `path: must not contain spaces or control characters (got ${JSON.stringify(path)})`;
  const headers = {};
  if (record.headers !== void 0) {
    if (record.headers === null || typeof record.headers !== "object" || Array.isArray(record.headers)) {
      return `headers: expected an object of header names to strings (got ${JSON.stringify(record.headers)})`;
    }
    for (const [name, headerValue] of Object.entries(record.headers)) {
      if (!HEADER_NAME.test(name)) return `headers: ${JSON.stringify(name)} is not a valid header name`;
      if (typeof headerValue !== "string") return `headers.${name}: expected a string (got ${JSON.stringify(headerValue)})`;
      if (/[\r\n\u0000]/.test(headerValue)) return `headers.${name}: must not contain CR, LF or NUL`;
      headers[name.toLowerCase()] = headerValue;
    }
  }
  const encoding = record.bodyEncoding ?? "utf8";
  if (encoding !== "utf8" && encoding !== "base64") {
    return `bodyEncoding: expected "utf8" or "base64" (got ${JSON.stringify(record.bodyEncoding)})`;
  }
  let body;
  if (record.body !== void 0) {
    if (typeof record.body !== "string") return `body: expected a string (got ${typeof record.body})`;
    if (encoding === "base64" && !/^[A-Za-z0-9+/]*={0,2}$/.test(record.body)) return 'body: bodyEncoding is "base64" but body is not base64';
    body = Buffer.from(record.body, encoding);
  }
  let status;
  if (record.status !== void 0) {
    if (typeof record.status !== "number" || !Number.isInteger(record.status) || record.status < 100 || record.status > 599) {
      return `status: expected an integer HTTP status 100-599 (got ${JSON.stringify(record.status)})`;
    }
    status = record.status;
  }
  if (record.durationMs !== void 0 && (typeof record.durationMs !== "number" || !Number.isFinite(record.durationMs) || record.durationMs < 0)) {
    return `durationMs: expected a number of milliseconds >= 0 (got ${JSON.stringify(record.durationMs)})`;
  }
  if (record.time !== void 0 && (typeof record.time !== "string" || !isDateTime(record.time))) {
    return `time: expected an ISO 8601 (RFC 3339) date-time such as "2024-06-01T12:00:00.000Z" (got ${JSON.stringify(record.time)})`;
  }
  return {
    method,
    path,
    headers,
    line,
    ...body ? { body } : {},
    ...status !== void 0 ? { status } : {},
    ...record.durationMs !== void 0 ? { durationMs: record.durationMs } : {}
  };
}

// src/replay/import-har.ts
var nameValue = external_exports.object({ name: external_exports.string(), value: external_exports.string().default("") });
var harEntry = external_exports.object({
  startedDateTime: external_exports.string().optional(),
  time: external_exports.number().optional(),
  request: external_exports.object({
    method: external_exports.string().min(1),
    url: external_exports.string().min(1),
    headers: external_exports.array(nameValue).optional(),
    queryString: external_exports.array(nameValue).optional(),
    cookies: external_exports.array(nameValue).optional(),
    postData: external_exports.object({
      mimeType: external_exports.string().optional(),
      text: external_exports.string().optional(),
      // Not in HAR 1.2, but some exporters mark binary request bodies this way.
      encoding: external_exports.string().optional(),
      params: external_exports.array(external_exports.object({ name: external_exports.string(), value: external_exports.string().default(""), fileName: external_exports.string().optional(), contentType: external_exports.string().optional() })).optional()
    }).optional()
  }),
  response: external_exports.object({ status: external_exports.number().int() }).optional()
});
function importHar(document, file, filter = {}) {
  const log = document !== null && typeof document === "object" ? document.log : void 0;
  const entries = log !== null && typeof log === "object" ? log.entries : void 0;
  if (!Array.isArray(entries)) {
    throw new PerfgateError("HAR_INVALID", `${file}: log.entries: expected an array of entries (got ${describe(log === void 0 ? void 0 : entries)}); is this a HAR file?`);
  }
  const problems = [];
  const parsed = [];
  entries.forEach((raw, index) => {
    const result = harEntry.safeParse(raw);
    if (result.success) parsed.push({ index, entry: result.data });
    else for (const issue of result.error.issues) problems.push(`${file}: log.entries[${index}]${jsonPath(issue.path)}: ${issue.message} (got ${describe(valueAt(raw, issue.path))})`);
  });
  const records = [];
  const skipped = [];
  const warnings = [];
  const statusMatchers = (filter.statuses ?? []).map((s) => statusMatcher(s));
  for (const { index, entry } of parsed) {
    const where = `${file}: log.entries[${index}]`;
    let url;
    try {
      url = new URL(entry.request.url);
    } catch {
      problems.push(`${where}.request.url: expected an absolute URL such as "https://api.example.com/items?page=2" (got ${JSON.stringify(entry.request.url)})`);
      continue;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      skipped.push({ entry: index, reason: `${url.protocol} URL` });
      continue;
    }
    const method = entry.request.method.toUpperCase();
    const path = url.pathname + mergedQuery(url, entry.request.queryString ?? []);
    const status = entry.response && entry.response.status > 0 ? entry.response.status : void 0;
    const reason = filteredOut(filter, statusMatchers, url, method, path, status);
    if (reason) {
      skipped.push({ entry: index, reason });
      continue;
    }
    if (!HTTP_METHODS.includes(method)) {
      skipped.push({ entry: index, reason: `method ${method} cannot be replayed (expected one of ${HTTP_METHODS.join(", ")})` });
      continue;
    }
    const headers = importHeaders(entry, where, warnings);
    const body = importBody(entry, index, headers);
    records.push({
      method,
      path,
      headers,
      ...body ? { body } : {},
      ...status !== void 0 ? { status } : {},
      ...entry.time !== void 0 && entry.time >= 0 ? { durationMs: entry.time } : {},
      ...entry.startedDateTime !== void 0 && isDateTime(entry.startedDateTime) ? { time: entry.startedDateTime } : {}
    });
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    if (problems.length > shown.length) shown.push(`\u2026 and ${problems.length - shown.length} more problems`);
    throw new PerfgateError("HAR_INVALID", shown.join("\n"));
  }
  return { records, skipped, warnings };
}
function mergedQuery(url, queryString) {
  const own = url.search.length > 1 ? url.search.slice(1).split("&") : [];
  const ownNames = new Set(own.map((pair) => decodeLoose(pair.split("=")[0] ?? "")));
  const extra = queryString.filter((p) => p.name !== "" && !ownNames.has(p.name) && !ownNames.has(decodeLoose(p.name)));
  const pairs = [...own, ...extra.map((p) => `${encodeKeepingEscapes(p.name)}=${encodeKeepingEscapes(p.value)}`)];
  return pairs.length > 0 ? `?${pairs.join("&")}` : "";
}
function filteredOut(filter, statuses, url, method, path, status) {
  if (filter.hosts && filter.hosts.length > 0) {
    const matches = filter.hosts.some((h) => {
      const pattern = new RegExp(globToRegExp(h.toLowerCase()).source, "i");
      return pattern.test(url.hostname) || pattern.test(url.host);
    });
    if (!matches) return `host ${url.host} not in --host`;
  }
  if (filter.methods && filter.methods.length > 0 && !filter.methods.some((m) => m.toUpperCase() === method)) return `method ${method} not in --method`;
  if (filter.pathPrefixes && filter.pathPrefixes.length > 0 && !filter.pathPrefixes.some((p) => path.startsWith(p))) return `path ${path} has none of the --path-prefix values`;
  if (filter.pathPatterns && filter.pathPatterns.length > 0 && !filter.pathPatterns.some((p) => p.test(path))) return `path ${path} matches no --path-pattern`;
  if (statuses.length > 0 && (status === void 0 || !statuses.some((matches) => matches(status)))) return status === void 0 ? "no response status" : `status ${status} not in --status`;
  return void 0;
}
function statusMatcher(spec) {
  const trimmed = spec.trim().toLowerCase();
  if (/^[1-5]\d\d$/.test(trimmed)) return (s) => s === Number(trimmed);
  if (/^[1-5]xx$/.test(trimmed)) return (s) => Math.floor(s / 100) === Number(trimmed[0]);
  const range = /^([1-5]\d\d)-([1-5]\d\d)$/.exec(trimmed);
  if (range) return (s) => s >= Number(range[1]) && s <= Number(range[2]);
  throw new PerfgateError("USAGE", `--status: expected a status such as 200, a class such as 2xx, or a range such as 200-299 (got ${JSON.stringify(spec)})`);
}
function importHeaders(entry, where, warnings) {
  const headers = {};
  (entry.request.headers ?? []).forEach(({ name, value }, i) => {
    if (name.startsWith(":")) return;
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
    headers[lower] = previous === void 0 ? value : `${previous}${lower === "cookie" ? "; " : ", "}${value}`;
  });
  const cookies = entry.request.cookies ?? [];
  if (headers.cookie === void 0 && cookies.length > 0) headers.cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return headers;
}
function importBody(entry, index, headers) {
  const post = entry.request.postData;
  if (!post) return void 0;
  const mimeType = post.mimeType ?? "";
  if (headers["content-type"] === void 0 && mimeType !== "") headers["content-type"] = mimeType;
  if (post.text !== void 0 && post.text !== "") return Buffer.from(post.text, post.encoding === "base64" ? "base64" : "utf8");
  const params = post.params ?? [];
  if (params.length === 0) return void 0;
  const contentType = headers["content-type"] ?? mimeType;
  if (!contentType.toLowerCase().startsWith("multipart/")) {
    headers["content-type"] ??= "application/x-www-form-urlencoded";
    return Buffer.from(params.map((p) => `${encodeKeepingEscapes(p.name)}=${encodeKeepingEscapes(p.value)}`).join("&"));
  }
  const found = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = found ? found[1] ?? found[2] : `----perfgate-boundary-${index}`;
  if (!found) headers["content-type"] = `${contentType.split(";")[0]}; boundary=${boundary}`;
  const quote = (text) => text.replace(/"/g, "%22").replace(/[\r\n]/g, " ");
  const parts = params.map((p) => {
    const disposition = `Content-Disposition: form-data; name="${quote(p.name)}"${p.fileName !== void 0 ? `; filename="${quote(p.fileName)}"` : ""}`;
    const type = p.contentType ? `\r
Content-Type: ${p.contentType}` : "";
    return Buffer.concat([Buffer.from(`--${boundary}\r
${disposition}${type}\r
\r
`), paramValue(p.value, p.fileName !== void 0), Buffer.from("\r\n")]);
  });
  return Buffer.concat([...parts, Buffer.from(`--${boundary}--\r
`)]);
}
function paramValue(value, isFile) {
  const dataUrl = isFile ? /^data:[^,]*?;base64,([\s\S]*)$/.exec(value) : null;
  return dataUrl ? Buffer.from(dataUrl[1].replace(/\s+/g, ""), "base64") : Buffer.from(value, "utf8");
}
function encodeKeepingEscapes(text) {
  return text.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$'()*,;:@/?%]/g, (c) => encodeURIComponent(c));
}
function decodeLoose(text) {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}
function jsonPath(path) {
  return path.map((key) => typeof key === "number" ? `[${key}]` : `.${String(key)}`).join("");
}
function describe(value) {
  if (value === void 0) return "nothing";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}\u2026` : text;
}

// src/replay/read-replay-file.ts
import { readFileSync, statSync } from "node:fs";
var MAX_REPLAY_BYTES = 256 * 1024 * 1024;
function readReplayFile(path, onWarning) {
  return parseReplay(readReplayText(path), path, onWarning);
}
function readReplayBytes(path) {
  try {
    const size = statSync(path).size;
    if (size > MAX_REPLAY_BYTES) {
      throw new PerfgateError("REPLAY_INVALID", `${path}: ${size} bytes is over the ${MAX_REPLAY_BYTES}-byte limit for a replay file`);
    }
    return readFileSync(path);
  } catch (error) {
    if (error instanceof PerfgateError) throw error;
    throw new PerfgateError("REPLAY_INVALID", `${path}: cannot read the replay file (${describeError(error)})`);
  }
}
function readReplayText(path) {
  const bytes = readReplayBytes(path);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new PerfgateError("REPLAY_INVALID", `${path}: not UTF-8 text (a replay file is NDJSON; binary bodies go base64-encoded with "bodyEncoding":"base64")`);
  }
}

// src/replay/redaction-rules.ts
var DEFAULT_REDACTED_HEADERS = [
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-api-key",
  "api-key",
  "apikey",
  "x-auth-token",
  "x-access-token",
  "x-refresh-token",
  "x-csrf-token",
  "x-xsrf-token",
  "x-session-id",
  "x-amz-security-token",
  // Suffixes: Ocp-Apim-Subscription-Key, X-Auth-Key, X-Functions-Key, Token, X-CSRFToken …
  "*key",
  "*token",
  "*secret",
  "*signature",
  "*password",
  "*credentials"
];
var DEFAULT_REDACTED_FIELDS = [
  "*token*",
  "*password*",
  "*passphrase*",
  "passwd",
  "pwd",
  "pass",
  "pw",
  // apiKey, privateKey, stripe_key, secret_key, ?key=AIza…: a name ending in "key" errs on the side of redacting.
  "*key",
  "*secret*",
  "*api_key*",
  "*api-key*",
  "*apikey*",
  "*access_key*",
  "*accesskey*",
  "*private_key*",
  "*signature*",
  "sig",
  "auth",
  "authorization",
  "*session*",
  "*credential*",
  "otp",
  "pin",
  "cvv",
  "cvc",
  "*card_number*",
  "*cardnumber*"
];
var DEFAULT_REDACTION_RULES = { headers: DEFAULT_REDACTED_HEADERS, fields: DEFAULT_REDACTED_FIELDS, keep: [] };
function redactionRules(extra = {}) {
  return {
    headers: [...DEFAULT_REDACTED_HEADERS, ...extra.headers ?? []],
    fields: [...DEFAULT_REDACTED_FIELDS, ...extra.fields ?? []],
    keep: [...extra.keep ?? []]
  };
}
function normaliseName(name) {
  return name.toLowerCase().replace(/[-_.\s]+/g, "");
}
function nameMatcher(patterns) {
  if (patterns.length === 0) return () => false;
  const pattern = new RegExp(patterns.map((p) => `(?:${globToRegExp(normaliseName(p)).source})`).join("|"));
  return (name) => pattern.test(normaliseName(name));
}

// src/replay/redactor.ts
var PLACEHOLDER_PATTERN = /<redacted:[a-z0-9._-]+:\d+>/g;
var WHOLE_PLACEHOLDER = /^<redacted:[a-z0-9._-]+:\d+>$/;
var VALUE_DETECTORS = [
  // header.payload.signature, each base64url; the signature is empty for alg "none".
  { name: "jwt", pattern: /eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g },
  { name: "private-key", pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----/g },
  { name: "aws-access-key", pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { name: "google-api-key", pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { name: "stripe-key", pattern: /\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{10,}\b/g },
  { name: "stripe-webhook-secret", pattern: /\bwhsec_[0-9A-Za-z]{20,}\b/g },
  { name: "github-token", pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/g },
  { name: "slack-token", pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  // 16 characters at least, so prose ("bearer bonds") is left alone; real tokens are longer.
  { name: "bearer", pattern: /\b[Bb]earer\s+[A-Za-z0-9._~+/-]{16,}=*/g, keep: /^[Bb]earer\s+/ }
];
var SCHEME_AND_CREDENTIALS = /^([A-Za-z][A-Za-z0-9._~+/-]*)\s+(\S[\s\S]*)$/;
var asIs = (text) => text;
var jsonEscape = (text) => JSON.stringify(text).slice(1, -1);
function createRedactor(rules) {
  const kept = nameMatcher(rules.keep);
  const headerRule = nameMatcher(rules.headers);
  const fieldRule = nameMatcher(rules.fields);
  const isSecretHeader = (name) => !kept(name) && headerRule(name);
  const isSecretField = (name) => !kept(name) && fieldRule(name);
  const inlineArgument = /(["']?)([A-Za-z_][A-Za-z0-9_.-]{0,63})\1(\s*[:=]\s*)"((?:[^"\\\r\n]|\\.){1,4096})"/g;
  const bySecret = /* @__PURE__ */ new Map();
  const perName = /* @__PURE__ */ new Map();
  let replaced = 0;
  function placeholder(name, secret) {
    if (secret === "" || WHOLE_PLACEHOLDER.test(secret)) return secret;
    replaced += 1;
    const known = bySecret.get(secret);
    if (known) return known;
    const label = name.toLowerCase().replace(/[^a-z0-9._-]+/g, "_").slice(0, 40) || "value";
    const index = (perName.get(label) ?? 0) + 1;
    perName.set(label, index);
    const made = `<redacted:${label}:${index}>`;
    bySecret.set(secret, made);
    return made;
  }
  function scanValues(text, escape) {
    let out = text;
    for (const detector of VALUE_DETECTORS) {
      out = out.replace(detector.pattern, (found) => {
        const prefix = detector.keep?.exec(found)?.[0] ?? "";
        return `${prefix}${escape(placeholder(detector.name, found.slice(prefix.length)))}`;
      });
    }
    return out.replace(
      inlineArgument,
      (whole, quote, name, between, value) => isSecretField(name) && !WHOLE_PLACEHOLDER.test(value) ? `${quote}${name}${quote}${between}"${escape(placeholder(name, value))}"` : whole
    );
  }
  function header(name, value) {
    if (kept(name)) return scanValues(value, asIs);
    if (name === "cookie") {
      return value.split(";").map((pair) => cookiePair(pair)).join(";");
    }
    if (name === "set-cookie") {
      const [first = "", ...attributes] = value.split(";");
      return [cookiePair(first), ...attributes].join(";");
    }
    if (!isSecretHeader(name)) return scanValues(value, asIs);
    const scheme = name.endsWith("authorization") ? SCHEME_AND_CREDENTIALS.exec(value) : null;
    if (scheme) return `${scheme[1]} ${placeholder(name, scheme[2])}`;
    return placeholder(name, value);
  }
  function cookiePair(pair) {
    const equals = pair.indexOf("=");
    if (equals < 0) return pair;
    const name = pair.slice(0, equals).trim();
    if (kept(name)) return pair;
    const value = pair.slice(equals + 1).trim();
    return `${pair.slice(0, equals)}=${placeholder(`cookie.${name}`, value)}`;
  }
  function formEncoded(text, path = "") {
    const pairs = text.split("&");
    const names = new Set(pairs.map((pair) => normaliseName(decodeForm(pair.split("=")[0] ?? ""))));
    const oauth = ["state", "redirecturi", "granttype", "codeverifier"].some((n) => names.has(n)) || /oauth|callback|authori[sz]e|\/token\b/i.test(path);
    return pairs.map((pair) => {
      const equals = pair.indexOf("=");
      if (equals < 0) return rescan(pair);
      const name = decodeForm(pair.slice(0, equals));
      const raw = pair.slice(equals + 1);
      const secret = isSecretField(name) || oauth && normaliseName(name) === "code" && !kept(name);
      if (secret && raw !== "") return `${pair.slice(0, equals)}=${encodeURIComponent(placeholder(name, decodeForm(raw)))}`;
      return `${pair.slice(0, equals)}=${rescan(raw)}`;
    }).join("&");
  }
  function rescan(raw) {
    const decoded = decodeForm(raw);
    const scanned = scanValues(decoded, asIs);
    return scanned === decoded ? raw : encodeURIComponent(scanned);
  }
  function json(value, secretName, parent = "") {
    if (typeof value === "string") return secretName !== void 0 ? placeholder(secretName, value) : scanValues(value, asIs);
    if (typeof value === "number") return secretName !== void 0 ? placeholder(secretName, String(value)) : value;
    if (Array.isArray(value)) return value.map((item) => json(item, secretName, parent));
    if (value !== null && typeof value === "object") {
      const out = {};
      for (const [key, item] of Object.entries(value)) {
        const secret = secretName ?? (isSecretField(key) ? key : parent !== "" && isSecretField(`${parent}.${key}`) ? `${parent}.${key}` : void 0);
        Object.defineProperty(out, key, { value: json(item, secret, key), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return value;
  }
  function multipart(body2, boundary) {
    const delimiter = `--${boundary}`;
    const parts = body2.toString("latin1").split(delimiter);
    let changed = false;
    for (let i = 1; i < parts.length; i++) {
      const part = parts[i];
      const headEnd = part.indexOf("\r\n\r\n");
      if (part.startsWith("--") || headEnd < 0) continue;
      const head = part.slice(0, headEnd);
      if (/filename\*?=/i.test(head)) continue;
      const name = /content-disposition:[^\r\n]*?\bname="([^"]*)"/i.exec(head)?.[1];
      const tail = part.endsWith("\r\n") ? "\r\n" : "";
      const content = Buffer.from(part.slice(headEnd + 4, part.length - tail.length), "latin1").toString("utf8");
      const redacted = name !== void 0 && isSecretField(name) ? placeholder(name, content) : scanValues(content, asIs);
      if (redacted !== content) {
        parts[i] = `${head}\r
\r
${Buffer.from(redacted, "utf8").toString("latin1")}${tail}`;
        changed = true;
      }
    }
    return changed ? Buffer.from(parts.join(delimiter), "latin1") : body2;
  }
  function body(data, contentType) {
    const type = contentType.toLowerCase();
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    if (type.startsWith("multipart/") && boundary) return multipart(data, boundary[1] ?? boundary[2]);
    const text = textOf(data);
    if (text === void 0) return data;
    let out;
    if (type.includes("urlencoded")) {
      out = formEncoded(text);
    } else if (type.includes("json") || /^\s*[[{]/.test(text)) {
      out = jsonText(text);
    } else {
      out = scanValues(text, asIs);
    }
    return out === text ? data : Buffer.from(out, "utf8");
  }
  function jsonText(text) {
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch {
      return scanValues(text, jsonEscape);
    }
    const before = replaced;
    const redacted = json(parsed, void 0);
    return replaced === before ? text : JSON.stringify(redacted);
  }
  return {
    redact(record) {
      const headers = {};
      for (const [name, value] of Object.entries(record.headers)) headers[name] = header(name, value);
      const query = record.path.indexOf("?");
      const pathname = query < 0 ? record.path : record.path.slice(0, query);
      const scannedPath = pathname.split("/").map(rescan).join("/");
      const path = query < 0 ? scannedPath : `${scannedPath}?${formEncoded(record.path.slice(query + 1), pathname)}`;
      const redactedBody = record.body ? body(record.body, record.headers["content-type"] ?? "") : void 0;
      return { ...record, path, headers, ...redactedBody ? { body: redactedBody } : {} };
    },
    get replaced() {
      return replaced;
    },
    get placeholders() {
      return bySecret.size;
    }
  };
}
function decodeForm(text) {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

// src/replay/recording-proxy.ts
import http from "node:http";
import https from "node:https";
var HOP_BY_HOP = /* @__PURE__ */ new Set(["connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "http2-settings"]);
var RecordingProxy = class _RecordingProxy {
  constructor(options) {
    this.options = options;
    const secure = options.upstream.protocol === "https:";
    this.agent = secure ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
    this.server = http.createServer({ requestTimeout: 0 }, (request, response) => this.forward(request, response));
  }
  options;
  server;
  agent;
  pending = /* @__PURE__ */ new Map();
  nextSeq = 0;
  nextToEmit = 0;
  limitReached = false;
  recorded = 0;
  skipped = 0;
  static async start(options) {
    if (options.upstream.protocol !== "http:" && options.upstream.protocol !== "https:") {
      throw new PerfgateError("USAGE", `--upstream: expected an http:// or https:// URL (got ${JSON.stringify(options.upstream.href)})`);
    }
    const proxy = new _RecordingProxy(options);
    await new Promise((resolve, reject) => {
      proxy.server.once("error", (error) => reject(new PerfgateError("RECORD_FAILED", `cannot listen on ${options.host}:${options.port} (${describeError(error)})`)));
      proxy.server.listen(options.port, options.host, () => resolve());
    });
    return proxy;
  }
  get origin() {
    const address = this.server.address();
    return new URL(`http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`);
  }
  /**
   * Stops accepting, lets the exchanges in flight finish for up to `graceMs`, then cuts
   * the rest; every exchange that finished is handed to `onRecord` before this resolves.
   */
  async stop(graceMs) {
    const closed = new Promise((resolve) => this.server.close(() => resolve()));
    const idle = setInterval(() => this.server.closeIdleConnections(), 50);
    this.server.closeIdleConnections();
    const deadline = setTimeout(() => this.server.closeAllConnections(), graceMs);
    await closed;
    clearInterval(idle);
    clearTimeout(deadline);
    for (let seq = this.nextToEmit; seq < this.nextSeq; seq++) if (!this.pending.has(seq)) this.finish(seq, null, "the connection was cut when recording stopped");
    this.agent.destroy();
  }
  forward(request, response) {
    const seq = this.nextSeq++;
    const record = this.options.maxRequests === void 0 || seq < this.options.maxRequests;
    if (!record) this.finish(seq, null, void 0);
    else if (seq + 1 === this.options.maxRequests && !this.limitReached) {
      this.limitReached = true;
      setImmediate(() => this.options.onLimit?.());
    }
    const startedAt = performance.now();
    const time = (/* @__PURE__ */ new Date()).toISOString();
    const chunks = [];
    let bodyBytes = 0;
    let done = false;
    const settle = (value, reason) => {
      if (done) return;
      done = true;
      if (record) this.finish(seq, value, reason);
    };
    request.on("data", (chunk) => {
      bodyBytes += chunk.length;
      if (record && bodyBytes <= this.options.maxBodyBytes) chunks.push(chunk);
    });
    const upstream = this.options.upstream;
    const basePath = upstream.pathname.replace(/\/$/, "");
    const outgoing = (upstream.protocol === "https:" ? https : http).request({
      protocol: upstream.protocol,
      hostname: upstream.hostname.replace(/^\[|\]$/g, ""),
      port: upstream.port || (upstream.protocol === "https:" ? 443 : 80),
      method: request.method,
      path: `${basePath}${request.url ?? "/"}`,
      headers: forwardedHeaders(request),
      agent: this.agent
    });
    outgoing.on("response", (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.statusMessage, forwardedRawHeaders(answer.rawHeaders));
      answer.pipe(response);
      answer.on("error", () => response.destroy());
      response.on("finish", () => {
        const reason = recordable(request, bodyBytes, this.options.maxBodyBytes);
        if (reason) return settle(null, reason);
        settle({
          method: request.method,
          path: request.url,
          headers: recordedHeaders(request),
          ...bodyBytes > 0 ? { body: Buffer.concat(chunks) } : {},
          status: answer.statusCode,
          durationMs: performance.now() - startedAt,
          time
        });
      });
    });
    outgoing.on("error", (error) => {
      settle(null, `upstream ${upstream.origin} failed: ${describeError(error)}`);
      if (!response.headersSent) {
        response.writeHead(502, { "content-type": "text/plain; charset=utf-8", connection: "close" });
        response.end(`perfgate record: the upstream ${upstream.origin} failed: ${describeError(error)}
`);
      } else {
        response.destroy();
      }
    });
    response.on("close", () => {
      if (!response.writableFinished) {
        outgoing.destroy();
        settle(null, "the client closed the connection before the response was complete");
      }
    });
    request.pipe(outgoing);
  }
  /** Emits finished exchanges in arrival order. */
  finish(seq, value, reason) {
    if (this.pending.has(seq)) return;
    this.pending.set(seq, value);
    if (value === null && reason !== void 0) {
      this.skipped += 1;
      this.options.onSkip?.(reason);
    }
    while (this.pending.has(this.nextToEmit)) {
      const next = this.pending.get(this.nextToEmit);
      this.pending.delete(this.nextToEmit);
      this.nextToEmit += 1;
      if (next) {
        this.recorded += 1;
        this.options.onRecord(next);
      }
    }
  }
};
function recordable(request, bodyBytes, maxBodyBytes) {
  if (!HTTP_METHODS.includes(request.method ?? "")) return `method ${request.method} is not replayable`;
  const url = request.url ?? "";
  if (!url.startsWith("/") || url.startsWith("//") || /[\s\u0000-\u001f\u007f]/.test(url)) return `request target ${JSON.stringify(url.slice(0, 80))} is not a path`;
  if (bodyBytes > maxBodyBytes) return `request body of ${bodyBytes} bytes is over --max-body ${maxBodyBytes}`;
  return void 0;
}
function connectionTokens(headers) {
  const listed = String(headers.connection ?? "").split(",").map((t) => t.trim().toLowerCase()).filter(Boolean);
  return /* @__PURE__ */ new Set([...HOP_BY_HOP, ...listed]);
}
function forwardedHeaders(request) {
  const drop = connectionTokens(request.headers);
  const headers = {};
  for (const [name, value] of Object.entries(request.headers)) if (!drop.has(name) && value !== void 0) headers[name] = value;
  return headers;
}
function forwardedRawHeaders(raw) {
  const names = /* @__PURE__ */ new Map();
  for (let i = 0; i < raw.length; i += 2) names.set(raw[i].toLowerCase(), raw[i + 1]);
  const drop = /* @__PURE__ */ new Set([...HOP_BY_HOP, ...String(names.get("connection") ?? "").split(",").map((t) => t.trim().toLowerCase())]);
  const out = [];
  for (let i = 0; i < raw.length; i += 2) if (!drop.has(raw[i].toLowerCase())) out.push(raw[i], raw[i + 1]);
  return out;
}
function recordedHeaders(request) {
  const drop = connectionTokens(request.headers);
  const headers = {};
  const raw = request.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (drop.has(name) || dropForReplay(name)) continue;
    const value = raw[i + 1];
    headers[name] = headers[name] === void 0 ? value : `${headers[name]}${name === "cookie" ? "; " : ", "}${value}`;
  }
  return headers;
}

// src/replay/replay-appender.ts
import { closeSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readSync, writeSync } from "node:fs";
import { dirname } from "node:path";
var ReplayAppender = class _ReplayAppender {
  constructor(path, fd) {
    this.path = path;
    this.fd = fd;
  }
  path;
  fd;
  lines = 0;
  /**
   * Opens `path` for appending, creating it (and its folder) if needed. `truncate` empties
   * it first. A file whose last line was cut off is trimmed back to its last newline, and
   * `onWarning` says so.
   */
  static open(path, options) {
    let fd;
    try {
      mkdirSync(dirname(path), { recursive: true });
      fd = openSync(path, "a+");
      if (options.truncate) ftruncateSync(fd, 0);
      else trimPartialLine(fd, path, options.onWarning);
    } catch (error) {
      throw new PerfgateError("RECORD_FAILED", `${path}: cannot open the replay file for appending (${describeError(error)})`);
    }
    return new _ReplayAppender(path, fd);
  }
  /** Appends one line (which must end with "\n"). */
  append(line) {
    if (this.fd === void 0) throw new PerfgateError("RECORD_FAILED", `${this.path}: written after it was closed`);
    const bytes = Buffer.from(line, "utf8");
    let written = writeSync(this.fd, bytes);
    while (written < bytes.length) written += writeSync(this.fd, bytes, written);
    this.lines += 1;
  }
  /** Flushes to disk and closes; safe to call twice. */
  close() {
    if (this.fd === void 0) return;
    const fd = this.fd;
    this.fd = void 0;
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
};
function trimPartialLine(fd, path, onWarning) {
  const size = fstatSync(fd).size;
  if (size === 0) return;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  if (last[0] === 10) return;
  const block = Buffer.alloc(64 * 1024);
  let end = size;
  let keep = 0;
  while (end > 0) {
    const start = Math.max(0, end - block.length);
    const read = readSync(fd, block, 0, end - start, start);
    const at = block.subarray(0, read).lastIndexOf(10);
    if (at >= 0) {
      keep = start + at + 1;
      break;
    }
    end = start;
  }
  ftruncateSync(fd, keep);
  onWarning?.(`${path}: its last line was cut off (${size - keep} bytes without a newline); removed before appending`);
}

// src/replay/replay-stats.ts
function replayStats(requests) {
  const methods = {};
  const routes = /* @__PURE__ */ new Map();
  let withStatus = 0;
  let withPlaceholders = 0;
  const placeholder = new RegExp(`${PLACEHOLDER_PATTERN.source}|%3Credacted%3A`, "i");
  for (const request of requests) {
    methods[request.method] = (methods[request.method] ?? 0) + 1;
    const route = routeOf(request);
    const entry = routes.get(route) ?? { requests: 0, statuses: {}, bodyBytes: 0, durations: [] };
    entry.requests += 1;
    const status = request.status === void 0 ? "none" : String(request.status);
    entry.statuses[status] = (entry.statuses[status] ?? 0) + 1;
    entry.bodyBytes += request.body?.length ?? 0;
    if (request.durationMs !== void 0) entry.durations.push(request.durationMs);
    routes.set(route, entry);
    if (request.status !== void 0) withStatus += 1;
    if ([request.path, ...Object.values(request.headers), request.body?.toString("latin1") ?? ""].some((text) => placeholder.test(text))) withPlaceholders += 1;
  }
  return {
    requests: requests.length,
    methods,
    routes: [...routes.entries()].map(([route, e]) => ({
      route,
      requests: e.requests,
      statuses: e.statuses,
      bodyBytes: e.bodyBytes,
      ...e.durations.length > 0 ? { medianDurationMs: median(e.durations) } : {}
    })).sort((a, b) => b.requests - a.requests || a.route.localeCompare(b.route)),
    withStatus,
    withPlaceholders
  };
}

// src/replay/substitute-secrets.ts
var PLACEHOLDER_KEY = /^<redacted:[a-z0-9._-]+:\d+>$/;
function resolveSubstitutions(map, env, source) {
  const placeholders = /* @__PURE__ */ new Map();
  const headers = /* @__PURE__ */ new Map();
  const missing = [];
  for (const [key, variable] of Object.entries(map)) {
    const value = env[variable];
    if (value === void 0) {
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
  if (missing.length > 0) throw new PerfgateError("CONFIG_INVALID", missing.join("\n"));
  return { placeholders, headers };
}
function substituteSecrets(requests, substitutions) {
  if (substitutions.placeholders.size === 0 && substitutions.headers.size === 0) return [...requests];
  const replace = (text, escape) => text.replace(PLACEHOLDER_PATTERN, (found) => {
    const value = substitutions.placeholders.get(found);
    return value === void 0 ? found : escape(value);
  });
  const replaceEncoded = (text) => replace(text, encodeURIComponent).replace(/%3Credacted%3A[a-z0-9._-]+%3A\d+%3E/gi, (found) => {
    const value = substitutions.placeholders.get(decodeURIComponent(found));
    return value === void 0 ? found : encodeURIComponent(value);
  });
  return requests.map((request) => {
    const headers = {};
    for (const [name, value] of Object.entries(request.headers)) headers[name] = substitutions.headers.get(name) ?? replace(value, (v) => v);
    let body = request.body;
    const text = body?.toString("latin1");
    if (text !== void 0 && /<redacted:|%3credacted/i.test(text)) {
      const type = (request.headers["content-type"] ?? "").toLowerCase();
      const escape = type.includes("json") ? (v) => JSON.stringify(v).slice(1, -1) : (v) => v;
      const replaced = type.includes("urlencoded") ? replaceEncoded(text) : replace(text, (v) => Buffer.from(escape(v), "utf8").toString("latin1"));
      body = Buffer.from(replaced, "latin1");
    }
    return { ...request, path: replaceEncoded(request.path), headers, ...body ? { body } : {} };
  });
}
function unsubstitutedPlaceholders(requests) {
  let count = 0;
  let example;
  const pattern = /<redacted:[a-z0-9._-]+:\d+>|%3Credacted%3A[a-z0-9._-]+%3A\d+%3E/i;
  for (const request of requests) {
    const texts = [request.path, ...Object.values(request.headers), request.body?.toString("latin1") ?? ""];
    const found = texts.map((t) => pattern.exec(t)?.[0]).find((m) => m !== void 0);
    if (found !== void 0) {
      count += 1;
      example ??= found.startsWith("%") ? decodeURIComponent(found) : found;
    }
  }
  return example === void 0 ? { requests: count } : { requests: count, example };
}

// src/replay/replay-hash.ts
import { createHash } from "node:crypto";
function replayFileSha256(path) {
  return createHash("sha256").update(readReplayBytes(path)).digest("hex");
}

export {
  dropForReplay,
  formatReplayLine,
  HTTP_METHODS,
  routeOf,
  REPLAY_FIELDS,
  checkReplay,
  parseReplay,
  importHar,
  statusMatcher,
  readReplayFile,
  readReplayBytes,
  readReplayText,
  DEFAULT_REDACTION_RULES,
  redactionRules,
  createRedactor,
  RecordingProxy,
  ReplayAppender,
  replayStats,
  resolveSubstitutions,
  substituteSecrets,
  unsubstitutedPlaceholders,
  replayFileSha256
};

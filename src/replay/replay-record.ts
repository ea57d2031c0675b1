import type { ReplayRequest } from './replay-request.js';

/**
 * One exchange as perfgate writes it (recording, HAR import): the request, and what is
 * known about the answer. The writers build these; `formatReplayLine` is the one place
 * that turns them into a line of the replay format (docs/replay-format.md).
 */
export interface ReplayRecord extends Omit<ReplayRequest, 'line'> {
  /** RFC 3339 time the request started. */
  readonly time?: string;
}

/** The JSON line (with its newline) for a record: bodies as text when they are UTF-8 text, base64 otherwise. */
export function formatReplayLine(record: ReplayRecord): string {
  const line: Record<string, unknown> = { method: record.method, path: record.path };
  if (Object.keys(record.headers).length > 0) line.headers = record.headers;
  if (record.body && record.body.length > 0) {
    const text = textOf(record.body);
    if (text === undefined) {
      line.body = record.body.toString('base64');
      line.bodyEncoding = 'base64';
    } else {
      line.body = text;
    }
  }
  if (record.status !== undefined) line.status = record.status;
  if (record.durationMs !== undefined) line.durationMs = Math.round(record.durationMs * 1000) / 1000;
  if (record.time !== undefined) line.time = record.time;
  // JSON.stringify escapes U+2028/U+2029 and control characters, so a line never splits.
  return `${JSON.stringify(line)}\n`;
}

/**
 * The body as text when it is valid UTF-8 without control characters other than tab,
 * CR and LF; undefined when it must go base64 so the bytes survive exactly.
 */
export function textOf(body: Buffer): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return undefined;
  }
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\uFEFF]/.test(text) ? undefined : text;
}

/** An RFC 3339 date-time (`2024-06-01T12:00:00.000Z`), the `time` field's format. */
export function isDateTime(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(text) && !Number.isNaN(Date.parse(text));
}

import { readFileSync, statSync } from 'node:fs';
import { PerfgateError, describeError } from '../errors.js';
import { parseReplay } from './parse-replay.js';
import type { ReplayRequest } from './replay-request.js';

const MAX_REPLAY_BYTES = 256 * 1024 * 1024;

/** Reads and validates a replay file; `onWarning` hears what was tolerated (a cut-off last line). */
export function readReplayFile(path: string, onWarning?: (warning: string) => void): ReplayRequest[] {
  return parseReplay(readReplayText(path), path, onWarning);
}

/** The file's bytes (what a baseline's replay hash covers), refused with a message naming it when too large or unreadable. */
export function readReplayBytes(path: string): Buffer {
  try {
    const size = statSync(path).size;
    if (size > MAX_REPLAY_BYTES) {
      throw new PerfgateError('REPLAY_INVALID', `${path}: ${size} bytes is over the ${MAX_REPLAY_BYTES}-byte limit for a replay file`);
    }
    return readFileSync(path);
  } catch (error) {
    if (error instanceof PerfgateError) throw error;
    throw new PerfgateError('REPLAY_INVALID', `${path}: cannot read the replay file (${describeError(error)})`);
  }
}

/** The file's text, refused with a message naming it when it is too large, unreadable or not UTF-8. */
export function readReplayText(path: string): string {
  const bytes = readReplayBytes(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PerfgateError('REPLAY_INVALID', `${path}: not UTF-8 text (a replay file is NDJSON; binary bodies go base64-encoded with "bodyEncoding":"base64")`);
  }
}

import { readFileSync, statSync } from 'node:fs';
import { PerfgateError, describeError } from '../errors.js';
import { parseReplay } from './parse-replay.js';
import type { ReplayRequest } from './replay-request.js';

const MAX_REPLAY_BYTES = 256 * 1024 * 1024;

export function readReplayFile(path: string): ReplayRequest[] {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_REPLAY_BYTES) {
      throw new PerfgateError('REPLAY_INVALID', `${path}: ${size} bytes is over the ${MAX_REPLAY_BYTES}-byte limit for a replay file`);
    }
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof PerfgateError) throw error;
    throw new PerfgateError('REPLAY_INVALID', `${path}: cannot read the replay file (${describeError(error)})`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PerfgateError('REPLAY_INVALID', `${path}: not UTF-8 text (a replay file is NDJSON; binary bodies go base64-encoded with "bodyEncoding":"base64")`);
  }
  return parseReplay(text, path);
}

import { createHash } from 'node:crypto';
import { readReplayBytes } from './read-replay-file.js';

/** sha256 of the replay file as it is on disk: a baseline taken with other traffic is recognised by it. */
export function replayFileSha256(path: string): string {
  return createHash('sha256').update(readReplayBytes(path)).digest('hex');
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** sha256 of the replay file as it is on disk: a baseline taken with other traffic is recognised by it. */
export function replayFileSha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

import { execFileSync } from 'node:child_process';

/** The checked-out commit of the folder, or null outside a git checkout. */
export function currentCommit(folder: string): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: folder, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null;
  } catch {
    return null;
  }
}

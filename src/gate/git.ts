import { execFileSync } from 'node:child_process';

/** The checked-out commit of the folder, or null outside a git checkout. */
export function currentCommit(folder: string): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: folder, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null;
  } catch {
    return null;
  }
}

/** Whether `ref` names a commit this checkout has (a shallow clone may lack an old baseline's). */
export function commitExists(folder: string, ref: string): boolean {
  try {
    execFileSync('git', ['cat-file', '-e', `${ref}^{commit}`], { cwd: folder, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Lockfiles that pin what a service's dependencies resolve to, in the order they are looked for. */
export const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock', 'go.sum'] as const;
export type LockfileName = (typeof LOCKFILES)[number];

export interface Lockfile {
  readonly name: LockfileName;
  readonly sha256: string;
}

/** The first lockfile in `folder` (in the order of LOCKFILES) and the sha256 of its bytes; undefined when there is none. */
export function lockfileIn(folder: string): Lockfile | undefined {
  for (const name of LOCKFILES) {
    let text: Buffer;
    try {
      text = readFileSync(join(folder, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') continue;
      throw error;
    }
    return { name, sha256: createHash('sha256').update(text).digest('hex') };
  }
  return undefined;
}

/**
 * sha256 of the first lockfile found in `folders` (the service's folder, then the project's),
 * so that a baseline measured with other dependency versions is noticed: an upgrade changes the
 * code that runs without changing a line of the service. Undefined when there is none.
 */
export function lockfileSha256(folders: readonly string[]): string | undefined {
  for (const folder of folders) {
    const found = lockfileIn(folder);
    if (found) return found.sha256;
  }
  return undefined;
}

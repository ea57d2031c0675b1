import { copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

export interface LinkedTree {
  readonly files: number;
  /** Files copied because a hard link was refused (another filesystem, or no permission). */
  readonly copied: number;
}

/**
 * Mirrors the folder `from` at `to`: folders are made anew, files hard-linked (copied where
 * linking is refused), symbolic links re-created with the same target. Relative links stay
 * relative, so a workspace package linked into node_modules (`../packages/lib`) resolves to
 * the mirror's own copy of it, not to the original's.
 */
export function linkTree(from: string, to: string): LinkedTree {
  let files = 0;
  let copied = 0;
  let canLink = true;
  const walk = (source: string, target: string) => {
    mkdirSync(target, { recursive: true });
    for (const entry of readdirSync(source, { withFileTypes: true })) {
      const src = join(source, entry.name);
      const dst = join(target, entry.name);
      if (entry.isDirectory()) walk(src, dst);
      else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(src), dst);
      else if (entry.isFile()) {
        files++;
        if (canLink) {
          try {
            linkSync(src, dst);
            continue;
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK' && code !== 'ENOTSUP') throw error;
            canLink = false;
          }
        }
        copyFileSync(src, dst);
        copied++;
      }
      // Sockets, FIFOs and devices have no place in node_modules: left out.
    }
  };
  if (!lstatSync(from).isDirectory()) throw new Error(`${from} is not a folder`);
  walk(from, to);
  return { files, copied };
}

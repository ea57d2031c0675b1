import { realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';

/**
 * Where `path` lies inside `folder` ('' for the folder itself, forward or platform
 * separators as `relative` gives them), or null when it lies outside. Both are compared by
 * their real paths: git reports a repository's top as a real path, while a config may reach
 * the same folder through a symbolic link (macOS's /tmp, a linked checkout), and a plain
 * `relative` would then put it outside. A path that does not exist is taken as written.
 */
export function pathInside(folder: string, path: string): string | null {
  const inside = relative(realPath(folder), realPath(path));
  return inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside) ? null : inside;
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

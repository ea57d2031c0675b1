import { fileURLToPath } from 'node:url';
import type { V8CallFrame } from './v8-cpu-profile.js';

/**
 * How a function is known across commits: its name and its file relative to the project
 * root. Line numbers are left out on purpose: an edit above a function must not make
 * it a different function.
 */
export interface FunctionIdentity {
  readonly name: string;
  /** Repo-relative POSIX path, `node:…` for Node's own modules, or '' for V8 builtins and pseudo-frames. */
  readonly file: string;
}

export function functionKey(identity: FunctionIdentity): string {
  return identity.file === '' ? identity.name : `${identity.file}#${identity.name}`;
}

/** V8 pseudo-frames that are not code: idle time, GC, and time V8 could not attribute. */
export const IDLE_FRAME = '(idle)';

export function identityOfFrame(frame: V8CallFrame, root: string): FunctionIdentity {
  const name = frame.functionName === '' ? '(anonymous)' : frame.functionName;
  return { name, file: fileOfUrl(frame.url, root) };
}

function fileOfUrl(url: string, root: string): string {
  if (url === '') return '';
  if (url.startsWith('node:')) return url;
  let path = url;
  if (url.startsWith('file://')) {
    try {
      path = fileURLToPath(url);
    } catch {
      return url;
    }
  }
  // Compared as POSIX strings so the core needs no `path` module differences per OS.
  const normalisedRoot = root.replace(/\\/g, '/').replace(/\/+$/, '');
  const normalised = path.replace(/\\/g, '/');
  if (normalised.startsWith(`${normalisedRoot}/`)) return normalised.slice(normalisedRoot.length + 1);
  return normalised;
}

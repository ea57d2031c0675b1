import { fileURLToPath } from 'node:url';
import { NO_SOURCES, packagePath, type SourceLookup } from './source-lookup.js';
import type { V8CallFrame } from './v8-cpu-profile.js';

/**
 * How a function is known across commits: its name and its file relative to the project
 * root. Line numbers are left out on purpose: an edit above a function must not make
 * it a different function.
 */
export interface FunctionIdentity {
  readonly name: string;
  /**
   * Repo-relative POSIX path (after source maps); `package@version/path` for code under
   * node_modules; `node:…` for Node's public modules; `node:internal` for the group of
   * its internals; '' for V8 builtins and pseudo-frames.
   */
  readonly file: string;
}

export function functionKey(identity: FunctionIdentity): string {
  return identity.file === '' ? identity.name : `${identity.file}#${identity.name}`;
}

/** V8 pseudo-frames that are not code: idle time, GC, and time V8 could not attribute. */
export const IDLE_FRAME = '(idle)';

/**
 * Node's internals (`node:internal/*`: streams, timers, the HTTP parser's glue) are one
 * function: nobody edits them, their split changes with every Node release, and dozens of
 * tiny entries would only dilute the statistics. Node's public modules (`node:events`,
 * `node:_http_server`) keep their functions, since a service calls them by name.
 */
export const NODE_INTERNALS: FunctionIdentity = { name: '(node internals)', file: 'node:internal' };

/**
 * perfgate's own agent, one function wherever it was loaded from. It runs inside the
 * window (it starts and stops the profilers), and a same-runner baseline loads it from
 * outside its worktree: by its path it would be `dist/agent.cjs#handle` on one side and
 * `/home/…/dist/agent.cjs#handle` on the other, new code and gone code in every such run.
 */
export const PERFGATE_AGENT: FunctionIdentity = { name: '(perfgate agent)', file: 'perfgate:agent' };

export interface NamingContext {
  /** Folder that file names are made relative to. */
  readonly root: string;
  readonly sources: SourceLookup;
  /** Absolute path of perfgate's agent script, whose frames are `PERFGATE_AGENT`. */
  readonly agentScript?: string;
}

/** A frame's identity and the line to show for it, after source maps. */
export interface ResolvedFrame {
  readonly identity: FunctionIdentity;
  /** 1-based first line of the function in `identity.file`; 0 when unknown. */
  readonly startLine: number;
  /** Absolute path of the script V8 ran, '' for builtins and `node:` modules. */
  readonly scriptPath: string;
  /** Whether a source map moved this frame to another file: its line ticks need mapping too. */
  readonly mapped: boolean;
  /** The script looks compiled but no source map was found: file and line are the generated code's. */
  readonly compiledWithoutMap: boolean;
  /** Part of the `(node internals)` group: line ticks and repeated frames are folded. */
  readonly grouped: boolean;
}

/**
 * The identity of one frame. `enclosing` is the V8 name of the nearest caller in the same
 * original file, used to tell anonymous functions apart (see `anonymousName`).
 */
export function resolveFrame(frame: V8CallFrame, context: NamingContext, enclosing?: string): ResolvedFrame {
  if (frame.url.startsWith('node:internal/')) return groupFrame(NODE_INTERNALS);
  const scriptPath = scriptPathOf(frame.url);
  if (isAgent(scriptPath, context)) return groupFrame(PERFGATE_AGENT);
  const located = locate(frame, scriptPath, context);
  const name = frame.functionName === '' ? anonymousName(enclosing, located.line) : frame.functionName;
  const compiledWithoutMap = !located.mapped && scriptPath !== '' && context.sources.compiledWithoutMap(scriptPath);
  return { identity: { name, file: located.file }, startLine: located.line, scriptPath, mapped: located.mapped, compiledWithoutMap, grouped: false };
}

/** The file part of a frame's identity (after source maps), for comparing frames before naming them. */
export function fileOfFrame(frame: V8CallFrame, context: NamingContext): string {
  if (frame.url.startsWith('node:internal/')) return NODE_INTERNALS.file;
  const scriptPath = scriptPathOf(frame.url);
  if (isAgent(scriptPath, context)) return PERFGATE_AGENT.file;
  return locate(frame, scriptPath, context).file;
}

/** A group of frames shown as one function with no lines of its own (Node's internals, perfgate's agent). */
export function isGroup(identity: FunctionIdentity): boolean {
  return [NODE_INTERNALS, PERFGATE_AGENT].some((group) => group.name === identity.name && group.file === identity.file);
}

/** Both paths come from the same platform's file URLs (V8's script URL, and perfgate's own location): compared as they are. */
function isAgent(scriptPath: string, context: NamingContext): boolean {
  return scriptPath !== '' && scriptPath === context.agentScript;
}

function groupFrame(identity: FunctionIdentity): ResolvedFrame {
  return { identity, startLine: 0, scriptPath: '', mapped: false, compiledWithoutMap: false, grouped: true };
}

/** The naming context of a conversion: its root, its sources (none read: NO_SOURCES) and perfgate's agent script. */
export function namingContext(context: { readonly root: string; readonly sources?: SourceLookup; readonly agentScript?: string }): NamingContext {
  return { root: context.root, sources: context.sources ?? NO_SOURCES, ...(context.agentScript ? { agentScript: context.agentScript } : {}) };
}

/**
 * V8 names functions declared with a name, and infers one for `const f = () => …`,
 * `obj.f = function () …` and `{ f() {} }`; what stays anonymous are callbacks written
 * inline (`list.map((x) => …)`, `.then(() => …)`). Those are named after the function
 * that called them from the same file, which for inline callbacks is nearly always the
 * function they are written in: `(anonymous in searchProducts)`, so edits elsewhere do not
 * rename it. With no such caller (a route handler passed to a framework, an event or promise
 * callback called from Node) the name is its position, `(anonymous at line 12)`: one name per
 * file would merge every route handler of an app into one row. An edit above it moves that
 * line; compare() pairs a function gone from a file with one new in the same file as a rename,
 * so the handler is still compared with itself.
 */
export function anonymousName(enclosing: string | undefined, line = 0): string {
  if (enclosing) return `(anonymous in ${enclosing})`;
  return line > 0 ? `(anonymous at line ${line})` : '(anonymous)';
}

function locate(frame: V8CallFrame, scriptPath: string, context: NamingContext): { file: string; line: number; mapped: boolean } {
  if (frame.url === '' || frame.url.startsWith('node:')) return { file: frame.url, line: Math.max(0, frame.lineNumber + 1), mapped: false };
  const original = frame.lineNumber >= 0 ? context.sources.originalPosition(scriptPath, frame.lineNumber + 1, Math.max(0, frame.columnNumber)) : undefined;
  const path = original ? pathOf(original.path) : scriptPath;
  return { file: displayFile(path, context), line: original ? original.line : Math.max(0, frame.lineNumber + 1), mapped: original !== undefined };
}

/** Repo-relative when inside the root, `package@version/inner` under node_modules, else as given. */
export function displayFile(path: string, context: NamingContext): string {
  const normalised = path.replace(/\\/g, '/');
  const pkg = packagePath(normalised);
  if (pkg) return `${pkg.name}@${context.sources.packageVersion(pkg.folder) ?? '?'}/${pkg.inner}`;
  // Compared as POSIX strings so the core needs no `path` module differences per OS.
  const root = context.root.replace(/\\/g, '/').replace(/\/+$/, '');
  if (normalised.startsWith(`${root}/`)) return normalised.slice(root.length + 1);
  return normalised;
}

/** The file system path V8's script URL stands for ('' for builtins, the URL itself for `node:` and odd schemes). */
export function scriptPathOf(url: string): string {
  if (url === '' || url.startsWith('node:')) return url;
  return pathOf(url);
}

function pathOf(url: string): string {
  if (!url.startsWith('file://')) return url;
  try {
    return fileURLToPath(url);
  } catch {
    return url;
  }
}

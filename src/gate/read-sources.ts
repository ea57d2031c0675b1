import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { AnyMap, GREATEST_LOWER_BOUND, LEAST_UPPER_BOUND, originalPositionFor, type TraceMap } from '@jridgewell/trace-mapping';
import { scriptPathOf } from '../profile/function-identity.js';
import { compiledEvidence, type CompiledEvidence } from './compiled-script.js';
import { packagePath, type OriginalPosition, type SourceLookup } from '../profile/source-lookup.js';
import type { V8CallFrame } from '../profile/v8-cpu-profile.js';
import type { V8HeapNode } from '../profile/v8-heap-profile.js';

/** Scripts bigger than this are not searched for a source map comment (a bundle is a few MB). */
const MAX_SCRIPT_BYTES = 64 * 1024 * 1024;

/**
 * The edge that reads what profile conversion needs from disk: each script's source map
 * (its `//# sourceMappingURL=` comment, inline `data:` or a file, else `<script>.map`)
 * and the package.json version of each package under node_modules. Files are read once
 * per run and remembered, so later trials cost nothing. A script without a readable map
 * keeps its own file and lines, and is marked when it looks compiled (see compiledEvidence),
 * so that symbolication can tell generated lines from the code anyone wrote.
 */
export class SourceReader {
  private readonly maps = new Map<string, { map: TraceMap | null; compiled: CompiledEvidence | null }>();
  private readonly versions = new Map<string, string | undefined>();

  /** Reads everything the given script URLs need and returns a lookup that reads nothing more. */
  lookupFor(urls: Iterable<string>): SourceLookup {
    const maps = new Map<string, TraceMap>();
    const compiled = new Set<string>();
    const versions = new Map<string, string | undefined>();
    const notePackage = (path: string) => {
      const pkg = packagePath(path.replace(/\\/g, '/'));
      if (pkg && !versions.has(pkg.folder)) versions.set(pkg.folder, this.version(pkg.folder));
    };
    for (const url of new Set(urls)) {
      const path = scriptPathOf(url);
      if (!isAbsolute(path)) continue;
      notePackage(path);
      // Dependencies ship compiled code whose maps point at sources that are not installed.
      if (packagePath(path.replace(/\\/g, '/'))) continue;
      const { map, compiled: evidence } = this.map(path);
      if (evidence) compiled.add(path);
      if (!map) continue;
      maps.set(path, map);
      for (const source of map.resolvedSources) notePackage(source);
    }
    const position = (scriptPath: string, line: number, column: number, bias: typeof GREATEST_LOWER_BOUND | typeof LEAST_UPPER_BOUND): OriginalPosition | undefined => {
      const map = maps.get(scriptPath);
      if (!map) return undefined;
      const found = originalPositionFor(map, { line, column, bias });
      if (found.source === null || found.line === null) return undefined;
      return { path: found.source, line: found.line };
    };
    return {
      originalPosition: (scriptPath, line, column) => position(scriptPath, line, column, GREATEST_LOWER_BOUND) ?? position(scriptPath, line, column, LEAST_UPPER_BOUND),
      originalLine: (scriptPath, line) => position(scriptPath, line, 0, LEAST_UPPER_BOUND),
      compiledWithoutMap: (scriptPath) => compiled.has(scriptPath),
      packageVersion: (folder) => versions.get(folder),
    };
  }

  private map(scriptPath: string): { map: TraceMap | null; compiled: CompiledEvidence | null } {
    const known = this.maps.get(scriptPath);
    if (known !== undefined) return known;
    let map: TraceMap | null = null;
    let url: string | undefined;
    try {
      url = mapComment(scriptPath);
      map = readMap(scriptPath, url);
    } catch {
      // An unreadable or malformed map leaves the frames on the compiled file, as if there were none.
      map = null;
    }
    const found = { map, compiled: map ? null : compiledEvidence(scriptPath, url !== undefined, existsSync) };
    this.maps.set(scriptPath, found);
    return found;
  }

  private version(folder: string): string | undefined {
    if (this.versions.has(folder)) return this.versions.get(folder);
    let version: string | undefined;
    try {
      const parsed = JSON.parse(readFileSync(resolve(folder, 'package.json'), 'utf8')) as { version?: unknown };
      if (typeof parsed.version === 'string' && parsed.version !== '') version = parsed.version;
    } catch {
      version = undefined;
    }
    this.versions.set(folder, version);
    return version;
  }
}

/** The script's `//# sourceMappingURL=` value, when it has one and is not too big to search. */
function mapComment(scriptPath: string): string | undefined {
  if (!existsSync(scriptPath) || statSync(scriptPath).size > MAX_SCRIPT_BYTES) return undefined;
  return sourceMappingUrl(readFileSync(scriptPath, 'utf8'));
}

function readMap(scriptPath: string, url: string | undefined): TraceMap | null {
  if (!existsSync(scriptPath) || statSync(scriptPath).size > MAX_SCRIPT_BYTES) return null;
  if (url?.startsWith('data:')) {
    const comma = url.indexOf(',');
    const payload = url.slice(comma + 1);
    const json = url.slice(0, comma).endsWith(';base64') ? Buffer.from(payload, 'base64').toString('utf8') : decodeURIComponent(payload);
    return AnyMap(JSON.parse(json) as Parameters<typeof AnyMap>[0], scriptPath);
  }
  const mapPath = url ? resolve(dirname(scriptPath), decodeURIComponent(url)) : `${scriptPath}.map`;
  if (!existsSync(mapPath)) return null;
  return AnyMap(JSON.parse(readFileSync(mapPath, 'utf8')) as Parameters<typeof AnyMap>[0], mapPath);
}

/** The URL in the last `//# sourceMappingURL=` comment of a script (inline maps can be megabytes, so no regex over the file). */
function sourceMappingUrl(text: string): string | undefined {
  const marker = 'sourceMappingURL=';
  const at = text.lastIndexOf(marker);
  if (at < 4 || !/\/\/[#@]\s*$/.test(text.slice(Math.max(0, at - 8), at))) return undefined;
  const end = text.indexOf('\n', at);
  const url = text.slice(at + marker.length, end < 0 ? undefined : end).trim();
  return url === '' ? undefined : url;
}

/** Every script URL a CPU profile's nodes or a heap profile's tree name. */
export function scriptUrls(cpu: { readonly nodes: readonly { readonly callFrame: V8CallFrame }[] } | undefined, heap: { readonly head: V8HeapNode } | undefined): Set<string> {
  const urls = new Set<string>();
  for (const node of cpu?.nodes ?? []) urls.add(node.callFrame.url);
  const pending = heap ? [heap.head] : [];
  while (pending.length > 0) {
    const node = pending.pop()!;
    urls.add(node.callFrame.url);
    pending.push(...(node.children ?? []));
  }
  return urls;
}

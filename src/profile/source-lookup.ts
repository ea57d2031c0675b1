/**
 * What the profile conversion needs to know about the files a profile names, gathered
 * beforehand at the edge (read-sources.ts) so that the conversion itself reads nothing:
 * where compiled code came from (source maps) and which package version holds a file
 * under node_modules.
 */
export interface SourceLookup {
  /** The original position of a generated one (line 1-based, column 0-based), when the script has a source map that covers it. */
  originalPosition(scriptPath: string, line: number, column: number): OriginalPosition | undefined;
  /** The first original position on a generated line (line 1-based): what V8's per-line ticks map to. */
  originalLine(scriptPath: string, line: number): OriginalPosition | undefined;
  /** Whether the script has no source map yet looks compiled (TypeScript, a bundle): its lines are the generated code's. */
  compiledWithoutMap(scriptPath: string): boolean;
  /** The version in the package.json of the package folder, when it could be read. */
  packageVersion(packageFolder: string): string | undefined;
}

export interface OriginalPosition {
  /** Absolute path (or URL, when the map names one) of the original source. */
  readonly path: string;
  /** 1-based. */
  readonly line: number;
}

/** A lookup that knows nothing: frames keep their generated files, packages their names only. */
export const NO_SOURCES: SourceLookup = {
  originalPosition: () => undefined,
  originalLine: () => undefined,
  compiledWithoutMap: () => false,
  packageVersion: () => undefined,
};

/** Where a file under node_modules belongs: the innermost package folder, its name and the path inside it. */
export interface PackagePath {
  /** Absolute folder of the package (the one holding its package.json). */
  readonly folder: string;
  /** `name` or `@scope/name`. */
  readonly name: string;
  /** POSIX path of the file inside the package. */
  readonly inner: string;
}

/** Splits a POSIX path at its last `node_modules/<name>` (or `node_modules/@scope/name`); undefined outside node_modules. */
export function packagePath(path: string): PackagePath | undefined {
  const marker = '/node_modules/';
  const at = path.lastIndexOf(marker);
  if (at < 0) return undefined;
  const rest = path.slice(at + marker.length).split('/');
  const nameParts = rest[0]?.startsWith('@') ? 2 : 1;
  if (rest.length <= nameParts || rest.slice(0, nameParts).some((part) => part === '')) return undefined;
  const name = rest.slice(0, nameParts).join('/');
  return { folder: path.slice(0, at + marker.length) + name, name, inner: rest.slice(nameParts).join('/') };
}

/**
 * Code under node_modules is named `package@version/inner/path.js` (profile/function-identity.ts),
 * so that a report says which version ran. Across a dependency upgrade the same function
 * is then two keys; comparing by the key without the version matches it, and the versions
 * are kept beside it for the report.
 */
export interface PackageOf {
  readonly name: string;
  readonly version: string;
}

const PACKAGE_FILE = /^((?:@[^/@]+\/)?[^/@]+)@([^/]+)\/(.*)$/;

/** The package and version a file belongs to, or undefined for the service's own code, Node and native frames. */
export function packageOf(file: string): PackageOf | undefined {
  const match = PACKAGE_FILE.exec(file);
  return match ? { name: match[1]!, version: match[2]! } : undefined;
}

/** The key compare() matches functions by: the function key with any package version taken out. */
export function versionlessKey(key: string, file: string): string {
  let prefix = versionlessFiles.get(file);
  if (prefix === undefined) {
    const found = PACKAGE_FILE.exec(file);
    prefix = found ? `${found[1]!}/${found[3]!}` : null;
    // A run sees a few hundred files, each in every trial of both sides: match each once.
    if (versionlessFiles.size >= KEPT_FILES) versionlessFiles.clear();
    versionlessFiles.set(file, prefix);
  }
  return prefix === null ? key : `${prefix}${key.slice(file.length)}`;
}

const versionlessFiles = new Map<string, string | null>();
const KEPT_FILES = 10_000;

/**
 * Whether a file is library code rather than the service's own: a package, Node, a native
 * frame, or an absolute path outside the project (Go's standard library and module cache,
 * which pprof names by absolute path while the service's files are relative to its root).
 */
export function isLibraryFile(file: string): boolean {
  return file === '' || file.startsWith('node:') || packageOf(file) !== undefined || file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file) || file.includes('/pkg/mod/');
}

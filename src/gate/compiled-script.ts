import { basename, dirname, extname, join, sep } from 'node:path';

/** Why a script V8 ran is taken for compiled output whose source map is missing. */
export type CompiledEvidence =
  /** It ends in a `//# sourceMappingURL=` comment, and the map it names could not be read. */
  | 'map-comment'
  /** A TypeScript (or JSX) file of the same name lies beside it: `server.ts` next to `server.js`. */
  | 'source-beside'
  /** It is under a `dist`, `build`, `out` or `lib` folder, and the same path under `src` (or without that folder) holds a TypeScript (or JSX) file of its name. */
  | 'source-tree';

/** Extensions of sources that are always compiled before Node runs them. */
const COMPILED_SOURCE = ['.ts', '.tsx', '.mts', '.cts', '.jsx'];
const SCRIPT = new Set(['.js', '.mjs', '.cjs']);
const OUTPUT_FOLDERS = new Set(['dist', 'build', 'out', 'lib']);

/**
 * Whether a script that has no readable source map is nevertheless compiled output, so that its
 * files and lines are the generated code's rather than the code anyone wrote. Only positive
 * evidence counts: a folder name alone does not (hand-written JavaScript lives in `lib/` too), a
 * source map comment does (only a compiler writes one), and so does an original of the same name
 * in a language Node cannot run (`.ts`, `.tsx`, `.jsx`), beside it or in the `src` tree its
 * output folder mirrors (tsc's `outDir`, esbuild's `--outdir`). A bundle named after its entry
 * (`dist/server.js` from `src/server.ts`) is found that way too. Code compiled from JavaScript
 * (Babel) without a comment and a map is not recognised. `exists` is asked about paths only.
 */
export function compiledEvidence(scriptPath: string, hasMapComment: boolean, exists: (path: string) => boolean): CompiledEvidence | null {
  if (hasMapComment) return 'map-comment';
  const extension = extname(scriptPath);
  if (!SCRIPT.has(extension)) return null;
  const stem = basename(scriptPath, extension);
  const originals = (folder: string) => COMPILED_SOURCE.map((ext) => join(folder, stem + ext));
  if (originals(dirname(scriptPath)).some(exists)) return 'source-beside';
  const parts = dirname(scriptPath).split(/[\\/]/);
  for (let i = parts.length - 1; i > 0; i--) {
    if (!OUTPUT_FOLDERS.has(parts[i]!)) continue;
    // dist/server.js from src/server.ts (outDir with rootDir src), or dist/src/server.js from src/server.ts (rootDir .).
    const mirrored = [[...parts.slice(0, i), 'src', ...parts.slice(i + 1)], [...parts.slice(0, i), ...parts.slice(i + 1)]];
    if (mirrored.some((folder) => originals(folder.join(sep)).some(exists))) return 'source-tree';
  }
  return null;
}

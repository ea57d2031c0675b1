import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceReader, scriptUrls } from './read-sources.js';

const dir = mkdtempSync(join(tmpdir(), 'perfgate-sources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Two TypeScript files bundled into one script with a linked map, and the same inline.
mkdirSync(join(dir, 'src'));
writeFileSync(join(dir, 'src/tokens.ts'), 'export function tokenize(text: string): string[] {\n  return text.split(" ");\n}\n');
writeFileSync(
  join(dir, 'src/server.ts'),
  'import { tokenize } from "./tokens";\n\ninterface Query { q: string }\n\nexport function search(query: Query): number {\n  const terms = tokenize(query.q);\n  return terms.length;\n}\n',
);
for (const sourcemap of ['linked', 'inline'] as const) {
  buildSync({ entryPoints: [join(dir, 'src/server.ts')], bundle: true, format: 'esm', platform: 'node', outfile: join(dir, `dist-${sourcemap}/server.js`), sourcemap, logLevel: 'silent' });
}
mkdirSync(join(dir, 'node_modules/left-pad'), { recursive: true });
writeFileSync(join(dir, 'node_modules/left-pad/package.json'), JSON.stringify({ name: 'left-pad', version: '1.3.0' }));

/** The 1-based line of the first line of `script` containing `text`. */
async function lineOf(script: string, text: string): Promise<number> {
  const { readFileSync } = await import('node:fs');
  return readFileSync(script, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
}

describe('SourceReader', () => {
  for (const kind of ['linked', 'inline']) {
    it(`maps positions in a bundle with a ${kind} source map back to the .ts files`, async () => {
      const script = join(dir, `dist-${kind}/server.js`);
      const lookup = new SourceReader().lookupFor([pathToFileURL(script).href]);
      const searchLine = await lineOf(script, 'function search(');
      expect(lookup.originalPosition(script, searchLine, 0)).toEqual({ path: join(dir, 'src/server.ts'), line: 5 });
      const splitLine = await lineOf(script, 'split(');
      expect(lookup.originalLine(script, splitLine)).toEqual({ path: join(dir, 'src/tokens.ts'), line: 2 });
    });
  }

  it('reads package versions once, and leaves scripts without maps alone', () => {
    const reader = new SourceReader();
    const plain = join(dir, 'node_modules/left-pad/index.js');
    writeFileSync(plain, 'module.exports = function leftPad() {};\n');
    const lookup = reader.lookupFor([pathToFileURL(plain).href, 'node:internal/streams/writable', '']);
    expect(lookup.packageVersion(join(dir, 'node_modules/left-pad'))).toBe('1.3.0');
    expect(lookup.originalPosition(plain, 1, 0)).toBeUndefined();
    // A later change on disk is not seen: files are read once per run.
    writeFileSync(join(dir, 'node_modules/left-pad/package.json'), JSON.stringify({ name: 'left-pad', version: '9.9.9' }));
    expect(reader.lookupFor([pathToFileURL(plain).href]).packageVersion(join(dir, 'node_modules/left-pad'))).toBe('1.3.0');
  });

  it('ignores a broken source map instead of failing the run', () => {
    const script = join(dir, 'broken.js');
    writeFileSync(script, 'function f() {}\n//# sourceMappingURL=broken.js.map\n');
    writeFileSync(`${script}.map`, '{ not json');
    expect(new SourceReader().lookupFor([script]).originalPosition(script, 1, 0)).toBeUndefined();
  });

  it('marks a compiled script whose map is missing, and only that one', () => {
    // The same bundle as dist-linked/, shipped without its .map; and one built with no map at all, which dist/ beside src/ gives away.
    for (const [folder, sourcemap] of [['dist-unshipped', 'linked'], ['dist', false]] as const) {
      buildSync({ entryPoints: [join(dir, 'src/server.ts')], bundle: true, format: 'esm', platform: 'node', outfile: join(dir, `${folder}/server.js`), sourcemap, logLevel: 'silent' });
    }
    rmSync(join(dir, 'dist-unshipped/server.js.map'));
    const handWritten = join(dir, 'lib/util.js');
    mkdirSync(join(dir, 'lib'));
    writeFileSync(handWritten, 'export function search() {}\n');
    const scripts = ['dist-unshipped/server.js', 'dist/server.js', 'dist-linked/server.js', 'lib/util.js', 'node_modules/left-pad/index.js'].map((s) => join(dir, s));
    const lookup = new SourceReader().lookupFor(scripts.map((s) => pathToFileURL(s).href));
    expect(scripts.map((s) => lookup.compiledWithoutMap(s))).toEqual([true, true, false, false, false]);
  });

  it('collects the script URLs of both kinds of V8 profile', () => {
    const frame = (url: string) => ({ functionName: 'f', scriptId: '1', url, lineNumber: 0, columnNumber: 0 });
    const urls = scriptUrls({ nodes: [{ callFrame: frame('file:///a.js') }] }, { head: { id: 1, selfSize: 0, callFrame: frame(''), children: [{ id: 2, selfSize: 0, callFrame: frame('file:///b.js') }] } });
    expect([...urls].sort()).toEqual(['', 'file:///a.js', 'file:///b.js']);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledEvidence } from './compiled-script.js';

const on = (...paths: string[]) => {
  const files = new Set(paths.map((p) => join(p)));
  return (path: string) => files.has(join(path));
};

describe('compiledEvidence', () => {
  it('takes a source map comment whose map was not read as compiled output, wherever the script is', () => {
    expect(compiledEvidence('/srv/app/server.js', true, on())).toBe('map-comment');
  });

  it('takes a script with a TypeScript or JSX file of its name beside it as compiled (tsc without outDir)', () => {
    expect(compiledEvidence('/srv/app/src/server.js', false, on('/srv/app/src/server.ts'))).toBe('source-beside');
    expect(compiledEvidence('/srv/app/src/view.mjs', false, on('/srv/app/src/view.tsx'))).toBe('source-beside');
  });

  it('takes a script in dist, build, out or lib mirroring a TypeScript file under src as compiled (outDir, a bundle named after its entry)', () => {
    expect(compiledEvidence('/srv/app/dist/server.js', false, on('/srv/app/src/server.ts'))).toBe('source-tree');
    expect(compiledEvidence('/srv/app/build/routes/search.js', false, on('/srv/app/src/routes/search.ts'))).toBe('source-tree');
    // tsc with rootDir "." puts src/ under the outDir.
    expect(compiledEvidence('/srv/app/out/src/server.cjs', false, on('/srv/app/src/server.cts'))).toBe('source-tree');
  });

  it('needs evidence: an output folder alone, a JavaScript twin or a non-script is not compiled', () => {
    // Hand-written JavaScript lives in lib/ too (autocannon's lib/ is its source).
    expect(compiledEvidence('/srv/app/lib/server.js', false, on())).toBeNull();
    expect(compiledEvidence('/srv/app/dist/server.js', false, on('/srv/app/src/server.js'))).toBeNull();
    expect(compiledEvidence('/srv/app/server.js', false, on('/srv/app/other.ts'))).toBeNull();
    expect(compiledEvidence('/srv/app/src/data.json', false, on('/srv/app/src/data.ts'))).toBeNull();
  });
});

// npm run soak [-- RUNS]: bundles scripts/soak.ts and runs it with --expose-gc.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const repo = resolve(new URL('..', import.meta.url).pathname);
const out = join(mkdtempSync(join(tmpdir(), 'perfgate-soak-build-')), 'soak.mjs');
const shim = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";
await build({ entryPoints: [join(repo, 'scripts/soak.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: out, banner: { js: shim }, logLevel: 'warning' });
// A private TMPDIR, so that every temp folder counted is one this perfgate process made.
const privateTmp = mkdtempSync(join(tmpdir(), 'perfgate-soak-tmp-'));
try {
  execFileSync(process.execPath, ['--expose-gc', out, repo, process.argv[2] ?? '50'], { stdio: 'inherit', env: { ...process.env, TMPDIR: privateTmp } });
} catch (error) {
  process.exitCode = error.status ?? 1;
}

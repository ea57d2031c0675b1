// npm run bench [-- --quick] [-- --only overhead,analysis,phases,detection] [-- --render]
// node scripts/bench.mjs --entry verdicts [options]: another benchmark of scripts/bench/ (npm run bench:verdicts).
// perfgate's own costs, measured on this machine: the profiler's overhead on the
// service, the analysis's speed and memory, the gate's wall time by phase, and how the
// number of trials and requests trades wall time for detection. Writes
// docs/benchmarks/README.md and docs/benchmarks/results.json. Not a test: it takes a
// while, and its figures are data. `npm run bench` builds dist/ first; the benchmark
// itself is TypeScript (scripts/bench/), bundled here so it can import perfgate's
// modules directly.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'perfgate-bench-'));
const bundle = join(work, 'bench.mjs');
const requireShim = "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);";
const args = process.argv.slice(2);
const entryAt = args.indexOf('--entry');
const entry = entryAt >= 0 ? args.splice(entryAt, 2)[1] : 'main';
if (!/^[a-z-]+$/.test(entry ?? '')) throw new Error(`--entry: expected the name of a file in scripts/bench/ (got ${JSON.stringify(entry)})`);
await build({
  entryPoints: [new URL(`bench/${entry}.ts`, import.meta.url).pathname],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner: { js: requireShim },
  define: { __PERFGATE_VERSION__: JSON.stringify(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version) },
  logLevel: 'warning',
});
// --expose-gc lets the analysis benchmark start each measurement from a collected heap.
const result = spawnSync(process.execPath, ['--expose-gc', bundle, ...args], { stdio: 'inherit' });
rmSync(work, { recursive: true, force: true });
process.exit(result.status ?? 1);

// Bundles the CLI, the action and the agent into dist/ with esbuild. The output is
// committed (GitHub runs the action from it) and CI checks that it matches src/.
//
// The CLI and the action are built together with code splitting: what a command loads with
// import() (autocannon and its WebAssembly, the inspector client, Octokit, the report
// renderers) lands in shared chunks that are read only when that command runs, so
// `perfgate --help` or `perfgate diff` starts without parsing the whole gate.
import { build } from 'esbuild';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const dist = new URL('../dist/', import.meta.url);
// Chunks are named by content hash: remove the previous build's so none is left behind.
for (const name of readdirSync(dist)) if (name.startsWith('chunk-')) rmSync(new URL(name, dist));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  define: { __PERFGATE_VERSION__: JSON.stringify(version) },
};
// CommonJS dependencies (autocannon) call require(); give every ESM file one.
const requireShim = "import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);";

await Promise.all([
  build({
    ...common,
    entryPoints: { cli: 'src/bin.ts', action: 'src/action.ts' },
    outdir: 'dist',
    format: 'esm',
    splitting: true,
    chunkNames: 'chunk-[hash]',
    banner: { js: requireShim },
  }),
  build({ ...common, entryPoints: ['src/agent/agent.ts'], outfile: 'dist/agent.cjs', format: 'cjs' }),
]);
// npm and git keep the bin's mode: `perfgate` must be executable wherever it is installed.
chmodSync(new URL('cli.js', dist), 0o755);

// perfgate.schema.json, generated from the zod schema (src/config/config-json-schema.ts) and
// committed beside dist/: editors read it through the configs' "$schema".
const generator = await build({ ...common, entryPoints: ['src/config/config-json-schema.ts'], format: 'esm', write: false });
const { configJsonSchema } = await import(`data:text/javascript;base64,${Buffer.from(generator.outputFiles[0].text).toString('base64')}`);
writeFileSync(new URL('../perfgate.schema.json', import.meta.url), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);

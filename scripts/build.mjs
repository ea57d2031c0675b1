// Bundles the CLI, the action and the agent into dist/ with esbuild. The output is
// committed (GitHub runs the action from it) and CI checks that it matches src/.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  define: { __PERFGATE_VERSION__: JSON.stringify(version) },
};
// CommonJS dependencies (autocannon) call require(); give the ESM bundle one.
const requireShim = "import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);";

await Promise.all([
  build({ ...common, entryPoints: ['src/bin.ts'], outfile: 'dist/cli.js', format: 'esm', banner: { js: `#!/usr/bin/env node\n${requireShim}` } }),
  build({ ...common, entryPoints: ['src/action.ts'], outfile: 'dist/action.js', format: 'esm', banner: { js: requireShim } }),
  build({ ...common, entryPoints: ['src/agent/agent.ts'], outfile: 'dist/agent.cjs', format: 'cjs' }),
]);

// Runs the committed bundles under Node 24, as GitHub's runner does (runs.using: node24):
// the CLI gates the example, and the action runs from a folder holding only action.yml and
// dist/ (no node_modules), with the INPUT_* and GITHUB_* files the runner provides.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const node24 = ['-y', '-p', 'node@24', 'node'];
const version = execFileSync('npx', [...node24, '--version'], { encoding: 'utf8' }).trim();
console.log(`node ${version}`);
if (!version.startsWith('v24.')) throw new Error(`expected Node 24, got ${version}`);

const work = mkdtempSync(join(tmpdir(), 'perfgate-node24-'));
const config = join(work, 'perfgate.config.json');
const example = JSON.parse(readFileSync(join(repo, 'examples/shop-api/perfgate.config.json'), 'utf8'));
const at = (p) => resolve(repo, 'examples/shop-api', p);
writeFileSync(
  config,
  JSON.stringify({
    ...example,
    root: at(example.root),
    service: { ...example.service, cwd: at(example.service.cwd) },
    replay: at(example.replay),
    baseline: at(example.baseline),
    output: join(work, 'report'),
    trials: 8,
    load: { warmupRequests: 300, measureRequests: 1500, connections: 8 },
    // This checks that the bundles run under Node 24, not the statistics: at these small settings a
    // run could not see +25%, and every pass would be inconclusive (docs/statistics.md, never blind).
    compare: { ...example.compare, maxDetectable: 10 },
  }),
);

// The CLI: a verdict (0 pass or 1 regression, across Node versions) and a report.
const cli = spawnSync('npx', [...node24, join(repo, 'dist/cli.js'), 'run', '--config', config], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
process.stdout.write(cli.stdout);
// 0 pass, 1 regression, 2 inconclusive: any verdict will do here, an error will not (it writes no report).
if (cli.status !== 0 && cli.status !== 1 && cli.status !== 2) throw new Error(`dist/cli.js under Node 24 exited ${cli.status}`);
if (!existsSync(join(work, 'report/report.json'))) throw new Error('dist/cli.js under Node 24 wrote no report.json');

// The action, from a folder with action.yml and dist/ only.
const actionDir = join(work, 'action');
cpSync(join(repo, 'action.yml'), join(actionDir, 'action.yml'));
cpSync(join(repo, 'dist'), join(actionDir, 'dist'), { recursive: true });
const summary = join(work, 'summary.md');
const outputs = join(work, 'outputs.txt');
writeFileSync(summary, '');
writeFileSync(outputs, '');
const action = spawnSync('npx', [...node24, join(actionDir, 'dist/action.js')], {
  cwd: work,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, GITHUB_ACTIONS: 'true', INPUT_CONFIG: config, 'INPUT_FAIL-ON-REGRESSION': 'false', INPUT_MODE: 'check', GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: outputs },
});
process.stdout.write(action.stdout.split('\n').filter((l) => !l.startsWith('  ')).join('\n'));
// An inconclusive verdict fails the step by design; anything else that fails it is a fault.
const inconclusive = /verdict<<.*\ninconclusive\n/.test(readFileSync(outputs, 'utf8'));
if (action.status !== 0 && !(action.status === 1 && inconclusive)) throw new Error(`dist/action.js under Node 24 exited ${action.status}`);
if (!readFileSync(summary, 'utf8').includes('## perfgate:')) throw new Error('the action wrote no job summary');
if (!/verdict<<.*\n(pass|fail|inconclusive)\n/.test(readFileSync(outputs, 'utf8'))) throw new Error('the action set no verdict output');
console.log('node24 smoke: the CLI and the action ran under Node 24');

// npm run bench:verdicts [-- --quick]
// How often does the gate, at its default settings, fail a clean change (A/A), and how
// often does it catch a planted regression with the right function blamed? Runs the real
// gate on the example service again and again and writes docs/benchmarks/verdicts.md with
// the counts as they come out. Not a test: it takes a while, and its figures are data.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(new URL('..', import.meta.url).pathname);
const quick = process.argv.includes('--quick');
const runs = { aa: quick ? 4 : 20, regression: quick ? 3 : 10 };
const target = { name: 'scoreProduct', file: 'examples/shop-api/search.js' };
const work = mkdtempSync(join(tmpdir(), 'perfgate-bench-verdicts-'));
const example = JSON.parse(readFileSync(join(repo, 'examples/shop-api/perfgate.config.json'), 'utf8'));
const at = (p) => resolve(repo, 'examples/shop-api', p);

function config(name, env = {}) {
  const path = join(work, `${name}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      ...example,
      root: at(example.root),
      service: { ...example.service, cwd: at(example.service.cwd), env: { ...(example.service.env ?? {}), ...env } },
      replay: at(example.replay),
      baseline: join(work, 'baseline.json'),
      output: join(work, `report-${name}`),
    }),
  );
  return path;
}

// The planted regression comes from perfgate's own environment, as in `npm run demo:regression`:
// in the config it would change the config's fingerprint, and the default `auto` mode would
// then re-measure the baseline's commit here with the same switch on both sides.
function perfgate(args, env = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [join(repo, 'dist/cli.js'), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  return { code: result.status, seconds: Number(process.hrtime.bigint() - started) / 1e9, stderr: result.stderr };
}

function verdictOf(configPath) {
  const report = JSON.parse(readFileSync(join(work, `report-${configPath}`, 'report.json'), 'utf8'));
  const top = report.comparison.findings[0];
  return { outcome: report.comparison.verdict.outcome, top: top && top.outcome === 'regressed' ? top : undefined, report };
}

const log = (text) => process.stderr.write(`${text}\n`);
log(`bench:verdicts: ${runs.aa} A/A runs, ${runs.regression} runs each at +10% and +25%, in ${work}`);
const made = perfgate(['baseline', '--config', config('clean')]);
if (made.code !== 0) throw new Error(`baseline failed:\n${made.stderr}`);

const rows = [];
let settings;
for (const [label, percent, count] of [['A/A', 0, runs.aa], ['+10%', 10, runs.regression], ['+25%', 25, runs.regression]]) {
  const name = percent === 0 ? 'clean' : `plus${percent}`;
  const path = config(name);
  const env = percent === 0 ? {} : { PERFGATE_EXAMPLE_REGRESSION: `${target.name}:${percent}` };
  const outcomes = { fail: 0, blamed: 0, pass: 0, other: 0 };
  const seconds = [];
  for (let i = 1; i <= count; i++) {
    const run = perfgate(['run', '--config', path], env);
    seconds.push(run.seconds);
    const { outcome, top, report } = verdictOf(name);
    if (report.baselineSource?.kind !== 'stored') throw new Error(`run ${i} of ${label} did not use the stored baseline: ${report.baselineSource?.why}`);
    settings ??= report.comparison.settings;
    if (outcome === 'fail') outcomes.fail++;
    else if (outcome === 'pass') outcomes.pass++;
    else outcomes.other++;
    if (outcome === 'fail' && top && top.name === target.name && top.file === target.file) outcomes.blamed++;
    log(`  ${label} run ${i}/${count}: ${outcome}${top ? `, top: ${top.name}` : ''} (${run.seconds.toFixed(1)} s)`);
  }
  seconds.sort((a, b) => a - b);
  rows.push({ label, count, ...outcomes, medianSeconds: seconds[Math.floor(seconds.length / 2)] });
}

const cpu = cpus();
const lines = [
  '# Verdict reliability',
  '',
  `Measured by \`npm run bench:verdicts${quick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)}: ${cpu.length} × ${cpu[0]?.model.trim()}, Node ${process.versions.node}, a machine shared with other work (its noise is part of the result).`,
  '',
  'Each row is a series of complete gate runs (`perfgate run`, default settings) on the example service against one baseline measured at the start. ',
  `The planted regressions make \`${target.name}\` (${target.file}) do the stated extra share of its own work (\`PERFGATE_EXAMPLE_REGRESSION=${target.name}:<percent>\`).`,
  '',
  '| series | runs | failed | failed with the right function first | passed | inconclusive / error | median wall time per run |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.label} | ${r.count} | ${r.fail} | ${r.label === 'A/A' ? '—' : r.blamed} | ${r.pass} | ${r.other} | ${r.medianSeconds.toFixed(1)} s |`),
  '',
  `Settings: ${settings.alpha} false-discovery rate (Benjamini–Hochberg), effect floor ${settings.minEffect * 100}% (CI of the ratio), absolute floor ${settings.minShareOfTotal * 100}% of busy CPU, ${example.trials} trials a side, ${example.load.warmupRequests} warm-up and ${example.load.measureRequests} measured requests per trial, ${example.load.connections} connections.`,
  '',
];
mkdirSync(join(repo, 'docs/benchmarks'), { recursive: true });
writeFileSync(join(repo, 'docs/benchmarks/verdicts.md'), lines.join('\n'));
log(lines.join('\n'));

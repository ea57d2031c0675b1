// npm run bench:verdicts [-- --quick]
// How often does the gate, at its default settings, fail a clean change (A/A), and how
// often does it catch a planted regression with the right function blamed? Runs the real
// gate on the example service again and again and writes docs/benchmarks/verdicts.md with
// the counts as they come out. Not a test: it takes a while, and its figures are data.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
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

// The series are interleaved (A/A, +10%, A/A, +25%, …) so that the machine's drift over the
// run, and the baseline's age, fall on every series alike.
const series = [
  { label: 'A/A', percent: 0, count: runs.aa },
  { label: '+10%', percent: 10, count: runs.regression },
  { label: '+25%', percent: 25, count: runs.regression },
].map((s) => ({ ...s, name: s.percent === 0 ? 'clean' : `plus${s.percent}`, done: 0, outcomes: { fail: 0, blamed: 0, pass: 0, other: 0 }, seconds: [], loads: [], effects: [], wrongBlames: [] }));
const schedule = [];
for (let round = 0; schedule.length < series.reduce((n, s) => n + s.count, 0); round++) {
  for (const s of [series[0], series[1], series[0], series[2]]) if (s.done + schedule.filter((x) => x === s).length < s.count) schedule.push(s);
}
let settings;
for (const s of schedule) {
  const path = config(s.name);
  const env = s.percent === 0 ? {} : { PERFGATE_EXAMPLE_REGRESSION: `${target.name}:${s.percent}` };
  const load = loadavg()[0];
  const run = perfgate(['run', '--config', path], env);
  s.done++;
  s.seconds.push(run.seconds);
  s.loads.push(load);
  const { outcome, top, report } = verdictOf(s.name);
  // Every run's report is kept, so that a surprising count can be looked into afterwards.
  copyFileSync(join(work, `report-${s.name}`, 'report.json'), join(work, `report-${s.name}-${s.done}.json`));
  if (report.baselineSource?.kind !== 'stored') throw new Error(`run ${s.done} of ${s.label} did not use the stored baseline: ${report.baselineSource?.why}`);
  settings ??= report.comparison.settings;
  const planted = report.comparison.findings.find((f) => f.name === target.name && f.file === target.file);
  if (planted) s.effects.push(planted.self.ratio);
  if (outcome === 'fail') s.outcomes.fail++;
  else if (outcome === 'pass') s.outcomes.pass++;
  else s.outcomes.other++;
  const rightFunction = top && top.name === target.name && top.file === target.file;
  if (outcome === 'fail' && rightFunction) s.outcomes.blamed++;
  if (outcome === 'fail' && !rightFunction) s.wrongBlames.push(top ? top.name : report.comparison.verdict.rule);
  log(`  ${s.label} run ${s.done}/${s.count}: ${outcome}${top ? `, top: ${top.name}` : ''}${planted ? `, ${target.name} self ×${planted.self.ratio.toFixed(3)}` : ''} (${run.seconds.toFixed(1)} s, load ${load.toFixed(2)})`);
}
const middle = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)];
};
const rows = series.map((s) => ({ label: s.label, count: s.count, ...s.outcomes, medianSeconds: middle(s.seconds), medianLoad: middle(s.loads), maxLoad: Math.max(...s.loads), medianEffect: middle(s.effects), wrongBlames: s.wrongBlames }));

const cpu = cpus();
const lines = [
  '# Verdict reliability',
  '',
  `Measured by \`npm run bench:verdicts${quick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)}: ${cpu.length} × ${cpu[0]?.model.trim()}, Node ${process.versions.node}, a machine shared with other work (its noise is part of the result).`,
  '',
  'Each row is a series of complete gate runs (`perfgate run`, default settings) on the example service against one baseline measured at the start. ',
  `The planted regressions make \`${target.name}\` (${target.file}) do the stated extra share of its own work (\`PERFGATE_EXAMPLE_REGRESSION=${target.name}:<percent>\`).`,
  '',
  '| series | runs | failed | failed with the right function first | passed | inconclusive / error | measured change in its self share (median) | median wall time per run | load average (median / max) |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.label} | ${r.count} | ${r.fail} | ${r.label === 'A/A' ? '—' : r.blamed} | ${r.pass} | ${r.other} | ${Number.isFinite(r.medianEffect) ? `${((r.medianEffect - 1) * 100).toFixed(1)}%` : '—'} | ${r.medianSeconds.toFixed(1)} s | ${r.medianLoad.toFixed(2)} / ${r.maxLoad.toFixed(2)} |`,
  ),
  '',
  ...(() => {
    const drift = rows.find((r) => r.label === 'A/A')?.medianEffect;
    return Number.isFinite(drift) && Math.abs(drift - 1) > 0.02
      ? [
          `In the A/A series the same code measured ${((drift - 1) * 100).toFixed(1)}% ${drift > 1 ? 'more' : 'less'} of \`${target.name}\` than the baseline did (median): that is the machine's drift between the baseline's measurement and the later runs, which the empirical null is there to absorb (${rows.find((r) => r.label === 'A/A').fail} of ${rows.find((r) => r.label === 'A/A').count} A/A runs failed). The planted series ride on the same drift, so their measured changes are larger or smaller than planted by about as much.`,
          '',
        ]
      : [];
  })(),
  ...rows.filter((r) => r.wrongBlames.length > 0).map((r) => `Failures in the ${r.label} series that blamed another function first: ${r.wrongBlames.join(', ')}.`),
  '',
  'The series ran interleaved (A/A, +10%, A/A, +25%, …), so that the machine\'s drift and the baseline\'s age fall on all of them alike. The load average is the machine\'s 1-minute load when each run started (2 cores: above 2, processes waited for a CPU).',
  '',
  `Settings: ${settings.alpha} false-discovery rate (Benjamini–Hochberg), effect floor ${settings.minEffect * 100}% (CI of the ratio), absolute floor ${settings.minShareOfTotal * 100}% of busy CPU, ${example.trials} trials a side, ${example.load.warmupRequests} warm-up and ${example.load.measureRequests} measured requests per trial, ${example.load.connections} connections.`,
  '',
];
mkdirSync(join(repo, 'docs/benchmarks'), { recursive: true });
writeFileSync(join(repo, 'docs/benchmarks/verdicts.md'), lines.join('\n'));
log(lines.join('\n'));

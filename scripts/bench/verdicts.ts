// npm run bench:verdicts [-- --mode stored|same-runner|both] [-- --noisy] [-- --aa N] [-- --planted N] [-- --baselines N]
// npm run bench:verdicts -- --totals   (only rewrites the totals from the ledger)
// How often does the gate, at its default settings, fail unchanged code (A/A), and how often
// does it catch a planted regression with the right function blamed? Complete gate runs on
// the example service, series interleaved, in either baseline mode, on a quiet machine or
// beside a noisy neighbour (a process burning one core for the whole series). Each run is a
// line of docs/benchmarks/verdicts.ndjson as soon as it ends; each part appends its dated
// table to docs/benchmarks/verdicts.md and rewrites the page's totals over every part
// measured on the current verdict model: a series too long for one sitting runs in parts.
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Report } from '../../src/report/index.js';
import { benchOption, exampleConfigFile, noisyNeighbour, exampleSettings, makeBaseline, readReport, runPerfgate } from './gate-runner.js';
import { upperBound95 } from './stats.js';
import { parseLedger, renderTotals, VERDICT_MODEL, withTotals, type LedgerRun, type RunOutcome, type SeriesId } from './verdict-ledger.js';
import { writeFileAtomic } from '../../src/fs/atomic-write.js';

// npm runs the bundled benchmark from the package root (the bundle itself lives in a temporary folder).
const repo = process.cwd();
const cli = join(repo, 'dist/cli.js');
const page = join(repo, 'docs/benchmarks/verdicts.md');
const ledger = join(repo, 'docs/benchmarks/verdicts.ndjson');
const partStarted = new Date().toISOString().slice(0, 16).replace('T', ' ');
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`;

const modes = benchOption('mode', 'both') === 'both' ? (['same-runner', 'stored'] as const) : ([benchOption('mode', 'both')] as ReadonlyArray<'stored' | 'same-runner'>);
const noisy = process.argv.includes('--noisy');
const counts = { aa: Number(benchOption('aa', '40')), planted: Number(benchOption('planted', '10')), baselines: Number(benchOption('baselines', '4')) };

interface Series {
  readonly id: SeriesId;
  readonly label: string;
  /** The switch given to the candidate only (--candidate-env), or none for A/A. */
  readonly env: string | null;
  /** The function a planted regression must be blamed on first; null for A/A and the broad slowdown. */
  readonly blame: string | null;
  readonly count: number;
}
const SERIES: readonly Series[] = [
  { id: 'aa', label: 'A/A', env: null, blame: null, count: counts.aa },
  { id: 'scoreProduct+10', label: '+10% in scoreProduct', env: 'PERFGATE_EXAMPLE_REGRESSION=scoreProduct:10', blame: 'scoreProduct', count: counts.planted },
  { id: 'scoreProduct+25', label: '+25% in scoreProduct', env: 'PERFGATE_EXAMPLE_REGRESSION=scoreProduct:25', blame: 'scoreProduct', count: counts.planted },
  { id: 'broad+15', label: 'broad +15% (more data everywhere)', env: 'PERFGATE_EXAMPLE_SLOWDOWN=15', blame: null, count: counts.planted },
];

interface Tally {
  fail: number;
  blamed: number;
  pass: number;
  inconclusive: number;
  escalated: number;
  /** Runs whose same-runner pairs were extended (compare.extendTrials): more pairs than configured. */
  extended: number;
  seconds: number[];
  loads: number[];
  wrong: string[];
}

function runSeries(mode: 'stored' | 'same-runner', work: string): Map<Series, Tally> {
  const tallies = new Map(SERIES.map((s) => [s, { fail: 0, blamed: 0, pass: 0, inconclusive: 0, escalated: 0, extended: 0, seconds: [], loads: [], wrong: [] } as Tally]));
  // Interleaved: A/A, one of each planted series, A/A, … so the machine's drift falls on all alike.
  const schedule: Series[] = [];
  const left = new Map(SERIES.map((s) => [s, s.count]));
  while ([...left.values()].some((n) => n > 0)) {
    for (const s of SERIES.slice(1)) {
      for (const pick of [SERIES[0]!, s]) {
        if ((left.get(pick) ?? 0) > 0) {
          schedule.push(pick);
          left.set(pick, left.get(pick)! - 1);
        }
      }
    }
  }
  // Stored: a new baseline every so many A/A runs, so the A/A count spans baselines measured at different times.
  const every = Math.max(1, Math.ceil(schedule.length / Math.max(1, counts.baselines)));
  const config = exampleConfigFile(repo, work, `${mode}`, mode === 'stored' ? { compare: { baseline: 'auto' } } : { compare: { baseline: 'same-runner' } });
  schedule.forEach((series, i) => {
    if (mode === 'stored' && i % every === 0) makeBaseline(cli, config);
    const args = ['run', '--config', config, ...(mode === 'same-runner' ? ['--base-ref', 'HEAD'] : []), ...(series.env ? ['--candidate-env', series.env] : [])];
    const load = loadavg()[0]!;
    const run = runPerfgate(cli, args);
    // A run stopped from outside (a signal to perfgate, which stops its services and says so)
    // measured nothing about the gate: the series stops rather than count it as an error.
    if (run.code === null || /^perfgate: SIG(INT|TERM) received/m.test(run.stderr)) {
      throw new Error(`${mode} ${series.label}: perfgate was interrupted (exit ${run.code}); the series stops here, this run not counted:\n${run.stderr.slice(-500)}`);
    }
    const tally = tallies.get(series)!;
    tally.seconds.push(run.seconds);
    tally.loads.push(load);
    let report: Report | null = null;
    try {
      report = readReport(work, mode);
      // Each run's report.json is kept (the next run writes over the report folder), so that a
      // surprising verdict in the table can be read afterwards.
      copyFileSync(join(work, `report-${mode}`, 'report.json'), join(work, `run-${String(i + 1).padStart(3, '0')}-${mode}-${slug(series.label)}.json`));
    } catch {
      report = null;
    }
    const outcome = report?.comparison.verdict.outcome ?? 'error';
    if (report && report.baselineSource.kind === 'same-runner' && mode === 'stored') tally.escalated++;
    if (report && report.comparison.trials.candidate > report.candidate.settings.trials) tally.extended++;
    const top = report?.comparison.findings.find((f) => f.outcome === 'regressed');
    if (outcome === 'fail' || outcome === 'fail-errors') {
      tally.fail++;
      if (series.blame !== null && top?.name === series.blame) tally.blamed++;
      else if (series.blame !== null || series.env === null) tally.wrong.push(top?.name ?? report!.comparison.verdict.rule.slice(0, 80));
    } else if (outcome === 'pass') tally.pass++;
    else tally.inconclusive++;
    const entry: LedgerRun = {
      model: VERDICT_MODEL[mode],
      part: partStarted,
      commit,
      mode,
      condition: noisy ? 'noisy' : 'quiet',
      series: series.id,
      outcome: outcome === 'fail-errors' ? 'fail' : (outcome as RunOutcome),
      first: top?.name ?? null,
      escalated: report !== null && report.baselineSource.kind === 'same-runner' && mode === 'stored',
      extended: report !== null && report.comparison.trials.candidate > report.candidate.settings.trials,
      seconds: Math.round(run.seconds),
      load: Math.round(load * 100) / 100,
      machine,
    };
    appendFileSync(ledger, `${JSON.stringify(entry)}\n`);
    const pairs = report ? `, ${report.comparison.trials.candidate} pairs` : '';
    process.stderr.write(`${mode}${noisy ? ' noisy' : ''} ${series.label}: ${outcome}${top ? `, first: ${top.name}` : ''} (${run.seconds.toFixed(0)} s${pairs}, load ${load.toFixed(1)}, exit ${run.code})\n`);
  });
  return tallies;
}

const slug = (label: string) => label.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
const median = (xs: readonly number[]) => (xs.length === 0 ? NaN : [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function section(mode: 'stored' | 'same-runner', tallies: Map<Series, Tally>): string[] {
  // A series asked for zero runs (--planted 0) has nothing to show: no row, not a row of NaN.
  const rows = [...tallies].filter(([s]) => s.count > 0).map(([s, t]) => {
    const n = s.count;
    const caught = s.blame ? t.blamed : t.fail;
    const rate = s.env === null ? `${t.fail} failed of ${n}: at most ${pct(upperBound95(t.fail, n))} (one-sided 95%)` : `${caught} of ${n} caught${s.blame ? ' with scoreProduct first' : ''}; ${t.pass} passed`;
    return `| ${s.label} | ${n} | ${t.fail} | ${t.pass} | ${t.inconclusive} | ${mode === 'stored' ? t.escalated : '—'} | ${t.extended} | ${rate} | ${median(t.seconds).toFixed(0)} s | ${median(t.loads).toFixed(1)} / ${Math.max(...t.loads).toFixed(1)} |`;
  });
  const wrong = [...tallies].filter(([, t]) => t.wrong.length > 0).map(([s, t]) => `- ${s.label}: failures that blamed another function first, or failed without a planted change: ${t.wrong.join('; ')}`);
  return [
    `### ${mode}${noisy ? ', beside a process burning one core' : ', quiet'}`,
    '',
    '| series | runs | failed | passed | inconclusive | escalated to same-runner | pairs added | result | median wall time | load average (median / max) |',
    '|---|---:|---:|---:|---:|---:|---:|---|---:|---:|',
    ...rows,
    '',
    ...wrong,
    ...(wrong.length > 0 ? [''] : []),
  ];
}

/** The page's totals, rewritten from every run of the current model in the ledger. */
function writeTotals(): void {
  const runs = existsSync(ledger) ? parseLedger(readFileSync(ledger, 'utf8')) : [];
  writeFileAtomic(page, withTotals(readFileSync(page, 'utf8'), renderTotals(runs)));
}

if (process.argv.includes('--totals')) {
  writeTotals();
  process.exit(0);
}

const commit = execFileSync('git', ['rev-parse', '--short=7', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
const work = mkdtempSync(join(tmpdir(), 'perfgate-bench-verdicts-'));
const dirty = execFileSync('git', ['status', '--porcelain', '--', 'examples', 'replay'], { cwd: repo, encoding: 'utf8' }).trim();
if (dirty !== '') throw new Error(`bench:verdicts measures the working tree against HEAD (same-runner): commit or stash the example's changes first:\n${dirty}`);
const neighbour = noisyNeighbour(noisy);
const parts: string[] = [];
try {
  for (const mode of modes) parts.push(...section(mode, runSeries(mode, work)));
} finally {
  neighbour?.kill('SIGKILL');
}
const example = exampleSettings(repo);
const header = [
  '',
  `## Part measured ${partStarted} UTC`,
  '',
  `\`npm run bench:verdicts -- ${process.argv.slice(2).join(' ')}\` on commit ${commit}, on ${machine}, Node ${process.versions.node}; defaults: ${example.trials} trials (pairs in same-runner) of ${example.load.measureRequests} requests. ` +
    'Each run is a complete `perfgate run`; switches reach the candidate only (`--candidate-env`); same-runner measures HEAD as the base, interleaved. ' +
    'Stored runs use `compare.baseline: "auto"` against a baseline measured here, re-measured ' +
    `${counts.baselines} times through the series, and may escalate to same-runner as the gate does. "Caught" counts failures; for the planted function, failures that named it first.`,
  '',
];
if (!existsSync(page)) writeFileSync(page, '# Verdict reliability\n\nParts are appended by `npm run bench:verdicts`, newest last.\n');
appendFileSync(page, [...header, ...parts].join('\n'));
writeTotals();
process.stderr.write([...header, ...parts].join('\n'));
process.stderr.write(`\n\nEach run's report.json: ${work}/run-*.json\n`);

// npm run bench:power [-- --runs N] [-- --pairs P] [-- --requests 2000,8000] [-- --intervals 1000,250] [-- --target scoreProduct] [-- --noisy]
// What should a same-runner gate measure by default? Runs same-runner A/A gates of the
// example at the given settings, measures the within-pair spread of each large function's
// own time and of CPU per request, splits it into the profiler's counting, the machine's noise
// that averages out over a trial and the jitter between processes (scripts/bench/power-model.ts), measures the wall time per phase, and
// predicts, over a grid of pairs × requests × sampling interval, the power to catch +10%
// in the target function (a tenth of the example's CPU) and the wall time. Appends one dated
// part to docs/benchmarks/power.md.
import { appendFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareSchema } from '../../src/config/schema.js';
import type { Report } from '../../src/report/index.js';
import { benchOption, exampleConfigFile, noisyNeighbour, readReport, runPerfgate } from './gate-runner.js';
import { choices, countingVariance, fitJitter, jitterVariance, power, predictedSeconds, type Choice, type Jitter, type MetricSpread, type TimeModel } from './power-model.js';
import { median } from './stats.js';

// npm runs the bundled benchmark from the package root (the bundle itself lives in a temporary folder).
const repo = process.cwd();
const cli = join(repo, 'dist/cli.js');
const page = join(repo, 'docs/benchmarks/power.md');

const runs = Number(benchOption('runs', '3'));
const pairs = Number(benchOption('pairs', '10'));
const requestCounts = benchOption('requests', '2000,8000').split(',').map(Number);
const intervals = benchOption('intervals', '1000,250').split(',').map(Number);
const target = benchOption('target', 'scoreProduct');
const noisy = process.argv.includes('--noisy');
const CHANGE = 0.1;
const TARGET_POWER = 0.8;
const TARGET_SECONDS = 90;

interface Measured {
  readonly intervalUs: number;
  readonly requests: number;
  readonly report: Report;
  readonly seconds: number;
  readonly load: number;
}

const work = mkdtempSync(join(tmpdir(), 'perfgate-bench-power-'));
const neighbour = noisyNeighbour(noisy);
const measured: Measured[] = [];
try {
  // Interleaved: one run at each setting in turn, so the machine's drift falls on all alike.
  for (let r = 0; r < runs; r++) {
    for (const intervalUs of intervals) for (const requests of requestCounts) {
      const name = `aa-${intervalUs}-${requests}`;
      const config = exampleConfigFile(repo, work, name, { trials: pairs, measureRequests: requests, profile: { cpuSamplingIntervalUs: intervalUs }, compare: { baseline: 'same-runner', maxDetectable: 10 } });
      const load = loadavg()[0]!;
      const run = runPerfgate(cli, ['run', '--config', config, '--base-ref', 'HEAD']);
      if (run.code === 2 || run.code === null) throw new Error(`perfgate run exited with ${run.code}:\n${run.stderr.slice(-3000)}`);
      measured.push({ intervalUs, requests, report: readReport(work, name), seconds: run.seconds, load });
      process.stderr.write(`A/A at ${pairs} pairs × ${requests} requests, ${intervalUs} µs: ${run.seconds.toFixed(0)} s, load ${load.toFixed(1)}\n`);
    }
  }
} finally {
  neighbour?.kill('SIGKILL');
}

/** Pooled within-run variance of per-pair log ratios: each run's own mean taken out, as the paired test does. */
function pooled(series: ReadonlyArray<readonly number[]>): { variance: number; df: number } {
  let squares = 0;
  let df = 0;
  for (const logs of series) {
    if (logs.length < 2) continue;
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    squares += logs.reduce((a, x) => a + (x - mean) ** 2, 0);
    df += logs.length - 1;
  }
  return { variance: df > 0 ? squares / df : Number.NaN, df };
}

/** Per-pair log ratios; with `factors`, each pair's factor on all its code taken out (the gate's relative tests, pair-factors.ts). */
function pairLogs(values: { baseline: readonly number[]; candidate: readonly number[] }, factors?: readonly number[]): number[] {
  return values.baseline.flatMap((b, i) => (b > 0 && (values.candidate[i] ?? 0) > 0 ? [Math.log(values.candidate[i]! / b) - Math.log(factors?.[i] ?? 1)] : []));
}

// The largest functions by own time, named the same in every run.
const first = measured[0]!.report.comparison.findings;
const largest = [...first].sort((a, b) => b.self.baselineMedian - a.self.baselineMedian).slice(0, 8).map((f) => f.key);
if (!first.some((f) => f.name === target)) throw new Error(`--target ${target}: no such function in the example's report`);
const targetKey = first.find((f) => f.name === target)!.key;
const keys = largest.includes(targetKey) ? largest : [...largest, targetKey];

const settingsMeasured = intervals.flatMap((intervalUs) => requestCounts.map((requests) => ({ intervalUs, requests })));
const spreads = settingsMeasured.map(({ intervalUs, requests }) => {
  const at = measured.filter((m) => m.intervalUs === intervalUs && m.requests === requests);
  const spreadOf = (key: string, relative: boolean): MetricSpread => {
    const runs = at.flatMap((m) => {
      const f = m.report.comparison.findings.find((x) => x.key === key);
      return f ? [{ f, factors: relative ? m.report.comparison.pairFactors?.factors : undefined }] : [];
    });
    const { variance, df } = pooled(runs.map(({ f, factors }) => pairLogs(f.self, factors)));
    return { name: runs[0]?.f.name ?? key, costNanos: median(runs.map(({ f }) => f.self.baselineMedian)), pairVariance: variance, df, requests, intervalUs };
  };
  const functions = keys.map((key) => spreadOf(key, false));
  const relative = keys.map((key) => spreadOf(key, true));
  const cpu = pooled(at.map((m) => (m.report.comparison.paired?.ratios ?? []).map(Math.log)));
  return { intervalUs, requests, functions, relative, cpu };
});

// Wall time: a fixed part, a cost per trial (start, warm-up, profiles, teardown), a cost per measured request at each interval.
const phase = (m: Measured, name: string) => (m.report.timingsMs as Record<string, number>)[name] ?? 0;
const model: TimeModel = {
  fixedMs: median(measured.map((m) => phase(m, 'build') + phase(m, 'analysis') + phase(m, 'report'))),
  perTrialMs: median(measured.map((m) => (phase(m, 'start') + phase(m, 'warmup') + phase(m, 'profiles') + phase(m, 'teardown')) / (2 * pairs))),
  perRequestMs: new Map(intervals.map((i) => [i, median(measured.filter((m) => m.intervalUs === i).map((m) => phase(m, 'measure') / (2 * pairs * m.requests)))])),
};

// The target's jitter from every setting measured (the machine's and the processes' do not depend on the sampling).
const targetSpreads = spreads.map((x) => x.functions.find((f) => f.name === target)!);
const jitter = fitJitter(targetSpreads);
// The same, relative to the run's unchanged code (what the gate's relative tests see).
const relativeJitter = fitJitter(spreads.map((x) => x.relative.find((f) => f.name === target)!));
const targetCost = median(targetSpreads.map((t) => t.costNanos));
const defaults = compareSchema.parse({});
const rule = { alpha: defaults.alpha, minEffect: defaults.minEffect, tests: Math.round(median(measured.map((m) => m.report.comparison.tests))) };
const grid = { pairs: [4, 6, 8, 10, 12, 14, 16, 20, 24, 30], requests: [1000, 2000, 3000, 4000, 6000, 8000, 12_000], intervals };
const ranked = choices(targetCost, jitter, model, grid, CHANGE, rule);
const relativeRanked = choices(targetCost, relativeJitter, model, grid, CHANGE, rule);
const current = { pairs: 10, requests: 12_000, intervalUs: 1000 };

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const describe = (s: { pairs: number; requests: number; intervalUs: number }) => `${s.pairs} pairs × ${s.requests} requests at ${s.intervalUs} µs`;
/** The power table's head and rows: today's defaults, the cheapest setting reaching the target, the most power within the time target. */
function powerRows(options: readonly Choice[], fitted: Jitter): string[] {
  const cheapest = options.find((c) => c.power >= TARGET_POWER);
  const withinTime = options.filter((c) => c.seconds <= TARGET_SECONDS).sort((a, b) => b.power - a.power)[0];
  return [
    '| settings | predicted power | predicted wall time |',
    '|---|---:|---:|',
    ...(intervals.includes(current.intervalUs) ? [`| today's defaults, ${describe(current)} | ${pct(power(targetCost, fitted, current, CHANGE, rule))} | ${predictedSeconds(model, current).toFixed(0)} s |`] : []),
    cheapest ? `| cheapest reaching ${pct(TARGET_POWER)}: ${describe(cheapest.settings)} | ${pct(cheapest.power)} | ${cheapest.seconds.toFixed(0)} s |` : `| no setting of the grid reaches ${pct(TARGET_POWER)} | | |`,
    ...(withinTime ? [`| most power within ${TARGET_SECONDS} s: ${describe(withinTime.settings)} | ${pct(withinTime.power)} | ${withinTime.seconds.toFixed(0)} s |`] : []),
  ];
}
const cpu = cpus();
const lines = [
  '',
  `## Part measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  '',
  `\`npm run bench:power -- ${process.argv.slice(2).join(' ')}\` on ${cpu.length} × ${cpu[0]?.model.trim()}, Node ${process.versions.node}${noisy ? ', beside a process burning one core' : ''}: ` +
    `${runs} same-runner A/A runs at each setting, ${pairs} pairs of ${requestCounts.join(' or ')} requests at ${intervals.join(' or ')} µs; load average at their starts ${median(measured.map((m) => m.load)).toFixed(1)} (median), ${Math.max(...measured.map((m) => m.load)).toFixed(1)} (max); wall time ${median(measured.map((m) => m.seconds)).toFixed(0)} s (median).`,
  '',
  '### Within-pair spread (standard deviation of the per-pair log ratio, within runs)',
  '',
  '"Relative" is the same ratio with each pair\'s factor on all its code taken out (the gate\'s tests relative to the unchanged code, docs/statistics.md).',
  '',
  '| function | own time per request | requests × interval | measured | relative | counting alone | the rest |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...spreads.flatMap((x) =>
    x.functions.map(
      (s, i) =>
        `| ${s.name} | ${(s.costNanos / 1000).toFixed(1)} µs | ${x.requests} × ${x.intervalUs} µs | ${Math.sqrt(s.pairVariance).toFixed(3)} | ${Math.sqrt(x.relative[i]!.pairVariance).toFixed(3)} | ${Math.sqrt(countingVariance(s.costNanos, x.requests, x.intervalUs)).toFixed(3)} | ${Math.sqrt(jitterVariance(s)).toFixed(3)} |`,
    ),
  ),
  ...spreads.map((x) => `| CPU per request (the OS's) | | ${x.requests} × ${x.intervalUs} µs | ${Math.sqrt(x.cpu.variance).toFixed(3)} | — | — | — |`),
  '',
  `Time model: ${(model.fixedMs / 1000).toFixed(1)} s fixed, ${(model.perTrialMs / 1000).toFixed(2)} s per trial (start, warm-up, profiles, teardown), ` +
    intervals.map((i) => `${(model.perRequestMs.get(i)! * 1000).toFixed(0)} µs per measured request at ${i} µs`).join(', ') +
    '.',
  '',
  `### Power to catch +${pct(CHANGE)} in ${target}, by the gate's rule`,
  '',
  `Beyond counting, ${target}'s per-pair variance was fitted as ${jitter.perProcess.toExponential(2)} per process + ${jitter.perTime.toExponential(2)} / requests (a standard deviation of ${Math.sqrt(jitter.perProcess + jitter.perTime / 4000).toFixed(3)} at 4000 requests, ${Math.sqrt(jitter.perProcess + jitter.perTime / 12_000).toFixed(3)} at 12000).`,
  '',
  `Rule: one-sided paired t-test below alpha ${rule.alpha} / ${rule.tests} tests (the first Benjamini–Hochberg threshold), and the 95% interval's low end above +${pct(rule.minEffect)} (compare.minEffect).`,
  '',
  ...powerRows(ranked, jitter),
  ...grid.pairs.flatMap((p) => {
    const best = ranked.filter((c) => c.settings.pairs === p && c.power >= TARGET_POWER)[0];
    return best ? [`| ${describe(best.settings)} | ${pct(best.power)} | ${best.seconds.toFixed(0)} s |`] : [];
  }),
  '',
  `### The same, relative to the run's unchanged code`,
  '',
  `Beyond counting: ${relativeJitter.perProcess.toExponential(2)} per process + ${relativeJitter.perTime.toExponential(2)} / requests. The same rule (the run's tests already count each function's relative tests); the doubt about where the unchanged code lies, which widens these intervals a little, is left out. +25% at today's defaults: ${pct(power(targetCost, relativeJitter, current, 0.25, rule))} relative, ${pct(power(targetCost, jitter, current, 0.25, rule))} absolute.`,
  '',
  ...powerRows(relativeRanked, relativeJitter),
  ''
];
if (!existsSync(page)) writeFileSync(page, '# Same-runner power: what the default settings can see\n\nParts are appended by `npm run bench:power`, newest last.\n');
appendFileSync(page, lines.join('\n'));
process.stderr.write(lines.join('\n'));

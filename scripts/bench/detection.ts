import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Profile } from 'pprof-format';
import { allocationTable, compare, functionTable, withAllocations, type Comparison, type TrialMetrics } from '../../src/analysis/index.js';
import { seededRandom } from '../../src/analysis/prng.js';
import { compareSchema } from '../../src/config/schema.js';
import { decodePprof } from '../../src/profile/index.js';
import { requestsOf } from '../../src/profile/merge.js';
import { exampleConfigFile, exampleSettings, makeBaseline, readReport, runPerfgate } from './gate-runner.js';
import { scaleSelfTime, thinSamples } from './inject.js';
import { median } from './stats.js';

export interface DetectionSettings {
  readonly trials: readonly number[];
  readonly requests: readonly number[];
  /** Real gate runs per cell and kind (A/A, planted +10%), after the cell's own baseline. */
  readonly runsPerCell: number;
  /** Resampled comparisons per cell and effect. */
  readonly draws: number;
  /** Effects injected into scoreProduct's own CPU time for the resampled detection curve (0.1 is +10%). */
  readonly effects: readonly number[];
}

export const TARGET = { name: 'scoreProduct', file: 'examples/shop-api/search.js', key: 'examples/shop-api/search.js#scoreProduct' } as const;
/** The graded switch of the example: scoreProduct does this much more of its own work. */
export const PLANTED_PERCENT = 10;
/** The detection rate that defines the minimum detectable regression. */
export const POWER = 0.8;

export type VerdictCounts = { readonly fail: number; readonly pass: number; readonly inconclusive: number; readonly other: number };

export interface CellResult {
  readonly trials: number;
  readonly requests: number;
  /** Median wall time of the cell's real `perfgate run`s, process start to exit. */
  readonly wallSeconds: number;
  readonly real: {
    readonly aa: VerdictCounts;
    /** Planted +10%: failed with scoreProduct first. */
    readonly plantedDetected: number;
    readonly planted: VerdictCounts;
  };
  readonly resampled: {
    readonly draws: number;
    /** Median number of tests per comparison (two per tested function, plus allocations): what Benjamini–Hochberg divides α by. */
    readonly tests: number;
    readonly aa: VerdictCounts;
    /** Real planted trials (+10%) as the candidate side: share of draws failed with scoreProduct first. */
    readonly plantedDetection: number;
    readonly detectionByEffect: ReadonlyArray<{ readonly effect: number; readonly detection: number }>;
    /** Smallest injected effect detected in POWER of draws (interpolated); null when even the largest was not. */
    readonly minimumDetectable: number | null;
    /** Why no effect was tested, when none was (too few trials ever to reach significance). */
    readonly note?: string;
  };
}

export interface DetectionResult {
  readonly target: typeof TARGET;
  readonly plantedPercent: number;
  readonly power: number;
  readonly settings: DetectionSettings;
  readonly warmupRequests: number;
  readonly connections: number;
  readonly cells: readonly CellResult[];
  /** Per requests level: scoreProduct's own CPU per request, planted trials over clean ones (medians): what +10% really did. */
  readonly plantedSelfRatio: ReadonlyArray<{ readonly requests: number; readonly ratio: number }>;
  /**
   * Per requests level, how noisy scoreProduct's own share is from trial to trial (coefficient
   * of variation over the unchanged trials), and how much of that counting samples alone
   * explains (1 / √ samples, Poisson): the part a finer sampling interval or more requests would shrink.
   */
  readonly noise: ReadonlyArray<{ readonly requests: number; readonly samplesPerTrial: number; readonly shareCv: number; readonly countingCv: number }>;
  /**
   * The example's default cell again, with every trial thinned as if sampled every 2 and
   * 5 ms instead of 1 ms: what a longer CPU interval (cheaper, section 1) would detect.
   */
  readonly intervals: ReadonlyArray<{ readonly intervalUs: number; readonly trials: number; readonly requests: number; readonly resampled: CellResult['resampled'] }>;
  /** scoreProduct's own share of the busy CPU in the unchanged trials (median): detection depends on it. */
  readonly targetSelfShare: number;
  /** Real runs whose verdict the resampling code reproduced from the run's own files (a check of the method). */
  readonly reproduced: { readonly checked: number; readonly agreed: number };
}

/** One measured trial, read back from its pprof files. */
interface Trial {
  readonly cpu: Profile;
  readonly allocations: ReturnType<typeof allocationTable>;
  readonly requests: number;
  readonly source: string;
}

const compareSettings = compareSchema.parse({});
const DEFAULT_INTERVAL_US = 1_000;
const LONGER_INTERVALS_US = [2_000, 5_000] as const;

/**
 * Real gate runs on a grid of trials × measured requests (A/A and the planted +10%), and,
 * from the trials those runs measured, resampled comparisons: many more verdicts than
 * the machine has time to run, and an effect curve from injecting regressions of several
 * sizes into measured profiles.
 */
export async function measureDetection(repo: string, cli: string, settings: DetectionSettings, log: (line: string) => void): Promise<DetectionResult> {
  const work = mkdtempSync(join(tmpdir(), 'perfgate-bench-detection-'));
  const cells: CellResult[] = [];
  const plantedSelfRatio: Array<{ requests: number; ratio: number }> = [];
  const reproduced = { checked: 0, agreed: 0 };
  const selfShares: number[] = [];
  const noise: Array<{ requests: number; samplesPerTrial: number; shareCv: number; countingCv: number }> = [];
  const intervals: Array<DetectionResult['intervals'][number]> = [];
  const example = exampleSettings(repo);
  let warmupRequests = 0;
  let connections = 0;
  try {
    for (const requests of settings.requests) {
      const pool = { clean: [] as Trial[], planted: [] as Trial[] };
      const real = new Map<number, { walls: number[]; aa: string[]; planted: string[]; plantedDetected: number }>();
      for (const trials of settings.trials) {
        const cell = `n${trials}-r${requests}`;
        const overrides = { trials, measureRequests: requests, baselineName: `baseline-${cell}` };
        const baselineConfig = exampleConfigFile(repo, work, `${cell}-baseline`, overrides);
        makeBaseline(cli, baselineConfig);
        const stored = JSON.parse(readFileSync(join(work, `baseline-${cell}.json`), 'utf8')) as { trials: TrialMetrics[]; settings: { warmupRequests: number; connections: number } };
        warmupRequests = stored.settings.warmupRequests;
        connections = stored.settings.connections;
        pool.clean.push(...readTrials(join(work, `report-${cell}-baseline`), 'baseline', trials));
        const figures = { walls: [] as number[], aa: [] as string[], planted: [] as string[], plantedDetected: 0 };
        for (let i = 0; i < settings.runsPerCell; i++) {
          // A/A and planted alternate, so drift in the machine's load hits both alike.
          for (const kind of ['aa', 'planted'] as const) {
            const name = `${cell}-${kind}-${i}`;
            const env: Record<string, string> = kind === 'planted' ? { PERFGATE_EXAMPLE_REGRESSION: `${TARGET.name}:${PLANTED_PERCENT}` } : {};
            const run = runPerfgate(cli, ['run', '--config', exampleConfigFile(repo, work, name, { ...overrides, env })]);
            const report = readReport(work, name);
            const outcome = report.comparison.verdict.outcome;
            figures.walls.push(run.seconds);
            const candidates = readTrials(join(work, `report-${name}`), 'candidate', trials);
            if (kind === 'aa') {
              figures.aa.push(outcome);
              pool.clean.push(...candidates);
            } else {
              figures.planted.push(outcome);
              if (detected(report.comparison)) figures.plantedDetected += 1;
              pool.planted.push(...candidates);
            }
            // The resampling below must reach the verdict the gate reached from the same trials.
            const again = compare(stored.trials, candidates.map((t) => metricsOf(t, 1)), report.comparison.settings);
            reproduced.checked += 1;
            if (again.verdict.outcome === outcome && again.findings[0]?.key === report.comparison.findings[0]?.key) reproduced.agreed += 1;
            log(`  ${trials} trials × ${requests} requests, ${kind} ${i + 1}/${settings.runsPerCell}: ${outcome}${kind === 'planted' && detected(report.comparison) ? ` (${TARGET.name} first)` : ''}, ${run.seconds.toFixed(1)} s`);
          }
        }
        real.set(trials, figures);
      }
      plantedSelfRatio.push({ requests, ratio: selfPerRequest(pool.planted) / selfPerRequest(pool.clean) });
      const shares = pool.clean.map((trial) => {
        const table = functionTable(trial.cpu, trial.source);
        return (table.functions[TARGET.key]?.selfNanos ?? 0) / table.total;
      });
      selfShares.push(...shares);
      const samplesPerTrial = median(pool.clean.map((t) => functionTable(t.cpu, t.source, 'samples').functions[TARGET.key]?.selfNanos ?? 0));
      noise.push({ requests, samplesPerTrial, shareCv: coefficientOfVariation(shares), countingCv: 1 / Math.sqrt(Math.max(1, samplesPerTrial)) });
      for (const trials of settings.trials) {
        const figures = real.get(trials)!;
        const resampled = resample(pool, trials, requests, settings, log);
        if (trials === example.trials && requests === example.load.measureRequests) {
          intervals.push({ intervalUs: DEFAULT_INTERVAL_US, trials, requests, resampled });
          for (const intervalUs of LONGER_INTERVALS_US) {
            intervals.push({ intervalUs, trials, requests, resampled: resample(pool, trials, requests, settings, log, DEFAULT_INTERVAL_US / intervalUs) });
          }
        }
        cells.push({
          trials,
          requests,
          wallSeconds: median(figures.walls),
          real: { aa: countVerdicts(figures.aa), planted: countVerdicts(figures.planted), plantedDetected: figures.plantedDetected },
          resampled,
        });
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { target: TARGET, plantedPercent: PLANTED_PERCENT, power: POWER, settings, warmupRequests, connections, cells, plantedSelfRatio, noise, intervals, targetSelfShare: median(selfShares), reproduced };
}

function coefficientOfVariation(values: readonly number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1);
  return Math.sqrt(variance) / mean;
}

/** Failed, with the planted function first among the findings. */
function detected(comparison: Comparison): boolean {
  const top = comparison.findings[0];
  return comparison.verdict.outcome === 'fail' && top !== undefined && top.outcome === 'regressed' && top.key === TARGET.key;
}

function countVerdicts(outcomes: readonly string[]): VerdictCounts {
  const count = (o: string) => outcomes.filter((x) => x === o).length;
  return { fail: count('fail'), pass: count('pass'), inconclusive: count('inconclusive'), other: outcomes.length - count('fail') - count('pass') - count('inconclusive') };
}

function readTrials(reportDir: string, label: string, trials: number): Trial[] {
  return Array.from({ length: trials }, (_, i) => {
    const cpuPath = join(reportDir, 'profiles', `${label}-trial-${i + 1}.pb.gz`);
    const allocationPath = join(reportDir, 'profiles', `${label}-trial-${i + 1}.alloc.pb.gz`);
    const cpu = decodePprof(readFileSync(cpuPath), cpuPath);
    return { cpu, allocations: allocationTable(decodePprof(readFileSync(allocationPath), allocationPath), allocationPath), requests: requestsOf(cpu) ?? 1, source: cpuPath };
  });
}

const NOT_MEASURED: TrialMetrics['service'] = { cpuMicrosPerRequest: 0, throughputRps: 0, latencyMs: { p50: 0, p95: 0, p99: 0 }, errors: 0, non2xx: 0, statusMismatches: 0, maxRssBytes: 0 };

/**
 * A trial's metrics as the gate builds them (trial-profiles.ts), with scoreProduct's own
 * time scaled by `factor`. Service metrics are left out: in stored-baseline mode the
 * verdict rests on the functions alone.
 */
function metricsOf(trial: Trial, factor: number, thin?: { keep: number; random: () => number }): TrialMetrics {
  const scaled = factor === 1 ? trial.cpu : scaleSelfTime(trial.cpu, TARGET.key, factor);
  const cpu = thin ? thinSamples(scaled, thin.keep, thin.random) : scaled;
  const table = functionTable(cpu, trial.source);
  return {
    requests: trial.requests,
    sampledCpuNanos: table.total,
    allocatedBytes: trial.allocations.totalBytes,
    allocatedObjects: trial.allocations.totalObjects,
    functions: withAllocations(table, trial.allocations),
    service: NOT_MEASURED,
  };
}

function selfPerRequest(trials: readonly Trial[]): number {
  return median(trials.map((t) => (functionTable(t.cpu, t.source).functions[TARGET.key]?.selfNanos ?? 0) / t.requests));
}

/**
 * Draws of 2 × `trials` distinct clean trials (the first half the baseline), compared as
 * they are (A/A), with each injected effect on the candidate half, and with real planted
 * trials as the candidate side. The same draws serve every effect, so the curve is smooth.
 */
function resample(
  pool: { clean: Trial[]; planted: Trial[] },
  trials: number,
  requests: number,
  settings: DetectionSettings,
  log: (line: string) => void,
  keep = 1,
): CellResult['resampled'] {
  // The same draws for every interval, so the intervals differ by their sampling only.
  const random = seededRandom(trials * 100_003 + requests);
  const thin = keep < 1 ? { keep, random: seededRandom(Math.round(keep * 1_000_003)) } : undefined;
  const factors = [1, ...settings.effects.map((e) => 1 + e)];
  const metrics = new Map<Trial, TrialMetrics[]>();
  const metricsAt = (trial: Trial, f: number) => {
    let byFactor = metrics.get(trial);
    if (!byFactor) metrics.set(trial, (byFactor = factors.map((factor) => metricsOf(trial, factor, thin))));
    return byFactor[f]!;
  };
  const plantedMetrics = pool.planted.map((t) => metricsOf(t, 1, thin));
  const aa: string[] = [];
  const tests: number[] = [];
  let plantedHits = 0;
  const hits = settings.effects.map(() => 0);
  let testedEffects = true;
  for (let d = 0; d < settings.draws; d++) {
    const drawn = pick(pool.clean, 2 * trials, random);
    const baseline = drawn.slice(0, trials).map((t) => metricsAt(t, 0));
    const candidate = drawn.slice(trials);
    const clean = compare(baseline, candidate.map((t) => metricsAt(t, 0)), compareSettings);
    aa.push(clean.verdict.outcome);
    tests.push(clean.tests);
    if (detected(compare(baseline, pick(plantedMetrics, trials, random), compareSettings))) plantedHits += 1;
    // Too few trials ever to reach significance: no effect can be detected, so none is tried.
    if (clean.verdict.outcome === 'inconclusive' && clean.warnings.some((w) => w.includes('no function can be flagged'))) {
      testedEffects = false;
      continue;
    }
    settings.effects.forEach((_, e) => {
      if (detected(compare(baseline, candidate.map((t) => metricsAt(t, e + 1)), compareSettings))) hits[e]! += 1;
    });
  }
  const detectionByEffect = testedEffects ? settings.effects.map((effect, e) => ({ effect, detection: hits[e]! / settings.draws })) : [];
  const result: CellResult['resampled'] = {
    draws: settings.draws,
    tests: median(tests),
    aa: countVerdicts(aa),
    plantedDetection: plantedHits / settings.draws,
    detectionByEffect,
    minimumDetectable: minimumDetectable(detectionByEffect, POWER),
    ...(testedEffects ? {} : { note: `${trials} against ${trials} trials cannot reach significance after false-discovery control` }),
  };
  log(
    `  resampled ${trials} trials × ${requests} requests${keep < 1 ? ` sampled every ${Math.round(DEFAULT_INTERVAL_US / keep)} µs` : ''}: A/A fail ${result.aa.fail}/${settings.draws}, planted +${PLANTED_PERCENT}% found ${(result.plantedDetection * 100).toFixed(0)}%, ` +
      `${detectionByEffect.map((d) => `+${(d.effect * 100).toFixed(0)}%: ${(d.detection * 100).toFixed(0)}%`).join(', ') || result.note}`,
  );
  return result;
}

/** `count` distinct items, a partial Fisher–Yates shuffle with the seeded generator. */
export function pick<T>(items: readonly T[], count: number, random: () => number): T[] {
  if (count > items.length) throw new Error(`cannot draw ${count} distinct trials from ${items.length}`);
  const copy = [...items];
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}

/** The effect where detection first reaches `power`, interpolated linearly between the tested effects. */
export function minimumDetectable(curve: ReadonlyArray<{ effect: number; detection: number }>, power: number): number | null {
  for (let i = 0; i < curve.length; i++) {
    const point = curve[i]!;
    if (point.detection < power) continue;
    const before = curve[i - 1];
    if (!before || before.detection === point.detection) return point.effect;
    return before.effect + ((power - before.detection) / (point.detection - before.detection)) * (point.effect - before.effect);
  }
  return null;
}

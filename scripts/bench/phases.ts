import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PHASES, type PhaseName } from '../../src/gate/phase-timings.js';
import { exampleConfigFile, exampleSettings, makeBaseline, readReport, runPerfgate } from './gate-runner.js';
import { median } from './stats.js';

export interface PhasesSettings {
  /** Gate runs (`perfgate run`) after one baseline; the medians are reported. */
  readonly runs: number;
}

export interface PhasesResult {
  readonly runs: number;
  readonly trials: number;
  readonly load: { readonly warmupRequests: number; readonly measureRequests: number; readonly connections: number };
  readonly baselineSeconds: number;
  /** Median wall time of `perfgate run`, process start to exit. */
  readonly wallSeconds: number;
  readonly wallSecondsPerRun: readonly number[];
  /** Median seconds per phase over the runs (report.json timingsMs), summed over the run's trials. */
  readonly phaseSeconds: Readonly<Record<PhaseName, number>>;
  /** Wall time no phase claims: perfgate's start-up, reading the baseline and replay, writing report.md/json/html, exit. */
  readonly otherSeconds: number;
  readonly verdicts: readonly string[];
}

/**
 * The example's default configuration, gated against a baseline measured just before on
 * the same machine; each run's phases come from its report.json (`timingsMs`), its wall
 * time from the outside.
 */
export async function measurePhases(repo: string, cli: string, settings: PhasesSettings, log: (line: string) => void): Promise<PhasesResult> {
  const work = mkdtempSync(join(tmpdir(), 'perfgate-bench-phases-'));
  try {
    const example = exampleSettings(repo);
    const config = exampleConfigFile(repo, work, 'default');
    const baseline = makeBaseline(cli, config);
    log(`  baseline: ${baseline.seconds.toFixed(1)} s`);
    const walls: number[] = [];
    const phases: Array<Record<string, number>> = [];
    const verdicts: string[] = [];
    for (let i = 0; i < settings.runs; i++) {
      const run = runPerfgate(cli, ['run', '--config', config]);
      if (run.code === 2) throw new Error(`perfgate run failed:\n${run.stderr.slice(-3000)}`);
      const report = readReport(work, 'default');
      if (!report.timingsMs) throw new Error('report.json has no timingsMs: is dist/ built from this source?');
      walls.push(run.seconds);
      phases.push(report.timingsMs);
      verdicts.push(report.comparison.verdict.outcome);
      log(`  run ${i + 1}/${settings.runs}: ${run.seconds.toFixed(1)} s, ${report.comparison.verdict.outcome}`);
    }
    const phaseSeconds = Object.fromEntries(PHASES.map((p) => [p, median(phases.map((t) => (t[p] ?? 0) / 1000))])) as Record<PhaseName, number>;
    const wallSeconds = median(walls);
    const claimed = median(phases.map((t) => PHASES.reduce((sum, p) => sum + (t[p] ?? 0), 0) / 1000));
    return {
      runs: settings.runs,
      trials: example.trials,
      load: example.load,
      baselineSeconds: baseline.seconds,
      wallSeconds,
      wallSecondsPerRun: walls,
      phaseSeconds,
      otherSeconds: Math.max(0, wallSeconds - claimed),
      verdicts,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

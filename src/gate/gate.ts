import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import type { Profile } from 'pprof-format';
import { compare, diffScore, type TrialMetrics } from '../analysis/index.js';
import { BASELINE_SCHEMA, BASELINE_VERSION, baselineAllocationProfilePath, baselineProfilePath, environmentDifferences, readBaseline, writeBaseline, type Baseline } from '../baseline/index.js';
import type { Config } from '../config/index.js';
import { PerfgateError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { REPORT_SCHEMA, REPORT_VERSION, renderMarkdown, requestCounts, type Report, type Side } from '../report/index.js';
import { functionLinesOf, sideProfiles, writeMergedPair, writeReportFiles } from './report-files.js';
import { planBaseline, type Here } from './baseline-plan.js';
import { measureInterleaved } from './same-runner.js';
import { currentEnvironment } from './current-environment.js';
import { configFingerprint } from './measurement-settings.js';
import { replayFileSha256 } from '../replay/index.js';
import { profileSourceFor } from './profile-source/profile-sources.js';
import { currentCommit } from './git.js';
import { encodePprofGzip, mergeProfiles } from '../profile/index.js';
import { symbolicationOf } from './symbolication-of.js';
import { measure, type Measurement, type MeasureOptions } from './measure.js';
import { PhaseTimings } from './phase-timings.js';
import { regressedHotLines } from './regressed-hot-lines.js';

export interface GateResult {
  readonly report: Report;
  readonly markdown: string;
  readonly reportDir: string;
}

/**
 * The whole gate: decide where the baseline comes from (the stored file, or the base
 * commit re-measured here), measure, compare, write the reports.
 */
export async function runGate(options: MeasureOptions & { reproduce: string }): Promise<GateResult> {
  const { config, progress } = options;
  // Every run records where its time goes (report.json `timingsMs`).
  const timings = options.timings ?? new PhaseTimings();
  // Read and plan before measuring: a missing or broken baseline should cost seconds, not minutes.
  const stored = readBaselineIfPresent(config.baselinePath);
  const plan = planBaseline(config.compare, stored, hereFingerprint(config, options.agentPath), config.baselinePath);
  progress.line(`baseline: ${plan.source === 'stored' ? `stored (${config.baselinePath})` : `same-runner, commit ${plan.ref}`}: ${plan.why}`);

  let baselineSide: Side & { createdAt: string; trials: readonly TrialMetrics[] };
  let measured: Measurement;
  let baselinePprofs: readonly Profile[] | undefined;
  let baselineAllocationPprofs: readonly Profile[] | undefined;
  if (plan.source === 'stored') {
    measured = await measure({ ...options, timings });
    const b = plan.baseline;
    baselineSide = { commit: b.commit, createdAt: b.createdAt, environment: b.environment, settings: b.settings, trials: b.trials };
  } else {
    const both = await measureInterleaved({ ...options, timings }, plan.ref);
    measured = both.candidate;
    baselinePprofs = both.baseline.pprofs;
    baselineAllocationPprofs = both.baseline.allocationPprofs;
    baselineSide = { commit: both.baseCommit, createdAt: new Date().toISOString(), environment: both.baseline.environment, settings: both.baseline.settings, trials: both.baseline.trials };
  }
  const analysisWatch = timings.stopwatch();
  const comparison = await progress.phase('analysis', async () =>
    compare(baselineSide.trials, measured.trials, config.compare, { paired: plan.source === 'same-runner' }),
  );
  analysisWatch.lap('analysis');
  const cpu = writeMergedPair(config.outputDir, '', measured.pprofs, baselinePprofs ? { trials: baselinePprofs } : { stored: baselineProfilePath(config.baselinePath) });
  const allocations =
    measured.allocationPprofs.length > 0
      ? writeMergedPair(config.outputDir, '.alloc', measured.allocationPprofs, baselineAllocationPprofs ? { trials: baselineAllocationPprofs } : { stored: baselineAllocationProfilePath(config.baselinePath) })
      : null;
  const sides = sideProfiles(cpu, allocations);
  const symbolication = symbolicationOf(cpu.candidate, allocations?.candidate ?? null);
  const warnings = [...comparison.warnings, ...(plan.source === 'stored' ? plan.warnings : []), ...symbolication.warnings];
  analysisWatch.lap('report');
  const report: Report = {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    createdAt: new Date().toISOString(),
    comparison: { ...comparison, warnings },
    baselineSource: { kind: plan.source, why: plan.why },
    baseline: { commit: baselineSide.commit, createdAt: baselineSide.createdAt, environment: baselineSide.environment, settings: baselineSide.settings },
    candidate: { commit: currentCommit(config.root), environment: measured.environment, settings: measured.settings },
    environmentDifferences: environmentDifferences(baselineSide.environment, measured.environment),
    reproduce: options.reproduce,
    profiles: measured.profiles.map((p) => relative(config.outputDir, p)),
    merged: cpu.paths,
    allocationProfiles: measured.allocationProfiles.map((p) => relative(config.outputDir, p)),
    ...(allocations ? { mergedAllocations: allocations.paths } : {}),
    hotLines: regressedHotLines(comparison, sides),
    functionLines: functionLinesOf(sides),
    requests: { baseline: requestCounts(baselineSide.trials), candidate: requestCounts(measured.trials) },
    timingsMs: timings.milliseconds(),
    diffScore: diffScore(baselineSide.trials, measured.trials, comparison, config.compare),
    symbolication: symbolication.rates,
  };
  const markdown = renderMarkdown(report);
  writeReportFiles(config.outputDir, report, markdown, sides);
  return { report, markdown, reportDir: config.outputDir };
}

function readBaselineIfPresent(path: string): Baseline | undefined {
  return existsSync(path) ? readBaseline(path) : undefined;
}

/** This machine and these settings, as far as they are known before any trial runs. */
function hereFingerprint(config: Config, agentPath: string): Here {
  return {
    environment: currentEnvironment(profileSourceFor(config, agentPath).expectedRuntime),
    configSha256: configFingerprint(config),
    replaySha256: replayFileSha256(config.replayPath),
  };
}

/** Measures the current code and writes it as the baseline; refuses a run with failed requests. */
export async function runBaseline(options: MeasureOptions): Promise<Baseline> {
  const { config } = options;
  const measured = await measure({ ...options, label: 'baseline' });
  const failing = measured.trials
    .map((t, i) => ({ trial: i + 1, failed: t.service.errors + t.service.statusMismatches, requests: t.requests }))
    .filter((t) => t.failed > 0);
  if (failing.length > 0) {
    throw new PerfgateError(
      'LOAD_FAILED',
      `not writing a baseline from a run with failed requests: ${failing.map((t) => `trial ${t.trial}: ${t.failed} of ${t.requests}`).join(', ')} (no response, or a status other than the recorded one)`,
    );
  }
  const baseline: Baseline = {
    schema: BASELINE_SCHEMA,
    version: BASELINE_VERSION,
    createdAt: new Date().toISOString(),
    commit: currentCommit(config.root),
    environment: measured.environment,
    settings: measured.settings,
    trials: measured.trials,
  };
  writeBaseline(config.baselinePath, baseline);
  // Beside the baseline, every trial merged: what flame graphs and `go tool pprof -diff_base` compare with.
  writeFileAtomic(baselineProfilePath(config.baselinePath), encodePprofGzip(mergeProfiles(measured.pprofs, config.baselinePath)));
  writeFileAtomic(baselineAllocationProfilePath(config.baselinePath), encodePprofGzip(mergeProfiles(measured.allocationPprofs, config.baselinePath)));
  return baseline;
}

export type { Config };

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative } from 'node:path';
import type { Profile } from 'pprof-format';
import { compare, type TrialMetrics } from '../analysis/index.js';
import { BASELINE_SCHEMA, BASELINE_VERSION, baselineAllocationProfilePath, baselineProfilePath, environmentDifferences, readBaseline, writeBaseline, type Baseline } from '../baseline/index.js';
import type { Config } from '../config/index.js';
import { PerfgateError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { REPORT_SCHEMA, REPORT_VERSION, renderMarkdown, reportJson, requestCounts, type Report, type Side } from '../report/index.js';
import { functionLinesOf, readSideProfiles, writeHtmlReport } from './html-report.js';
import { planBaseline, type Here } from './baseline-plan.js';
import { measureInterleaved } from './same-runner.js';
import { AGENTLESS_VERSIONS } from './current-environment.js';
import { currentCommit } from './git.js';
import { decodePprof, encodePprofGzip, mergeProfiles, scaledLike } from '../profile/index.js';
import { configFingerprint, measure, withLockfile, type Measurement, type MeasureOptions } from './measure.js';
import { PhaseTimings } from './phase-timings.js';
import { regressedHotLines } from './regressed-hot-lines.js';
import { writeSideAllocationProfiles } from './side-allocations.js';

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
  const plan = planBaseline(config.compare, stored, hereFingerprint(config), config.baselinePath);
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
  const warnings = [...comparison.warnings, ...(plan.source === 'stored' ? plan.warnings : [])];
  const merged = writeSideProfiles(measured, config, baselinePprofs);
  const mergedAllocations = writeSideAllocationProfiles(measured.allocationPprofs, config, baselineAllocationPprofs);
  const sides = readSideProfiles(config.outputDir, merged, mergedAllocations);
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
    merged,
    allocationProfiles: measured.allocationProfiles.map((p) => relative(config.outputDir, p)),
    ...(mergedAllocations ? { mergedAllocations } : {}),
    hotLines: regressedHotLines(comparison, sides),
    functionLines: functionLinesOf(sides),
    requests: { baseline: requestCounts(baselineSide.trials), candidate: requestCounts(measured.trials) },
    timingsMs: timings.milliseconds(),
  };
  const markdown = renderMarkdown(report);
  writeFileAtomic(`${config.outputDir}/report.json`, reportJson(report));
  writeFileAtomic(`${config.outputDir}/report.md`, markdown);
  writeHtmlReport(config.outputDir, report, sides);
  return { report, markdown, reportDir: config.outputDir };
}

function readBaselineIfPresent(path: string): Baseline | undefined {
  return existsSync(path) ? readBaseline(path) : undefined;
}

/** This machine and these settings, as far as they are known before any trial runs. */
function hereFingerprint(config: Config): Here {
  const cpuList = cpus();
  return {
    // The service runs the node on PATH, as perfgate itself normally does (a pprof-http service records none).
    environment: { ...(config.profile.source === 'pprof-http' ? AGENTLESS_VERSIONS : { nodeVersion: process.versions.node, v8Version: process.versions.v8 }), platform: process.platform, arch: process.arch, cpuModel: cpuList[0]?.model.trim() ?? 'unknown', cpuCount: cpuList.length },
    configSha256: configFingerprint(config),
    replaySha256: createHash('sha256').update(readFileSync(config.replayPath)).digest('hex'),
    ...withLockfile(config),
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

/** The candidate's trials merged, and the baseline's merged profile (when it has one) scaled to the same request count. */
function writeSideProfiles(measured: Measurement, config: Config, baselinePprofs: readonly Profile[] | undefined): Report['merged'] {
  const dir = join(config.outputDir, 'profiles');
  const candidate = mergeProfiles(measured.pprofs, 'candidate trials');
  writeFileAtomic(join(dir, 'candidate.pb.gz'), encodePprofGzip(candidate));
  const storedPath = baselineProfilePath(config.baselinePath);
  const baseline = baselinePprofs ? mergeProfiles(baselinePprofs, 'baseline trials') : existsSync(storedPath) ? decodePprof(readFileSync(storedPath), storedPath) : undefined;
  if (!baseline) return { candidate: 'profiles/candidate.pb.gz', baseline: null };
  // Scaled to the candidate's request count, so `go tool pprof -diff_base` subtracts like for like.
  writeFileAtomic(join(dir, 'baseline.pb.gz'), encodePprofGzip(scaledLike(baseline, candidate, baselinePprofs ? 'baseline trials' : storedPath)));
  return { candidate: 'profiles/candidate.pb.gz', baseline: 'profiles/baseline.pb.gz' };
}

export type { Config };

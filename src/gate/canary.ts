import { relative } from 'node:path';
import { canaryVerdict } from '../analysis/canary-verdict.js';
import { compare } from '../analysis/index.js';
import { baselineAllocationProfilePath, baselineProfilePath, readBaseline } from '../baseline/index.js';
import type { Config } from '../config/index.js';
import { renderCanaryMarkdown } from '../report/canary-markdown.js';
import { REPORT_SCHEMA, REPORT_VERSION, type Report } from '../report/index.js';
import { readReplayFile } from '../replay/index.js';
import { allocationsOnBothOrNeither, clientSideOnly, measureCanary, profiled, withoutServiceUsage, type CanaryTargets } from './canary-rounds.js';
import { currentEnvironment } from './current-environment.js';
import { measurementSettings } from './measurement-settings.js';
import type { Progress } from './progress.js';
import { functionLinesOf, sideProfiles, writeMergedPair, writeReportFiles, type MergedPair } from './report-files.js';

export interface CanaryResult {
  readonly report: Report;
  /** The canary's own markdown (origins, rounds): the job summary renders it again within GitHub's limits. */
  readonly render: (report: Report) => string;
  readonly reportDir: string;
  /** What regressed: functions as `file#name`, client-side metrics by name. */
  readonly regressed: readonly string[];
}

/**
 * A canary run, for release pipelines. Nothing is built or started: the recorded traffic
 * is replayed against the canary (and the stable deployment, when given), the client-side
 * metrics are compared, and, when profiles come from both sides (the canary's pprof
 * endpoints, and the stable deployment's or the stored baseline's), the functions as the
 * gate compares them. Writes the same report files as the gate.
 */
export async function runCanary(config: Config, targets: CanaryTargets, progress: Progress): Promise<CanaryResult> {
  const { canary, stable } = targets;
  const requests = readReplayFile(config.replayPath);
  // The stored baseline is read first so that a missing one costs nothing.
  const stored = stable ? null : readBaseline(config.baselinePath);
  const measured = await measureCanary(config, requests, targets, progress);
  const canaryProfiled = targets.canaryPprof !== null;
  const referenceProfiled = stable ? targets.stablePprof !== null : profiled(stored!.trials);
  const functions = canaryProfiled && referenceProfiled;
  const referenceTrials = stable ? measured.stable : functions ? withoutServiceUsage(stored!.trials) : stored!.trials;
  const sides = functions ? allocationsOnBothOrNeither(referenceTrials, measured.canary) : { reference: clientSideOnly(referenceTrials), canary: clientSideOnly(measured.canary), dropped: false };
  const comparison = compare(sides.reference, sides.canary, config.compare);
  const judged = canaryVerdict(comparison, { functions });
  const warnings = functions ? [...comparison.warnings] : comparison.warnings.filter((w) => !/no function can be flagged/.test(w));
  if (canaryProfiled && !referenceProfiled) {
    warnings.push(
      stable
        ? 'The canary was profiled (pprof-url) but the stable deployment was not (no baseline-pprof-url): functions were not compared, only client-side metrics. Give baseline-pprof-url to compare them.'
        : `The canary was profiled (pprof-url) but the stored baseline ${config.baselinePath} has no function tables: functions were not compared, only client-side metrics.`,
    );
  }
  if (sides.dropped) {
    warnings.push('Allocations were not compared: only one side has allocation profiles (pprof endpoints without /allocs, or a stored baseline without allocations). CPU shares were compared.');
  }
  if (!stable) {
    warnings.push('The reference is the stored baseline, measured on another machine against a locally started service: network and hardware differ. Give baseline-url (the stable deployment) for a like-for-like comparison.');
  }
  if (functions && !stable) {
    warnings.push("The canary's function shares are compared with the stored baseline's, profiled on another machine: shares of busy CPU cancel the machine's speed, but hardware, runtime version and build flags can still move them.");
  }
  // Each side's rounds merged, as the gate merges its trials: the flame graph and `go tool pprof -diff_base` read them.
  const dir = config.outputDir;
  const rounds = measured.profiles;
  const cpu: MergedPair | null = canaryProfiled
    ? writeMergedPair(dir, '', rounds.canary.pprofs, stable ? { trials: rounds.stable.pprofs } : { stored: baselineProfilePath(config.baselinePath) })
    : null;
  const allocations: MergedPair | null =
    canaryProfiled && rounds.canary.allocationPprofs.length > 0
      ? writeMergedPair(dir, '.alloc', rounds.canary.allocationPprofs, stable ? { trials: rounds.stable.allocationPprofs } : { stored: baselineAllocationProfilePath(config.baselinePath) })
      : null;
  const profiles = sideProfiles(cpu, allocations);
  const settings = measurementSettings(config);
  const environment = currentEnvironment({ nodeVersion: process.version, v8Version: process.versions.v8 });
  const now = new Date().toISOString();
  const report: Report = {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    createdAt: now,
    comparison: { ...comparison, verdict: judged.verdict, service: judged.service, findings: functions ? comparison.findings : [], warnings },
    baselineSource: stable
      ? { kind: 'same-runner', why: `canary: the stable deployment ${stable.origin} measured in alternating rounds` }
      : { kind: 'stored', why: `canary: the stored baseline ${config.baselinePath}` },
    baseline: stable ? { commit: null, createdAt: now, environment, settings } : { commit: stored!.commit, createdAt: stored!.createdAt, environment: stored!.environment, settings: stored!.settings },
    candidate: { commit: null, environment, settings },
    environmentDifferences: [],
    reproduce: `perfgate canary mode: url ${canary.origin}${stable ? `, baseline-url ${stable.origin}` : ''}${targets.canaryPprof ? `, pprof-url ${targets.canaryPprof.origin}` : ''}${targets.stablePprof ? `, baseline-pprof-url ${targets.stablePprof.origin}` : ''}`,
    profiles: rounds.canary.cpu.map((p) => relative(dir, p)),
    merged: cpu?.paths ?? { candidate: '', baseline: null },
    allocationProfiles: rounds.canary.allocations.map((p) => relative(dir, p)),
    ...(allocations ? { mergedAllocations: allocations.paths } : {}),
    ...(functions ? { functionLines: functionLinesOf(profiles) } : {}),
  };
  // Origins only: a URL's path or query may carry credentials.
  const render = (r: Report) => renderCanaryMarkdown(r, { canary: canary.origin, stable: stable?.origin ?? null, profiled: { canary: canaryProfiled, reference: referenceProfiled } });
  writeReportFiles(dir, report, render(report), profiles);
  return { report, render, reportDir: dir, regressed: judged.regressed };
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { canaryVerdict } from '../analysis/canary-verdict.js';
import { compare } from '../analysis/index.js';
import { readBaseline, type MeasurementSettings } from '../baseline/index.js';
import { loadConfig } from '../config/index.js';
import { functionLines } from '../profile/stacks.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { renderCanaryMarkdown } from '../report/canary-markdown.js';
import { REPORT_SCHEMA, REPORT_VERSION, reportJson, type Report } from '../report/index.js';
import { readReplayFile } from '../replay/index.js';
import { allocationsOnBothOrNeither, clientSideOnly, measureCanary, profiled, withoutServiceUsage } from '../gate/canary-rounds.js';
import { currentEnvironment } from '../gate/current-environment.js';
import { canaryTargets, type ActionInputs } from './action-inputs.js';
import { actionProgress, type ModeOutcome } from './check.js';
import { setReportOutputs, summaryMarkdown, writeJobSummary } from './publish.js';

/**
 * `canary`: for release pipelines. Nothing is built or started: the recorded traffic is
 * replayed against `url` (and `baseline-url`, the stable version, when given), the
 * client-side metrics are compared, and, when profiles come from both sides (`pprof-url`,
 * and `baseline-pprof-url` or the stored baseline's), the functions as the gate compares
 * them; the outputs tell the pipeline to promote or roll back.
 */
export async function runCanary(inputs: ActionInputs): Promise<ModeOutcome> {
  const targets = canaryTargets(inputs);
  const { canary, stable } = targets;
  const config = loadConfig(inputs.config, inputs.trials !== undefined ? { trials: inputs.trials } : {});
  const requests = readReplayFile(config.replayPath);
  // The stored baseline is read first so that a missing one costs nothing.
  const stored = stable ? null : readBaseline(config.baselinePath);
  const measured = await measureCanary(config, requests, targets, actionProgress);
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
  const settings: MeasurementSettings = {
    trials: config.trials,
    warmupRequests: config.load.warmupRequests,
    measureRequests: config.load.measureRequests,
    connections: config.load.connections,
    cpuSamplingIntervalUs: config.profile.cpuSamplingIntervalUs,
    replaySha256: createHash('sha256').update(readFileSync(config.replayPath)).digest('hex'),
  };
  const environment = currentEnvironment({ nodeVersion: process.version, v8Version: process.versions.v8 });
  const report: Report = {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    createdAt: new Date().toISOString(),
    comparison: { ...comparison, verdict: judged.verdict, service: judged.service, findings: functions ? comparison.findings : [], warnings },
    baselineSource: stable
      ? { kind: 'same-runner', why: `canary: the stable deployment ${stable.origin} measured in alternating rounds` }
      : { kind: 'stored', why: `canary: the stored baseline ${config.baselinePath}` },
    baseline: stable ? { commit: null, createdAt: new Date().toISOString(), environment, settings } : { commit: stored!.commit, createdAt: stored!.createdAt, environment: stored!.environment, settings: stored!.settings },
    candidate: { commit: null, environment, settings },
    environmentDifferences: [],
    reproduce: `perfgate canary mode: url ${canary.origin}${stable ? `, baseline-url ${stable.origin}` : ''}${targets.canaryPprof ? `, pprof-url ${targets.canaryPprof.origin}` : ''}${targets.stablePprof ? `, baseline-pprof-url ${targets.stablePprof.origin}` : ''}`,
    profiles: measured.profiles.canary.cpu.map((p) => relative(config.outputDir, p)),
    merged: { candidate: '', baseline: null },
    allocationProfiles: measured.profiles.canary.allocations.map((p) => relative(config.outputDir, p)),
    ...(functions ? { functionLines: functionLines([...measured.profiles.canary.pprofs, ...measured.profiles.stable.pprofs]) } : {}),
  };
  // Origins only: a URL's path or query may carry credentials.
  const render = (r: Report) => renderCanaryMarkdown(r, { canary: canary.origin, stable: stable?.origin ?? null, profiled: { canary: canaryProfiled, reference: referenceProfiled } });
  const markdown = render(report);
  writeFileAtomic(join(config.outputDir, 'report.json'), reportJson(report));
  writeFileAtomic(join(config.outputDir, 'report.md'), markdown);
  await writeJobSummary(summaryMarkdown(report, render));
  setReportOutputs(report, config.outputDir, judged.regressed);
  const verdict = judged.verdict;
  if (verdict.outcome === 'inconclusive') return { failure: `perfgate canary: inconclusive: ${verdict.rule}` };
  if (verdict.outcome !== 'pass' && inputs.failOnRegression) return { failure: `perfgate canary: ${verdict.rule}` };
  return { failure: null };
}

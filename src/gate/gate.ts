import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import type { Profile } from 'pprof-format';
import { compare, detectability, diffScore, extension, storedConfirmation, storedDoubt, unconfirmedReason, unconfirmedVerdict, type Comparison, type Detectability, type DiffScore, type TrialMetrics, type Verdict } from '../analysis/index.js';
import { BASELINE_SCHEMA, BASELINE_VERSION, baselineAllocationProfilePath, baselineProfilePath, environmentDifferences, readBaseline, writeBaseline, type Baseline } from '../baseline/index.js';
import type { Config } from '../config/index.js';
import { PerfgateError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { REPORT_SCHEMA, REPORT_VERSION, renderMarkdown, requestCounts, type Report, type Side } from '../report/index.js';
import { functionLinesOf, sideProfiles, writeMergedPair, writeReportFiles } from './report-files.js';
import { planBaseline, type Here } from './baseline-plan.js';
import { measureInterleaved } from './same-runner.js';
import { currentEnvironment } from './current-environment.js';
import { measurementSettings } from './measurement-settings.js';
import { profileSourceFor } from './profile-source/profile-sources.js';
import { commitExists, currentCommit } from './git.js';
import { encodePprofGzip, mergeProfiles } from '../profile/index.js';
import { symbolicationOf } from './symbolication-of.js';
import { measure, type Measurement, type MeasureOptions } from './measure.js';
import { PhaseTimings } from './phase-timings.js';
import { regressedHotLines } from './regressed-hot-lines.js';
import { regressedTotalRises } from './regressed-total-rises.js';

export interface GateResult {
  readonly report: Report;
  readonly markdown: string;
  readonly reportDir: string;
}

/** The two sides of a comparison as measured (the baseline's trials stored, or re-measured here). */
interface Sides {
  readonly kind: 'stored' | 'same-runner';
  readonly why: string;
  readonly baseline: Side & { readonly createdAt: string; readonly trials: readonly TrialMetrics[] };
  /** The baseline's profiles when it was measured in this run; a stored one's are read from beside its file. */
  readonly baselinePprofs?: { readonly cpu: readonly Profile[]; readonly allocations: readonly Profile[] };
  readonly candidate: Measurement;
}

/**
 * The whole gate: decide where the baseline comes from (the stored file, or the base
 * commit re-measured here), measure, compare, write the reports. A stored comparison that
 * cannot be trusted (analysis/stored-doubt.ts: it does not match this run, it was blind, its
 * shares cannot tell which code moved, or it finds the service's CPU per request regressed,
 * which a stored baseline cannot tell from a slower machine) escalates to same-runner when a
 * base commit is known, and otherwise ends inconclusive. A stored failure is confirmed
 * same-runner when a base commit is known, and otherwise stands.
 */
export async function runGate(options: MeasureOptions & { reproduce: string }): Promise<GateResult> {
  const { config, progress } = options;
  // Every run records where its time goes (report.json `timingsMs`).
  const timings = options.timings ?? new PhaseTimings();
  const run = { ...options, timings };
  // Read and plan before measuring: a missing or broken baseline should cost seconds, not minutes.
  const stored = readBaselineIfPresent(config.baselinePath);
  const plan = planBaseline(config.compare, stored, hereFingerprint(config, options.agentPath), config.baselinePath);
  progress.line(`baseline: ${plan.source === 'stored' ? `stored (${config.baselinePath})` : `same-runner, commit ${plan.ref}`}: ${plan.why}`);

  let { sides, judged } = plan.source === 'stored' ? await storedJudged(run, plan.baseline, plan.why) : await sameRunnerJudged(run, plan.ref, plan.why);
  let doubt = plan.source === 'stored' ? storedDoubt(plan.notComparable, judged.comparison, judged.seen.blind) : null;
  // A stored failure nothing doubts is confirmed here too when it can be; with no base commit it stands.
  const confirming = doubt === null && plan.source === 'stored' ? storedConfirmation(judged.comparison) : null;
  const reason = doubt ?? confirming;
  let unconfirmed: Verdict | null = null;
  if (reason !== null && plan.source === 'stored' && judged.comparison.verdict.outcome !== 'fail-errors') {
    const ref = config.compare.baseline === 'stored' ? null : escalationRef(config, plan.baseline);
    if (ref !== null) {
      progress.line(`baseline: escalating to same-runner, commit ${ref}: ${reason}`);
      const stored = judged.comparison;
      ({ sides, judged } = await sameRunnerJudged(run, ref, `escalated from the stored baseline: ${reason}`, confirming !== null ? stored : null));
      doubt = null;
      if (confirming !== null) unconfirmed = unconfirmedVerdict(stored, judged.comparison);
    }
  }
  const { comparison, score, seen } = judged;
  const verdict: Verdict =
    // Failed requests fail the candidate whatever the baseline: they need no comparison to be wrong.
    comparison.verdict.outcome === 'fail-errors'
      ? comparison.verdict
      : doubt !== null
      ? {
          outcome: 'inconclusive',
          rule: `${doubt}. Measure the base on this machine instead: \`perfgate run --base-ref <commit>\` (the action's base-ref input${config.compare.baseline === 'stored' ? ', with compare.baseline "auto"' : ''})`,
        }
      : // A stored failure that the same runner neither confirmed nor ruled out.
        unconfirmed !== null
        ? unconfirmed
      : comparison.verdict.outcome === 'pass' && seen.blind !== null
        ? // A pass means "looked, and would have seen it".
          { outcome: 'inconclusive', rule: `${seen.blind}. More trials (--trials) or requests per trial (--requests), or a quieter runner, narrow what a run can see` }
        : comparison.verdict;

  const analysisWatch = timings.stopwatch();
  const measured = sides.candidate;
  const cpu = writeMergedPair(config.outputDir, '', measured.pprofs, sides.baselinePprofs ? { trials: sides.baselinePprofs.cpu } : { stored: baselineProfilePath(config.baselinePath) });
  const allocations =
    measured.allocationPprofs.length > 0
      ? writeMergedPair(config.outputDir, '.alloc', measured.allocationPprofs, sides.baselinePprofs ? { trials: sides.baselinePprofs.allocations } : { stored: baselineAllocationProfilePath(config.baselinePath) })
      : null;
  const profiles = sideProfiles(cpu, allocations);
  const symbolication = symbolicationOf(cpu.candidate, allocations?.candidate ?? null);
  analysisWatch.lap('report');
  const baseline = sides.baseline;
  const report: Report = {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    createdAt: new Date().toISOString(),
    comparison: { ...comparison, verdict, warnings: [...comparison.warnings, ...symbolication.warnings] },
    baselineSource: { kind: sides.kind, why: sides.why },
    baseline: { commit: baseline.commit, createdAt: baseline.createdAt, environment: baseline.environment, settings: baseline.settings },
    candidate: { commit: currentCommit(config.root), environment: measured.environment, settings: measured.settings },
    environmentDifferences: environmentDifferences(baseline.environment, measured.environment),
    reproduce: options.reproduce,
    profiles: measured.profiles.map((p) => relative(config.outputDir, p)),
    merged: cpu.paths,
    allocationProfiles: measured.allocationProfiles.map((p) => relative(config.outputDir, p)),
    ...(allocations ? { mergedAllocations: allocations.paths } : {}),
    hotLines: regressedHotLines(comparison, profiles),
    totalRises: regressedTotalRises(comparison, profiles),
    functionLines: functionLinesOf(profiles),
    requests: { baseline: requestCounts(baseline.trials), candidate: requestCounts(measured.trials) },
    timingsMs: timings.milliseconds(),
    diffScore: score,
    detectable: seen,
    symbolication: symbolication.rates,
  };
  const markdown = renderMarkdown(report);
  writeReportFiles(config.outputDir, report, markdown, profiles);
  return { report, markdown, reportDir: config.outputDir };
}

async function storedJudged(options: MeasureOptions & { timings: PhaseTimings }, baseline: Baseline, why: string): Promise<{ sides: Sides; judged: Judged }> {
  const candidate = await measure(options);
  const sides: Sides = { kind: 'stored', why, baseline: { ...baseline, trials: baseline.trials }, candidate };
  return { sides, judged: await analyse(options, sides) };
}

/**
 * Same-runner sides, judged. When the pairs leave a function leaning towards a regression
 * that they cannot decide (analysis/leaning.ts), or were too noisy to have seen a change of
 * compare.maxDetectable (blind), or pass without ruling out the stored failure they were to
 * confirm (`confirming`), compare.extendTrials more pairs are run, once, in the same
 * worktree, and everything is judged again over all of them.
 */
async function sameRunnerJudged(options: MeasureOptions & { timings: PhaseTimings }, ref: string, why: string, confirming: Comparison | null = null): Promise<{ sides: Sides; judged: Judged }> {
  const { config, progress } = options;
  let last: { sides: Sides; judged: Judged } | undefined;
  let reason = why;
  await measureInterleaved(options, ref, undefined, async (sofar) => {
    const sides: Sides = {
      kind: 'same-runner',
      why: reason,
      baseline: { commit: sofar.baseCommit, createdAt: new Date().toISOString(), environment: sofar.baseline.environment, settings: sofar.baseline.settings, trials: sofar.baseline.trials },
      baselinePprofs: { cpu: sofar.baseline.pprofs, allocations: sofar.baseline.allocationPprofs },
      candidate: sofar.candidate,
    };
    const judged = await analyse(options, sides);
    const unconfirmed = confirming !== null ? unconfirmedReason(confirming, judged.comparison) : null;
    const extending = last === undefined ? extension(judged.comparison, config.compare.extendTrials, judged.seen.blind, unconfirmed) : null;
    last = { sides, judged };
    if (extending === null) return [];
    const done = sofar.candidate.trials.length;
    progress.line(`baseline: ${done} pairs cannot decide (${extending}): measuring ${config.compare.extendTrials} more pairs (compare.extendTrials)`);
    reason = `${why}; extended from ${done} to ${done + config.compare.extendTrials} pairs because ${done} pairs could not decide: ${extending}`;
    return Array.from({ length: config.compare.extendTrials }, (_, i) => done + i + 1);
  });
  return last!;
}

interface Judged {
  readonly comparison: Comparison;
  readonly score: DiffScore;
  readonly seen: Detectability;
}

/** The comparison, the diff score and what the run could have seen, from one pair of sides. */
async function analyse(options: MeasureOptions & { timings: PhaseTimings }, sides: Sides): Promise<Judged> {
  const watch = options.timings.stopwatch();
  const settings = options.config.compare;
  const judged = await options.progress.phase('analysis', async () => {
    const comparison = compare(sides.baseline.trials, sides.candidate.trials, settings, { paired: sides.kind === 'same-runner' });
    const score = diffScore(sides.baseline.trials, sides.candidate.trials, comparison, settings);
    const cpuMeasured = score.cpuPerRequest.baselineMedian > 0 && score.cpuPerRequest.candidateMedian > 0;
    const seen = detectability(comparison, cpuMeasured ? score.cpuPerRequest : null, settings.maxDetectable, settings.alpha);
    return { comparison, score, seen };
  });
  watch.lap('analysis');
  return judged;
}

/** The commit to re-measure here: compare.baseRef, else the stored baseline's own, when this checkout has it. */
export function escalationRef(config: Config, stored: Baseline): string | null {
  const ref = config.compare.baseRef ?? stored.commit;
  return ref !== null && commitExists(config.root, ref) ? ref : null;
}

function readBaselineIfPresent(path: string): Baseline | undefined {
  return existsSync(path) ? readBaseline(path) : undefined;
}

/** This machine and these settings, as far as they are known before any trial runs. */
function hereFingerprint(config: Config, agentPath: string): Here {
  return { environment: currentEnvironment(profileSourceFor(config, agentPath).expectedRuntime), settings: measurementSettings(config) };
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

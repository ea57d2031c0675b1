import { relative } from 'node:path';
import type { Profile } from 'pprof-format';
import { compare } from '../analysis/compare.js';
import { defaultSampleType, sampleTypeOf, trialFromProfile } from '../analysis/profile-trial.js';
import type { CompareSettings } from '../config/schema.js';
import type { Environment, MeasurementSettings } from '../baseline/index.js';
import { PerfgateError } from '../errors.js';
import { requestsOf } from '../profile/index.js';
import { REPORT_SCHEMA, REPORT_VERSION, renderMarkdown, type Report } from '../report/index.js';
import { PERFGATE_VERSION } from '../version.js';
import { functionLinesOf, sideProfiles, writeMergedPair, writeReportFiles } from './report-files.js';
import { readProfileSide } from './diff-sides.js';
import { symbolicationOf } from './symbolication-of.js';
import { regressedTotalRises } from './regressed-total-rises.js';

export interface ProfileDiffOptions {
  /** A pprof file, a folder of trial files, or a `*` pattern; see readProfileSide. */
  readonly baseline: string;
  readonly candidate: string;
  readonly outputDir: string;
  /** Sample type to compare; default: the candidate's default (pprof's choice). */
  readonly sampleType?: string;
  readonly compare: CompareSettings;
  readonly reproduce: string;
}

export interface ProfileDiffResult {
  readonly report: Report;
  readonly markdown: string;
  readonly reportDir: string;
}

/**
 * `perfgate diff`: two sets of pprof files compared with the gate's statistics (each file
 * one trial), written as the gate's report.json, report.md and report.html, plus each side
 * merged into profiles/ as a pair `go tool pprof -diff_base` can show.
 */
export function runProfileDiff(options: ProfileDiffOptions): ProfileDiffResult {
  const base = readProfileSide(options.baseline, 'baseline');
  const cand = readProfileSide(options.candidate, 'candidate');
  const type = options.sampleType ?? defaultSampleType(cand.profiles[0]!).type;
  const unit = commonUnit(type, [...base.files.map((f, i) => [f, base.profiles[i]!] as const), ...cand.files.map((f, i) => [f, cand.profiles[i]!] as const)]);

  const trials = (side: typeof base) => side.profiles.map((p, i) => trialFromProfile(p, side.files[i]!, type));
  const comparison = compare(trials(base), trials(cand), options.compare);
  const warnings = [...comparison.warnings];
  if (base.profiles.length === 1 || cand.profiles.length === 1) {
    warnings.unshift(
      `One profile per side (${base.profiles.length} baseline, ${cand.profiles.length} candidate): the changes shown are the difference between single profiles, with no test of significance. ` +
        'Statistics need several trials per side: pass a folder (or a pattern) with one profile per trial for each side.',
    );
  }
  const withoutCounts = [...base.profiles, ...cand.profiles].filter((p) => requestsOf(p) === undefined).length;
  if (withoutCounts > 0) warnings.push(`${withoutCounts} profile(s) carry no request count (perfgate writes "perfgate: requests=N" as a comment): "per request" figures are per profile.`);

  const dir = options.outputDir;
  const merged = writeMergedPair(dir, '', cand.profiles, { trials: base.profiles });
  const sides = sideProfiles(merged, null);
  const symbolication = symbolicationOf(merged.candidate, null, type);
  warnings.push(...symbolication.warnings);
  // Relative to the report folder when inside the project's tree, absolute when far away.
  const files = (list: readonly string[]) => list.map((f) => (relative(dir, f).startsWith('../..') ? f : relative(dir, f)));
  const report: Report = {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    createdAt: new Date().toISOString(),
    // Files carry no service measurements, so there is nothing to compare there.
    comparison: { ...comparison, service: [], warnings },
    baselineSource: { kind: 'files', why: 'pprof files given to perfgate diff' },
    baseline: { commit: null, createdAt: new Date().toISOString(), environment: NOT_MEASURED, settings: settingsOf(base.profiles.length) },
    candidate: { commit: null, environment: NOT_MEASURED, settings: settingsOf(cand.profiles.length) },
    environmentDifferences: [],
    reproduce: options.reproduce,
    profiles: [...files(base.files), ...files(cand.files)],
    merged: { candidate: 'profiles/candidate.pb.gz', baseline: 'profiles/baseline.pb.gz' },
    functionLines: functionLinesOf(sides),
    totalRises: regressedTotalRises({ ...comparison, warnings }, sides, type),
    inputs: { sampleType: type, unit, baseline: files(base.files), candidate: files(cand.files) },
    symbolication: symbolication.rates,
  };
  const markdown = renderMarkdown(report);
  writeReportFiles(dir, report, markdown, sides);
  return { report, markdown, reportDir: dir };
}

/** The unit of `type`, which every profile must have, in the same unit. */
function commonUnit(type: string, profiles: ReadonlyArray<readonly [string, Profile]>): string {
  const [firstFile, first] = profiles[0]!;
  const unit = sampleTypeOf(first, type, firstFile).unit;
  for (const [file, profile] of profiles) {
    const other = sampleTypeOf(profile, type, file).unit;
    if (other !== unit) throw new PerfgateError('PROFILE_INVALID', `${file}: sample type "${type}" is in ${other}, but in ${firstFile} it is in ${unit}; only like can be compared`);
  }
  return unit;
}

/** The files were not measured by perfgate: nothing is known about where. */
const NOT_MEASURED: Environment = { nodeVersion: 'unknown', v8Version: 'unknown', platform: 'unknown', arch: 'unknown', cpuModel: 'unknown', cpuCount: 0, perfgateVersion: PERFGATE_VERSION };

function settingsOf(trials: number): MeasurementSettings {
  return { trials, warmupRequests: 0, measureRequests: 0, connections: 0, cpuSamplingIntervalUs: 0, replaySha256: '' };
}

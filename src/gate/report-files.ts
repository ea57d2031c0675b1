import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Profile } from 'pprof-format';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { decodePprof, encodePprofGzip, mergeProfiles, scaledLike } from '../profile/index.js';
import { functionLines } from '../profile/stacks.js';
import { buildFlameTree, flameMeasures, flamePageData, renderHtml, reportJson, type NamedProfile, type Report } from '../report/index.js';

/** Each side's merged profiles (CPU, and allocation ones when there are any), decoded. */
export interface SideProfiles {
  readonly candidate: readonly NamedProfile[];
  readonly baseline: readonly NamedProfile[];
}

/** Where the baseline side's merged profile comes from: trials measured in this run, the file stored beside a baseline, or nowhere. */
export type BaselineProfiles = { readonly trials: readonly Profile[] } | { readonly stored: string } | null;

export interface MergedPair {
  /** Paths relative to the report folder, as report.json records them. */
  readonly paths: { readonly candidate: string; readonly baseline: string | null };
  readonly candidate: NamedProfile;
  readonly baseline: NamedProfile | null;
}

/**
 * One measure of both sides merged into `profiles/<side><suffix>.pb.gz`: the candidate's
 * trials, and the baseline scaled to the candidate's request count, so that
 * `go tool pprof -diff_base` subtracts like for like.
 */
export function writeMergedPair(reportDir: string, suffix: '' | '.alloc', candidateTrials: readonly Profile[], baselineFrom: BaselineProfiles): MergedPair {
  const write = (side: 'candidate' | 'baseline', profile: Profile): NamedProfile => {
    const path = join(reportDir, 'profiles', `${side}${suffix}.pb.gz`);
    writeFileAtomic(path, encodePprofGzip(profile));
    return { profile, source: path };
  };
  const what = suffix === '' ? 'profiles' : 'allocation profiles';
  const candidate = write('candidate', mergeProfiles(candidateTrials, `candidate ${what}`));
  const source = baselineFrom === null ? null : 'trials' in baselineFrom ? `baseline ${what}` : baselineFrom.stored;
  const merged =
    baselineFrom === null || ('trials' in baselineFrom ? baselineFrom.trials.length === 0 : !existsSync(baselineFrom.stored))
      ? null
      : 'trials' in baselineFrom
        ? mergeProfiles(baselineFrom.trials, source!)
        : decodePprof(readFileSync(baselineFrom.stored), baselineFrom.stored);
  const baseline = merged ? write('baseline', scaledLike(merged, candidate.profile, source!)) : null;
  return {
    paths: { candidate: `profiles/candidate${suffix}.pb.gz`, baseline: baseline ? `profiles/baseline${suffix}.pb.gz` : null },
    candidate,
    baseline,
  };
}

/** The sides as the flame graph and the hot lines read them: CPU first, then allocations. */
export function sideProfiles(cpu: MergedPair | null, allocations: MergedPair | null): SideProfiles {
  const pairs = [cpu, allocations].filter((p): p is MergedPair => p !== null);
  return { candidate: pairs.map((p) => p.candidate), baseline: pairs.flatMap((p) => (p.baseline ? [p.baseline] : [])) };
}

/** First lines of the functions in either side's profiles, the candidate's first. */
export function functionLinesOf(sides: SideProfiles): Record<string, number> {
  return functionLines([...sides.candidate, ...sides.baseline].map((p) => p.profile));
}

export interface ReportFiles {
  readonly json: string;
  readonly markdown: string;
  readonly html: string;
  /** The static flame graph; null when no profile was merged. */
  readonly svg: string | null;
}

/**
 * Every report a run writes, in one place for the gate, `perfgate diff` and the canary:
 * report.json, report.md (rendered by the caller, whose markdown differs by mode),
 * report.html and, when there are profiles, flamegraph.svg. Each file is written atomically.
 */
export function writeReportFiles(reportDir: string, report: Report, markdown: string, sides: SideProfiles): ReportFiles {
  const files = { json: join(reportDir, 'report.json'), markdown: join(reportDir, 'report.md'), html: join(reportDir, 'report.html') };
  writeFileAtomic(files.json, reportJson(report));
  writeFileAtomic(files.markdown, markdown);
  const measures = flameMeasures(sides.candidate, sides.baseline);
  const flame = measures.length > 0 ? flamePageData(buildFlameTree(measures), report.comparison) : null;
  const rendered = renderHtml(report, flame);
  writeFileAtomic(files.html, rendered.html);
  if (rendered.svg === null) return { ...files, svg: null };
  const svg = join(reportDir, 'flamegraph.svg');
  writeFileAtomic(svg, `<?xml version="1.0" encoding="UTF-8"?>\n${rendered.svg}\n`);
  return { ...files, svg };
}

import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Profile } from 'pprof-format';
import { compare, type Comparison, type TrialMetrics, type Verdict } from '../analysis/index.js';
import { withStratifiedService } from '../analysis/stratified-verdict.js';
import { detectableChangeByShards, stratifiedPairedTest, type StratifiedComparison } from '../analysis/stratified.js';
import { environmentDifferences } from '../baseline/index.js';
import { PerfgateError } from '../errors.js';
import { REPORT_SCHEMA, REPORT_VERSION, renderMarkdown, requestCounts, type Report, type ShardSummary } from '../report/index.js';
import { type GateResult } from './gate.js';
import { storedDoubt } from '../analysis/index.js';
import { regressedHotLines } from './regressed-hot-lines.js';
import { regressedTotalRises } from './regressed-total-rises.js';
import { functionLinesOf, sideProfiles, writeMergedPair, writeReportFiles } from './report-files.js';
import { readShardFolder, readShardProfile, type ShardFolder, type ShardManifest } from './shard-folder.js';
import { shardName } from './shard-plan.js';

type Complete = ShardFolder & { readonly manifest: Extract<ShardManifest, { status: 'complete' }>; readonly sides: NonNullable<ShardFolder['sides']> };

/**
 * `perfgate merge DIR…`: the shards of one gate run combined into one comparison, one
 * verdict and one set of reports. Shards of other commits, settings or services are
 * refused; a shard that failed or is missing leaves the verdict inconclusive, naming it.
 */
export function mergeShards(dirs: readonly string[], outputDir: string): GateResult {
  if (dirs.length === 0) throw new PerfgateError('USAGE', 'merge: expected at least one shard folder (written by `perfgate run --shard I/N`)');
  return mergeShardFolders(dirs.map(readShardFolder), outputDir);
}

/** The same, for folders already read (gate/services-merge.ts groups them by service first). */
export function mergeShardFolders(folders: readonly ShardFolder[], outputDir: string): GateResult {
  const first = folders[0]!.manifest;
  const count = first.shard.count;
  const seen = new Map<number, string>();
  for (const f of folders) {
    const m = f.manifest;
    const name = `shard ${shardName(m.shard)} (${f.dir})`;
    if (m.shard.count !== count) throw refuse(`${name} is one of ${m.shard.count} shards, ${folders[0]!.dir} one of ${count}`);
    if (m.service !== first.service) throw refuse(`${name} measured service ${JSON.stringify(m.service)}, ${folders[0]!.dir} ${JSON.stringify(first.service)}; merge each service's shards separately`);
    if (m.candidateCommit !== first.candidateCommit) throw refuse(`${name} measured commit ${m.candidateCommit ?? '(none)'}, ${folders[0]!.dir} ${first.candidateCommit ?? '(none)'}`);
    if (m.candidateEnvSha256 !== first.candidateEnvSha256) throw refuse(`${name} ran the candidate with other --candidate-env variables than ${folders[0]!.dir}`);
    const twin = seen.get(m.shard.index);
    if (twin !== undefined) throw refuse(`shard ${shardName(m.shard)} is given twice: ${twin} and ${f.dir}`);
    seen.set(m.shard.index, f.dir);
  }
  const complete = folders.filter((f): f is Complete => f.manifest.status === 'complete').sort((a, b) => a.manifest.shard.index - b.manifest.shard.index);
  const lead = complete[0];
  const failed = folders.flatMap((f) => (f.manifest.status === 'failed' ? [{ index: f.manifest.shard.index, error: f.manifest.error }] : []));
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (!lead) {
    throw new PerfgateError('SHARD_INVALID', `no shard completed, nothing to compare: ${[...failed.map((f) => `shard ${f.index}/${count} failed (${f.error.split('\n')[0]})`), ...missing.map((i) => `shard ${i}/${count} is missing`)].join('; ')}`);
  }
  for (const s of complete.slice(1)) checkSameRun(lead, s);

  const sameRunner = lead.manifest.kind === 'same-runner';
  const baselineTrials: TrialMetrics[] = sameRunner ? complete.flatMap((s) => s.sides.baseline.trials) : [...lead.sides.baseline.trials];
  const candidateTrials: TrialMetrics[] = complete.flatMap((s) => s.sides.candidate.trials);
  let comparison: Comparison = compare(baselineTrials, candidateTrials, lead.manifest.compare, { paired: sameRunner, leaning: 'warns' });
  let stratified: StratifiedComparison | null = null;
  if (sameRunner) {
    const settings = lead.manifest.compare;
    const strata = complete.map((s) => ({ shard: shardName(s.manifest.shard), logRatios: pairLogRatios(s) }));
    stratified = stratifiedPairedTest(strata, settings);
    comparison = withStratifiedService(comparison, stratified);
  }
  const doubt = sameRunner ? null : storedDoubt(lead.manifest.notComparable, comparison, null, false);
  const gaps = [...failed.map((f) => `shard ${f.index}/${count} failed (${f.error.split('\n')[0]!.slice(0, 300)})`), ...missing.map((i) => `shard ${i}/${count} is missing`)];
  const verdict: Verdict =
    gaps.length > 0
      ? { outcome: 'inconclusive', rule: `${gaps.join('; ')}: ${complete.length} of ${count} shards were merged, and a verdict needs them all (re-run the missing shards, then merge again)` }
      : doubt !== null
        ? { outcome: 'inconclusive', rule: `${doubt}. Shard a same-runner run instead (\`--base-ref <commit>\`, or compare.baseline "auto" on a pull request)` }
        : comparison.verdict;

  // Every trial's profiles are copied beside the merged report, as a gate run keeps them.
  mkdirSync(join(outputDir, 'profiles'), { recursive: true });
  const load = (files: (s: Complete) => readonly string[], from: readonly Complete[]): { paths: string[]; profiles: Profile[] } => {
    const paths: string[] = [];
    const profiles: Profile[] = [];
    for (const s of from) {
      for (const file of files(s)) {
        profiles.push(readShardProfile(s.dir, file));
        if (!existsSync(join(outputDir, file))) copyFileSync(join(s.dir, file), join(outputDir, file));
        paths.push(file);
      }
    }
    return { paths, profiles };
  };
  const baselineFrom = sameRunner ? complete : [lead];
  const cpu = { candidate: load((s) => s.manifest.profiles.candidate, complete), baseline: load((s) => s.manifest.profiles.baseline, baselineFrom) };
  const alloc = { candidate: load((s) => s.manifest.profiles.candidateAllocations, complete), baseline: load((s) => s.manifest.profiles.baselineAllocations, baselineFrom) };
  const cpuPair = writeMergedPair(outputDir, '', cpu.candidate.profiles, { trials: cpu.baseline.profiles });
  const allocPair = alloc.candidate.profiles.length > 0 ? writeMergedPair(outputDir, '.alloc', alloc.candidate.profiles, { trials: alloc.baseline.profiles }) : null;
  const profiles = sideProfiles(cpuPair, allocPair);

  const baseline = lead.sides.baseline;
  const candidate = lead.sides.candidate;
  const report: Report = {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    createdAt: new Date().toISOString(),
    comparison: { ...comparison, verdict },
    baselineSource: { kind: lead.manifest.kind, why: `${lead.manifest.why} (${complete.length} shards merged)` },
    baseline: { commit: baseline.commit, createdAt: baseline.createdAt, environment: baseline.environment, settings: baseline.settings },
    candidate: { commit: candidate.commit, environment: candidate.environment, settings: candidate.settings },
    environmentDifferences: environmentDifferences(baseline.environment, candidate.environment),
    reproduce: `${lead.manifest.reproduce} (one shard of ${count}; \`perfgate merge\` combines them)`,
    profiles: cpu.candidate.paths,
    merged: cpuPair.paths,
    allocationProfiles: alloc.candidate.paths,
    ...(allocPair ? { mergedAllocations: allocPair.paths } : {}),
    hotLines: regressedHotLines(comparison, profiles),
    totalRises: regressedTotalRises(comparison, profiles),
    functionLines: functionLinesOf(profiles),
    requests: { baseline: requestCounts(baselineTrials), candidate: requestCounts(candidateTrials) },
    shards: {
      count,
      method: sameRunner ? 'stratified-sign-flip' : 'stored',
      detectableByShards: sameRunner ? detectableChangeByShards(complete.map(pairLogRatios), lead.manifest.compare.alpha).map(finiteOrNull) : [],
      shards: shardSummaries(count, folders, stratified),
    },
  };
  const markdown = renderMarkdown(report);
  writeReportFiles(outputDir, report, markdown, profiles);
  return { report, markdown, reportDir: outputDir };
}

/** Each pair's log(candidate / baseline) CPU per request, in the shard's pair order. */
function pairLogRatios(shard: Complete): number[] {
  const base = shard.sides.baseline.trials;
  return shard.sides.candidate.trials.map((c, i) => {
    const b = base[i]!.service.cpuMicrosPerRequest;
    return b > 0 && c.service.cpuMicrosPerRequest > 0 ? Math.log(c.service.cpuMicrosPerRequest / b) : 0;
  });
}

/** Shards of one run measured the same code, with the same settings, against the same base. */
function checkSameRun(lead: Complete, other: Complete): void {
  const a = `shard ${shardName(lead.manifest.shard)} (${lead.dir})`;
  const b = `shard ${shardName(other.manifest.shard)} (${other.dir})`;
  const differ = (what: string, x: unknown, y: unknown) => {
    if (JSON.stringify(x) !== JSON.stringify(y)) throw refuse(`${b} and ${a} differ in ${what}: ${JSON.stringify(y)} against ${JSON.stringify(x)}`);
  };
  differ('how the baseline was measured', lead.manifest.kind, other.manifest.kind);
  differ('the base commit', lead.sides.baseline.commit, other.sides.baseline.commit);
  differ('the measurement settings (trials, load, profiling, replay file, service command)', lead.sides.candidate.settings, other.sides.candidate.settings);
  differ('the comparison settings (compare)', lead.manifest.compare, other.manifest.compare);
  if (lead.manifest.kind === 'stored') differ('the stored baseline', lead.sides.baseline.createdAt, other.sides.baseline.createdAt);
}

function shardSummaries(count: number, folders: readonly ShardFolder[], stratified: StratifiedComparison | null): ShardSummary[] {
  return Array.from({ length: count }, (_, i): ShardSummary => {
    const folder = folders.find((f) => f.manifest.shard.index === i + 1);
    if (!folder) return { index: i + 1, status: 'missing', pairs: [] };
    const m = folder.manifest;
    if (m.status === 'failed') return { index: i + 1, status: 'failed', pairs: m.pairs, error: m.error.slice(0, 2000) };
    const contribution = stratified?.shards.find((s) => s.shard === shardName(m.shard));
    return {
      index: i + 1,
      status: 'complete',
      pairs: m.pairs,
      cpuModel: folder.sides!.candidate.environment.cpuModel,
      ...(contribution ? { ratio: contribution.ratio, weight: contribution.weight } : {}),
    };
  });
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function refuse(why: string): PerfgateError {
  return new PerfgateError('SHARD_INVALID', `not merging shards of different runs: ${why}`);
}

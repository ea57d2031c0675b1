import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BASELINE_SCHEMA, BASELINE_VERSION, baselineAllocationProfilePath, baselineProfilePath, readBaseline, type Baseline } from '../baseline/index.js';
import { describeError } from '../errors.js';
import { planBaseline } from './baseline-plan.js';
import { currentEnvironment } from './current-environment.js';
import { escalationRef } from './gate.js';
import { currentCommit } from './git.js';
import { measure, type Measurement, type MeasureOptions } from './measure.js';
import { measurementSettings } from './measurement-settings.js';
import { profileSourceFor } from './profile-source/profile-sources.js';
import { measureInterleaved } from './same-runner.js';
import { writeShardFolder, type ShardManifest, type ShardProfiles } from './shard-folder.js';
import { shardName, shardPairs, type Shard } from './shard-plan.js';

/** Where a stored baseline's merged profiles are copied in a shard folder, so the merge job needs no checkout. */
export const STORED_PROFILES = { cpu: 'profiles/stored-baseline.pb.gz', allocations: 'profiles/stored-baseline.alloc.pb.gz' } as const;

export interface ShardResult {
  readonly dir: string;
  readonly manifest: ShardManifest;
}

/**
 * `perfgate run --shard I/N`: this shard's share of the pairs, measured on this machine.
 * Same-runner, each pair interleaves base and head here (ABBA by pair number), so every
 * pair shares one runner; with a stored baseline, the candidate's trials are shared out.
 * No verdict: `perfgate merge` decides over every shard. A shard that fails still writes
 * its shard.json, saying so, so the merge names it rather than missing it.
 */
export async function runShard(options: MeasureOptions & { shard: Shard; reproduce: string; service: string }): Promise<ShardResult> {
  const { config, progress, shard } = options;
  const dir = config.outputDir;
  mkdirSync(join(dir, 'profiles'), { recursive: true });
  const candidateCommit = currentCommit(config.root);
  const candidateEnvSha256 = createHash('sha256').update(JSON.stringify(Object.entries(config.candidateEnv).sort())).digest('hex');
  const base = { schema: 'perfgate.shard', version: 1, createdAt: new Date().toISOString(), shard, service: options.service, candidateCommit, candidateEnvSha256 } as const;
  let pairs: number[] = [];
  try {
    pairs = shardPairs(shard, config.trials);
    const stored = existsSync(config.baselinePath) ? readBaseline(config.baselinePath) : undefined;
    const here = { environment: currentEnvironment(profileSourceFor(config, options.agentPath).expectedRuntime), settings: measurementSettings(config) };
    const plan = planBaseline(config.compare, stored, here, config.baselinePath);
    // A shard cannot escalate on its own (only the merge sees every pair): a stored baseline
    // that does not match this run is measured against its commit here when that is known.
    const ref = plan.source === 'same-runner' ? plan.ref : plan.notComparable.length > 0 && config.compare.baseline !== 'stored' ? escalationRef(config, plan.baseline) : null;
    progress.line(`shard ${shardName(shard)}: pairs ${pairs.join(', ')} of ${config.trials}; baseline ${ref !== null ? `same-runner, commit ${ref}` : `stored (${config.baselinePath})`}`);
    const createdAt = new Date().toISOString();
    const asBaseline = (m: Measurement, commit: string | null): Baseline => ({ schema: BASELINE_SCHEMA, version: BASELINE_VERSION, createdAt, commit, environment: m.environment, settings: m.settings, trials: m.trials });
    const rel = (paths: readonly string[]) => paths.map((p) => relative(dir, p));
    if (ref !== null) {
      const both = await measureInterleaved(options, ref, pairs);
      const manifest: ShardManifest = {
        ...base,
        pairs,
        status: 'complete',
        kind: 'same-runner',
        why: plan.why,
        notComparable: [],
        compare: config.compare,
        reproduce: options.reproduce,
        profiles: profilesOf(rel(both.baseline.profiles), rel(both.candidate.profiles), rel(both.baseline.allocationProfiles), rel(both.candidate.allocationProfiles)),
      };
      writeShardFolder(dir, manifest, { baseline: asBaseline(both.baseline, both.baseCommit), candidate: asBaseline(both.candidate, candidateCommit) });
      return { dir, manifest };
    }
    if (plan.source !== 'stored') throw new Error('unreachable: no ref and no stored baseline');
    const candidate = await measure({ ...options, only: pairs });
    const copied = (from: string, to: string) => {
      if (!existsSync(from)) return [];
      copyFileSync(from, join(dir, to));
      return [to];
    };
    const manifest: ShardManifest = {
      ...base,
      pairs,
      status: 'complete',
      kind: 'stored',
      why: plan.why,
      notComparable: plan.notComparable,
      compare: config.compare,
      reproduce: options.reproduce,
      profiles: profilesOf(
        copied(baselineProfilePath(config.baselinePath), STORED_PROFILES.cpu),
        rel(candidate.profiles),
        copied(baselineAllocationProfilePath(config.baselinePath), STORED_PROFILES.allocations),
        rel(candidate.allocationProfiles),
      ),
    };
    writeShardFolder(dir, manifest, { baseline: plan.baseline, candidate: asBaseline(candidate, candidateCommit) });
    return { dir, manifest };
  } catch (error) {
    writeShardFolder(dir, { ...base, pairs, status: 'failed', error: describeError(error) });
    throw error;
  }
}

function profilesOf(baseline: string[], candidate: string[], baselineAllocations: string[], candidateAllocations: string[]): ShardProfiles {
  return { baseline, candidate, baselineAllocations, candidateAllocations };
}


import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { Profile } from 'pprof-format';
import { z } from 'zod';
import { parseBaseline, writeBaseline, type Baseline } from '../baseline/index.js';
import type { CompareSettings } from '../config/index.js';
import { compareSchema } from '../config/schema.js';
import { PerfgateError, describeError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { checkProfileFileSize, decodePprof } from '../profile/index.js';
import { shardName, type Shard } from './shard-plan.js';

export const SHARD_SCHEMA = 'perfgate.shard';
export const SHARD_VERSION = 1;
export const SHARD_FILE = 'shard.json';
/** Each side's trials, in the baseline file format (so they are validated as baselines are). */
export const SHARD_SIDE_FILES = { baseline: 'baseline.json', candidate: 'candidate.json' } as const;
/** A shard's JSON holds a few trials' function tables: megabytes at most. Anything far bigger is refused unread. */
const MAX_SHARD_JSON_BYTES = 64 * 1024 * 1024;

/** Profiles a shard wrote, relative to its folder, each side in trial order. */
export interface ShardProfiles {
  readonly baseline: readonly string[];
  readonly candidate: readonly string[];
  readonly baselineAllocations: readonly string[];
  readonly candidateAllocations: readonly string[];
}

/** What `perfgate run --shard I/N` leaves in its folder for `perfgate merge`. */
export type ShardManifest = {
  readonly schema: typeof SHARD_SCHEMA;
  readonly version: typeof SHARD_VERSION;
  readonly createdAt: string;
  readonly shard: Shard;
  /** Which service of the repository (its config's `name`, or the config path), so a merge of several can tell them apart. */
  readonly service: string;
  readonly candidateCommit: string | null;
  /** sha256 of the candidate-only environment (`--candidate-env`): shards that set it differently measured different code paths. */
  readonly candidateEnvSha256: string;
  /** The pairs (trial numbers of the whole run) this shard ran. */
  readonly pairs: readonly number[];
} & (
  | {
      readonly status: 'complete';
      /** same-runner: the base commit measured here, interleaved; stored: the stored baseline's trials (every shard carries them). */
      readonly kind: 'same-runner' | 'stored';
      readonly why: string;
      /** Differences that make a stored baseline incomparable with this run (empty for same-runner). */
      readonly notComparable: readonly string[];
      readonly compare: CompareSettings;
      readonly reproduce: string;
      readonly profiles: ShardProfiles;
    }
  | { readonly status: 'failed'; readonly error: string }
);

export interface ShardFolder {
  readonly dir: string;
  readonly manifest: ShardManifest;
  /** Present when the shard completed. */
  readonly sides?: { readonly baseline: Baseline; readonly candidate: Baseline };
}

/** Writes a shard's result; each file atomically, shard.json last, so a folder with shard.json is whole. */
export function writeShardFolder(dir: string, manifest: ShardManifest, sides?: { baseline: Baseline; candidate: Baseline }): void {
  if (sides) {
    writeBaseline(join(dir, SHARD_SIDE_FILES.baseline), sides.baseline);
    writeBaseline(join(dir, SHARD_SIDE_FILES.candidate), sides.candidate);
  }
  writeFileAtomic(join(dir, SHARD_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
}

const profilePath = z
  .string()
  .max(200)
  .regex(/^profiles\/[A-Za-z0-9._-]+\.pb\.gz$/, 'expected profiles/<name>.pb.gz inside the shard folder');
const profileList = z.array(profilePath).max(1000);
const common = {
  schema: z.literal(SHARD_SCHEMA),
  version: z.literal(SHARD_VERSION),
  createdAt: z.string().max(100),
  shard: z.strictObject({ index: z.number().int().min(1).max(999), count: z.number().int().min(1).max(999) }).refine((s) => s.index <= s.count, 'index must be <= count'),
  service: z.string().max(200),
  candidateCommit: z.string().max(100).nullable(),
  candidateEnvSha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256'),
  pairs: z.array(z.number().int().min(1).max(100_000)).max(10_000),
};
const manifestSchema = z.discriminatedUnion('status', [
  z.strictObject({
    ...common,
    status: z.literal('complete'),
    kind: z.enum(['same-runner', 'stored']),
    why: z.string().max(4000),
    notComparable: z.array(z.string().max(2000)).max(100),
    compare: compareSchema,
    reproduce: z.string().max(4000),
    profiles: z.strictObject({ baseline: profileList, candidate: profileList, baselineAllocations: profileList, candidateAllocations: profileList }),
  }),
  z.strictObject({ ...common, status: z.literal('failed'), error: z.string().max(20_000) }),
]);

/**
 * Reads a shard folder as untrusted data (it was uploaded by a job that ran the PR's code):
 * regular files only, size-capped, every field validated, profile paths confined to the folder.
 */
export function readShardFolder(dir: string): ShardFolder {
  const manifestPath = join(dir, SHARD_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(readCapped(manifestPath, MAX_SHARD_JSON_BYTES));
  } catch (error) {
    if (error instanceof PerfgateError) throw error;
    throw new PerfgateError('SHARD_INVALID', `${manifestPath}: not valid JSON (${describeError(error)})`);
  }
  if (raw && typeof raw === 'object' && 'version' in raw && typeof raw.version === 'number' && raw.version > SHARD_VERSION) {
    throw new PerfgateError('SHARD_INVALID', `${manifestPath}: shard version ${raw.version} is newer than this perfgate understands (${SHARD_VERSION}); use the same perfgate version for the shards and the merge`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PerfgateError('SHARD_INVALID', `${manifestPath}: ${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}`);
  }
  const manifest = parsed.data as ShardManifest;
  if (manifest.status !== 'complete') return { dir, manifest };
  const side = (name: keyof typeof SHARD_SIDE_FILES) => {
    const path = join(dir, SHARD_SIDE_FILES[name]);
    const baseline = parseBaseline(readCapped(path, MAX_SHARD_JSON_BYTES), path);
    return baseline;
  };
  const sides = { baseline: side('baseline'), candidate: side('candidate') };
  const name = shardName(manifest.shard);
  if (sides.candidate.trials.length !== manifest.pairs.length) {
    throw new PerfgateError('SHARD_INVALID', `${join(dir, SHARD_SIDE_FILES.candidate)}: shard ${name} ran ${manifest.pairs.length} pairs but holds ${sides.candidate.trials.length} candidate trials`);
  }
  if (manifest.kind === 'same-runner' && sides.baseline.trials.length !== manifest.pairs.length) {
    throw new PerfgateError('SHARD_INVALID', `${join(dir, SHARD_SIDE_FILES.baseline)}: shard ${name} ran ${manifest.pairs.length} pairs but holds ${sides.baseline.trials.length} baseline trials`);
  }
  return { dir, manifest, sides };
}

/** A shard's profile, decoded and checked (pprof-codec's limits apply: they are untrusted bytes). */
export function readShardProfile(dir: string, relativePath: string): Profile {
  const path = join(dir, relativePath);
  const stat = regularFile(path);
  // The name is checked; a `profiles` folder that is a link elsewhere is not followed.
  const inside = relative(realpathSync(dir), realpathSync(path));
  if (inside.startsWith('..') || isAbsolute(inside)) throw new PerfgateError('SHARD_INVALID', `${path}: resolves outside the shard folder ${dir}; refusing to read it`);
  checkProfileFileSize(stat.size, path);
  return decodePprof(readFileSync(path), path);
}

function readCapped(path: string, cap: number): string {
  const stat = regularFile(path);
  if (stat.size > cap) throw new PerfgateError('SHARD_INVALID', `${path}: ${stat.size} bytes, over the ${cap}-byte cap`);
  return readFileSync(path, 'utf8');
}

function regularFile(path: string) {
  let stat;
  try {
    stat = lstatSync(path);
  } catch (error) {
    throw new PerfgateError('SHARD_INVALID', `${path}: cannot read it (${describeError(error)}); is this a folder written by \`perfgate run --shard I/N\`?`);
  }
  if (!stat.isFile()) throw new PerfgateError('SHARD_INVALID', `${path}: expected a regular file (got a ${stat.isSymbolicLink() ? 'symbolic link' : 'folder or device'}); refusing to follow it`);
  return stat;
}

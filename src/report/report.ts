import type { Comparison, Detectability, DiffScore, HotLine, TotalRise } from '../analysis/index.js';
import type { Environment, MeasurementSettings } from '../baseline/index.js';
import type { Symbolication } from '../profile/index.js';

export const REPORT_SCHEMA = 'perfgate.report';
export const REPORT_VERSION = 1;

/** Everything a run concluded, as written to report.json and rendered to markdown. */
export interface Report {
  readonly schema: typeof REPORT_SCHEMA;
  readonly version: typeof REPORT_VERSION;
  readonly createdAt: string;
  readonly comparison: Comparison;
  /** Whether the baseline side is the stored file or the base commit re-measured on this machine, and why. */
  readonly baselineSource: { readonly kind: 'stored' | 'same-runner' | 'files'; readonly why: string };
  readonly baseline: Side & { readonly createdAt: string };
  readonly candidate: Side;
  /** Environment fields that differ between the sides (a stored baseline from another machine). */
  readonly environmentDifferences: readonly string[];
  /** The command that reproduces this run locally. */
  readonly reproduce: string;
  /** Per-trial pprof files, relative to the report folder. */
  readonly profiles: readonly string[];
  /** Each side's trials merged into one pprof file, relative to the report folder (null: the baseline has none). */
  readonly merged: { readonly candidate: string; readonly baseline: string | null };
  /** Per-trial allocation profiles (`*.alloc.pb.gz`), relative to the report folder; absent in older reports. */
  readonly allocationProfiles?: readonly string[];
  /** Each side's allocation profiles merged, like `merged`; absent when allocations were not profiled. */
  readonly mergedAllocations?: { readonly candidate: string; readonly baseline: string | null };
  /** The hottest lines (candidate's CPU profile) of each regressed function, by key; absent in older reports. */
  readonly hotLines?: Readonly<Record<string, readonly HotLine[]>>;
  /**
   * For each function regressed on its total time, by key: the parts of its total that rose
   * most (its own time, or a direct callee's), per request; absent in older reports.
   */
  readonly totalRises?: Readonly<Record<string, readonly TotalRise[]>>;
  /** Set by `perfgate diff`: the pprof files compared and the sample type tested; absent for a gate run. */
  readonly inputs?: ProfileInputs;
  /** First line of each function (`file#name` → line), from the merged profiles; absent in older reports. */
  readonly functionLines?: Readonly<Record<string, number>>;
  /** Requests and failures per trial of each side; absent in older reports. */
  readonly requests?: { readonly baseline: readonly RequestCounts[]; readonly candidate: readonly RequestCounts[] };
  /**
   * Wall time in milliseconds by phase (build, start, warmup, measure, profiles, teardown,
   * analysis, report), summed over the trials of both sides; absent in older reports.
   */
  readonly timingsMs?: Readonly<Record<string, number>>;
  /** The run's change in CPU (and allocated bytes) per request with its interval and minimum detectable change; absent for `perfgate diff` and older reports. */
  readonly diffScore?: DiffScore;
  /** What the run could have seen at its own noise, and whether that was too little to pass; absent in older reports and diffs. */
  readonly detectable?: Detectability;
  /** How much of the candidate's profiles has a source file and line, per sample type (CPU first); absent in older reports. */
  readonly symbolication?: readonly Symbolication[];
  /** Set by `perfgate merge`: the shards combined into this report, and how (docs/sharding.md). */
  readonly shards?: ShardsSummary;
}

export interface ShardsSummary {
  /** N of `--shard I/N`. */
  readonly count: number;
  /** same-runner shards: pairs within a shard, combined across shards; stored: the candidate's trials shared out, no pairs. */
  readonly method: 'stratified-sign-flip' | 'stored';
  /**
   * The minimum detectable change of the service's CPU per request (80% power, two-sided
   * alpha) over the first k complete shards, k = 1, 2, …; null where the pairs are too few
   * to ever reach alpha. Empty for stored shards.
   */
  readonly detectableByShards: readonly (number | null)[];
  readonly shards: readonly ShardSummary[];
}

export interface ShardSummary {
  readonly index: number;
  readonly status: 'complete' | 'failed' | 'missing';
  /** The pairs (trial numbers of the whole run) the shard ran. */
  readonly pairs: readonly number[];
  readonly cpuModel?: string;
  /** exp(mean log-ratio) of CPU per request over the shard's own pairs, and its share of the combined estimate's weight. */
  readonly ratio?: number;
  readonly weight?: number;
  /** Why a failed shard failed. */
  readonly error?: string;
}

export interface RequestCounts {
  readonly requests: number;
  /** No response (timeout, reset). */
  readonly errors: number;
  /** A status other than the one recorded with the request. */
  readonly statusMismatches: number;
  readonly non2xx: number;
}

/** What `perfgate diff` compared: files instead of measured trials, so no service metrics or environment. */
export interface ProfileInputs {
  /** The sample type whose shares were tested (`cpu`, `alloc_space`, `delay` …) and its unit. */
  readonly sampleType: string;
  readonly unit: string;
  /** Each side's files, relative to the report folder. */
  readonly baseline: readonly string[];
  readonly candidate: readonly string[];
}

export interface Side {
  readonly commit: string | null;
  readonly environment: Environment;
  readonly settings: MeasurementSettings;
}

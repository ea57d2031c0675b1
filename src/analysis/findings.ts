import type { CompareSettings } from '../config/schema.js';
import type { RouteStatusMismatch } from './trial.js';

export type Outcome = 'regressed' | 'improved' | 'unchanged' | 'inconclusive';
export type ShareMetric = 'self' | 'total';

/** One metric of one function (or of the service) compared across the two sides. */
export interface MetricComparison {
  /** Per-trial values, baseline side. */
  readonly baseline: readonly number[];
  readonly candidate: readonly number[];
  readonly baselineMedian: number;
  readonly candidateMedian: number;
  /** candidateMedian / baselineMedian; Infinity when the baseline is 0. */
  readonly ratio: number;
  /** 95% bootstrap interval of the ratio (widened by `widenedBy` where the comparison's empirical null asked for it). */
  readonly ci: { readonly low: number; readonly high: number };
  /** One-sided exact Mann–Whitney p, of the tail the change points to. */
  readonly p: number;
  /** Benjamini–Hochberg q over every test in the run; equal to p where no correction applies. */
  readonly q: number;
  readonly outcome: Outcome;
  /** How many times wider than the bootstrap's the interval was made (empirical null); absent when not widened. */
  readonly widenedBy?: number;
  /** Set when the share jumped between trials of the same code (inlining), so it was not tested. */
  readonly attributionJumps?: true;
}

export type Presence = 'both' | 'added' | 'gone';

export interface FunctionFinding {
  readonly key: string;
  readonly name: string;
  readonly file: string;
  readonly presence: Presence;
  readonly outcome: Outcome;
  /** Share of the trial's busy CPU, self and total: the machine's speed cancels out of these. */
  readonly self: MetricComparison;
  readonly total: MetricComparison;
  /** Medians of CPU nanoseconds per request, for display. */
  readonly perRequestNanos: {
    readonly baseline: { readonly self: number; readonly total: number };
    readonly candidate: { readonly self: number; readonly total: number };
  };
  /**
   * The function's own allocated bytes per request, in units of the baseline's total bytes
   * per request (so the absolute floor reads as a share of all allocations), tested like the
   * CPU shares; absent when either side has no allocation profile or the function
   * allocates too little to ever clear the absolute floor.
   */
  readonly allocations?: MetricComparison;
  /** Medians of the function's own allocated bytes and sampled allocations per request, for display. */
  readonly allocationsPerRequest?: {
    readonly baseline: { readonly bytes: number; readonly objects: number };
    readonly candidate: { readonly bytes: number; readonly objects: number };
  };
}

export type ServiceMetricName = 'cpuMicrosPerRequest' | 'throughputRps' | 'latencyP50Ms' | 'latencyP95Ms' | 'latencyP99Ms' | 'maxRssBytes';

export interface ServiceFinding {
  readonly metric: ServiceMetricName;
  /** Whether larger is worse (CPU, latency) or better (throughput). */
  readonly higherIsWorse: boolean;
  readonly comparison: MetricComparison;
}

export interface ErrorCounts {
  readonly trial: number;
  readonly side: 'baseline' | 'candidate';
  readonly requests: number;
  readonly errors: number;
  readonly statusMismatches: number;
  readonly non2xx: number;
}

/** Status mismatches on one route, summed over one side's trials. */
export interface RouteMismatchTotal extends RouteStatusMismatch {
  readonly side: 'baseline' | 'candidate';
  readonly route: string;
}

/**
 * A service metric compared pair by pair, when both sides ran interleaved on this
 * machine (same-runner): each adjacent baseline/candidate pair shares the machine's
 * state of the moment, so the ratio within a pair cancels most of the drift.
 */
export interface PairedFinding {
  readonly metric: 'cpuMicrosPerRequest';
  /** candidate / baseline, per pair. */
  readonly ratios: readonly number[];
  /** Median of the ratios and its 95% bootstrap interval. */
  readonly ratio: number;
  readonly ci: { readonly low: number; readonly high: number };
  /** Exact two-sided sign-flip test on the log ratios. */
  readonly p: number;
  readonly outcome: Outcome;
}

export type Verdict =
  | { readonly outcome: 'pass'; readonly rule: string }
  | {
      readonly outcome: 'fail';
      readonly rule: string;
      readonly blocking: readonly FunctionFinding[];
      /** Set when the service as a whole got slower (a uniform slowdown that leaves shares alone). */
      readonly blockingService?: PairedFinding;
    }
  | { readonly outcome: 'fail-errors'; readonly rule: string; readonly errors: readonly ErrorCounts[] }
  | { readonly outcome: 'inconclusive'; readonly rule: string };

export interface Comparison {
  readonly verdict: Verdict;
  /** Every function tested, regressions first (largest absolute change first). */
  readonly findings: readonly FunctionFinding[];
  readonly service: readonly ServiceFinding[];
  /** Present when the sides ran interleaved on this machine. */
  readonly paired?: PairedFinding;
  readonly trials: { readonly baseline: number; readonly candidate: number };
  /** How many (function, metric) tests the false-discovery control covered. */
  readonly tests: number;
  /** Functions too small to ever pass the absolute floor, left out of testing. */
  readonly untested: number;
  readonly settings: CompareSettings;
  /**
   * Responses whose status differed from the recorded one, by side and route, most first
   * (absent in reports written before perfgate counted them per route).
   */
  readonly statusMismatches?: readonly RouteMismatchTotal[];
  readonly warnings: readonly string[];
}

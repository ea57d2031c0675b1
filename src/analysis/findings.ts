import type { ContestedCentre } from './common-factor.js';
import type { CompareSettings } from '../config/schema.js';
import type { PairFactors } from './pair-factors.js';
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
  /**
   * 95% interval of the ratio, from the trials' spread on the log scale (t quantiles) with
   * the comparison's drift added as a variance (`driftSd`); Infinity (new) or 0 (gone) when
   * the metric is zero on one side.
   */
  readonly ci: { readonly low: number; readonly high: number };
  /**
   * When the metric is zero on one side (new code, code that is gone, a function that starts
   * allocating): the 95% interval of its value on the other side, which was tested against
   * zero and whose low end must reach the absolute floor.
   */
  readonly costCi?: { readonly low: number; readonly high: number };
  /** One-sided exact Mann–Whitney p, of the tail the change points to. */
  readonly p: number;
  /** Benjamini–Hochberg q over every test in the run; equal to p where no correction applies. */
  readonly q: number;
  readonly outcome: Outcome;
  /** The drift between the sides (log-scale standard deviation) added to this interval's variance; absent when none was. */
  readonly driftSd?: number;
  /**
   * Set when the outcome is inconclusive but points at a regression: p <= alpha before
   * false-discovery control, and the estimate clears the relative and absolute floors
   * (leaning.ts). A pass cannot stand beside it; more trials decide it.
   */
  readonly leaning?: true;
  /** Set when the value jumped between trials of the same code (inlining: CPU time, or allocated bytes swapping with another function), so it was not tested. */
  readonly attributionJumps?: true;
  /** Set when own time rose but the total did not: callees' time now charged to it (inlining), so not a regression. */
  readonly movedFromCallees?: true;
  /**
   * Same-runner, when the pairs' factors applied (pair-factors.ts): the same metric relative
   * to the run's unchanged code (each pair's candidate trial divided by its pair's factor).
   * It decides a regression only; then `decidedRelative` is set and the figures above are these.
   */
  readonly relative?: { readonly ratio: number; readonly ci: { readonly low: number; readonly high: number }; readonly p: number; readonly q: number; readonly outcome: Outcome; readonly leaning?: true };
  readonly decidedRelative?: true;
}

export type Presence = 'both' | 'added' | 'gone';

/**
 * The unit that a regression of changed code (new code, or code of an upgraded package) was
 * judged within and did not regress with it (moved-code.ts): the code replaced code that went,
 * so it is not blamed. Its figures are the unit's: the changed code's own time as a whole
 * (`unit` "changed code"), or the function's package (`unit` "package express").
 */
export interface Replaces {
  readonly unit: string;
  readonly outcome: Outcome;
  readonly baselineMedian: number;
  readonly candidateMedian: number;
  readonly ratio: number;
  readonly ci: { readonly low: number; readonly high: number };
}

export interface FunctionFinding {
  /** The function's key in the candidate (the baseline's when it is gone). */
  readonly key: string;
  readonly name: string;
  readonly file: string;
  readonly presence: Presence;
  readonly outcome: Outcome;
  /** Which metric decided the outcome (the row shows it): a regression on allocations is not one on CPU. */
  readonly decidedBy?: ShareMetric | 'allocations';
  /** For code under node_modules: the package and the versions each side ran (an upgrade keeps the function, not its key). */
  readonly package?: { readonly name: string; readonly baselineVersion?: string; readonly candidateVersion?: string };
  /** The baseline's key of a function renamed in the same file (compared with it, not tested as new). */
  readonly renamedFrom?: string;
  /** Set when a regression of this changed code was offset by code that went (moved-code.ts): not blamed. */
  readonly replaces?: Replaces;
  /**
   * Share of the trial's busy CPU, self and total (in a stored comparison; the candidate's
   * recentred by the common factor), or CPU nanoseconds per request (same-runner, compared
   * pair by pair): see Comparison.basis.
   */
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

/** A package of node_modules as one unit: the own (self) time of all its functions. */
export interface PackageFinding {
  readonly name: string;
  /** Versions seen on each side (two when two copies were loaded). */
  readonly baselineVersions: readonly string[];
  readonly candidateVersions: readonly string[];
  readonly presence: Presence;
  readonly outcome: Outcome;
  readonly self: MetricComparison;
  /** Medians of the package's own CPU nanoseconds per request. */
  readonly perRequestNanos: { readonly baseline: number; readonly candidate: number };
  /** Set when the package (new, gone or upgraded) regressed alone but the changed code as a whole did not (moved-code.ts): not blamed. */
  readonly replaces?: Replaces;
}

export type Verdict =
  | { readonly outcome: 'pass'; readonly rule: string }
  | {
      readonly outcome: 'fail';
      readonly rule: string;
      readonly blocking: readonly FunctionFinding[];
      /** Packages whose own time regressed as a whole. */
      readonly blockingPackages?: readonly PackageFinding[];
      /** Set when the service as a whole got slower (a uniform slowdown that leaves shares alone). */
      readonly blockingService?: PairedFinding;
    }
  | { readonly outcome: 'fail-errors'; readonly rule: string; readonly errors: readonly ErrorCounts[] }
  | { readonly outcome: 'inconclusive'; readonly rule: string };

export interface Comparison {
  readonly verdict: Verdict;
  /** Every function tested, regressions first (largest absolute change first). */
  readonly findings: readonly FunctionFinding[];
  /** Packages of node_modules compared as units (absent in reports from before they were). */
  readonly packages?: readonly PackageFinding[];
  /**
   * What function metrics are measured in: shares of busy CPU (a stored baseline: machine
   * speed cancels) or nanoseconds per request compared pair by pair (same-runner).
   */
  readonly basis?: 'share' | 'nanos-per-request';
  /** The factor every candidate share was divided by (shares are parts of a whole; see common-factor.ts); 1 when paired. */
  readonly commonFactor?: number;
  /** Stored mode: whether the shares could tell which code moved (common-factor.ts `contestedCentre`). */
  readonly sharesContest?: ContestedCentre;
  /**
   * Same-runner: each pair's factor on all its code, and the unchanged code's move over the
   * run with its 95% interval (pair-factors.ts); `applied` when functions were also tested
   * relative to that code.
   */
  readonly pairFactors?: PairFactors;
  /** The drift added to every CPU and allocation interval (log-scale standard deviation). */
  readonly drift?: { readonly cpu: number; readonly allocations: number };
  readonly service: readonly ServiceFinding[];
  /** Present when the sides ran interleaved on this machine. */
  readonly paired?: PairedFinding;
  /**
   * The own time (and allocated bytes) of all code that came, went or was upgraded, per trial,
   * compared as one unit (moved-code.ts); absent when no code changed.
   */
  readonly changedCode?: { readonly cpu: MetricComparison; readonly allocations?: MetricComparison };
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

/** How reports and verdicts name a finding's metric. */
export function metricWords(metric: ShareMetric | 'allocations'): string {
  return metric === 'self' ? 'own time' : metric === 'total' ? 'total time' : 'allocated bytes';
}

/** A finding's comparison on one metric (allocations only when they were compared). */
export function metricOf(finding: FunctionFinding, metric: ShareMetric | 'allocations'): MetricComparison | undefined {
  return metric === 'allocations' ? finding.allocations : finding[metric];
}

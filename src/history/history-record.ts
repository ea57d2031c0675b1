import type { Verdict } from '../analysis/index.js';
import type { Environment } from '../baseline/index.js';
import type { Report } from '../report/index.js';

export const HISTORY_SCHEMA = 'perfgate.history';
export const HISTORY_VERSION = 1;
/** How many of the largest functions a record keeps: enough for trend lines, small enough for one line per run. */
export const HISTORY_FUNCTIONS = 20;

/** A median across a run's trials with a distribution-free interval (order statistics). */
export interface MedianInterval {
  readonly median: number;
  readonly low: number;
  readonly high: number;
  /** The interval's guaranteed coverage: at least 0.95 from 6 trials up; below that, that of min … max. */
  readonly coverage: number;
}

/** One gate run, as one line of a history file. */
export interface HistoryRecord {
  readonly schema: typeof HISTORY_SCHEMA;
  readonly version: typeof HISTORY_VERSION;
  readonly commit: string | null;
  readonly parent: string | null;
  readonly branch: string | null;
  /** When the run finished (ISO 8601). */
  readonly date: string;
  readonly verdict: Verdict['outcome'];
  /** The run's diff score against its baseline (relative changes); null when the report had none. */
  readonly diffScore: {
    readonly cpu: { readonly change: number; readonly low: number; readonly high: number; readonly minimumDetectable: number };
    readonly allocatedBytes: { readonly change: number; readonly low: number; readonly high: number; readonly minimumDetectable: number } | null;
  } | null;
  /** The service's CPU time per request (OS-charged, microseconds) over the candidate's trials. */
  readonly cpuMicrosPerRequest: MedianInterval;
  /** Median allocated bytes per request over the candidate's trials; null when allocations were not profiled. */
  readonly allocatedBytesPerRequest: number | null;
  readonly throughputRps: number;
  readonly latencyP95Ms: number;
  /** The largest functions by own CPU per request, most first. */
  readonly functions: ReadonlyArray<{ readonly key: string; readonly name: string; readonly file: string; readonly selfNanosPerRequest: number; readonly totalNanosPerRequest: number }>;
  readonly environment: Environment;
  readonly runUrl: string | null;
}

/** What a report does not know about its run: where it sits in the repository's history. */
export interface RunContext {
  readonly parent: string | null;
  readonly branch: string | null;
  readonly runUrl: string | null;
}

/** The history record of a gate run, from its report. Pure. */
export function historyRecord(report: Report, context: RunContext): HistoryRecord {
  const service = (metric: string) => report.comparison.service.find((s) => s.metric === metric)?.comparison;
  const cpu = service('cpuMicrosPerRequest');
  const score = report.diffScore;
  const estimate = (e: NonNullable<typeof score>['cpuPerRequest']) => ({ change: e.change, low: e.low, high: e.high, minimumDetectable: e.minimumDetectable.relative });
  const functions = report.comparison.findings
    .filter((f) => f.presence !== 'gone')
    .map((f) => ({ key: f.key, name: f.name, file: f.file, selfNanosPerRequest: f.perRequestNanos.candidate.self, totalNanosPerRequest: f.perRequestNanos.candidate.total }))
    .sort((a, b) => b.selfNanosPerRequest - a.selfNanosPerRequest || a.key.localeCompare(b.key))
    .slice(0, HISTORY_FUNCTIONS);
  return {
    schema: HISTORY_SCHEMA,
    version: HISTORY_VERSION,
    commit: report.candidate.commit,
    parent: context.parent,
    branch: context.branch,
    date: report.createdAt,
    verdict: report.comparison.verdict.outcome,
    diffScore: score
      ? { cpu: estimate(score.cpuPerRequest), allocatedBytes: score.allocatedBytesPerRequest ? estimate(score.allocatedBytesPerRequest) : null }
      : null,
    cpuMicrosPerRequest: medianInterval(cpu?.candidate ?? []),
    allocatedBytesPerRequest: score?.allocatedBytesPerRequest?.candidateMedian ?? null,
    throughputRps: service('throughputRps')?.candidateMedian ?? 0,
    latencyP95Ms: service('latencyP95Ms')?.candidateMedian ?? 0,
    functions,
    environment: report.candidate.environment,
    runUrl: context.runUrl,
  };
}

/**
 * The median and the order-statistic interval [x(k), x(n+1−k)] with the largest k whose
 * coverage, 1 − 2·P(Binomial(n, ½) < k), is still at least 95%: distribution-free, so it
 * holds for the skewed, outlier-prone timings of shared machines. Under 6 trials no such
 * interval exists; min … max is given with the coverage it has (e.g. 0.875 for 4).
 */
export function medianInterval(values: readonly number[]): MedianInterval {
  const sorted = values.filter(Number.isFinite).toSorted((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { median: 0, low: 0, high: 0, coverage: 0 };
  const mid = n >> 1;
  const median = n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const coverageOf = (k: number) => 1 - 2 * binomialCdf(n, k - 1);
  let k = 1;
  while (k + 1 <= mid && coverageOf(k + 1) >= 0.95) k++;
  return { median, low: sorted[k - 1]!, high: sorted[n - k]!, coverage: coverageOf(k) };
}

/** P(Binomial(n, ½) ≤ k). */
function binomialCdf(n: number, k: number): number {
  let term = 0.5 ** n;
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    sum += term;
    term = (term * (n - i)) / (i + 1);
  }
  return sum;
}

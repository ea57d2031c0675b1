/**
 * One metric's change on the log scale, with its standard error from the trials, before
 * any drift or floor is applied. Logs because costs change by factors (a function 20%
 * slower is 20% slower whatever its size); `offset`, half of what one profiler sample is
 * worth in the metric's unit, keeps a trial that happened to see a function zero times
 * finite, as counting statistics do.
 */
export interface MetricEstimate {
  readonly baselineMedian: number;
  readonly candidateMedian: number;
  /** ln(candidate / baseline). */
  readonly effect: number;
  /** Standard error of `effect` from the trials' own spread. */
  readonly se: number;
  /** Degrees of freedom of that standard error. */
  readonly df: number;
}

/**
 * Two independent samples (a stored baseline, or any unpaired run): the difference of the
 * sides' log medians. The median of n values varies about π/2 as much as their mean
 * (its standard error is 1.2533 σ/√n), which this uses with each side's own spread.
 */
export function unpairedEstimate(baseline: readonly number[], candidate: readonly number[], offset: number): MetricEstimate {
  const lb = baseline.map((v) => Math.log(v + offset));
  const lc = candidate.map((v) => Math.log(v + offset));
  const se = atLeastCounting(MEDIAN_EFFICIENCY * Math.sqrt(variance(lb) / lb.length + variance(lc) / lc.length), () => Math.sqrt(countingVariance(baseline, offset) / lb.length + countingVariance(candidate, offset) / lc.length));
  return {
    baselineMedian: safeMedian(baseline),
    candidateMedian: safeMedian(candidate),
    effect: safeMedian(lc) - safeMedian(lb),
    se,
    df: Math.max(1, lb.length + lc.length - 2),
  };
}

/**
 * Adjacent pairs measured on one machine (same-runner: baseline[i] and candidate[i] ran one
 * after the other): the log of the ratio of the sides' means, its standard error from each
 * pair's residual cᵢ − r·bᵢ (the delta method for a ratio of paired means), whose spread no
 * longer contains the machine's drift over the run, only what differs between two processes.
 *
 * The ratio of means, not the mean of the pairs' log ratios: a service pays the mean of its
 * processes' costs, and a function that deoptimises in half of them (6× its cost there)
 * costs 3.5× on the whole, which the mean of logs reads as 2.4× with a spread that left it
 * short of significance in half of 100 simulations (caught 49 times; by the ratio of means, see
 * docs/statistics.md). For a cost that moves by a similar factor in every pair the two agree.
 */
export function pairedEstimate(baseline: readonly number[], candidate: readonly number[], offset: number): MetricEstimate {
  if (baseline.length !== candidate.length) throw new Error(`paired estimate needs as many baseline as candidate values (${baseline.length} vs ${candidate.length})`);
  const n = baseline.length;
  const b = baseline.map((v) => v + offset);
  const c = candidate.map((v) => v + offset);
  const meanB = mean(b);
  const meanC = mean(c);
  const ratio = meanB > 0 && meanC > 0 ? meanC / meanB : 1;
  const residuals = c.map((v, i) => v - ratio * b[i]!);
  const spread = n < 2 || !(meanC > 0) ? Number.POSITIVE_INFINITY : Math.sqrt(residuals.reduce((a, r) => a + r * r, 0) / (n - 1) / n) / meanC;
  return {
    baselineMedian: safeMedian(baseline),
    candidateMedian: safeMedian(candidate),
    effect: n === 0 ? 0 : Math.log(ratio),
    se: n < 2 ? Number.POSITIVE_INFINITY : atLeastCounting(spread, () => Math.sqrt((countingVariance(baseline, offset) + countingVariance(candidate, offset)) / n)),
    df: Math.max(1, n - 1),
  };
}

/**
 * The trials' spread, never below the profiler's counting noise. Trials that agree (two
 * trials of a function the profiler saw once each, then three times each, say) say little
 * about the noise: a few trials' spread falls far below what counting puts on the values
 * by chance (with two pairs, below a tenth of it one time in twelve). Tiny A/A runs failed
 * on it: a function seen 4 then 5 times in both pairs (a spread of zero but for rounding),
 * and one seen 4 times in six baseline trials and 16 in six candidate ones, whose pairs'
 * residuals gave 2.0× … 3.7× where counting allows 0.7× … 10.7×. For a function of many
 * samples counting adds nothing: its noise is the trials' own.
 */
function atLeastCounting(se: number, counting: () => number): number {
  return Math.max(se, counting());
}

/**
 * The variance a profiler's counting alone puts on a value's log, averaged over the values:
 * a value of k samples (`offset` is half of one sample's worth) varies like a Poisson count,
 * whose log has variance about 1/(k + ½). 0 when the metric has no sample size.
 */
export function countingVariance(values: readonly number[], offset: number): number {
  if (!(offset > 0) || values.length === 0) return 0;
  return values.reduce((a, v) => a + 1 / (v / (2 * offset) + 0.5), 0) / values.length;
}

/** The arithmetic mean; 0 for no values. */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Sample variance (n − 1); 0 for fewer than two values. */
export function variance(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const centre = mean(values);
  return values.reduce((a, v) => a + (v - centre) ** 2, 0) / (values.length - 1);
}

export function safeMedian(values: readonly number[]): number {
  return values.length === 0 ? 0 : sortedMedian(Float64Array.from(values).sort());
}

/**
 * The median of values already sorted ascending (the mean of the middle two for an even
 * count, as simple-statistics gives). compare() takes medians of ten values tens of
 * thousands of times a run, and its resampling loops sort their own scratch arrays.
 */
export function sortedMedian(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const half = n >> 1;
  return n % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
}

const MEDIAN_EFFICIENCY = Math.sqrt(Math.PI / 2);

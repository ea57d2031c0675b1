/**
 * Percentile-bootstrap confidence interval for median(y) / median(x), resampling each
 * side with a seeded generator. Resamples whose baseline median is 0 count as an infinite
 * ratio when the candidate's is not, and are skipped when both are 0; if too few remain
 * the interval is unbounded above.
 *
 * The comparison runs this for every tested function and metric, 2 000 resamples each,
 * so a resample is not sorted: each side is sorted once, a resample only counts how often
 * it drew each rank, and its median is read off the cumulative counts. The draws, and
 * so the interval, are the same as sorting each resample (type-7 median, as
 * simple-statistics computes it).
 */
export function bootstrapMedianRatio(
  x: readonly number[],
  y: readonly number[],
  options: { resamples: number; confidence: number; random: () => number },
): { low: number; high: number } {
  if (x.length === 0 || y.length === 0) throw new Error('quantile requires at least one data point.');
  // Nothing on either side is no change, not an unknown one.
  if (x.every((v) => v === 0) && y.every((v) => v === 0)) return { low: 1, high: 1 };
  const xs = ranked(x);
  const ys = ranked(y);
  const ratios = new Float64Array(options.resamples);
  let kept = 0;
  for (let r = 0; r < options.resamples; r++) {
    const base = resampledMedian(xs, options.random);
    const candidate = resampledMedian(ys, options.random);
    // Something from nothing (a function that starts allocating) is an infinite ratio, not a missing one.
    if (base > 0) ratios[kept++] = candidate / base;
    else if (candidate > 0) ratios[kept++] = Number.POSITIVE_INFINITY;
  }
  if (kept < options.resamples / 2) return { low: 0, high: Number.POSITIVE_INFINITY };
  const sorted = ratios.subarray(0, kept).sort();
  const tail = (1 - options.confidence) / 2;
  const at = (q: number) => sorted[Math.min(kept - 1, Math.max(0, Math.floor(q * kept)))]!;
  return { low: at(tail), high: at(1 - tail) };
}

interface Ranked {
  /** The values in ascending order. */
  readonly sorted: Float64Array;
  /** For each original position, its rank in `sorted`. */
  readonly rankOf: Int32Array;
  /** How often the current resample drew each rank. */
  readonly counts: Int32Array;
}

function ranked(values: readonly number[]): Ranked {
  const order = Array.from(values.keys()).sort((a, b) => values[a]! - values[b]!);
  const rankOf = new Int32Array(values.length);
  order.forEach((original, rank) => (rankOf[original] = rank));
  return { sorted: Float64Array.from(order, (i) => values[i]!), rankOf, counts: new Int32Array(values.length) };
}

/** The median of n draws with replacement (`random` called n times, as a resample by index would). */
function resampledMedian(side: Ranked, random: () => number): number {
  const { sorted, rankOf, counts } = side;
  const n = sorted.length;
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[rankOf[Math.floor(random() * n)]!]! += 1;
  // Type 7: the order statistic at (n - 1) / 2, interpolated halfway for even n.
  const lowerIndex = (n - 1) >> 1;
  const upperIndex = n >> 1;
  let seen = 0;
  let rank = 0;
  while (seen + counts[rank]! <= lowerIndex) seen += counts[rank++]!;
  const lower = sorted[rank]!;
  if (upperIndex === lowerIndex) return lower;
  while (seen + counts[rank]! <= upperIndex) seen += counts[rank++]!;
  const upper = sorted[rank]!;
  return lower + 0.5 * (upper - lower);
}

import { sortedMedian } from './metric-estimate.js';

/**
 * Percentile-bootstrap confidence interval for median(y) / median(x), resampling each
 * side with a seeded generator. Resamples whose baseline median is 0 count as an infinite
 * ratio when the candidate's is not, and are skipped when both are 0; if too few remain
 * the interval is unbounded above.
 */
export function bootstrapMedianRatio(
  x: readonly number[],
  y: readonly number[],
  options: { resamples: number; confidence: number; random: () => number },
): { low: number; high: number } {
  // Nothing on either side is no change, not an unknown one.
  if (x.every((v) => v === 0) && y.every((v) => v === 0)) return { low: 1, high: 1 };
  const ratios: number[] = [];
  const xs = new Float64Array(x.length);
  const ys = new Float64Array(y.length);
  for (let r = 0; r < options.resamples; r++) {
    for (let i = 0; i < x.length; i++) xs[i] = x[Math.floor(options.random() * x.length)]!;
    for (let i = 0; i < y.length; i++) ys[i] = y[Math.floor(options.random() * y.length)]!;
    const base = sortedMedian(xs.sort());
    const candidate = sortedMedian(ys.sort());
    // Something from nothing (a function that starts allocating) is an infinite ratio, not a missing one.
    if (base > 0) ratios.push(candidate / base);
    else if (candidate > 0) ratios.push(Number.POSITIVE_INFINITY);
  }
  if (ratios.length < options.resamples / 2) return { low: 0, high: Number.POSITIVE_INFINITY };
  ratios.sort((a, b) => a - b);
  const tail = (1 - options.confidence) / 2;
  const at = (q: number) => ratios[Math.min(ratios.length - 1, Math.max(0, Math.floor(q * ratios.length)))]!;
  return { low: at(tail), high: at(1 - tail) };
}

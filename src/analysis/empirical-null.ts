import { median } from 'simple-statistics';

/** Fewer tested metrics than this say too little about their spread: no widening. */
export const MIN_METRICS_FOR_NULL = 12;

export interface RatioInterval {
  readonly ratio: number;
  readonly ci: { readonly low: number; readonly high: number };
}

/**
 * How much wider than its own trials say each interval of one comparison must be: the
 * empirical null of Efron (2004, "Large-scale simultaneous hypothesis testing: the choice
 * of a null hypothesis").
 *
 * Each interval only knows how much trials vary *within* a side. Two sides measured at
 * different times (a stored baseline from yesterday, a candidate from today) also differ
 * by how the machine itself drifted in between, and on a shared machine that moves
 * functions' shares by 5–10% at once, which no number of trials averages out. Most
 * functions of a comparison did not change, so the spread of their z-scores (log ratio
 * over its interval's standard error, after the common factor below) shows that drift: about 1 when the sides are
 * comparable, more when they are not. The robust spread (median absolute deviation,
 * scaled to a standard deviation) ignores the few functions that really changed.
 */
export function nullSpread(intervals: readonly RatioInterval[]): number {
  const usable = intervals.filter(({ ratio, ci }) => ratio > 0 && Number.isFinite(ratio) && ci.low > 0 && Number.isFinite(ci.high) && ci.high > ci.low);
  if (usable.length < MIN_METRICS_FOR_NULL) return 1;
  // Shares are parts of a whole: when one function really grows, every other share shrinks
  // by the same factor. That common factor is taken out (the median log ratio) before the
  // spread is read, so that a large regression does not widen its own interval away.
  const common = median(usable.map(({ ratio }) => Math.log(ratio)));
  const z = usable.map(({ ratio, ci }) => (Math.log(ratio) - common) / ((Math.log(ci.high) - Math.log(ci.low)) / (2 * Z_95)));
  const centre = median(z);
  const spread = MAD_TO_SD * median(z.map((v) => Math.abs(v - centre)));
  // Never narrower than the trials say: a spread below 1 is chance, not a licence.
  return Math.max(1, spread);
}

/** The interval widened by `factor` around its centre, on the log scale. */
export function widenInterval(ci: { readonly low: number; readonly high: number }, factor: number): { low: number; high: number } {
  if (factor === 1 || !(ci.low > 0) || !Number.isFinite(ci.high)) return { low: ci.low, high: ci.high };
  const centre = (Math.log(ci.low) + Math.log(ci.high)) / 2;
  const half = ((Math.log(ci.high) - Math.log(ci.low)) / 2) * factor;
  return { low: Math.exp(centre - half), high: Math.exp(centre + half) };
}

const Z_95 = 1.959963984540054;
/** 1 / Φ⁻¹(3/4): makes the median absolute deviation of normal data its standard deviation. */
const MAD_TO_SD = 1.482602218505602;

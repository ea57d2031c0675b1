import { tQuantile, tUpperTail } from './student-t.js';
import { variance } from './metric-estimate.js';

/**
 * A function found on one side only (new code, or code that is gone) tested against zero:
 * is its cost on the side where it ran more than nothing, and how much at least? A new
 * function is the most common regression; listing it with its share and no test would let
 * any amount of new code pass. One-sample t on the per-trial values: p that the mean is
 * above zero, and the one-sided 95% lower bound of the mean, which the absolute floor is
 * held against.
 */
export interface PresenceTest {
  readonly mean: number;
  /** One-sided p that the cost is above zero. */
  readonly p: number;
  /** 95% two-sided interval of the mean cost (its low end is what must clear the floor). */
  readonly ci: { readonly low: number; readonly high: number };
}

export function presenceTest(values: readonly number[], offset = 0): PresenceTest {
  const n = values.length;
  const mean = n === 0 ? 0 : values.reduce((a, b) => a + b, 0) / n;
  if (n < 2 || mean <= 0) return { mean, p: 1, ci: { low: 0, high: mean } };
  // Trials that agree (a function seen once in each) are not a certainty: a count of k
  // varies by √k (`offset` is half a sample), and a few trials' spread can fall far below
  // that by chance. Two trials that each sampled one allocation of a once-a-process cost,
  // their values equal to 0.002%, once failed a gate as "new (6.05% … 6.07%)". The trials'
  // spread counts only where it is larger than the counting noise.
  const spread = Math.sqrt(variance(values) / n);
  const counting = offset > 0 ? Math.sqrt(values.reduce((a, v) => a + v * 2 * offset, 0) / n / n) : 0;
  const se = Math.max(spread, counting);
  if (se === 0) return { mean, p: 0, ci: { low: mean, high: mean } };
  const t = tQuantile(0.025, n - 1);
  return { mean, p: tUpperTail(mean / se, n - 1), ci: { low: Math.max(0, mean - t * se), high: mean + t * se } };
}

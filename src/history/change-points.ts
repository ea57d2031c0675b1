import { seededRandom } from '../analysis/prng.js';
import { stepLocation } from './step-location.js';

/** A step found in a series: the index where the new level begins. */
export interface ChangePoint {
  /** Index of the first value of the new segment: the run or its neighbour (see `stepLocation`). */
  readonly index: number;
  /** Permutation p-value of the split when it was accepted. */
  readonly p: number;
  /** The divergence statistic Q̂ of the split (larger: a clearer step). */
  readonly q: number;
}

export interface ChangePointOptions {
  /** A split is accepted when its permutation p is at most this. Default 0.01. */
  readonly significance?: number;
  /** Permutations per test; default 199 (so the smallest p is 0.005). */
  readonly permutations?: number;
  /** The fewest values a segment may have on either side of a split; default 4. */
  readonly minSegment?: number;
  readonly seed?: number;
}

/**
 * E-divisive means (Matteson & James, "A Nonparametric Approach for Multiple Change Point
 * Analysis of Multivariate Data", JASA 2014), the method MongoDB's performance CI and
 * Apache Otava (formerly Hunter) run over benchmark histories: hierarchically, the split of
 * a segment that maximises the energy distance between its two sides is proposed, and
 * accepted when a permutation test says a split that good is unlikely without a step.
 * It assumes no distribution and no number of steps, and the energy distance (α = 1)
 * sees shifts in level even when the noise is skewed, as timings on shared machines are.
 * Deterministic for a seed. O(n²) per evaluation; histories are bounded (1000 runs).
 *
 * E-divisive decides whether and roughly where; each accepted step is then placed again by
 * `stepLocation` within the runs between its neighbours (left to right, so steps cannot cross),
 * which puts it within one run of where it began more often (see docs/history.md).
 */
export function changePoints(series: readonly number[], options: ChangePointOptions = {}): ChangePoint[] {
  const significance = options.significance ?? 0.01;
  const permutations = options.permutations ?? 199;
  const minSegment = Math.max(2, options.minSegment ?? 4);
  const random = seededRandom(options.seed ?? 1);
  const found: ChangePoint[] = [];
  const bounds = [0, series.length];
  for (;;) {
    // The best split of every segment between the accepted change points; the strongest is tested.
    let best: { start: number; end: number; index: number; q: number } | null = null;
    for (let s = 0; s + 1 < bounds.length; s++) {
      const start = bounds[s]!;
      const end = bounds[s + 1]!;
      const split = bestSplit(series.slice(start, end), minSegment);
      if (split && (!best || split.q > best.q)) best = { start, end, index: start + split.index, q: split.q };
    }
    if (!best) break;
    const segment = series.slice(best.start, best.end);
    let asGood = 0;
    for (let r = 0; r < permutations; r++) {
      const permuted = shuffle(segment, random);
      const split = bestSplit(permuted, minSegment);
      if (split && split.q >= best.q) asGood++;
    }
    const p = (asGood + 1) / (permutations + 1);
    if (p > significance) break;
    found.push({ index: best.index, p, q: best.q });
    bounds.push(best.index);
    bounds.sort((a, b) => a - b);
  }
  found.sort((a, b) => a.index - b.index);
  const placed: ChangePoint[] = [];
  for (let i = 0; i < found.length; i++) {
    const start = placed[i - 1]?.index ?? 0;
    const end = found[i + 1]?.index ?? series.length;
    const at = stepLocation(series.slice(start, end), minSegment);
    placed.push({ ...found[i]!, index: at === null ? found[i]!.index : start + at });
  }
  return placed;
}

/**
 * The split τ of `y` maximising Q̂(τ) = mk/(m+k) · (2/(mk)·Σ|a−b| − Σ|a−a'|/C(m,2) − Σ|b−b'|/C(k,2)),
 * the scaled sample energy distance between y[0..τ) (m values) and y[τ..) (k values),
 * computed for every τ in one O(n²) pass from row sums and a running within-sum.
 */
function bestSplit(y: readonly number[], minSegment: number): { index: number; q: number } | null {
  const n = y.length;
  if (n < 2 * minSegment) return null;
  const rowSum = y.map((a) => y.reduce((sum, b) => sum + Math.abs(a - b), 0));
  const withinAll = rowSum.reduce((a, b) => a + b, 0) / 2;
  let withinA = 0;
  let rowsA = 0;
  let best: { index: number; q: number } | null = null;
  for (let tau = 1; tau <= n - minSegment; tau++) {
    const added = tau - 1;
    for (let i = 0; i < added; i++) withinA += Math.abs(y[added]! - y[i]!);
    rowsA += rowSum[added]!;
    if (tau < minSegment) continue;
    const between = rowsA - 2 * withinA;
    const withinB = withinAll - withinA - between;
    const m = tau;
    const k = n - tau;
    const energy = (2 * between) / (m * k) - withinA / ((m * (m - 1)) / 2) - withinB / ((k * (k - 1)) / 2);
    const q = ((m * k) / (m + k)) * energy;
    if (!best || q > best.q) best = { index: tau, q };
  }
  return best;
}

function shuffle(values: readonly number[], random: () => number): number[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

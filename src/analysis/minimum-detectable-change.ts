import { median } from 'simple-statistics';
import { normalUpperTail } from './normal.js';
import { seededRandom } from './prng.js';
import { signFlipTest } from './sign-flip.js';

/** The smallest rise a run could have seen, at the noise it measured. */
export interface MinimumDetectableChange {
  /** Relative rise (0.05 = +5%) the test detects with probability `power`; Infinity when no rise up to ×10 is. */
  readonly relative: number;
  readonly alpha: number;
  readonly power: number;
  /** The test whose power this is: the one the run used for this metric. */
  readonly test: 'mann-whitney' | 'sign-flip';
  /** Standard deviation of the log values around their side's median (≈ the coefficient of variation). */
  readonly noise: number;
  readonly simulations: number;
}

export type MdcSamples =
  | { readonly kind: 'independent'; readonly baseline: readonly number[]; readonly candidate: readonly number[] }
  | { readonly kind: 'paired'; readonly ratios: readonly number[] };

export interface MdcOptions {
  readonly alpha: number;
  /** Default 0.8. */
  readonly power?: number;
  readonly seed: number;
  /** Default 400: the power at the answer is then known to about ±2 points. */
  readonly simulations?: number;
}

/** The largest rise searched: beyond ×10 a run is blind, and "Infinity" says so. */
const MAX_LOG_SHIFT = Math.log(10);

/**
 * The minimum detectable change of a run: the smallest relative rise that the run's own
 * test (one-sided Mann–Whitney for independent trials, the sign-flip test for interleaved
 * pairs) rejects at `alpha` in `power` of simulated runs of the same size. The simulated
 * runs resample the run's own residuals (log values minus their side's median), so the
 * noise is the one measured, not an assumed normal one; a rise is a shift in log space,
 * which is what a multiplicative slowdown is. Exact tests on few trials have a floor:
 * with 2 against 2 trials no rise is ever significant at 0.05 one-sided (the smallest p is
 * 1/6), and the answer is Infinity, not a number.
 *
 * Every shift is tested on the same simulated draws (common random numbers), so power
 * rises monotonically with the shift and bisection finds the crossing. Seeded.
 */
export function minimumDetectableChange(samples: MdcSamples, options: MdcOptions): MinimumDetectableChange {
  const power = options.power ?? 0.8;
  const simulations = options.simulations ?? 400;
  const random = seededRandom(options.seed);
  const base = { alpha: options.alpha, power, simulations };
  if (samples.kind === 'paired') {
    const logs = samples.ratios.filter((r) => r > 0 && Number.isFinite(r)).map(Math.log);
    const residuals = centred(logs);
    const draws = drawIndices(simulations, logs.length, residuals.length, random);
    const rejects = (shift: number) =>
      draws.filter((d) => {
        const differences = d.map((i) => residuals[i]! + shift);
        return differences.reduce((a, b) => a + b, 0) > 0 && signFlipP(differences) <= options.alpha;
      }).length;
    return { ...base, test: 'sign-flip', noise: spread(residuals), relative: search(rejects, simulations, power) };
  }
  const x = samples.baseline.filter((v) => v > 0).map(Math.log);
  const y = samples.candidate.filter((v) => v > 0).map(Math.log);
  const residuals = [...centred(x), ...centred(y)];
  const draws = drawIndices(simulations, x.length + y.length, residuals.length, random);
  // Resampled residuals have no ties but the ones a draw makes itself, so the exact null
  // distribution without ties gives one critical U for every draw: U ≥ critical is p ≤ alpha.
  const critical = criticalU(x.length, y.length, options.alpha);
  const rejects = (shift: number) =>
    draws.filter((d) => {
      let u = 0;
      for (let j = x.length; j < d.length; j++) {
        const yj = residuals[d[j]!]! + shift;
        for (let i = 0; i < x.length; i++) {
          const xi = residuals[d[i]!]!;
          u += yj > xi ? 1 : yj === xi ? 0.5 : 0;
        }
      }
      return u >= critical;
    }).length;
  return { ...base, test: 'mann-whitney', noise: spread(residuals), relative: search(rejects, simulations, power) };
}

/** Bisection on the log shift for the smallest one rejected in `power` of the draws. */
function search(rejects: (shift: number) => number, simulations: number, power: number): number {
  const needed = Math.ceil(power * simulations);
  if (simulations === 0 || rejects(MAX_LOG_SHIFT) < needed) return Number.POSITIVE_INFINITY;
  let low = 0;
  let high = MAX_LOG_SHIFT;
  // 5e-4 in log space is 0.05 percentage points: finer than anyone reads the answer.
  while (high - low > 5e-4) {
    const mid = (low + high) / 2;
    if (rejects(mid) >= needed) high = mid;
    else low = mid;
  }
  return Math.expm1(high);
}

function drawIndices(simulations: number, size: number, from: number, random: () => number): number[][] {
  if (from === 0) return [];
  return Array.from({ length: simulations }, () => Array.from({ length: size }, () => Math.floor(random() * from)));
}

function centred(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  const m = median([...values]);
  // Residuals around a sample's own median understate its spread by about √((n−1)/n); undo that.
  const inflate = values.length > 1 ? Math.sqrt(values.length / (values.length - 1)) : 1;
  return values.map((v) => (v - m) * inflate);
}

function spread(residuals: readonly number[]): number {
  if (residuals.length < 2) return 0;
  const mean = residuals.reduce((a, b) => a + b, 0) / residuals.length;
  return Math.sqrt(residuals.reduce((a, r) => a + (r - mean) ** 2, 0) / (residuals.length - 1));
}

/**
 * The smallest U (of the second sample, ties counted half) whose one-sided exact p is at
 * most alpha, from the null distribution counted by the largest element: it is either an x
 * (beating no y) or a y (beating every x). Infinity when no U reaches alpha.
 */
function criticalU(n: number, m: number, alpha: number): number {
  if (n === 0 || m === 0) return Number.POSITIVE_INFINITY;
  // counts[j][u]: arrangements of the current n' x's and j y's with U = u.
  let previous: number[][] = Array.from({ length: m + 1 }, () => [1]);
  for (let i = 1; i <= n; i++) {
    const current: number[][] = [[1]];
    for (let j = 1; j <= m; j++) {
      const size = i * j + 1;
      const row = new Array<number>(size).fill(0);
      const largestX = previous[j]!;
      const largestY = current[j - 1]!;
      for (let u = 0; u < size; u++) row[u] = (largestX[u] ?? 0) + (u >= i ? (largestY[u - i] ?? 0) : 0);
      current.push(row);
    }
    previous = current;
  }
  const counts = previous[m]!;
  const total = counts.reduce((a, b) => a + b, 0);
  let tail = 0;
  for (let u = counts.length - 1; u >= 0; u--) {
    if ((tail + counts[u]!) / total > alpha) return u === counts.length - 1 ? Number.POSITIVE_INFINITY : u + 1;
    tail += counts[u]!;
  }
  return 0;
}

/**
 * The sign-flip test's two-sided p: exact (all 2^n signs) up to 12 pairs; beyond, the normal
 * approximation of the same permutation distribution, which signFlipTest itself switches to
 * at 20. The 12 dates from when the exact test summed all 2^n assignments (thousands of
 * simulated runs could not afford 2^20 each); it now meets in the middle and could go to 20,
 * but moving it would change what a run counts as blind, and with it the verdict model
 * that docs/benchmarks/verdicts.md measured.
 */
function signFlipP(differences: readonly number[]): number {
  if (differences.length <= 12) return signFlipTest(differences).p;
  const sum = Math.abs(differences.reduce((a, b) => a + b, 0));
  const variance = differences.reduce((a, d) => a + d * d, 0);
  return variance === 0 ? (sum > 0 ? 0 : 1) : Math.min(1, 2 * normalUpperTail(sum / Math.sqrt(variance)));
}

import { gaussian, seededRandom } from '../../src/analysis/prng.js';
import { tQuantile, tUpperTail } from '../../src/analysis/student-t.js';

/**
 * What a same-runner gate at given settings can see, predicted from A/A runs measured at
 * other settings (npm run bench:power, docs/benchmarks/power.md).
 *
 * A function's per-pair log ratio (candidate over base, its own time per request) varies
 * for three reasons: the profiler's counting (k samples of it in a trial vary like a Poisson
 * count, so the log of each side varies by 1/k, and k = cost × requests / interval), the
 * machine's moment-to-moment noise (neighbours, caches, frequency), which averages out over a
 * longer trial like counting does, and what differs between two processes of the same code
 * (JIT decisions, memory layout), which no number of requests averages out. A/A runs at two
 * or more request counts give the sum at each; the counting part is known, and the rest is
 * fitted as perProcess + perTime / requests. With one request count, all of the rest is
 * taken as per process (the pessimistic reading: more requests would then buy nothing).
 */
export interface MetricSpread {
  readonly name: string;
  /** Its own time per request in the base, nanoseconds. */
  readonly costNanos: number;
  /** Variance of the per-pair log ratios, pooled over the runs. */
  readonly pairVariance: number;
  /** Degrees of freedom of that pooled variance. */
  readonly df: number;
  /** The settings it was measured at. */
  readonly requests: number;
  readonly intervalUs: number;
}

export function countingVariance(costNanos: number, requests: number, intervalUs: number): number {
  const samples = (costNanos * requests) / (intervalUs * 1000);
  return samples > 0 ? 2 / samples : Number.POSITIVE_INFINITY;
}

/** The pair-to-pair variance of one measurement that is not the profiler's counting (never below zero). */
export function jitterVariance(m: MetricSpread): number {
  return Math.max(0, m.pairVariance - countingVariance(m.costNanos, m.requests, m.intervalUs));
}

/** The variance beyond counting, split into a part per process and a part that averages out over requests. */
export interface Jitter {
  readonly perProcess: number;
  /** Variance × requests: divided by a trial's requests. */
  readonly perTime: number;
}

/**
 * Fits perProcess + perTime / requests to the measurements' jitter variances, weighted by
 * their degrees of freedom (least squares in 1/requests), neither part below zero.
 */
export function fitJitter(measurements: readonly MetricSpread[]): Jitter {
  const points = measurements.filter((m) => Number.isFinite(m.pairVariance) && m.df > 0).map((m) => ({ x: 1 / m.requests, y: jitterVariance(m), w: m.df }));
  if (points.length === 0) return { perProcess: Number.POSITIVE_INFINITY, perTime: 0 };
  const w = points.reduce((a, p) => a + p.w, 0);
  const mx = points.reduce((a, p) => a + p.w * p.x, 0) / w;
  const my = points.reduce((a, p) => a + p.w * p.y, 0) / w;
  const sxx = points.reduce((a, p) => a + p.w * (p.x - mx) ** 2, 0);
  if (sxx === 0) return { perProcess: my, perTime: 0 };
  const slope = points.reduce((a, p) => a + p.w * (p.x - mx) * (p.y - my), 0) / sxx;
  if (slope <= 0) return { perProcess: my, perTime: 0 };
  const intercept = my - slope * mx;
  // A negative intercept: all of it averages out; refit through the origin.
  if (intercept < 0) return { perProcess: 0, perTime: points.reduce((a, p) => a + p.w * p.x * p.y, 0) / points.reduce((a, p) => a + p.w * p.x * p.x, 0) };
  return { perProcess: intercept, perTime: slope };
}

/** The per-pair variance of a function of `costNanos` at `settings`. */
export function pairVarianceAt(costNanos: number, jitter: Jitter, settings: Settings): number {
  return jitter.perProcess + jitter.perTime / settings.requests + countingVariance(costNanos, settings.requests, settings.intervalUs);
}

export interface GateRule {
  readonly alpha: number;
  /** Relative floor: the interval's low end must clear 1 + minEffect. */
  readonly minEffect: number;
  /** Tests the gate corrects for (Benjamini–Hochberg): one true regression among them needs p ≤ alpha / tests. */
  readonly tests: number;
}

export interface Settings {
  readonly pairs: number;
  readonly requests: number;
  readonly intervalUs: number;
}

/**
 * The probability that a same-runner gate at `settings` fails on a function whose own time
 * rose by `change` (0.1: +10%), by simulation of its rule on the per-pair log ratios: the
 * paired t-test's one-sided p below alpha / tests (the first Benjamini–Hochberg threshold:
 * the other tests are of unchanged code) and the 95% interval's low end above the floor.
 */
export function power(costNanos: number, jitter: Jitter, settings: Settings, change: number, rule: GateRule, simulations = 2000, seed = 1): number {
  const sd = Math.sqrt(pairVarianceAt(costNanos, jitter, settings));
  const n = settings.pairs;
  if (n < 2 || !Number.isFinite(sd)) return 0;
  const random = seededRandom(seed);
  const threshold = rule.alpha / Math.max(1, rule.tests);
  const t975 = tQuantile(0.025, n - 1);
  const floor = Math.log(1 + rule.minEffect);
  const effect = Math.log(1 + change);
  let caught = 0;
  for (let s = 0; s < simulations; s++) {
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const d = effect + sd * gaussian(random);
      sum += d;
      squares += d * d;
    }
    const mean = sum / n;
    const se = Math.sqrt(Math.max(0, (squares - n * mean * mean) / (n - 1)) / n);
    if (se === 0) continue;
    if (tUpperTail(mean / se, n - 1) <= threshold && mean - t975 * se > floor) caught++;
  }
  return caught / simulations;
}

/** Wall time of one run, from the phases measured: a fixed part, a cost per trial, a cost per measured request (at an interval). */
export interface TimeModel {
  readonly fixedMs: number;
  readonly perTrialMs: number;
  /** Measuring one request, by sampling interval (µs) measured. */
  readonly perRequestMs: ReadonlyMap<number, number>;
}

export function predictedSeconds(model: TimeModel, settings: Settings): number {
  const perRequest = model.perRequestMs.get(settings.intervalUs);
  if (perRequest === undefined) throw new Error(`no time measured at a sampling interval of ${settings.intervalUs} µs`);
  return (model.fixedMs + 2 * settings.pairs * (model.perTrialMs + settings.requests * perRequest)) / 1000;
}

export interface Choice {
  readonly settings: Settings;
  readonly power: number;
  readonly seconds: number;
}

/** Every setting of the grid with its power and time, the cheapest first among those reaching `target`. */
export function choices(costNanos: number, jitter: Jitter, model: TimeModel, grid: { pairs: readonly number[]; requests: readonly number[]; intervals: readonly number[] }, change: number, rule: GateRule): Choice[] {
  const all: Choice[] = [];
  for (const intervalUs of grid.intervals) {
    for (const pairs of grid.pairs) {
      for (const requests of grid.requests) {
        const settings = { pairs, requests, intervalUs };
        all.push({ settings, power: power(costNanos, jitter, settings, change, rule), seconds: predictedSeconds(model, settings) });
      }
    }
  }
  return all.sort((a, b) => a.seconds - b.seconds);
}

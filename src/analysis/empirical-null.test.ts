import { describe, expect, it } from 'vitest';
import { compareSchema } from '../config/schema.js';
import { compare } from './compare.js';
import { MIN_METRICS_FOR_NULL, nullSpread, widenInterval } from './empirical-null.js';
import { seededRandom } from './prng.js';
import type { FunctionCost, TrialMetrics } from './trial.js';

/** An interval whose standard error on the log scale is `se`, around `ratio`. */
const around = (ratio: number, se = 0.05) => ({ ratio, ci: { low: ratio * Math.exp(-1.959963984540054 * se), high: ratio * Math.exp(1.959963984540054 * se) } });

describe('nullSpread', () => {
  it('is 1 when the ratios vary as their intervals say', () => {
    // z-scores spread evenly over -1 … +1: a robust spread of 0.74, which never narrows anything.
    const intervals = Array.from({ length: 20 }, (_, i) => around(Math.exp(0.05 * (-1 + (2 * i) / 19))));
    expect(nullSpread(intervals)).toBe(1);
  });

  it('is the robust spread of the z-scores when the ratios vary more', () => {
    // z-scores -4, -2, 0, 2, 4 repeated: median absolute deviation 2, times 1.4826.
    const intervals = Array.from({ length: 20 }, (_, i) => around(Math.exp(0.05 * [-4, -2, 0, 2, 4][i % 5]!)));
    expect(nullSpread(intervals)).toBeCloseTo(2 * 1.482602218505602, 6);
  });

  it('ignores the few that really changed', () => {
    const quiet = Array.from({ length: 20 }, (_, i) => around(Math.exp(0.05 * (-1 + (2 * i) / 19))));
    expect(nullSpread([...quiet, around(2), around(3)])).toBe(1);
  });

  it('needs enough intervals, and skips infinite and empty ones', () => {
    const wide = (i: number) => around(Math.exp(0.05 * [-4, 4][i % 2]!));
    expect(nullSpread(Array.from({ length: MIN_METRICS_FOR_NULL - 1 }, (_, i) => wide(i)))).toBe(1);
    const broken = Array.from({ length: 5 }, () => ({ ratio: Number.POSITIVE_INFINITY, ci: { low: Number.POSITIVE_INFINITY, high: Number.POSITIVE_INFINITY } }));
    expect(nullSpread([...Array.from({ length: MIN_METRICS_FOR_NULL - 1 }, (_, i) => wide(i)), ...broken])).toBe(1);
  });
});

describe('widenInterval', () => {
  it('widens on the log scale around the centre', () => {
    const wider = widenInterval({ low: 1.1, high: 1.3 }, 2);
    const centre = Math.sqrt(1.1 * 1.3);
    expect(Math.sqrt(wider.low * wider.high)).toBeCloseTo(centre, 12);
    expect(Math.log(wider.high / wider.low)).toBeCloseTo(2 * Math.log(1.3 / 1.1), 12);
    expect(widenInterval({ low: 0, high: 2 }, 3)).toEqual({ low: 0, high: 2 });
  });
});

/** A trial of 30 functions whose shares are drawn around `shares`, each scaled by `drift`. */
function trial(random: () => number, drift: (i: number) => number, planted = 1): TrialMetrics {
  const functions: Record<string, FunctionCost> = {};
  let total = 0;
  for (let i = 0; i < 30; i++) {
    const nanos = (i === 0 ? 0.1 * planted : 0.03) * 1e9 * drift(i) * (1 + (random() * 2 - 1) * 0.03);
    functions[`f${i}.js#f${i}`] = { name: `f${i}`, file: `f${i}.js`, selfNanos: nanos, totalNanos: nanos };
    total += nanos;
  }
  return { requests: 1000, sampledCpuNanos: total, functions, service: { cpuMicrosPerRequest: 400, throughputRps: 2000, latencyMs: { p50: 2, p95: 5, p99: 8 }, errors: 0, non2xx: 0, statusMismatches: 0, maxRssBytes: 1e8 } };
}

describe('compare with the empirical null', () => {
  const settings = compareSchema.parse({});
  // Between the sessions every function's cost moved by its own factor (up to ±12%): the
  // machine changed, the code did not.
  const sessionDrift = (i: number) => 1 + 0.12 * Math.sin(i * 2.3);

  it('does not fail the same code measured in two sessions of a drifting machine', () => {
    const random = seededRandom(31);
    const base = Array.from({ length: 10 }, () => trial(random, () => 1));
    const cand = Array.from({ length: 10 }, () => trial(random, sessionDrift));
    const result = compare(base, cand, settings);
    expect(result.verdict.outcome).toBe('pass');
    expect(result.findings[0]!.self.widenedBy).toBeGreaterThan(2);
    expect(result.warnings.join('\n')).toMatch(/widened [\d.]+× \(empirical null\)/);
    // Without the widening the drift would have failed the gate (so the test above means something).
    const drifted = result.findings.filter((f) => f.self.q <= settings.alpha && f.self.ratio > 1.1);
    expect(drifted.length).toBeGreaterThan(0);
  });

  it('still catches a +50% regression across those sessions, with the right function first', () => {
    const random = seededRandom(32);
    const base = Array.from({ length: 10 }, () => trial(random, () => 1));
    const cand = Array.from({ length: 10 }, () => trial(random, sessionDrift, 1.5));
    const result = compare(base, cand, settings);
    expect(result.verdict.outcome).toBe('fail');
    expect(result.findings[0]!.key).toBe('f0.js#f0');
  });

  it('does not widen for a large regression, although every other share shrinks with it', () => {
    const random = seededRandom(34);
    // f0 goes from 10% to 40% of the work: every other function's share falls by a quarter.
    const base = Array.from({ length: 10 }, () => trial(random, () => 1));
    const cand = Array.from({ length: 10 }, () => trial(random, () => 1, 4));
    const result = compare(base, cand, settings);
    expect(result.findings.every((f) => f.self.widenedBy === undefined || f.self.widenedBy < 1.3)).toBe(true);
    expect(result.findings[0]!.key).toBe('f0.js#f0');
    expect(result.verdict.outcome).toBe('fail');
  });

  it('leaves intervals alone when the sides differ only by their trials', () => {
    const random = seededRandom(33);
    const base = Array.from({ length: 10 }, () => trial(random, () => 1));
    const cand = Array.from({ length: 10 }, () => trial(random, () => 1));
    const result = compare(base, cand, settings);
    expect(result.findings.every((f) => f.self.widenedBy === undefined || f.self.widenedBy < 1.3)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { gaussian, seededRandom } from '../../src/analysis/prng.js';
import { choices, countingVariance, fitJitter, jitterVariance, pairVarianceAt, power, predictedSeconds, type MetricSpread } from './power-model.js';

const rule = { alpha: 0.05, minEffect: 0.05, tests: 100 };

/** A function of 60 µs per request, measured at `requests` and 1 ms with a process jitter of `jitter` (log sd per process) and machine noise `perTime` (variance × requests). */
function measured(jitter: number, requests = 4000, perTime = 0): MetricSpread {
  return { name: 'scoreProduct', costNanos: 60_000, pairVariance: 2 * jitter ** 2 + perTime / requests + countingVariance(60_000, requests, 1000), df: 40, requests, intervalUs: 1000 };
}
const perProcess = (jitter: number) => ({ perProcess: 2 * jitter ** 2, perTime: 0 });

describe('the same-runner power model', () => {
  it('counts samples as Poisson: 240 samples a side give a pair variance of 2/240', () => {
    expect(countingVariance(60_000, 4000, 1000)).toBeCloseTo(2 / 240, 12);
    expect(countingVariance(60_000, 4000, 250)).toBeCloseTo(2 / 960, 12);
  });

  it('takes the counting out of the measured spread and leaves the jitter', () => {
    expect(jitterVariance(measured(0.05))).toBeCloseTo(2 * 0.05 ** 2, 12);
    // A spread below what counting alone gives is no jitter, not a negative one.
    expect(jitterVariance({ ...measured(0), pairVariance: 0.001 })).toBe(0);
  });

  it('splits what is not counting into a part per process and a part that averages out over requests', () => {
    const fitted = fitJitter([measured(0.03, 2000, 40), measured(0.03, 8000, 40)]);
    expect(fitted.perProcess).toBeCloseTo(2 * 0.03 ** 2, 10);
    expect(fitted.perTime).toBeCloseTo(40, 8);
    // One request count: all of it per process, the pessimistic reading.
    expect(fitJitter([measured(0.03, 4000, 40)])).toEqual({ perProcess: 2 * 0.03 ** 2 + 40 / 4000, perTime: 0 });
    // Noise that only grows with requests is not a negative per-request part.
    expect(fitJitter([measured(0.01, 2000), { ...measured(0.05, 8000) }]).perTime).toBe(0);
    expect(pairVarianceAt(60_000, fitted, { pairs: 10, requests: 16_000, intervalUs: 1000 })).toBeCloseTo(2 * 0.03 ** 2 + 40 / 16_000 + countingVariance(60_000, 16_000, 1000), 12);
  });

  it('matches the rate of the same rule applied to simulated pairs drawn independently', () => {
    const jitter = perProcess(0.04);
    const settings = { pairs: 12, requests: 8000, intervalUs: 250 };
    const predicted = power(60_000, jitter, settings, 0.25, rule, 4000, 7);
    // Independent draws of the same model, judged by a hand-written rule (t ≥ the BH threshold's quantile, interval clear of the floor).
    const sd = Math.sqrt(jitter.perProcess + countingVariance(60_000, settings.requests, settings.intervalUs));
    const random = seededRandom(99);
    let caught = 0;
    const runs = 4000;
    for (let s = 0; s < runs; s++) {
      const d = Array.from({ length: settings.pairs }, () => Math.log(1.25) + sd * gaussian(random));
      const mean = d.reduce((a, b) => a + b, 0) / d.length;
      const se = Math.sqrt(d.reduce((a, x) => a + (x - mean) ** 2, 0) / (d.length - 1) / d.length);
      // t quantiles at 11 degrees of freedom: upper 0.05/100 = 4.437, upper 0.025 = 2.201.
      if (mean / se >= 4.437 && mean - 2.201 * se > Math.log(1.05)) caught++;
    }
    expect(Math.abs(predicted - caught / runs)).toBeLessThan(0.03);
  });

  it('gains power with pairs, with requests while counting dominates, and never from a larger floor', () => {
    const jitter = perProcess(0.03);
    const at = (pairs: number, requests: number) => power(60_000, jitter, { pairs, requests, intervalUs: 1000 }, 0.1, rule);
    expect(at(20, 4000)).toBeGreaterThan(at(8, 4000));
    expect(at(10, 16_000)).toBeGreaterThan(at(10, 2000));
    expect(power(60_000, jitter, { pairs: 10, requests: 4000, intervalUs: 1000 }, 0.1, { ...rule, minEffect: 0.08 })).toBeLessThan(at(10, 4000));
    // A change inside the floor is caught only when the noise carries it past the floor.
    expect(power(60_000, jitter, { pairs: 40, requests: 64_000, intervalUs: 100 }, 0.04, rule)).toBeLessThan(0.01);
  });

  it('predicts wall time from a fixed part, a cost per trial and a cost per request at the interval measured', () => {
    const model = { fixedMs: 1000, perTrialMs: 1500, perRequestMs: new Map([[1000, 0.5]]) };
    expect(predictedSeconds(model, { pairs: 10, requests: 4000, intervalUs: 1000 })).toBeCloseTo((1000 + 20 * (1500 + 2000)) / 1000, 9);
    expect(() => predictedSeconds(model, { pairs: 10, requests: 4000, intervalUs: 250 })).toThrow(/250 µs/);
    const ranked = choices(60_000, perProcess(0.03), model, { pairs: [6, 12], requests: [2000, 8000], intervals: [1000] }, 0.1, rule);
    expect(ranked.map((c) => c.seconds)).toEqual([...ranked.map((c) => c.seconds)].sort((a, b) => a - b));
  });
});

import { describe, expect, it } from 'vitest';
import { seededRandom } from './prng.js';
import { signFlipTest } from './sign-flip.js';
import { detectableChange, detectableChangeByShards, normalQuantile, shardWeights, stratifiedPairedTest, type ShardPairs } from './stratified.js';

const SETTINGS = { alpha: 0.05, minEffect: 0.05, bootstrapResamples: 1000, seed: 7 };

/** A seeded standard normal (Box–Muller). */
function normal(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

interface Runner {
  /** How much slower than the reference runner (both sides alike). */
  readonly slowdown: number;
  /** Run-to-run noise of one trial's CPU per request, as a coefficient of variation. */
  readonly noise: number;
}

/**
 * One shard's pairs as a runner produces them: each trial's CPU per request is the code's
 * cost × the runner's speed at that moment (drifting) × the trial's own noise. The pair's
 * log-ratio is what the merge sees.
 */
function shard(name: string, pairs: number, runner: Runner, effect: number, gauss: () => number): ShardPairs {
  const logRatios: number[] = [];
  let speed = runner.slowdown;
  for (let i = 0; i < pairs; i++) {
    speed *= Math.exp(0.03 * gauss());
    const base = 100 * speed * Math.exp(runner.noise * gauss());
    const cand = 100 * (1 + effect) * speed * Math.exp(runner.noise * gauss());
    logRatios.push(Math.log(cand / base));
  }
  return { shard: name, logRatios };
}

const FAST: Runner = { slowdown: 1, noise: 0.03 };
// A runner 1.6× slower, with a noisy neighbour tripling its spread.
const SLOW: Runner = { slowdown: 1.6, noise: 0.09 };

describe('stratifiedPairedTest', () => {
  it('a shard on a much slower, noisier runner does not read as a regression (A/A, 200 seeded runs of 3 shards × 4 pairs)', () => {
    const gauss = normal(seededRandom(11));
    let regressed = 0;
    let improved = 0;
    for (let run = 0; run < 200; run++) {
      const result = stratifiedPairedTest([shard('1/3', 4, FAST, 0, gauss), shard('2/3', 4, FAST, 0, gauss), shard('3/3', 4, SLOW, 0, gauss)], { ...SETTINGS, seed: run });
      if (result.outcome === 'regressed') regressed++;
      if (result.outcome === 'improved') improved++;
    }
    // The rule needs p <= 0.05 and the whole CI beyond +5%: with 3% noise per trial that is
    // rarer than alpha. 0 of 200 supports a false-regression rate of at most 1.5% (one-sided 95%).
    expect(regressed).toBe(0);
    expect(improved).toBe(0);
  });

  it('the slow shard, compared unpaired against the fast ones, would look 60% slower: pairing is what cancels it', () => {
    const gauss = normal(seededRandom(3));
    const slow = shard('3/3', 4, SLOW, 0, gauss);
    const result = stratifiedPairedTest([shard('1/3', 4, FAST, 0, gauss), shard('2/3', 4, FAST, 0, gauss), slow], SETTINGS);
    expect(result.ratio).toBeGreaterThan(0.95);
    expect(result.ratio).toBeLessThan(1.05);
    // The noisy shard carries less weight than either quiet one.
    const [a, b, c] = result.shards.map((s) => s.weight);
    expect(c!).toBeLessThan(a!);
    expect(c!).toBeLessThan(b!);
  });

  it('catches a planted +20% in every one of 50 seeded runs despite the slow shard, and places the ratio near it', () => {
    const gauss = normal(seededRandom(5));
    let caught = 0;
    const ratios: number[] = [];
    for (let run = 0; run < 50; run++) {
      const result = stratifiedPairedTest([shard('1/3', 4, FAST, 0.2, gauss), shard('2/3', 4, FAST, 0.2, gauss), shard('3/3', 4, SLOW, 0.2, gauss)], { ...SETTINGS, seed: run });
      if (result.outcome === 'regressed') caught++;
      ratios.push(result.ratio);
    }
    expect(caught).toBe(50);
    expect(Math.min(...ratios)).toBeGreaterThan(1.14);
    expect(Math.max(...ratios)).toBeLessThan(1.26);
  });

  it('weighting by shard beats pooling every pair alike when one shard is noisy: more +8% regressions caught over 100 seeded runs', () => {
    const gauss = normal(seededRandom(9));
    let stratified = 0;
    let pooled = 0;
    for (let run = 0; run < 100; run++) {
      const shards = [shard('1/3', 4, FAST, 0.08, gauss), shard('2/3', 4, FAST, 0.08, gauss), shard('3/3', 4, { slowdown: 1.6, noise: 0.3 }, 0.08, gauss)];
      if (stratifiedPairedTest(shards, { ...SETTINGS, seed: run }).p <= 0.01) stratified++;
      if (signFlipTest(shards.flatMap((s) => s.logRatios)).p <= 0.01) pooled++;
    }
    expect(stratified).toBeGreaterThan(pooled);
  });

  it('the minimum detectable change shrinks with shards as 1 / sqrt(shards) (1, 2, 4 shards of 6 pairs, median of 50 seeded runs)', () => {
    const gauss = normal(seededRandom(13));
    const medianMdc = (count: number) => {
      const values: number[] = [];
      for (let run = 0; run < 50; run++) {
        const shards = Array.from({ length: count }, (_, i) => shard(`${i + 1}/${count}`, 6, FAST, 0, gauss)).map((s) => s.logRatios);
        values.push(detectableChange(shards, 0.05));
      }
      values.sort((a, b) => a - b);
      return values[25]!;
    };
    const [one, two, four] = [medianMdc(1), medianMdc(2), medianMdc(4)];
    expect(two / one).toBeGreaterThan(0.6);
    expect(two / one).toBeLessThan(0.82);
    expect(four / one).toBeGreaterThan(0.4);
    expect(four / one).toBeLessThan(0.6);
    // The formula itself: noise σ = 0.03·√2 per log-ratio, 6 pairs → (1.96 + 0.84)·σ/√6 ≈ 4.9%.
    expect(one).toBeGreaterThan(0.035);
    expect(one).toBeLessThan(0.065);
  });

  it('too few pairs for the sign-flip test to ever reach alpha: the detectable change is infinite and the outcome inconclusive', () => {
    const result = stratifiedPairedTest([{ shard: '1/2', logRatios: [0.2, 0.21] }, { shard: '2/2', logRatios: [0.19, 0.2] }], SETTINGS);
    expect(result.minimumDetectableChange).toBe(Number.POSITIVE_INFINITY);
    expect(result.p).toBeCloseTo(2 / 16, 12);
    expect(result.outcome).toBe('inconclusive');
    expect(result.warnings.join(' ')).toMatch(/2 \/ 2\^4/);
  });

  it('several shards of unequal weight: the exact p counts every one of the 2^n sign assignments of the weighted sum', () => {
    const gauss = normal(seededRandom(21));
    for (let run = 0; run < 20; run++) {
      const shards = [shard('1/3', 4, FAST, 0.04, gauss), shard('2/3', 5, FAST, 0.04, gauss), shard('3/3', 3, { slowdown: 1.3, noise: 0.2 }, 0.04, gauss)];
      const weights = shardWeights(shards.map((s) => s.logRatios), 'zero');
      const terms = shards.flatMap((s, k) => s.logRatios.map((d) => (weights[k]! / s.logRatios.length) * d));
      const observed = Math.abs(terms.reduce((a, b) => a + b, 0));
      let extreme = 0;
      for (let mask = 0; mask < 2 ** terms.length; mask++) {
        const sum = terms.reduce((a, t, i) => a + (mask & (1 << i) ? -t : t), 0);
        if (Math.abs(sum) >= observed * (1 - 1e-12)) extreme++;
      }
      const result = stratifiedPairedTest(shards, { ...SETTINGS, seed: run });
      expect(result.pMethod).toBe('exact');
      expect(result.p).toBeCloseTo(extreme / 2 ** terms.length, 12);
    }
  });

  it('one shard with equal weights is the plain sign-flip test (same p, exact)', () => {
    const logRatios = [0.05, -0.01, 0.03, 0.04, 0.02, -0.02, 0.06];
    const result = stratifiedPairedTest([{ shard: '1/1', logRatios }], SETTINGS);
    expect(result.p).toBeCloseTo(signFlipTest(logRatios).p, 12);
    expect(result.pMethod).toBe('exact');
  });

  it('beyond 20 pairs the p-value is a seeded Monte Carlo estimate: the same inputs give the same p', () => {
    const gauss = normal(seededRandom(17));
    const shards = [shard('1/3', 8, FAST, 0.02, gauss), shard('2/3', 8, FAST, 0.02, gauss), shard('3/3', 8, SLOW, 0.02, gauss)];
    const a = stratifiedPairedTest(shards, SETTINGS);
    const b = stratifiedPairedTest(shards, SETTINGS);
    expect(a.pMethod).toBe('monte-carlo');
    expect(a.p).toBe(b.p);
    expect(a.ci).toEqual(b.ci);
  });

  it('by shards: the detectable change had the run stopped after k shards only falls, by the square root of the weight added, and ends at the whole run\'s', () => {
    const gauss = normal(seededRandom(19));
    const shards = [shard('1/3', 3, FAST, 0, gauss), shard('2/3', 3, SLOW, 0, gauss), shard('3/3', 3, FAST, 0, gauss)].map((s) => s.logRatios);
    const [one, two, three] = detectableChangeByShards(shards, 0.05);
    // 3 pairs: 2 / 2^3 > 0.05, nothing is detectable yet.
    expect(one).toBe(Number.POSITIVE_INFINITY);
    expect(three!).toBeLessThan(two!);
    expect(three).toBe(detectableChange(shards, 0.05));
  });

  it('normalQuantile inverts the normal tail', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 5);
  });
});

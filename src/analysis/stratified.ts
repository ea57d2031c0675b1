import type { Outcome } from './findings.js';
import { pairedOutcome } from './service-comparison.js';
import { normalUpperTail } from './normal.js';
import { mean } from './metric-estimate.js';
import { seededRandom } from './prng.js';
import { signedSumsReaching } from './sign-flip.js';

/** One shard's pairs: candidate/baseline log-ratios of a metric, each pair measured back to back on the shard's runner. */
export interface ShardPairs {
  /** How the shard is named in messages (`2/3`). */
  readonly shard: string;
  readonly logRatios: readonly number[];
}

export interface StratifiedSettings {
  readonly alpha: number;
  readonly minEffect: number;
  readonly bootstrapResamples: number;
  readonly seed: number;
}

/** What one shard contributed to the combined estimate. */
export interface ShardContribution {
  readonly shard: string;
  readonly pairs: number;
  /** exp(mean log-ratio) of the shard's pairs alone. */
  readonly ratio: number;
  /** The share of the combined estimate's weight this shard carries (0–1). */
  readonly weight: number;
}

export interface StratifiedComparison {
  readonly method: 'stratified-sign-flip';
  readonly shards: readonly ShardContribution[];
  /** Every pair's ratio, shard by shard, in the order given. */
  readonly ratios: readonly number[];
  /** exp of the weighted mean log-ratio. */
  readonly ratio: number;
  /** 95% stratified bootstrap interval of the ratio (pairs resampled within their shard). */
  readonly ci: { readonly low: number; readonly high: number };
  /** Two-sided sign-flip p of the weighted statistic: exact up to 20 pairs, else seeded Monte Carlo. */
  readonly p: number;
  readonly pMethod: 'exact' | 'monte-carlo';
  /**
   * The smallest relative change this run would catch with 80% power at `alpha`
   * (two-sided), from the weights' standard error; Infinity when the pairs are too few
   * for the sign-flip test ever to reach `alpha` (2 / 2^n > alpha).
   */
  readonly minimumDetectableChange: number;
  readonly outcome: Outcome;
  readonly warnings: readonly string[];
}

/**
 * Shrinkage of each shard's variance towards the pooled one, in pseudo-pairs: a shard of
 * two or three pairs estimates its own noise badly, and a lucky near-zero variance must
 * not hand it all the weight.
 */
const SHRINK_PAIRS = 2;
const POWER = 0.8;
const EXACT_UP_TO = 20;
const MONTE_CARLO_FLIPS = 20_000;

/**
 * Pairs compared within their shard, combined across shards (docs/statistics.md, "Shards").
 * Each pair's log-ratio already cancels its runner's speed; a runner that is slower or
 * noisier (a noisy neighbour) only makes its pairs' ratios spread more, so each shard is
 * weighted by the inverse of its (shrunk) variance: a fixed-effect combination, as in a
 * meta-analysis of per-shard mean log-ratios. The test flips the sign of every pair at
 * random (under "no change" each pair's ratio is as likely above 1 as below); the weights
 * come from squared log-ratios, which a flip does not change, so the test is exact.
 */
export function stratifiedPairedTest(shards: readonly ShardPairs[], settings: StratifiedSettings): StratifiedComparison {
  const used = shards.filter((s) => s.logRatios.length > 0);
  const all = used.flatMap((s) => s.logRatios);
  const warnings: string[] = [];
  if (all.length === 0) {
    return {
      method: 'stratified-sign-flip',
      shards: [],
      ratios: [],
      ratio: 1,
      ci: { low: 0, high: Number.POSITIVE_INFINITY },
      p: 1,
      pMethod: 'exact',
      minimumDetectableChange: Number.POSITIVE_INFINITY,
      outcome: 'inconclusive',
      warnings: ['no pairs to compare'],
    };
  }
  const weights = shardWeights(used.map((s) => s.logRatios), 'zero');
  // The statistic is the sum of these terms, each pair's flipping as a whole with its sign.
  const terms = used.flatMap((s, k) => s.logRatios.map((d) => (weights[k]! / s.logRatios.length) * d));
  const estimateWeights = shardWeights(used.map((s) => s.logRatios), 'mean');
  const totalWeight = estimateWeights.reduce((a, b) => a + b, 0);
  const estimate = used.reduce((a, s, k) => a + estimateWeights[k]! * mean(s.logRatios), 0) / totalWeight;
  const { p, method } = signFlipP(terms, settings.seed);
  const ci = stratifiedBootstrap(used.map((s) => s.logRatios), settings);

  const minimumDetectableChange = detectableChange(used.map((s) => s.logRatios), settings.alpha);
  if (!Number.isFinite(minimumDetectableChange)) {
    warnings.push(`${all.length} pairs cannot reach p <= ${settings.alpha} with a sign-flip test (the smallest possible p is 2 / 2^${all.length}); run more pairs or more shards`);
  }
  const outcome = pairedOutcome(all.length, p, ci, settings);
  return {
    method: 'stratified-sign-flip',
    shards: used.map((s, k) => ({ shard: s.shard, pairs: s.logRatios.length, ratio: Math.exp(mean(s.logRatios)), weight: estimateWeights[k]! / totalWeight })),
    ratios: all.map(Math.exp),
    ratio: Math.exp(estimate),
    ci,
    p,
    pMethod: method,
    minimumDetectableChange,
    outcome,
    warnings,
  };
}

/**
 * Each shard's weight n / v, v its mean squared log-ratio shrunk towards the pooled one.
 * The test takes squares about zero: they do not change when a pair's sign flips, which
 * keeps the permutation test exact. The estimate and its interval take squares about the
 * shard's mean: under a real change the squares about zero carry the change itself and
 * would weigh shards by it instead of by their noise.
 */
export function shardWeights(shards: readonly (readonly number[])[], about: 'zero' | 'mean'): number[] {
  // About its mean, a shard of n pairs has n - 1 degrees of freedom.
  const lost = about === 'mean' ? 1 : 0;
  const squares = shards.map((d) => {
    const centre = about === 'mean' ? mean(d) : 0;
    return d.reduce((a, x) => a + (x - centre) ** 2, 0);
  });
  const degrees = shards.reduce((a, d) => a + Math.max(0, d.length - lost), 0);
  const pooled = degrees > 0 ? squares.reduce((a, b) => a + b, 0) / degrees : 0;
  return shards.map((d, k) => {
    const variance = (squares[k]! + SHRINK_PAIRS * pooled) / (Math.max(0, d.length - lost) + SHRINK_PAIRS);
    // Every ratio equal everywhere: nothing to weigh by, so every pair counts alike.
    return variance > 0 ? d.length / variance : d.length;
  });
}

/** Two-sided: the share of sign assignments whose weighted sum is at least as far from zero. */
function signFlipP(terms: readonly number[], seed: number): { p: number; method: 'exact' | 'monte-carlo' } {
  const observed = Math.abs(terms.reduce((a, t) => a + t, 0));
  if (observed === 0) return { p: 1, method: 'exact' };
  const tolerance = observed * 1e-12;
  if (terms.length <= EXACT_UP_TO) return { p: signedSumsReaching(terms.map(Math.abs), observed - tolerance) / 2 ** terms.length, method: 'exact' };
  const random = seededRandom(seed);
  let extreme = 0;
  for (let r = 0; r < MONTE_CARLO_FLIPS; r++) {
    if (Math.abs(terms.reduce((a, t) => a + t * (random() < 0.5 ? -1 : 1), 0)) >= observed - tolerance) extreme++;
  }
  // The observed assignment counts as one of the draws, so p is never 0.
  return { p: (extreme + 1) / (MONTE_CARLO_FLIPS + 1), method: 'monte-carlo' };
}

/** Percentile interval of exp(weighted mean), resampling pairs within each shard, weights recomputed each time. */
function stratifiedBootstrap(shards: readonly (readonly number[])[], settings: StratifiedSettings): { low: number; high: number } {
  const random = seededRandom(settings.seed + 1);
  const estimates: number[] = [];
  for (let r = 0; r < settings.bootstrapResamples; r++) {
    const resampled = shards.map((d) => d.map(() => d[Math.floor(random() * d.length)]!));
    const weights = shardWeights(resampled, 'mean');
    const total = weights.reduce((a, b) => a + b, 0);
    estimates.push(resampled.reduce((a, d, k) => a + weights[k]! * mean(d), 0) / total);
  }
  estimates.sort((a, b) => a - b);
  const at = (q: number) => Math.exp(estimates[Math.min(estimates.length - 1, Math.floor(q * estimates.length))]!);
  return { low: at(0.025), high: at(0.975) };
}

/**
 * The power analysis: with the weights' standard error SE = 1 / sqrt(Σ n_s / v_s), where
 * v_s is now the shard's variance about its own mean (the noise the effect must beat), a
 * true log-ratio of (z_{1-α/2} + z_{power}) · SE is caught with the given power. More
 * shards add weight, so it shrinks as 1 / sqrt(shards) when shards are alike.
 */
export function detectableChange(shards: readonly (readonly number[])[], alpha: number): number {
  return detectableChangeByShards(shards, alpha).at(-1) ?? Number.POSITIVE_INFINITY;
}

/**
 * The same, had the run stopped after the first k shards (k = 1 … N), at the noise every
 * shard's pairs show: each shard's variance is estimated once, from all of them, so the
 * curve is what the power analysis predicts rather than a re-estimate per prefix, and it
 * only falls as shards are added (each adds its weight n_s / v_s to the information).
 */
export function detectableChangeByShards(shards: readonly (readonly number[])[], alpha: number): number[] {
  const degrees = shards.reduce((a, d) => a + Math.max(0, d.length - 1), 0);
  if (degrees === 0) return shards.map(() => Number.POSITIVE_INFINITY);
  const weights = shardWeights(shards, 'mean');
  const z = normalQuantile(1 - alpha / 2) + normalQuantile(POWER);
  let information = 0;
  let pairs = 0;
  return shards.map((d, k) => {
    information += weights[k]!;
    pairs += d.length;
    if (pairs === 0 || 2 / 2 ** pairs > alpha) return Number.POSITIVE_INFINITY;
    return Math.exp(z / Math.sqrt(information)) - 1;
  });
}

/** The standard normal quantile, by bisection on the upper tail (precise to 1e-10; called a few times per run). */
export function normalQuantile(probability: number): number {
  let low = -40;
  let high = 40;
  for (let i = 0; i < 200 && high - low > 1e-10; i++) {
    const mid = (low + high) / 2;
    if (1 - normalUpperTail(mid) < probability) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

import { centreHalves, clusterCentre, commonFactor } from './common-factor.js';
import { driftSd } from './drift-variance.js';
import { mean, variance } from './metric-estimate.js';
import { tQuantile } from './student-t.js';

/**
 * Same-runner: the factor by which each pair's candidate trial ran all its code faster or
 * slower than its baseline trial, and whether taking it out is sound.
 *
 * Two processes started one after the other on a busy machine differ as a whole: the CPU's
 * clock, its caches, a neighbour's load move every function of a trial together (8–15% a
 * trial on a shared 2-core runner, docs/benchmarks/power.md). A paired test of one
 * function's absolute cost carries that whole-trial noise, which hides a +25% change of a
 * function at 10 pairs. The functions around it know better: in a two-way layout (function
 * × pair), every function, changed or not, moves with its pair's machine, so each pair's
 * deviation from the run's mean (`δ`) is measured by all of them; and which functions did
 * not change is decided once for the run, from their means over the pairs (common-factor.ts
 * on those, where each small function is ten trials precise, not one): the centre `c`. The
 * candidate trial of pair i is divided by e^(c + δᵢ), leaving each function's change
 * relative to the code that did not change, without the trials' noise.
 *
 * That relative change is the function's own only when the code taken as unchanged did
 * not move as a whole. Its absolute move is `shift` (e^c with the 95% interval the pairs'
 * deviations allow, t over the pairs): when that interval excludes 1 (every function 15%
 * slower, a dependency making most frames cheaper) the factors are not applied, and every
 * function is compared on its absolute cost, the service's CPU per request answering for
 * the whole. Deciding per pair instead fails here: within one trial the small functions
 * are too coarse to outvote twenty large ones that moved together, and some pairs' factors
 * land on the moved group, so an unchanged function reads as +20% in those pairs.
 */
export interface PairFactors {
  /** One factor per pair (candidate over baseline, 1 = the same): e^(c + δᵢ). */
  readonly factors: readonly number[];
  /** e^c, the unchanged code's move over the run, with its 95% interval; null when too few pairs or functions to estimate it. */
  readonly shift: { readonly ratio: number; readonly low: number; readonly high: number } | null;
  /** The standard error of the centre's log, with one degree of freedom (added to every relative test). */
  readonly centreSe: number;
  /** Applied: the shift's interval holds 1. */
  readonly applied: boolean;
}

/** One function's self log ratio in every pair, with each one's counting standard error. */
export interface FunctionPairs {
  readonly effects: readonly number[];
  readonly ses: readonly number[];
}

/** Fewer voting functions than this cannot tell a pair's machine from a change. */
const MIN_FUNCTIONS = 12;
const SWEEPS = 2;

export function pairFactors(functions: readonly FunctionPairs[], pairs: number): PairFactors {
  const none: PairFactors = { factors: Array.from({ length: pairs }, () => 1), shift: null, centreSe: 0, applied: false };
  if (pairs < 2 || functions.length < MIN_FUNCTIONS) return none;
  // The two-way fit: a function's mean over the pairs, then each pair's deviation from
  // those means (a robust centre over all functions), a few sweeps; the deviations sum to 0.
  let delta = new Array<number>(pairs).fill(0);
  let means = functions.map((f) => mean(f.effects));
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const next = delta.map((_, i) => pairCentre(functions.map((f, j) => ({ effect: f.effects[i]! - means[j]!, se: f.ses[i]! }))));
    const offset = mean(next);
    delta = next.map((d) => d - offset);
    means = functions.map((f) => mean(f.effects.map((e, i) => e - delta[i]!)));
  }
  // The run's unchanged code, from each function's mean and its spread over the pairs.
  const estimates = functions.map((f, j) => {
    const residuals = f.effects.map((e, i) => e - delta[i]!);
    const counting = Math.sqrt(mean(f.ses.map((s) => s * s)) / pairs);
    return { effect: means[j]!, se: Math.max(Math.sqrt(variance(residuals) / pairs), counting) };
  });
  const centre = Math.log(commonFactor(estimates));
  // The precise and the coarse half of the functions part when a group of large functions
  // moved together: half their difference is the centre's standard error (one degree of
  // freedom), added to every relative test.
  const halves = centreHalves(estimates);
  const centreSe = Math.abs(halves.precise - halves.coarse) / 2;
  const spread = tQuantile(0.025, pairs - 1) * Math.sqrt(variance(delta) / pairs + centreSe ** 2);
  const shift = { ratio: Math.exp(centre), low: Math.exp(centre - spread), high: Math.exp(centre + spread) };
  const applied = shift.low <= 1 && shift.high >= 1;
  return { factors: delta.map((d) => Math.exp(centre + d)), shift, centreSe, applied };
}

/**
 * One pair's centre of its functions' residuals (log scale): they agree but for noise, each
 * changed function's change being in its mean. A function differs between two processes by
 * a few percent of its own (JIT decisions, memory layout) beyond the profiler's counting,
 * and a large function's counting error alone would make it the most trusted vote: that
 * spread, estimated from the votes around a first centre (drift-variance.ts), is added to
 * every vote before the centre is found again.
 */
function pairCentre(votes: ReadonlyArray<{ readonly effect: number; readonly se: number }>): number {
  const first = clusterCentre(votes);
  const jitter = driftSd(votes, first).sd;
  return jitter > 0 ? clusterCentre(votes.map((v) => ({ effect: v.effect, se: Math.sqrt(v.se ** 2 + jitter ** 2) }))) : first;
}


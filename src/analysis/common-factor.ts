/** Fewer functions than this cannot tell a common factor from one function's change. */
const MIN_FUNCTIONS = 5;
/** No estimate is taken as more precise than this (log scale): a few functions must agree. */
const MIN_SPREAD = 0.01;
const GRID_STEP = 0.001;
const WINDOW = 6;

/**
 * The factor by which every share moved because shares are parts of a whole: when one
 * function gets twice as cheap, the others' shares of the (smaller) whole all rise by the
 * same factor although their cost per request did not move, and a new function shrinks
 * every other share. Dividing the candidate's shares by it puts both sides on the scale of
 * the unchanged code, which is what the tests compare.
 *
 * The unchanged functions are the ones that agree with each other. First the cluster: the
 * mode of the self shares' log ratios, each function one vote spread as a normal of its own
 * standard error (the value most functions are consistent with). Votes count functions,
 * not precision: the large functions are few, and a change often touches exactly those. A
 * median would do when most functions are untouched, but a broad regression moves a third
 * of them the same way and drags a median towards itself, while a mode stays with the
 * largest group that agrees. Then the value within that cluster, from its votes weighted
 * by their precision (`refine`).
 *
 * Self shares only: totals nest (a caller's total contains its callees'), so they would
 * count the same time several times. A uniform change of every function is, by
 * construction, invisible here: that is the service's CPU per request's to catch.
 */
export function commonFactor(selfLogRatios: ReadonlyArray<{ readonly effect: number; readonly se: number }>): number {
  const usable = selfLogRatios.filter((e) => Number.isFinite(e.effect) && Number.isFinite(e.se));
  if (usable.length < MIN_FUNCTIONS) return 1;
  const spreads = usable.map((e) => Math.sqrt(e.se ** 2 + MIN_SPREAD ** 2));
  const low = Math.min(...usable.map((e) => e.effect));
  const high = Math.max(...usable.map((e) => e.effect));
  // The mode: the value most functions agree on, each one vote. The grid only finds the
  // cluster; the refinement below sets the value within it. Each vote is added where it
  // counts (within WINDOW of its spreads; beyond, a normal's density is below 10⁻⁸ of its peak).
  const cells = Math.floor((high - low) / GRID_STEP + 0.5) + 1;
  const density = new Float64Array(cells);
  usable.forEach((e, i) => {
    const spread = spreads[i]!;
    const from = Math.max(0, Math.ceil((e.effect - WINDOW * spread - low) / GRID_STEP));
    const to = Math.min(cells - 1, Math.floor((e.effect + WINDOW * spread - low) / GRID_STEP));
    // exp(−z²/2) along the grid by recurrence (two products a cell, not an exp): with
    // h = step/spread, g(z + h) = g(z)·r and r(z + h) = r(z)·e^(−h²), r(z) = e^(−zh − h²/2).
    const h = GRID_STEP / spread;
    const z0 = (low + from * GRID_STEP - e.effect) / spread;
    let g = Math.exp(-0.5 * z0 * z0);
    let r = Math.exp(-z0 * h - 0.5 * h * h);
    const rr = Math.exp(-h * h);
    for (let k = from; k <= to; k++) {
      density[k] = density[k]! + g;
      g *= r;
      r *= rr;
    }
  });
  let best = 0;
  let bestDensity = -1;
  for (let k = 0; k < cells; k++) {
    if (density[k]! > bestDensity) {
      bestDensity = density[k]!;
      best = low + k * GRID_STEP;
    }
  }
  return Math.exp(refine(usable, spreads, best));
}

/**
 * Where the unchanged code is, as the precise half and the coarse half of the functions each
 * see it (log scale, each half's `commonFactor`): they agree when most code did not move, and
 * part when a group of large functions moved together (a broad change) while the small ones,
 * each fitting either side, say otherwise. Which group moved is then not in the data.
 */
export function centreHalves(selfLogRatios: ReadonlyArray<{ readonly effect: number; readonly se: number }>): { readonly precise: number; readonly coarse: number } {
  return centresOf(halvesOf(selfLogRatios));
}

export interface ContestedCentre {
  /** The common factor as the precise half of the functions sees it, and as the coarse half does. */
  readonly precise: number;
  readonly coarse: number;
  /** How far apart (log scale) they may be before the shares are contested. */
  readonly limit: number;
  /** The halves are further apart than `limit`: the shares cannot tell which group of functions moved. */
  readonly contested: boolean;
}

/**
 * Whether the shares can tell which code did not move. With shares, "twenty large functions
 * got 15–30% slower" and "renderPage and forty small functions got 10% faster" are the same
 * data; the common factor then picks one reading, and a broad slowdown passed as the rest
 * improving (0 of 100 caught in simulation). The halves part in that case and agree within
 * their noise when one or two functions changed. The limit is 3.5 standard errors of their
 * difference (each half's error from its votes' inverse-variance sum), and never below the
 * effect floor: a contest smaller than the floor changes no verdict.
 *
 * The votes' errors are their trials' only, without the drift τ between a stored baseline's
 * session and this one: τ is estimated from these same functions, and a group that moved
 * together reads to it as spread (τ 10–16% for twenty functions 15–30% slower and no drift),
 * which widened the limit past half of the contests. Left out, large real drift makes
 * contests that are not (9 of 100 A/A runs at 10% drift per function): those cost a
 * re-measurement, not a wrong verdict.
 */
export function contestedCentre(selfLogRatios: ReadonlyArray<{ readonly effect: number; readonly se: number }>, floor: number): ContestedCentre {
  const halves = halvesOf(selfLogRatios);
  const { precise, coarse } = centresOf(halves);
  const varianceOf = (votes: ReadonlyArray<{ readonly se: number }>) => 1 / votes.reduce((sum, e) => sum + 1 / (e.se ** 2 + MIN_SPREAD ** 2), 0);
  const floorGap = Math.log1p(floor);
  // Too few functions for halves: nothing to contest (and no finite limit to report).
  if (halves.coarse.length < MIN_FUNCTIONS || halves.precise.length < MIN_FUNCTIONS) return { precise: Math.exp(precise), coarse: Math.exp(coarse), limit: floorGap, contested: false };
  const limit = Math.max(floorGap, CONTEST_Z * Math.sqrt(varianceOf(halves.precise) + varianceOf(halves.coarse)));
  return { precise: Math.exp(precise), coarse: Math.exp(coarse), limit, contested: Math.abs(precise - coarse) > limit };
}

/** The votes sorted by precision, split into the precise half and the coarse half. */
function halvesOf<T extends { readonly effect: number; readonly se: number }>(votes: readonly T[]): { precise: T[]; coarse: T[] } {
  const byPrecision = votes.filter((e) => Number.isFinite(e.effect) && Number.isFinite(e.se)).sort((a, b) => a.se - b.se);
  const half = Math.floor(byPrecision.length / 2);
  return { precise: byPrecision.slice(0, half), coarse: byPrecision.slice(half) };
}

/** Each half's common factor, on the log scale. */
function centresOf(halves: { precise: ReadonlyArray<{ readonly effect: number; readonly se: number }>; coarse: ReadonlyArray<{ readonly effect: number; readonly se: number }> }): { readonly precise: number; readonly coarse: number } {
  return { precise: Math.log(commonFactor(halves.precise)), coarse: Math.log(commonFactor(halves.coarse)) };
}

/** Standard errors of the halves' difference beyond which the shares are contested (see `contestedCentre`). */
const CONTEST_Z = 3.5;

/**
 * The centre of votes that form one cluster, each weighted by its precision, beyond the
 * reach of a few outliers: the biweight of `refine`, started at the precision-weighted
 * median. For votes known to agree but for noise (pair-factors.ts: every function's
 * residual in one pair), where the mode's search over a grid is not needed.
 */
export function clusterCentre(votes: ReadonlyArray<{ readonly effect: number; readonly se: number }>): number {
  const usable = votes.filter((e) => Number.isFinite(e.effect) && Number.isFinite(e.se));
  if (usable.length === 0) return 0;
  const spreads = usable.map((e) => Math.sqrt(e.se ** 2 + MIN_SPREAD ** 2));
  const order = usable.map((_, i) => i).sort((a, b) => usable[a]!.effect - usable[b]!.effect);
  const weights = spreads.map((s) => 1 / s ** 2);
  const total = weights.reduce((a, b) => a + b, 0);
  let seen = 0;
  let median = usable[order[0]!]!.effect;
  for (const i of order) {
    seen += weights[i]!;
    median = usable[i]!.effect;
    if (seen >= total / 2) break;
  }
  return refine(usable, spreads, median);
}

/**
 * Within the cluster the mode found, the precision-weighted mean of its votes: Tukey's
 * biweight, started at the mode and iterated. A vote's weight is its precision (1/se²)
 * times (1 − (z/3)²)², z its distance from the estimate in its own standard errors, and 0
 * beyond 3: the functions that moved carry no weight, and among those that did not, a
 * large function (many samples, small se) counts for more than a small one, as in any mean
 * of estimates of one value. The mode alone is a vote count, which treats a function seen
 * 20 times a trial like one seen 2000 times, and its grid position wanders by about 1% with
 * the small functions' noise; each 1% of error reads as every unchanged function moving by
 * 1%, which the drift (drift-variance.ts) then takes for noise and widens every interval by.
 *
 * 3 rather than the textbook 4.685 (95% efficiency at the normal): a precise function that
 * moved by 20% is 4–6 of its standard errors from the mode, and at 4.685 a group of them
 * pulled the estimate their way (8 functions +20% were caught 16 times in 100 instead of 29
 * in simulation); at 3 the functions that moved are out, and the ones that did not lose
 * little (A/A and +25% kept their rates).
 */
function refine(votes: ReadonlyArray<{ readonly effect: number }>, spreads: readonly number[], start: number): number {
  let centre = start;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let sum = 0;
    let weights = 0;
    votes.forEach((e, i) => {
      const z = (e.effect - centre) / spreads[i]! / BIWEIGHT_TUNING;
      if (Math.abs(z) >= 1) return;
      const weight = (1 - z * z) ** 2 / spreads[i]! ** 2;
      sum += weight * e.effect;
      weights += weight;
    });
    if (weights === 0) return centre;
    const next = sum / weights;
    if (Math.abs(next - centre) < 1e-9) return next;
    centre = next;
  }
  return centre;
}

/** Tukey's biweight constant, in standard errors (see `refine`). */
const BIWEIGHT_TUNING = 3;
const MAX_ITERATIONS = 100;

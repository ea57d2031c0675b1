/** Fewer functions than this cannot tell a common factor from one function's change. */
const MIN_FUNCTIONS = 5;
/** No estimate is taken as more precise than this (log scale): a few functions must agree. */
const MIN_SPREAD = 0.01;
const GRID_STEP = 0.001;

/**
 * The factor by which every share moved because shares are parts of a whole: when one
 * function gets twice as cheap, the others' shares of the (smaller) whole all rise by the
 * same factor although their cost per request did not move, and a new function shrinks
 * every other share. Dividing the candidate's shares by it puts both sides on the scale of
 * the unchanged code, which is what the tests compare.
 *
 * The unchanged functions are the ones that agree with each other: the factor is the mode
 * of their self shares' log ratios, each function one vote spread as a normal of its own
 * standard error (the value most functions are consistent with). Votes count functions,
 * not precision: the large functions are few, and a change often touches exactly those. A
 * median would do when most functions are untouched, but a broad regression moves a third
 * of them the same way and drags a median towards itself, while a mode stays with the
 * largest group that agrees.
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
  let best = 0;
  let bestDensity = -1;
  for (let c = low; c <= high + GRID_STEP / 2; c += GRID_STEP) {
    let density = 0;
    usable.forEach((e, i) => {
      const z = (c - e.effect) / spreads[i]!;
      density += Math.exp(-0.5 * z * z);
    });
    if (density > bestDensity) {
      bestDensity = density;
      best = c;
    }
  }
  return Math.exp(best);
}

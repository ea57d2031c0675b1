/**
 * Student's t distribution: the tail probability and quantile that the interval of a
 * metric and its test use when the spread is estimated from a few trials (10 a side), where
 * the normal's tails would claim more certainty than ten values give.
 */

/** P(T >= t) for T with `df` degrees of freedom. */
export function tUpperTail(t: number, df: number): number {
  if (!Number.isFinite(t)) return t > 0 ? 0 : 1;
  const x = df / (df + t * t);
  const tail = 0.5 * regularizedBeta(x, df / 2, 0.5);
  return t >= 0 ? tail : 1 - tail;
}

/** The value T exceeds with probability `upper` (0 < upper < 1). */
export function tQuantile(upper: number, df: number): number {
  // A comparison asks for the same few quantiles hundreds of times; df to 0.01 is plenty.
  const key = `${upper}:${Math.min(df, 1e4).toFixed(2)}`;
  let found = quantiles.get(key);
  if (found === undefined) {
    found = bisectQuantile(upper, Math.min(df, 1e4));
    if (quantiles.size > 1000) quantiles.clear();
    quantiles.set(key, found);
  }
  return found;
}

const quantiles = new Map<string, number>();

function bisectQuantile(upper: number, df: number): number {
  // The tail falls monotonically in t and is ½ at 0, so the quantile is on the side of 0
  // that `upper` says: bisect there to well below any precision a report shows (1e-12, some
  // 50 halvings instead of a fixed 100, most of which changed nothing).
  let low = upper < 0.5 ? 0 : -1e3;
  let high = upper < 0.5 ? 1e3 : 0;
  while (high - low > 1e-12 * Math.max(1, Math.abs(low), Math.abs(high))) {
    const mid = (low + high) / 2;
    if (tUpperTail(mid, df) > upper) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** I_x(a, b), by the continued fraction of Numerical Recipes (betacf), on the side where it converges. */
function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return (front * continuedFraction(x, a, b)) / a;
  return 1 - (front * continuedFraction(1 - x, b, a)) / b;
}

function continuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-12) break;
  }
  return h;
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9). */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  const z = x - 1;
  let sum = c[0]!;
  for (let i = 1; i < 9; i++) sum += c[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

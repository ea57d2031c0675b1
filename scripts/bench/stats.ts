/** Small order statistics for benchmark figures (no interpolation surprises: type 7, as numpy). */

export interface Spread {
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * p;
  const lower = Math.floor(at);
  const upper = Math.ceil(at);
  return sorted[lower]! + (at - lower) * (sorted[upper]! - sorted[lower]!);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function spread(values: readonly number[]): Spread {
  return {
    median: quantile(values, 0.5),
    q1: quantile(values, 0.25),
    q3: quantile(values, 0.75),
    min: values.length === 0 ? Number.NaN : Math.min(...values),
    max: values.length === 0 ? Number.NaN : Math.max(...values),
    n: values.length,
  };
}

/**
 * Slope of log(y) over log(x) by least squares: 1 means cost grows linearly with size,
 * 2 quadratically. Used to say how analysis cost scales, from a handful of sizes.
 */
export function logLogSlope(points: ReadonlyArray<{ x: number; y: number }>): number {
  const usable = points.filter((p) => p.x > 0 && p.y > 0);
  if (usable.length < 2) return Number.NaN;
  const xs = usable.map((p) => Math.log(p.x));
  const ys = usable.map((p) => Math.log(p.y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i]! - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? Number.NaN : num / den;
}

/** Wilson score interval for k successes in n trials (95%): honest bounds for small counts like 0 of 20. */
export function wilson(k: number, n: number, z = 1.959964): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = k / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** The one-sided 95% upper bound on a rate seen `k` times in `n` (Clopper–Pearson), by bisection on the binomial tail. */
export function upperBound95(k: number, n: number): number {
  if (n === 0) return 1;
  if (k >= n) return 1;
  const tail = (p: number) => {
    // P(X <= k) for X ~ Binomial(n, p)
    let term = (1 - p) ** n;
    let sum = term;
    for (let i = 1; i <= k; i++) {
      term *= ((n - i + 1) / i) * (p / (1 - p));
      sum += term;
    }
    return sum;
  };
  let low = k / n;
  let high = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (tail(mid) > 0.05) low = mid;
    else high = mid;
  }
  return high;
}

/** The one-sided 95% lower bound on a rate seen `k` times in `n` (Clopper–Pearson): 10 of 10 supports at least 74.1%. */
export function lowerBound95(k: number, n: number): number {
  if (n === 0 || k === 0) return 0;
  return 1 - upperBound95(n - k, n);
}

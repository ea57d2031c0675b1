/** From this many samples, a drop to a quarter is beyond any Poisson spread. */
const MIN_SAMPLES_FOR_JUMP = 30;

/**
 * True when, on one side, a value worth testing falls below a quarter of its largest value
 * in another trial of the same code, at a sample count where counting cannot do that.
 * V8 inlines a function into its caller in some processes and not in others, and the
 * profiler then charges its time to the caller; a deoptimisation in some processes looks
 * the same from one function's values alone.
 */
export function sideJumps(values: readonly number[], samples: readonly number[], floor: number): boolean {
  if (values.length < 2) return false;
  const max = Math.max(...values);
  return max >= 2 * floor && Math.max(...samples) >= MIN_SAMPLES_FOR_JUMP && Math.min(...values) < max / 4;
}

/**
 * Whether the time a jumping function lost or gained in some trials went to, or came from,
 * another function of the same trials, as inlining moves it between callee and caller:
 * some other function's own values moved against it by a similar amount (least-squares
 * slope between −1.5 and −0.5, correlation at most −0.8). A deoptimised function's extra
 * time comes from nowhere: every other value shrinks a little (its share of a larger whole),
 * none by as much, so it stays tested.
 */
export function absorbedByAnother(values: readonly number[], others: Iterable<readonly number[]>): boolean {
  const dx = centred(values);
  const sxx = dx.reduce((a, v) => a + v * v, 0);
  if (sxx === 0) return false;
  for (const other of others) {
    if (other.length !== values.length) continue;
    const dy = centred(other);
    const syy = dy.reduce((a, v) => a + v * v, 0);
    if (syy === 0) continue;
    const sxy = dx.reduce((a, v, i) => a + v * dy[i]!, 0);
    const slope = sxy / sxx;
    const correlation = sxy / Math.sqrt(sxx * syy);
    if (slope <= -0.5 && slope >= -1.5 && correlation <= -0.8) return true;
  }
  return false;
}

function centred(values: readonly number[]): number[] {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.map((v) => v - mean);
}

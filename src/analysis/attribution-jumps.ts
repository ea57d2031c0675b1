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
export function absorbedByAnother(values: readonly number[], others: readonly (readonly number[])[]): boolean {
  return absorberOf(values, others) >= 0;
}

/** The index in `others` of the first whose values moved against `values` as `absorbedByAnother` asks, or −1. */
export function absorberOf(values: readonly number[], others: readonly (readonly number[])[]): number {
  const dx = centred(values);
  const sxx = dx.reduce((a, v) => a + v * v, 0);
  if (sxx === 0) return -1;
  return others.findIndex((other) => {
    if (other.length !== values.length) return false;
    const dy = centred(other);
    const syy = dy.reduce((a, v) => a + v * v, 0);
    if (syy === 0) return false;
    const sxy = dx.reduce((a, v, i) => a + v * dy[i]!, 0);
    const slope = sxy / sxx;
    const correlation = sxy / Math.sqrt(sxx * syy);
    return slope <= -0.5 && slope >= -1.5 && correlation <= -0.8;
  });
}

/**
 * Whether, on one side, a function's allocated bytes swap with another function's from one
 * process to the next: its values split by half or more, at a sample count where counting
 * cannot do that (`sampleShare`: what one sampled allocation is worth in the values' unit),
 * and another function's bytes on the same side moved against them (`absorberOf`). V8 inlines
 * an allocating callee into its caller in some processes and the heap profiler charges the
 * bytes to whichever frame it sees: the example's sendJson doubled in half the candidate
 * trials of an A/A run while listProducts fell by as much (correlation −0.95). Returns the
 * index of that other function in `others`, or −1. A real rise moves every trial of the
 * side alike and does not split it; a deoptimisation's extra bytes come from nowhere.
 */
export function allocationSwapWith(values: readonly number[], sampleShare: number, others: readonly (readonly number[])[]): number {
  if (values.length < 4 || !(sampleShare > 0)) return -1;
  const max = Math.max(...values);
  if (max / sampleShare < MIN_SAMPLES_FOR_JUMP || Math.min(...values) > max / 2) return -1;
  return absorberOf(values, others);
}

function centred(values: readonly number[]): number[] {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.map((v) => v - mean);
}

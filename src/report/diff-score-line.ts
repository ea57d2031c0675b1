import type { ChangeEstimate, Detectability, DiffScore } from '../analysis/index.js';

/** `+2.1%`, `-0.4%`, `+∞`: a relative change as people read one. */
export function signedChange(change: number, digits = 1): string {
  if (change === Number.POSITIVE_INFINITY) return '+∞';
  return `${change >= 0 ? '+' : ''}${(change * 100).toFixed(digits)}%`;
}

/** What a bare test of one estimate could see: the diff score's own figure, which the gate's rule does not use. */
function bareTest(e: ChangeEstimate): string {
  const mdc = e.minimumDetectable;
  return Number.isFinite(mdc.relative)
    ? `a bare ${mdc.test} test at α ${mdc.alpha} would see ${signedChange(mdc.relative)} with ${Math.round(mdc.power * 100)}% power`
    : `no rise was detectable with these trials (${mdc.test}, α ${mdc.alpha})`;
}

function estimate(label: string, e: ChangeEstimate, detectable: string | null): string {
  return `${label} ${signedChange(e.change)} (95% CI ${signedChange(e.low)} … ${signedChange(e.high)}${detectable === null ? '' : `; ${detectable}`})`;
}

/**
 * The diff score in one sentence, for the terminal, the comment and the summary: the
 * change in CPU and allocated bytes per request with intervals. How small a CPU change the
 * run could have failed is the gate's own figure (`seen`, the "could have seen" line) when
 * the run has one: the bare test's power beside it would answer the same question with a
 * smaller number (no false-discovery control, no +5% floor), so it is left out. Allocated
 * bytes per request are not gated as a whole (each function's are), so their bare test's
 * figure is kept and named for what it is.
 */
export function diffScoreLine(score: DiffScore, seen?: Detectability): string {
  const gated = seen !== undefined && seen.cpuPerRequest !== null;
  const cpu = estimate('CPU per request', score.cpuPerRequest, gated ? null : bareTest(score.cpuPerRequest));
  const bytes = score.allocatedBytesPerRequest ? [estimate('allocated bytes per request', score.allocatedBytesPerRequest, `not gated as a whole; ${bareTest(score.allocatedBytesPerRequest)}`)] : [];
  return [cpu, ...bytes].join('; ');
}

/**
 * What the run could have seen, next to the limit it is held to: a pass is worth only as
 * much as this says.
 */
export function detectableLine(seen: Detectability): string {
  const fn = seen.functions.map((f) => `${f.name} ${Number.isFinite(f.relative) ? signedChange(f.relative) : 'none'}`).join(', ');
  const cpu = seen.cpuPerRequest === null ? '' : `CPU per request ${Number.isFinite(seen.cpuPerRequest) ? signedChange(seen.cpuPerRequest) : 'none up to ×10'}; `;
  return `${cpu}largest functions ${fn || '(none)'}; limit ${signedChange(seen.limit, 0)} (compare.maxDetectable, 80% power)${seen.blind ? ' — blind' : ''}`;
}

import type { ChangeEstimate, Detectability, DiffScore } from '../analysis/index.js';

/** `+2.1%`, `-0.4%`, `+∞`: a relative change as people read one. */
export function signedChange(change: number, digits = 1): string {
  if (change === Number.POSITIVE_INFINITY) return '+∞';
  return `${change >= 0 ? '+' : ''}${(change * 100).toFixed(digits)}%`;
}

function estimate(label: string, e: ChangeEstimate): string {
  const mdc = e.minimumDetectable;
  const detectable = Number.isFinite(mdc.relative)
    ? `smallest rise this run could see ${signedChange(mdc.relative)} (${Math.round(mdc.power * 100)}% power, α ${mdc.alpha}, ${mdc.test})`
    : `no rise was detectable with these trials (${mdc.test}, α ${mdc.alpha})`;
  return `${label} ${signedChange(e.change)} (95% CI ${signedChange(e.low)} … ${signedChange(e.high)}; ${detectable})`;
}

/**
 * The diff score in one sentence, for the terminal, the comment and the summary: the
 * change in CPU and allocated bytes per request with intervals, and the minimum detectable
 * change that says how much a "no change" is worth.
 */
export function diffScoreLine(score: DiffScore): string {
  return [estimate('CPU per request', score.cpuPerRequest), ...(score.allocatedBytesPerRequest ? [estimate('allocated bytes per request', score.allocatedBytesPerRequest)] : [])].join('; ');
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

import type { MetricComparison } from '../analysis/index.js';

// Characters that change how text reads without showing themselves: C0/C1 controls, bidi
// embeddings, overrides and isolates (a "Trojan Source" name can read backwards), zero-width
// and invisible formatting characters, and the byte-order mark.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/** Drops invisible and direction-changing characters; line breaks and tabs stay. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Drops invisible and direction-changing characters and folds line breaks and tabs into spaces. */
export function visibleText(text: string): string {
  return stripInvisible(text.replace(/[\t\r\n\u2028\u2029]+/g, ' '));
}

/**
 * Escapes text from a profile or an untrusted report so that it renders as itself on
 * GitHub: no markdown, no HTML or entities, no @mention (a zero-width space after `@`), no
 * issue reference (`#1`), no autolinked URL (`https:\/\/`, `www\.`), no line break.
 */
export function escapeMarkdown(text: string): string {
  return visibleText(text)
    .replace(/[\\`*_{}[\]()#+!|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '@\u200b')
    .replace(/#(?=\d)/g, '#\u200b')
    .replace(/:\/\//g, ':\\/\\/')
    .replace(/\b(www)\./gi, '$1\\.');
}

/** Text for inside a backtick code span, where markdown, HTML and mentions are inert but a backtick would end the span early. */
export function codeSpanText(text: string): string {
  return visibleText(text).replace(/`/g, "'");
}

export function percent(share: number, digits = 2): string {
  return `${(share * 100).toFixed(digits)}%`;
}

export function signedPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return 'new';
  const change = (ratio - 1) * 100;
  return `${change >= 0 ? '+' : ''}${change.toFixed(1)}%`;
}

/** A change with its interval, or `~` when the data do not show one (as benchstat prints). */
export function change(metric: MetricComparison, intervalLabel = ''): string {
  const interval = `${intervalLabel}${signedPercent(metric.ci.low)} … ${signedPercent(metric.ci.high)}`;
  if (metric.outcome === 'unchanged' || metric.outcome === 'inconclusive') return `~ (${interval})`;
  // Same-runner: a regression found relative to the run's unchanged code (pair-factors.ts) says so.
  return `${signedPercent(metric.ratio)} (${interval})${metric.decidedRelative ? ' vs unchanged code' : ''}`;
}

/**
 * A CPU metric's value in its comparison's unit: a share of busy CPU (a stored baseline) or
 * nanoseconds per request (same-runner), told apart by `scale`, the largest value shown with
 * it. A recentred share can pass 1 (an entry point's total is ~100%, divided by a common
 * factor below 1), while a function listed in nanoseconds costs hundreds at least (half the
 * absolute floor, 0.25% of CPU per request): 10 lies between the two.
 */
export function cpuValue(value: number, scale: number): string {
  return scale > 10 ? nanosAsTime(value) : percent(value);
}

export function nanosAsTime(nanos: number): string {
  if (nanos >= 1e6) return `${(nanos / 1e6).toFixed(2)} ms`;
  if (nanos >= 1e3) return `${(nanos / 1e3).toFixed(1)} µs`;
  return `${nanos.toFixed(0)} ns`;
}

export function formatQ(q: number): string {
  if (q >= 0.995) return '1';
  return q < 0.001 ? q.toExponential(1) : q.toFixed(3);
}

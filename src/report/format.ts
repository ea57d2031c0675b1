import type { MetricComparison } from '../analysis/index.js';

/** Escapes text taken from a profile so it cannot inject markdown, HTML or @mentions. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+!|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '@\u200b')
    .replace(/[\r\n]+/g, ' ');
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
  return `${signedPercent(metric.ratio)} (${interval})`;
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

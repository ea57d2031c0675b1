import type { Comparison, RouteMismatchTotal } from '../analysis/index.js';
import { escapeMarkdown, percent } from './format.js';

const MAX_ROUTES = 15;

/** `200→500 ×120, 200→404 ×3`: what was recorded and what came back, most frequent first. */
function pairs(m: RouteMismatchTotal): string {
  return Object.entries(m.statuses)
    .sort((a, b) => b[1] - a[1])
    .map(([pair, n]) => `${pair} ×${n}`)
    .join(', ');
}

/** The markdown section listing wrong statuses by route; empty when every status matched. */
export function statusMismatchSection(comparison: Comparison): string[] {
  const rows = comparison.statusMismatches ?? [];
  if (rows.length === 0) return [];
  const out = [
    '### Status mismatches by route',
    '',
    'Responses whose status differed from the recorded one (or a 5xx where none was recorded), summed over each side\'s trials.',
    '',
    '| side | route | wrong | of responses | recorded → got |',
    '|---|---|---:|---:|---|',
  ];
  for (const m of rows.slice(0, MAX_ROUTES)) {
    out.push(`| ${m.side} | ${escapeMarkdown(m.route)} | ${m.count} | ${m.responses} (${percent(m.count / Math.max(1, m.responses), 1)}) | ${pairs(m)} |`);
  }
  if (rows.length > MAX_ROUTES) out.push('', `… and ${rows.length - MAX_ROUTES} more routes in report.json (comparison.statusMismatches).`);
  out.push('');
  return out;
}

/** The same, as lines for the terminal. */
export function statusMismatchLines(comparison: Comparison): string[] {
  const rows = comparison.statusMismatches ?? [];
  if (rows.length === 0) return [];
  return [
    'Status mismatches by route:',
    ...rows.slice(0, MAX_ROUTES).map((m) => `  ${m.side}  ${m.route}: ${m.count} of ${m.responses} (${pairs(m)})`),
    ...(rows.length > MAX_ROUTES ? [`  … and ${rows.length - MAX_ROUTES} more routes (report.json)`] : []),
    '',
  ];
}

import type { HistoryRecord } from './history-record.js';
import { unflaggedRises, type Step } from './steps.js';

const BARS = '▁▂▃▄▅▆▇█';
/** How many of the branch's last runs the comment charts. */
export const TREND_RUNS = 20;

/** One bar per value, scaled between the smallest and largest of `scale`. */
export function sparkline(values: readonly number[], scale: readonly number[] = values): string {
  const low = Math.min(...scale);
  const high = Math.max(...scale);
  return values.map((v) => BARS[high > low ? Math.max(0, Math.min(7, Math.round(((v - low) / (high - low)) * 7))) : 3]).join('');
}

/**
 * The trend section of a PR comment: the branch's last runs of CPU per request as a text
 * sparkline, where this PR's candidate lands on it, and every rise the history shows that
 * no gate run failed. `mermaid` adds an xychart (the job summary renders it; GitHub strips
 * inline SVG from summaries and comments). Pure.
 */
export function trendMarkdown(records: readonly HistoryRecord[], steps: readonly Step[], branch: string, here: { cpuMicrosPerRequest: number } | null, options: { mermaid?: boolean } = {}): string {
  const last = records.slice(-TREND_RUNS);
  if (last.length === 0) return '';
  const values = last.map((r) => r.cpuMicrosPerRequest.median);
  const out = [`### Trend of ${branch} (last ${last.length} run${last.length === 1 ? '' : 's'}, µs CPU per request)`, ''];
  const scale = here ? [...values, here.cpuMicrosPerRequest] : values;
  let line = `\`${sparkline(values, scale)}\` ${values.at(-1)!.toFixed(1)}`;
  if (here) {
    const below = values.filter((v) => v < here.cpuMicrosPerRequest).length;
    line += ` → this PR \`${sparkline([here.cpuMicrosPerRequest], scale)}\` ${here.cpuMicrosPerRequest.toFixed(1)}: above ${below} of the last ${values.length} runs of ${branch}`;
  }
  out.push(line, '');
  if (options.mermaid) {
    out.push('```mermaid', 'xychart-beta', `  x-axis "runs of ${branch.replace(/"/g, '')}" 1 --> ${last.length + (here ? 1 : 0)}`, '  y-axis "µs CPU per request"', `  line [${[...values, ...(here ? [here.cpuMicrosPerRequest] : [])].map((v) => v.toFixed(1)).join(', ')}]`, '```', '');
  }
  for (const step of unflaggedRises(steps)) {
    const at = records[step.index];
    out.push(
      `> [!WARNING]\n> CPU per request of ${branch} rose ${(step.change * 100).toFixed(1)}% from ${at?.commit ? `\`${at.commit.slice(0, 12)}\`` : `run ${step.index + 1}`}${at?.date ? ` (${at.date.slice(0, 10)})` : ''} in a step no gate run failed: a regression that crept in below the per-PR threshold (E-divisive means, p = ${step.p.toFixed(3)}).`,
      '',
    );
  }
  return out.join('\n');
}

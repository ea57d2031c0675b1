import type { FunctionFinding, MetricComparison } from '../analysis/index.js';
import { allocationCell } from './allocation-cells.js';
import { decisiveMetric } from './decisive-metric.js';
import { change, codeSpanText, escapeMarkdown, formatQ, percent } from './format.js';

// Markdown table rows of function findings, shared by the gate's and the canary's reports.

/** The top changes: one row per function, by the metric (self or total) that decided it. */
export function topTable(findings: readonly FunctionFinding[], lines: Readonly<Record<string, number>>, perRequest: (value: number) => string): string[] {
  // Per-request CPU moves with the machine's speed; the share beside it is what was tested.
  const rows = ['| function | file:line | per request, baseline → candidate | share of busy CPU | change in share (95% CI) | q |', '|---|---|---:|---:|---|---:|'];
  for (const f of findings) {
    const { name, metric } = decisiveMetric(f);
    const line = lines[f.key];
    const where = f.file === '' ? '(native)' : line ? `${f.file}:${line}` : f.file;
    rows.push(
      `| ${mark(f)}${escapeMarkdown(f.name)} | ${escapeMarkdown(where)} | ${perRequest(f.perRequestNanos.baseline[name])} → ${perRequest(f.perRequestNanos.candidate[name])} (${name}) | ` +
        `${shares(metric)} | ${change(metric)} | ${formatQ(metric.q)} |`,
    );
  }
  return rows;
}

export function functionTable(findings: readonly FunctionFinding[], perRequest: (value: number) => string): string[] {
  const rows = [
    '| function | file | self share | total share | self per request | change self (95% CI) | change total (95% CI) | q (self / total) | allocated per request, change (95% CI) |',
    '|---|---|---:|---:|---:|---|---|---:|---|',
  ];
  for (const f of findings) {
    rows.push(
      `| ${mark(f)}${escapeMarkdown(f.name)} | ${escapeMarkdown(f.file || '(native)')} | ${shares(f.self)} | ${shares(f.total)} | ` +
        `${perRequest(f.perRequestNanos.baseline.self)} → ${perRequest(f.perRequestNanos.candidate.self)} | ${change(f.self)} | ${change(f.total)} | ${formatQ(f.self.q)} / ${formatQ(f.total.q)} | ${allocationCell(f)} |`,
    );
  }
  return rows;
}

function mark(f: FunctionFinding): string {
  switch (f.outcome) {
    case 'regressed':
      return '🔴 ';
    case 'improved':
      return '🔵 ';
    case 'inconclusive':
      return '⚪ ';
    case 'unchanged':
      return '';
  }
}

function shares(metric: MetricComparison): string {
  return `${percent(metric.baselineMedian)} → ${percent(metric.candidateMedian)}`;
}

/** Text for inside backticks: a backtick would end the span early. */
export function inlineCode(text: string): string {
  return codeSpanText(text);
}


import type { FunctionFinding, TotalRise } from '../analysis/index.js';
import { perRequestFormatter } from './diff-inputs.js';
import { codeSpanText, escapeMarkdown, visibleText } from './format.js';
import type { Report } from './report.js';

/** Per request: CPU in a gate run, the compared sample type in `perfgate diff`. */
const heading = (report: Report, text: (t: string) => string) =>
  `Where the regressed totals rose (${report.inputs ? text(report.inputs.sampleType) : 'CPU'} per request, each side's median total split as its merged profile splits it: an estimate, not a test)`;

/** "scoreProduct +24.1 µs (60.0 µs → 84.1 µs)": one part of a function's total that rose. */
function part(rise: TotalRise, name: (text: string) => string, value: (v: number) => string): string {
  const what = rise.callee === null ? 'its own time' : name(rise.callee.name);
  return `${what} +${value(rise.candidateNanos - rise.baselineNanos)} (${value(rise.baselineNanos)} → ${value(rise.candidateNanos)})`;
}

function entries(report: Report, regressed: readonly FunctionFinding[]): Array<[FunctionFinding, readonly TotalRise[]]> {
  const rises = report.totalRises ?? {};
  return regressed.filter((f) => (rises[f.key]?.length ?? 0) > 0).map((f) => [f, rises[f.key]!]);
}

/**
 * Under a function that regressed on its total time: which callee the rise lies in. A
 * caller's total can pass the false-discovery threshold while the callee that changed only
 * leans (its own samples are fewer); this names the callee to look at.
 */
export function totalRisesSection(report: Report, regressed: readonly FunctionFinding[]): string[] {
  const rows = entries(report, regressed).map(([f, rises]) => `- **${escapeMarkdown(f.name)}** (${escapeMarkdown(f.file || '(native)')}): ${rises.map((r) => part(r, (n) => `\`${codeSpanText(n)}\``, perRequestFormatter(report.inputs))).join(', ')}`);
  return rows.length === 0 ? [] : [`${heading(report, escapeMarkdown)}:`, '', ...rows, ''];
}

/** The same for the terminal. */
export function totalRisesLines(report: Report, regressed: readonly FunctionFinding[]): string[] {
  const rows = entries(report, regressed).map(([f, rises]) => `  ${visibleText(f.name)}: ${rises.map((r) => part(r, visibleText, perRequestFormatter(report.inputs))).join(', ')}`);
  return rows.length === 0 ? [] : [`${heading(report, visibleText)}:`, ...rows, ''];
}

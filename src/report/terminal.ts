import type { FunctionFinding } from '../analysis/index.js';
import { allocationChange } from './allocation-cells.js';
import { change, formatQ, percent } from './format.js';
import { environmentWarning } from './markdown.js';
import { methodsSentence } from './methods.js';
import { statusMismatchLines } from './status-mismatches.js';
import type { Report } from './report.js';
import { textTable as table } from './text-table.js';
import { verdictHeadline } from './verdict-line.js';
import { detectableLine, diffScoreLine } from './diff-score-line.js';
import { symbolicationLine } from './symbolication-line.js';

/** A plain-text summary for the terminal: the verdict, the functions to blame, the service. */
export function renderTerminal(report: Report, rows = 10): string {
  const { comparison } = report;
  const headline = verdictHeadline(comparison.verdict);
  const out: string[] = ['', `perfgate: ${headline.icon} ${headline.text}`, `rule: ${comparison.verdict.rule}`, `test: ${methodsSentence(comparison)}`, ''];
  if (report.diffScore) out.push(`diff score: ${diffScoreLine(report.diffScore)}`, '');
  if (report.detectable) out.push(`could have seen: ${detectableLine(report.detectable)}`, '');
  out.push(...statusMismatchLines(comparison));
  const shown = comparison.findings.filter((f) => f.outcome === 'regressed' || f.outcome === 'improved').slice(0, rows);
  const largest = () => comparison.findings.filter((f) => f.presence === 'both').toSorted((a, b) => b.self.candidateMedian - a.self.candidateMedian);
  const top = shown.length > 0 ? shown : largest().slice(0, Math.min(rows, 5));
  out.push(shown.length > 0 ? 'Functions that changed:' : 'Largest functions (none changed):');
  out.push(...table(['', 'function', 'file', 'self share', 'self change (95% CI)', 'total change (95% CI)', 'q self/total', 'alloc change (95% CI)'], top.map(row)), '');
  if (comparison.service.length > 0) {
    out.push(
      ...table(
        ['service', 'baseline', 'candidate', 'change (95% CI)'],
        comparison.service.map((s) => [s.metric, s.comparison.baselineMedian.toFixed(1), s.comparison.candidateMedian.toFixed(1), change(s.comparison)]),
      ),
    );
  }
  if (report.symbolication) out.push('', symbolicationLine(report.symbolication));
  for (const warning of [...comparison.warnings, ...environmentWarning(report)]) out.push('', `warning: ${warning}`);
  out.push('');
  return out.join('\n');
}

function row(f: FunctionFinding): string[] {
  const mark = f.outcome === 'regressed' ? 'REGRESSED' : f.outcome === 'improved' ? 'improved' : f.outcome === 'inconclusive' ? '?' : '';
  return [
    mark,
    truncate(f.name, 40),
    truncate(f.file || '(native)', 40),
    `${percent(f.self.baselineMedian)} → ${percent(f.self.candidateMedian)}`,
    change(f.self),
    change(f.total),
    `${formatQ(f.self.q)} / ${formatQ(f.total.q)}`,
    allocationChange(f),
  ];
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `…${text.slice(text.length - width + 1)}`;
}

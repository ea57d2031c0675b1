import type { FunctionFinding } from '../analysis/index.js';
import { bytesAsSize } from './allocation-cells.js';
import { decisiveMetric } from './decisive-metric.js';
import { change, cpuValue, formatQ, nanosAsTime, percent } from './format.js';
import { metricChange, replacesText } from './function-rows.js';
import { environmentWarning } from './markdown.js';
import { methodsSentence } from './methods.js';
import { statusMismatchLines } from './status-mismatches.js';
import type { Report } from './report.js';
import { textTable as table } from './text-table.js';
import { totalRisesLines } from './total-rises.js';
import { verdictHeadline } from './verdict-line.js';
import { detectableLine, diffScoreLine } from './diff-score-line.js';
import { symbolicationLine } from './symbolication-line.js';

/** A plain-text summary for the terminal: the verdict, the functions to blame, the service. */
export function renderTerminal(report: Report, rows = 10): string {
  const { comparison } = report;
  const headline = verdictHeadline(comparison.verdict);
  const out: string[] = ['', `perfgate: ${headline.icon} ${headline.text}`, `rule: ${comparison.verdict.rule}`, `test: ${methodsSentence(comparison)}`, ''];
  if (report.diffScore) out.push(`diff score: ${diffScoreLine(report.diffScore, report.detectable)}`, '');
  if (report.detectable) out.push(`could have seen: ${detectableLine(report.detectable)}`, '');
  out.push(...statusMismatchLines(comparison));
  // Changed code that regressed alone but replaced code that went is shown too, with why it is not blamed.
  const shown = comparison.findings.filter((f) => f.outcome === 'regressed' || f.outcome === 'improved' || f.replaces !== undefined).slice(0, rows);
  const largest = () => comparison.findings.filter((f) => f.presence === 'both').toSorted((a, b) => b.self.candidateMedian - a.self.candidateMedian);
  const top = shown.length > 0 ? shown : largest().slice(0, Math.min(rows, 5));
  out.push(shown.length > 0 ? 'Functions that changed:' : 'Largest functions (none changed):');
  out.push(...table(['', 'function', 'file', 'decided by', 'baseline → candidate', 'change (95% CI)', 'q'], top.map(row)), '');
  out.push(...totalRisesLines(report, shown.filter((f) => f.outcome === 'regressed')));
  const packages = (comparison.packages ?? []).filter((p) => p.outcome === 'regressed' || p.outcome === 'improved' || p.baselineVersions.join() !== p.candidateVersions.join());
  if (packages.length > 0) {
    out.push(
      'Packages (own CPU per request):',
      ...table(
        ['', 'package', 'version', 'per request', 'change (95% CI)', 'q'],
        packages.map((p) => [
          markOf(p.outcome),
          p.name,
          `${p.baselineVersions.join(', ') || '—'} → ${p.candidateVersions.join(', ') || '—'}`,
          `${nanosAsTime(p.perRequestNanos.baseline)} → ${nanosAsTime(p.perRequestNanos.candidate)}`,
          `${metricChange(p.self)}${p.replaces ? `; ${replacesText(p.replaces, p.presence)}` : ''}`,
          formatQ(p.self.q),
        ]),
      ),
      '',
    );
  }
  const changed = comparison.changedCode?.cpu;
  if (changed) {
    const show = (v: number) => cpuValue(v, Math.max(changed.baselineMedian, changed.candidateMedian));
    const replacing = comparison.findings.filter((f) => f.replaces !== undefined).length + (comparison.packages ?? []).filter((p) => p.replaces !== undefined).length;
    out.push(
      `Code that came, went or was upgraded, as one unit (own time): ${show(changed.baselineMedian)} → ${show(changed.candidateMedian)}, ${metricChange(changed)}, ${changed.outcome}` +
        (replacing > 0 ? `; ${replacing} function(s) and package(s) that regressed alone replace code that went, not blamed` : ''),
      '',
    );
  }
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

/** One function, by the metric that decided it: its figures, change and q are that metric's. */
function row(f: FunctionFinding): string[] {
  const { name, metric } = decisiveMetric(f);
  const show = (v: number) => (name === 'allocations' ? percent(v) : cpuValue(v, Math.max(metric.baselineMedian, metric.candidateMedian)));
  const figures =
    name === 'allocations' && f.allocationsPerRequest
      ? `${bytesAsSize(f.allocationsPerRequest.baseline.bytes)} → ${bytesAsSize(f.allocationsPerRequest.candidate.bytes)}`
      : `${show(metric.baselineMedian)} → ${show(metric.candidateMedian)}`;
  const presence = f.presence === 'added' ? ' (new)' : f.presence === 'gone' ? ' (gone)' : f.renamedFrom ? ' (renamed)' : '';
  const moved = f.replaces ? `; ${replacesText(f.replaces, f.presence)}` : '';
  return [markOf(f.outcome), truncate(f.name + presence, 40), truncate(f.file || '(native)', 40), DECIDED_BY[name], figures, metricChange(metric) + moved, formatQ(metric.q)];
}

const DECIDED_BY = { self: 'own time', total: 'total time', allocations: 'allocations' } as const;

function markOf(outcome: FunctionFinding['outcome']): string {
  return outcome === 'regressed' ? 'REGRESSED' : outcome === 'improved' ? 'improved' : outcome === 'inconclusive' ? '?' : '';
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `…${text.slice(text.length - width + 1)}`;
}

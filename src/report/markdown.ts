import type { FunctionFinding, MetricComparison, ServiceFinding } from '../analysis/index.js';
import { allocationCell, hotLinesSection } from './allocation-cells.js';
import { change, escapeMarkdown, formatQ, percent } from './format.js';
import { methodsSentence } from './methods.js';
import { inputsSentence, perRequestFormatter } from './profile-inputs.js';
import { SERVICE_METRICS } from './service-metrics.js';
import { statusMismatchSection } from './status-mismatches.js';
import type { Report } from './report.js';
import { verdictHeadline } from './verdict-line.js';

const TOP_ROWS = 10;

/** The markdown report (report.md, and later the PR comment and job summary). Pure. */
export function renderMarkdown(report: Report): string {
  const { comparison } = report;
  const headline = verdictHeadline(comparison.verdict);
  const out: string[] = [];
  out.push(`## perfgate: ${headline.icon} ${headline.text}`, '');
  out.push(`**Rule:** ${escapeMarkdown(comparison.verdict.rule)}.`, '');
  out.push(`<sub>${methodsSentence(comparison)}</sub>`, '');

  if (comparison.verdict.outcome === 'fail-errors') {
    out.push('| side | trial | requests | no response | wrong status | non-2xx |', '|---|---:|---:|---:|---:|---:|');
    for (const e of comparison.verdict.errors) out.push(`| ${e.side} | ${e.trial} | ${e.requests} | ${e.errors} | ${e.statusMismatches} | ${e.non2xx} |`);
    out.push('');
  }
  out.push(...statusMismatchSection(comparison));

  const regressed = comparison.findings.filter((f) => f.outcome === 'regressed');
  const improved = comparison.findings.filter((f) => f.outcome === 'improved');
  const perRequest = perRequestFormatter(report.inputs);
  if (regressed.length > 0) out.push('### Regressions', '', ...functionTable(regressed.slice(0, TOP_ROWS), perRequest), '', ...hotLinesSection(report, regressed.slice(0, TOP_ROWS)));
  if (improved.length > 0) out.push('### Improvements', '', ...functionTable(improved.slice(0, TOP_ROWS), perRequest), '');

  // A diff of pprof files (`perfgate diff`) has no service measurements.
  if (comparison.service.length > 0) {
    out.push('### Service', '', '| metric | baseline | candidate | change (95% CI) | p |', '|---|---:|---:|---|---:|');
    for (const s of comparison.service) out.push(serviceRow(s));
    out.push('', '<sub>Service metrics are shown for context; the function shares above decide the verdict.</sub>', '');
  }

  const changedPresence = comparison.findings.filter((f) => f.presence !== 'both');
  if (changedPresence.length > 0) {
    out.push('### Functions on one side only', '', '| function | file | | share of busy CPU (total) |', '|---|---|---|---:|');
    for (const f of changedPresence) {
      const share = f.presence === 'added' ? f.total.candidateMedian : f.total.baselineMedian;
      out.push(`| ${escapeMarkdown(f.name)} | ${escapeMarkdown(f.file)} | ${f.presence === 'added' ? 'new' : 'gone'} | ${percent(share)} |`);
    }
    out.push('');
  }

  const rest = comparison.findings.filter((f) => f.presence === 'both');
  out.push(`<details><summary>All ${rest.length} tested functions</summary>`, '', ...functionTable(rest, perRequest), '', '</details>', '');

  for (const warning of [...comparison.warnings, ...environmentWarning(report)]) out.push(`> [!WARNING]\n> ${escapeMarkdown(warning)}`, '');
  out.push(
    report.inputs
      ? inputsSentence(report.inputs)
      : `Baseline: ${report.baselineSource.kind === 'same-runner' ? 're-measured on this machine' : 'stored'}, ${escapeMarkdown(report.baselineSource.why)}; ` +
      `${report.baseline.commit ? `\`${report.baseline.commit.slice(0, 12)}\`` : 'no commit'} (${report.baseline.createdAt}, Node ${report.baseline.environment.nodeVersion}); ` +
      `candidate: ${report.candidate.commit ? `\`${report.candidate.commit.slice(0, 12)}\`` : 'working tree'} (Node ${report.candidate.environment.nodeVersion}).`,
    '',
    `Reproduce: \`${report.reproduce}\``,
    '',
  );
  return out.join('\n');
}

function functionTable(findings: readonly FunctionFinding[], perRequest: (value: number) => string): string[] {
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

function serviceRow(s: ServiceFinding): string {
  const { label, format } = SERVICE_METRICS[s.metric];
  const c = s.comparison;
  return `| ${label} | ${format(c.baselineMedian)} | ${format(c.candidateMedian)} | ${change(c)} | ${formatQ(c.p)} |`;
}

export function environmentWarning(report: Report): string[] {
  if (report.environmentDifferences.length === 0) return [];
  return [`The baseline was measured in another environment (${report.environmentDifferences.join('; ')}); absolute figures may not compare. Re-measure the baseline here.`];
}

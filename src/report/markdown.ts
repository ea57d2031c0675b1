import type { ServiceFinding } from '../analysis/index.js';
import { shardsSection } from './shards-markdown.js';
import { hotLinesSection } from './allocation-cells.js';
import { totalRisesSection } from './total-rises.js';
import { decisiveMetric } from './decisive-metric.js';
import { change, codeSpanText, escapeMarkdown, percent, signedPercent } from './format.js';
import { codeChangesSection, functionTable, inlineCode, topTable } from './function-rows.js';
import { methodsSentence } from './methods.js';
import { inputsSentence, perRequestFormatter } from './diff-inputs.js';
import { SERVICE_METRICS } from './service-metrics.js';
import { statusMismatchSection } from './status-mismatches.js';
import type { Report, RequestCounts } from './report.js';
import { verdictHeadline } from './verdict-line.js';
import { detectableLine, diffScoreLine } from './diff-score-line.js';
import { symbolicationLine } from './symbolication-line.js';

const TOP_ROWS = 10;

export interface MarkdownOptions {
  /** Where the report artifact (report.html with the flame graph) can be downloaded; without it the text names the file. */
  readonly artifactUrl?: string;
}

/**
 * The markdown report: report.md, the PR comment and the job summary. Scannable first:
 * a one-line verdict, the top regressions and improvements, the service, where the
 * flame graph is and how to reproduce; everything else folded into one <details>. Pure.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const { comparison } = report;
  const headline = verdictHeadline(comparison.verdict);
  const perRequest = perRequestFormatter(report.inputs);
  const out: string[] = [];
  out.push(`## perfgate: ${headline.icon} ${headline.text}${blamed(comparison.verdict)}`, '');
  out.push(`**Rule:** ${escapeMarkdown(comparison.verdict.rule)}.`, '');
  if (report.diffScore) out.push(`**Diff score:** ${escapeMarkdown(diffScoreLine(report.diffScore, report.detectable))}.`, '');
  if (report.detectable) out.push(`**Smallest rise this run could see:** ${escapeMarkdown(detectableLine(report.detectable))}.`, '');

  if (comparison.verdict.outcome === 'fail-errors') {
    out.push('| side | trial | requests | no response | wrong status | non-2xx |', '|---|---:|---:|---:|---:|---:|');
    for (const e of comparison.verdict.errors) out.push(`| ${e.side} | ${e.trial} | ${e.requests} | ${e.errors} | ${e.statusMismatches} | ${e.non2xx} |`);
    out.push('');
  }
  out.push(...statusMismatchSection(comparison));

  const regressed = comparison.findings.filter((f) => f.outcome === 'regressed');
  const improved = comparison.findings.filter((f) => f.outcome === 'improved');
  const top = [...regressed.slice(0, TOP_ROWS), ...improved.slice(0, TOP_ROWS)];
  if (top.length > 0) {
    const title = regressed.length > 0 && improved.length > 0 ? 'Regressions and improvements' : regressed.length > 0 ? 'Regressions' : 'Improvements';
    out.push(`### ${title}`, '', ...topTable(top, report.functionLines ?? {}, perRequest), '', ...hotLinesSection(report, regressed.slice(0, TOP_ROWS)), ...totalRisesSection(report, regressed.slice(0, TOP_ROWS)));
    const more = regressed.length + improved.length - top.length;
    if (more > 0) out.push(`<sub>${more} more changed functions under “Details”.</sub>`, '');
  } else {
    out.push('No function changed significantly.', '');
  }
  out.push(...codeChangesSection(comparison));

  // A diff of pprof files (`perfgate diff`) has no service measurements.
  if (comparison.service.length > 0) {
    out.push('### Service', '', '| metric | baseline | candidate | change (95% CI) |', '|---|---:|---:|---|');
    for (const s of comparison.service) out.push(serviceRow(s));
    if (report.requests) out.push(failedRow(report.requests.baseline, report.requests.candidate));
    out.push('');
  }

  if (report.symbolication) out.push(`<sub>${escapeMarkdown(symbolicationLine(report.symbolication))}</sub>`, '');
  out.push(...shardsSection(report));
  for (const warning of [...comparison.warnings, ...environmentWarning(report)]) out.push(`> [!WARNING]\n> ${escapeMarkdown(warning)}`, '');
  out.push(
    options.artifactUrl
      ? `**[Differential flame graph and full report](${encodeURI(options.artifactUrl)})** (report.html in the artifact).`
      : '**Differential flame graph:** `report.html` beside this report (with `flamegraph.svg` and the pprof files).',
    '',
    `Reproduce locally: \`${codeSpanText(report.reproduce)}\``,
    '',
  );

  const rest = comparison.findings.filter((f) => f.presence === 'both');
  const changedPresence = comparison.findings.filter((f) => f.presence !== 'both');
  out.push(`<details><summary>Details: all ${rest.length} tested functions${changedPresence.length > 0 ? `, ${changedPresence.length} on one side only` : ''}, the test, the sides</summary>`, '');
  out.push(...functionTable(rest, perRequest), '');
  if (changedPresence.length > 0) {
    out.push('Functions on one side only:', '', '| function | file | | share of busy CPU (total) |', '|---|---|---|---:|');
    for (const f of changedPresence) {
      const share = f.presence === 'added' ? f.total.candidateMedian : f.total.baselineMedian;
      out.push(`| ${escapeMarkdown(f.name)} | ${escapeMarkdown(f.file)} | ${f.presence === 'added' ? 'new' : 'gone'} | ${percent(share)} |`);
    }
    out.push('');
  }
  if (comparison.service.length > 0)
    out.push(comparison.paired ? "Service metrics were compared pair by pair; the service's CPU per request decides the verdict with the functions." : 'Service metrics are shown for context; the functions decide the verdict.', '');
  out.push(methodsSentence(comparison), '');
  out.push(
    report.inputs
      ? inputsSentence(report.inputs)
      : `Baseline: ${report.baselineSource.kind === 'same-runner' ? 're-measured on this machine' : 'stored'}, ${escapeMarkdown(report.baselineSource.why)}; ` +
          `${report.baseline.commit ? `\`${codeSpanText(report.baseline.commit.slice(0, 12))}\`` : 'no commit'} (${escapeMarkdown(report.baseline.createdAt)}, Node ${escapeMarkdown(report.baseline.environment.nodeVersion)}); ` +
          `candidate: ${report.candidate.commit ? `\`${codeSpanText(report.candidate.commit.slice(0, 12))}\`` : 'working tree'} (Node ${escapeMarkdown(report.candidate.environment.nodeVersion)}).`,
    '',
    '</details>',
    '',
  );
  return out.join('\n');
}

/** After the headline of a failed verdict: the function to blame first and its change. */
function blamed(verdict: Report['comparison']['verdict']): string {
  if (verdict.outcome !== 'fail') return '';
  const first = verdict.blocking[0];
  if (!first) return '';
  const { name, metric } = decisiveMetric(first);
  return ` — \`${inlineCode(first.name)}\` ${signedPercent(metric.ratio)} ${name} share${verdict.blocking.length > 1 ? ` and ${verdict.blocking.length - 1} more` : ''}`;
}

function failedRow(baseline: readonly RequestCounts[], candidate: readonly RequestCounts[]): string {
  const side = (list: readonly RequestCounts[]) => {
    const failed = list.reduce((sum, r) => sum + r.errors + r.statusMismatches, 0);
    return `${failed} of ${list.reduce((sum, r) => sum + r.requests, 0)}`;
  };
  return `| failed requests | ${side(baseline)} | ${side(candidate)} | — |`;
}

function serviceRow(s: ServiceFinding): string {
  const { label, format } = SERVICE_METRICS[s.metric];
  const c = s.comparison;
  return `| ${label} | ${format(c.baselineMedian)} | ${format(c.candidateMedian)} | ${change(c)} |`;
}

export function environmentWarning(report: Report): string[] {
  if (report.environmentDifferences.length === 0) return [];
  return [`The baseline was measured in another environment (${report.environmentDifferences.join('; ')}); absolute figures may not compare. Re-measure the baseline here.`];
}

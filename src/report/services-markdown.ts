import type { Verdict } from '../analysis/index.js';
import { escapeMarkdown } from './format.js';
import type { Report } from './report.js';
import { verdictHeadline } from './verdict-line.js';

/** One service of a pull request gated as several: its name, its report, and its report's markdown. */
export interface ServiceReport {
  readonly service: string;
  readonly report: Report;
  readonly markdown: string;
}

const SEVERITY: Record<Verdict['outcome'], number> = { 'fail-errors': 0, fail: 1, inconclusive: 2, pass: 3 };

/**
 * The verdict of several services together: the worst of theirs (failed requests, then a
 * regression, then inconclusive: a pass must mean every service could have seen one).
 */
export function overallOutcome(services: readonly ServiceReport[]): Verdict['outcome'] {
  let worst: Verdict['outcome'] = 'pass';
  for (const s of services) if (SEVERITY[s.report.comparison.verdict.outcome] < SEVERITY[worst]) worst = s.report.comparison.verdict.outcome;
  return worst;
}

const OVERALL: Record<Verdict['outcome'], string> = { pass: '✅ no performance regression', fail: '❌ regression', 'fail-errors': '❌ requests failed', inconclusive: '⚠️ inconclusive' };

/**
 * One markdown for several services (one sticky comment): the overall verdict, one line per
 * service, then each service's own report folded under its name.
 */
export function renderServicesMarkdown(services: readonly ServiceReport[]): string {
  const out = [`## perfgate: ${OVERALL[overallOutcome(services)]} (${services.length} services)`, '', '| service | verdict | rule |', '|---|---|---|'];
  for (const s of services) {
    const headline = verdictHeadline(s.report.comparison.verdict);
    const rule = s.report.comparison.verdict.rule;
    out.push(`| ${escapeMarkdown(s.service)} | ${headline.icon} ${headline.text} | ${escapeMarkdown(rule.length > 300 ? `${rule.slice(0, 299)}…` : rule)} |`);
  }
  out.push('');
  for (const s of services) {
    const headline = verdictHeadline(s.report.comparison.verdict);
    // Each report's own headings go one level down, under the service's.
    const body = s.markdown.replace(/^(#{2,5}) /gm, '#$1 ');
    out.push(`<details${s.report.comparison.verdict.outcome === 'pass' ? '' : ' open'}><summary><b>${escapeMarkdown(s.service)}</b>: ${headline.icon} ${headline.text}</summary>`, '', body.trimEnd(), '', '</details>', '');
  }
  return out.join('\n');
}

import { CANARY_METRICS } from '../analysis/canary-verdict.js';
import { change, escapeMarkdown, formatQ, nanosAsTime } from './format.js';
import { functionTable, topTable } from './function-rows.js';
import type { Report } from './report.js';
import { SERVICE_METRICS } from './service-metrics.js';

const TOP_ROWS = 10;

export interface CanaryContext {
  /** The canary's origin, shown as given (escaped). */
  readonly canary: string;
  /** The stable deployment's origin, or null when the stored baseline was the reference. */
  readonly stable: string | null;
  /** Which sides had function tables (pprof-url, baseline-pprof-url or the stored baseline's); absent: neither. */
  readonly profiled?: { readonly canary: boolean; readonly reference: boolean };
}

/** The canary report: client-side metrics of the canary against its reference, and its functions when both sides were profiled. Pure. */
export function renderCanaryMarkdown(report: Report, context: CanaryContext): string {
  const { comparison } = report;
  const verdict = comparison.verdict;
  const headline =
    verdict.outcome === 'pass' ? '✅ canary: no regression' : verdict.outcome === 'inconclusive' ? '⚠️ canary: inconclusive' : verdict.outcome === 'fail-errors' ? '❌ canary: requests failed' : '❌ canary: regressed';
  const reference = context.stable ? `the stable deployment ${escapeMarkdown(context.stable)}, in alternating rounds` : 'the stored baseline';
  const out: string[] = [`## perfgate: ${headline}`, ''];
  out.push(`**Rule:** ${escapeMarkdown(verdict.rule)}.`, '');
  out.push(`Replayed the recorded traffic against ${escapeMarkdown(context.canary)} (${comparison.trials.candidate} rounds) and compared it with ${reference} (${comparison.trials.baseline} rounds).`, '');
  if (verdict.outcome === 'fail-errors') {
    out.push('| side | round | requests | no response | wrong status | non-2xx |', '|---|---:|---:|---:|---:|---:|');
    for (const e of verdict.errors) out.push(`| ${e.side === 'candidate' ? 'canary' : 'reference'} | ${e.trial} | ${e.requests} | ${e.errors} | ${e.statusMismatches} | ${e.non2xx} |`);
    out.push('');
  }
  out.push('| metric | reference | canary | change (95% CI) | q |', '|---|---:|---:|---|---:|');
  for (const s of comparison.service) {
    if (!CANARY_METRICS.includes(s.metric)) continue;
    const { label, format } = SERVICE_METRICS[s.metric];
    const c = s.comparison;
    out.push(`| ${c.outcome === 'regressed' ? '🔴 ' : ''}${label} | ${format(c.baselineMedian)} | ${format(c.candidateMedian)} | ${change(c)} | ${formatQ(c.q)} |`);
  }
  out.push('');
  const profiled = context.profiled ?? { canary: false, reference: false };
  if (profiled.canary && profiled.reference) {
    out.push(...functionsSection(report));
    out.push('<sub>Functions are compared by their share of busy CPU in the pprof profiles of each round (in the tables, baseline is the reference and candidate the canary); CPU and memory totals of a deployment are not measured.</sub>', '');
  } else {
    out.push(`<sub>CPU, memory and per-function costs are not measured: a deployed service is observed from outside${profiled.canary ? '' : ' (give pprof-url to profile it through its pprof endpoints)'}.</sub>`, '');
  }
  for (const warning of comparison.warnings) out.push(`> [!WARNING]\n> ${escapeMarkdown(warning)}`, '');
  return out.join('\n');
}

/** The regressed and improved functions first, every tested one folded below: as the gate's report shows them. */
function functionsSection(report: Report): string[] {
  const { findings } = report.comparison;
  const changed = [...findings.filter((f) => f.outcome === 'regressed').slice(0, TOP_ROWS), ...findings.filter((f) => f.outcome === 'improved').slice(0, TOP_ROWS)];
  const out = ['### Functions', ''];
  if (changed.length > 0) out.push(...topTable(changed, report.functionLines ?? {}, nanosAsTime), '');
  else out.push('No function changed significantly.', '');
  const tested = findings.filter((f) => f.presence === 'both');
  out.push(`<details><summary>All ${tested.length} tested functions</summary>`, '', ...functionTable(tested, nanosAsTime), '', '</details>', '');
  return out;
}

import type { ServiceFinding } from '../analysis/index.js';
import { change, escapeMarkdown, formatQ } from './format.js';
import type { Report } from './report.js';

export interface CanaryContext {
  /** The canary's origin, shown as given (escaped). */
  readonly canary: string;
  /** The stable deployment's origin, or null when the stored baseline was the reference. */
  readonly stable: string | null;
}

const LABELS: Partial<Record<ServiceFinding['metric'], { label: string; format: (v: number) => string }>> = {
  throughputRps: { label: 'throughput', format: (v) => `${v.toFixed(0)} req/s` },
  latencyP50Ms: { label: 'latency p50', format: (v) => `${v.toFixed(2)} ms` },
  latencyP95Ms: { label: 'latency p95', format: (v) => `${v.toFixed(2)} ms` },
  latencyP99Ms: { label: 'latency p99', format: (v) => `${v.toFixed(2)} ms` },
};

/** The canary report: client-side metrics of the canary against its reference. Pure. */
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
    const label = LABELS[s.metric];
    if (!label) continue;
    const c = s.comparison;
    out.push(`| ${c.outcome === 'regressed' ? '🔴 ' : ''}${label.label} | ${label.format(c.baselineMedian)} | ${label.format(c.candidateMedian)} | ${change(c)} | ${formatQ(c.q)} |`);
  }
  out.push('', '<sub>CPU, memory and per-function costs are not measured in canary mode: a deployed service is observed from outside.</sub>', '');
  for (const warning of comparison.warnings) out.push(`> [!WARNING]\n> ${escapeMarkdown(warning)}`, '');
  return out.join('\n');
}

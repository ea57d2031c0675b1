import type { Comparison, FunctionFinding, MetricComparison } from '../../analysis/index.js';
import { decisiveMetric } from '../decisive-metric.js';
import { frameColour } from './colour.js';
import type { FlamePageData, FunctionLook } from './page-data.js';
import type { FlameTree } from './tree.js';
import { change, formatQ, nanosAsTime, percent } from '../format.js';

/** Joins the call tree with the comparison: each function's colour and what its tooltip says. */
export function flamePageData(tree: FlameTree, comparison: Comparison): FlamePageData {
  const findings = new Map(comparison.findings.map((f) => [f.key, f]));
  const floor = percent(comparison.settings.minShareOfTotal / 2);
  const look: FunctionLook[] = tree.functions.map((fn) => {
    const finding = findings.get(fn.key);
    if (!finding) {
      return { ...frameColour(null, 1, fn.name), outcome: null, summary: [`Not tested: below ${floor} of busy CPU on both sides, or ignored by the config.`] };
    }
    return { ...frameColour(finding.outcome, decisiveMetric(finding).metric.ratio, fn.name), outcome: finding.outcome, summary: summaryOf(finding) };
  });
  return { tree, look };
}

const VERDICT: Record<FunctionFinding['outcome'], string> = {
  regressed: 'regressed',
  improved: 'improved',
  unchanged: 'no change beyond the floors',
  inconclusive: 'inconclusive (the data cannot tell)',
};

function summaryOf(f: FunctionFinding): string[] {
  const { baseline, candidate } = f.perRequestNanos;
  const share = (label: string, m: MetricComparison) => `${label} share of busy CPU ${percent(m.baselineMedian)} → ${percent(m.candidateMedian)}, change ${change(m, '95% CI ')}, q ${formatQ(m.q)}`;
  const presence = f.presence === 'added' ? ' (new in the candidate)' : f.presence === 'gone' ? ' (gone in the candidate)' : '';
  return [
    `The function on all paths, median of trials: self ${nanosAsTime(baseline.self)} → ${nanosAsTime(candidate.self)}, total ${nanosAsTime(baseline.total)} → ${nanosAsTime(candidate.total)} per request`,
    share('Self', f.self),
    share('Total', f.total),
    `Verdict: ${VERDICT[f.outcome]}${presence}`,
  ];
}

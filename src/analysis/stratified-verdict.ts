import type { Comparison, PairedFinding, Verdict } from './findings.js';
import type { StratifiedComparison } from './stratified.js';

/**
 * A sharded comparison's verdict: the functions as compare() judged them on the merged
 * trials, and the service's CPU per request as the stratified test judged it over the
 * shards (pairs within their shard, combined across shards), in place of compare()'s own
 * pair-by-pair figure, which treats every pair as if it came from one runner.
 */
export function withStratifiedService(comparison: Comparison, stratified: StratifiedComparison): Comparison {
  const paired: PairedFinding = { metric: 'cpuMicrosPerRequest', ratios: stratified.ratios, ratio: stratified.ratio, ci: stratified.ci, p: stratified.p, outcome: stratified.outcome };
  const { alpha, minEffect } = comparison.settings;
  const regressed = stratified.outcome === 'regressed';
  const serviceRule = `the service's CPU per request rose ${((stratified.ratio - 1) * 100).toFixed(1)}% over interleaved pairs combined across ${stratified.shards.length} shards: stratified sign-flip p <= ${alpha}, CI above ${1 + minEffect}`;
  const serviceFail = (functionRule: string | null, blocking: Extract<Verdict, { outcome: 'fail' }>['blocking']): Verdict => ({
    outcome: 'fail',
    rule: [...(functionRule !== null ? [functionRule] : []), serviceRule].join('; '),
    blocking,
    blockingService: paired,
  });
  const verdict = comparison.verdict;
  let merged: Verdict;
  switch (verdict.outcome) {
    case 'fail-errors':
      merged = verdict;
      break;
    case 'fail': {
      // compare() may have failed on its own pooled pairs too; only its function part is kept.
      const functionRule = verdict.blocking.length > 0 ? verdict.rule.split("; the service's CPU per request")[0]! : null;
      if (regressed) merged = serviceFail(functionRule, verdict.blocking);
      else if (functionRule !== null) merged = { outcome: 'fail', rule: functionRule, blocking: verdict.blocking };
      else merged = { outcome: 'pass', rule: `no function met every rule for a regression, and ${serviceDecision(stratified)}` };
      break;
    }
    case 'pass':
      merged = regressed ? serviceFail(null, []) : verdict;
      break;
    case 'inconclusive':
      // A regression the pairs show is decided, whatever the functions could not decide.
      merged = regressed ? serviceFail(null, []) : verdict;
      break;
    default: {
      const unreachable: never = verdict;
      throw new Error(`unknown verdict ${JSON.stringify(unreachable)}`);
    }
  }
  const { paired: _pooled, ...rest } = comparison;
  return { ...rest, paired, verdict: merged, warnings: [...comparison.warnings, ...stratified.warnings] };
}

function serviceDecision(stratified: StratifiedComparison): string {
  return `the service's CPU per request over the shards' pairs is ×${stratified.ratio.toFixed(3)} (95% CI ×${stratified.ci.low.toFixed(3)}–×${stratified.ci.high.toFixed(3)}, stratified sign-flip p = ${stratified.p.toFixed(3)}): ${stratified.outcome}`;
}

import type { CompareSettings } from '../config/schema.js';
import type { ErrorCounts, FunctionFinding, PackageFinding, PairedFinding, Verdict } from './findings.js';
import { describeLeanings, leaningOf } from './leaning.js';

/**
 * The verdict from the findings, in order of precedence: failed requests (correctness
 * outranks speed), then regressions (functions, packages, or the service's CPU per request
 * pair by pair), then functions leaning towards a regression that the trials could not decide
 * (leaning.ts: a pass beside them would say "no regression" where the figures point at one),
 * then a run that could never have flagged anything (inconclusive), else pass.
 */
export function decide(input: {
  readonly findings: readonly FunctionFinding[];
  readonly packages: readonly PackageFinding[];
  readonly paired: PairedFinding | undefined;
  readonly errors: readonly ErrorCounts[];
  readonly settings: CompareSettings;
  readonly detectable: boolean;
  readonly basis: 'share' | 'nanos-per-request';
  readonly trials: { readonly baseline: number; readonly candidate: number };
  /** Whether a function leaning towards a regression keeps the run from passing (compare.ts `leaning`); true by default. */
  readonly leaningDecides?: boolean;
}): Verdict {
  const { findings, packages, paired, errors, settings, detectable, basis, trials } = input;
  const failing = errors.filter((e) => e.side === 'candidate' && (e.errors + e.statusMismatches) / Math.max(1, e.requests + e.errors) > settings.maxErrorRate);
  if (failing.length > 0) {
    return {
      outcome: 'fail-errors',
      rule: `${failing.length} candidate trial(s) had more than ${+(settings.maxErrorRate * 100).toFixed(4)}% failed requests (compare.maxErrorRate) (no response, or a status other than the recorded one): a regression in correctness outranks one in speed`,
      errors: failing,
    };
  }
  const blocking = findings.filter((f) => f.outcome === 'regressed');
  const blockingPackages = packages.filter((p) => p.outcome === 'regressed');
  const unit = basis === 'share' ? 'busy CPU' : "the baseline's CPU per request";
  const floor = `CI above ${1 + settings.minEffect} and a change of at least ${(settings.minShareOfTotal * 100).toFixed(2)}% of ${unit} (or of allocated bytes); new code: its cost's CI at least that floor`;
  const serviceRegressed = paired?.outcome === 'regressed' ? paired : undefined;
  if (blocking.length > 0 || blockingPackages.length > 0 || serviceRegressed) {
    const rules = [
      ...(blocking.length > 0 ? [`${blocking.length} function(s) regressed: q <= ${settings.alpha} (Benjamini–Hochberg), ${floor}`] : []),
      ...(blockingPackages.length > 0 ? [`${blockingPackages.length} package(s) regressed as a whole (${blockingPackages.map((p) => p.name).join(', ')})`] : []),
      ...(serviceRegressed
        ? [`the service's CPU per request rose ${((serviceRegressed.ratio - 1) * 100).toFixed(1)}% over interleaved pairs: sign-flip p <= ${settings.alpha}, CI above ${1 + settings.minEffect}`]
        : []),
    ];
    return {
      outcome: 'fail',
      rule: rules.join('; '),
      blocking,
      ...(blockingPackages.length > 0 ? { blockingPackages } : {}),
      ...(serviceRegressed ? { blockingService: serviceRegressed } : {}),
    };
  }
  const leaning = input.leaningDecides === false ? [] : leaningOf(findings, packages);
  if (leaning.length > 0) {
    return {
      outcome: 'inconclusive',
      rule:
        `${leaning.length} function(s) or package(s) lean towards a regression that ${trials.baseline} vs ${trials.candidate} trials cannot decide: ${describeLeanings(leaning)}. ` +
        `Each is significant on its own at its share of alpha (p <= ${settings.alpha} × its share of the CPU, or of the allocated bytes) and above both floors, but not after false-discovery control or not with its interval clear of ${1 + settings.minEffect}. ` +
        'More trials decide it: a same-runner run adds compare.extendTrials pairs by itself; or raise --trials',
    };
  }
  if (!detectable) {
    return { outcome: 'inconclusive', rule: `${trials.baseline} vs ${trials.candidate} trials cannot reach significance after false-discovery control` };
  }
  return { outcome: 'pass', rule: `no function met every rule for a regression (q <= ${settings.alpha}, ${floor})` };
}

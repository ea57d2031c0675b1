import type { MetricComparison, Outcome, PackageFinding, Replaces } from './findings.js';
import type { FunctionCandidate, Sides } from './function-candidates.js';
import type { PackageUnit } from './package-units.js';

/**
 * Code that came, went or was upgraded, judged by its net change (docs/statistics.md, "Code
 * that moved"). A dependency's major version moves code: Express 5 moved its router into the
 * `router` package, body-parser 2 moved work from `jsonParser` into `read`. Function by
 * function that reads as new code (tested against zero) and as a function that got slower,
 * while the code that went away is an improvement no one offsets against them. Without call
 * stacks the trial data cannot say which new code replaced which old code, so the unit of
 * that question is the sum of the own time of all changed code per trial: every function on
 * one side only, and every function of a package whose version changed (or that came or
 * went). It is tested like a function, on the same basis, recentring and drift. A regression
 * inside changed code stands only when every unit around it regressed too: the function's
 * package (when that changed) and the changed code as a whole. When a unit around it is
 * unchanged or improved, the code replaced code that went: not blamed; when it is
 * inconclusive, neither is the regression.
 */
export interface ChangedCode {
  /** Packages whose versions differ between the sides, or that ran on one side only. */
  readonly packages: ReadonlySet<string>;
  /** The functions of changed code, by their index in `found`. */
  readonly members: readonly number[];
}

/** Which code changed: one-sided functions (renames are paired, so not among them) and every function of a changed package. */
export function changedCode(found: readonly FunctionCandidate[], units: readonly PackageUnit[]): ChangedCode {
  const packages = new Set(units.filter((u) => u.presence !== 'both' || u.baselineVersions.join() !== u.candidateVersions.join()).map((u) => u.name));
  const members: number[] = [];
  found.forEach((c, i) => {
    if (c.presence !== 'both' || (c.package !== undefined && packages.has(c.package.name))) members.push(i);
  });
  return { packages, members };
}

/** The per-trial sum of one metric over the changed code's functions; undefined when no code changed. */
export function changedSum(code: ChangedCode, values: (index: number) => Sides): Sides | undefined {
  if (code.members.length === 0) return undefined;
  const first = values(code.members[0]!);
  const baseline = first.baseline.map(() => 0);
  const candidate = first.candidate.map(() => 0);
  for (const i of code.members) {
    const v = values(i);
    v.baseline.forEach((x, j) => (baseline[j]! += x));
    v.candidate.forEach((x, j) => (candidate[j]! += x));
  }
  return { baseline, candidate };
}

/** The units a metric of changed code is judged within, innermost first. */
export interface Around {
  /** The function's package (its own time, as judged), when its version changed or it came or went (CPU metrics only). */
  readonly package?: Pick<PackageFinding, 'name' | 'self'>;
  /** The changed code as a whole, for the metric's family (CPU own time, or allocated bytes). */
  readonly net?: MetricComparison;
}

export const CHANGED_CODE = 'changed code';

/**
 * A regressed metric of changed code, in the light of the units around it: it stands when
 * every one of them regressed (or there is none: nothing went away, nothing was upgraded);
 * otherwise it is unchanged when one of them is unchanged or improved (the code replaced
 * code that went), and inconclusive when they are.
 */
export function inContext(metric: MetricComparison, around: Around): { metric: MetricComparison; replaces?: Replaces } {
  if (metric.outcome !== 'regressed') return { metric };
  const units: Replaces[] = [];
  if (around.package) units.push(replacesOf(`package ${around.package.name}`, around.package.self));
  if (around.net) units.push(replacesOf(CHANGED_CODE, around.net));
  const offset = units.find((u) => u.outcome !== 'regressed');
  if (!offset) return { metric };
  const settled = units.some((u) => u.outcome === 'unchanged' || u.outcome === 'improved');
  const outcome: Outcome = settled ? 'unchanged' : 'inconclusive';
  return { metric: { ...metric, outcome }, replaces: units.find((u) => u.outcome === 'unchanged' || u.outcome === 'improved') ?? offset };
}

function replacesOf(unit: string, m: MetricComparison): Replaces {
  return { unit, outcome: m.outcome, baselineMedian: m.baselineMedian, candidateMedian: m.candidateMedian, ratio: m.ratio, ci: m.ci };
}

import type { PackageFinding } from './findings.js';
import type { FunctionCandidate, Sides } from './function-candidates.js';
import { safeMedian } from './metric-estimate.js';
import { packageOf } from './package-identity.js';
import type { TrialMetrics } from './trial.js';

/** A package of node_modules as one unit of comparison, before it is tested: its own time per trial, in the comparison's unit (recentred like its functions). */
export type PackageUnit = Pick<PackageFinding, 'name' | 'baselineVersions' | 'candidateVersions' | 'presence' | 'perRequestNanos'> & { readonly self: Sides };

/**
 * Every package's own (self) time per trial: the sum of its functions'. An upgrade that
 * spreads a little extra cost over many small functions, none of which can clear the
 * floors alone, still shows in the package's sum; and the report can say "express
 * 4.18.2 → 4.19.0: +X% CPU per request". (The package's total, time with any of its frames
 * on the stack, needs the stacks, which a trial's function table no longer has.)
 */
export function packageUnits(
  found: readonly FunctionCandidate[],
  trials: { readonly baseline: readonly TrialMetrics[]; readonly candidate: readonly TrialMetrics[] },
  scale: (t: TrialMetrics) => number,
  factor: number,
): PackageUnit[] {
  const sums = new Map<string, { baseline: number[]; candidate: number[] }>();
  for (const c of found) {
    if (!c.package) continue;
    let sum = sums.get(c.package.name);
    if (!sum) {
      sum = { baseline: trials.baseline.map(() => 0), candidate: trials.candidate.map(() => 0) };
      sums.set(c.package.name, sum);
    }
    c.self.baseline.forEach((v, i) => (sum!.baseline[i]! += v));
    c.self.candidate.forEach((v, i) => (sum!.candidate[i]! += v));
  }
  const versions = (side: readonly TrialMetrics[], name: string) => {
    const seen = new Set<string>();
    for (const t of side) for (const cost of Object.values(t.functions)) {
      const pkg = packageOf(cost.file);
      if (pkg?.name === name) seen.add(pkg.version);
    }
    return [...seen].sort();
  };
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, nanos]) => {
      const inBase = nanos.baseline.some((v) => v > 0);
      const inCand = nanos.candidate.some((v) => v > 0);
      const perRequest = (values: readonly number[], side: readonly TrialMetrics[]) => safeMedian(values.map((v, i) => (side[i]!.requests > 0 ? v / side[i]!.requests : 0)));
      return {
        name,
        baselineVersions: versions(trials.baseline, name),
        candidateVersions: versions(trials.candidate, name),
        presence: inBase && inCand ? 'both' : inCand ? 'added' : 'gone',
        self: {
          baseline: nanos.baseline.map((v, i) => v * scale(trials.baseline[i]!)),
          candidate: nanos.candidate.map((v, i) => (v * scale(trials.candidate[i]!)) / factor),
        },
        perRequestNanos: { baseline: perRequest(nanos.baseline, trials.baseline), candidate: perRequest(nanos.candidate, trials.candidate) },
      } satisfies PackageUnit;
    });
}

import { median } from 'simple-statistics';
import { signedChange } from './signed-change.js';
import { firstFew } from './first-few.js';
import { describeLeanings, leaningOf, leaningWeight } from './leaning.js';
import type { CompareSettings } from '../config/schema.js';
import { allocationsProfiled, allocationUnit } from './allocation-shares.js';
import { absorbedByAnother, allocationSwapWith, sideJumps } from './attribution-jumps.js';
import { benjaminiHochberg } from './benjamini-hochberg.js';
import { commonFactor, contestedCentre } from './common-factor.js';
import { driftSd, NO_DRIFT, type Drift } from './drift-variance.js';
import type { Comparison, ErrorCounts, FunctionFinding, MetricComparison, Outcome, PackageFinding, ShareMetric } from './findings.js';
import { byImportance } from './function-order.js';
import { functionCandidates, type FunctionCandidate, type Sides } from './function-candidates.js';
import { globToRegExp } from '../glob.js';
import { judge, UNTESTED, type Tails } from './judge.js';
import { mannWhitney } from './mann-whitney.js';
import { countingVariance, mean, safeMedian } from './metric-estimate.js';
import { estimateOf, testMetric, type Design, type MetricTest } from './metric-test.js';
import { changedCode, changedSum, CHANGED_CODE, inContext } from './moved-code.js';
import { packageUnits } from './package-units.js';
import { seededRandom } from './prng.js';
import { inliningSentence, runtimeOf } from './profile-runtime.js';
import { routeMismatches } from './route-mismatches.js';
import { shareBases } from './share-basis.js';
import { pairFactors, type FunctionPairs } from './pair-factors.js';
import { compareService, pairedCpu } from './service-comparison.js';
import type { TrialMetrics } from './trial.js';
import { decide } from './verdict.js';

type Metric = ShareMetric | 'allocations';

/** A function's values in the unit the tests see, and what was decided about testing them. */
interface Prepared {
  readonly candidate: FunctionCandidate;
  readonly values: Record<ShareMetric, Sides> & { allocations?: Sides };
  /** Same-runner, when the pairs' factors apply: the CPU metrics relative to the run's unchanged code (pair-factors.ts). */
  readonly relative?: Record<ShareMetric, Sides>;
  readonly testable: Record<Metric, boolean>;
  jumps: Record<Metric, boolean>;
  readonly perRequest: FunctionFinding['perRequestNanos'];
  readonly allocationsPerRequest?: FunctionFinding['allocationsPerRequest'];
}

/**
 * The comparison procedure (docs/statistics.md), one step per file:
 * - function-candidates.ts: match functions across the sides (package versions taken out, renames paired);
 * - the basis: shares of busy CPU for a stored baseline, the candidate's divided by the
 *   common factor (common-factor.ts); nanoseconds per request, pair by pair, same-runner;
 * - drift-variance.ts: the drift between the sides, added to every interval as a variance;
 * - metric-test.ts: each metric tested (one-sided, both tails), a function on one side only against zero;
 * - Benjamini–Hochberg over every test (functions and packages, package-units.ts, and all changed code, moved-code.ts);
 * - moved-code.ts: a regression of changed code stands only when the units around it regressed too;
 * - judge.ts: each metric's outcome against the floors; verdict.ts: the verdict.
 *
 * `paired`: baseline[i] and candidate[i] ran as an adjacent pair on this machine (same-runner).
 */
export function compare(
  baseline: readonly TrialMetrics[],
  candidate: readonly TrialMetrics[],
  settings: CompareSettings,
  /**
   * `leaning`: whether a function leaning towards a regression keeps the run from passing
   * ("decides", the default: the gate then adds pairs or re-measures, leaning.ts), or is only
   * warned about ("warns": merged shards, which can add no pairs).
   */
  options: { paired?: boolean; leaning?: 'decides' | 'warns' } = {},
): Comparison {
  const warnings: string[] = [];
  const errors = errorCounts(baseline, candidate);
  const ignore = settings.ignore.map(globToRegExp);
  const budgets = Object.entries(settings.budgets).map(([pattern, budget]) => ({ pattern: globToRegExp(pattern), floor: Number(budget.maxRegression.slice(0, -1)) / 100 }));
  const budgetOf = (key: string) => budgets.find((b) => b.pattern.test(key))?.floor;
  const random = seededRandom(settings.seed);
  const paired = options.paired === true && baseline.length === candidate.length && baseline.length >= 2;
  const design: Design = paired ? 'paired' : 'unpaired';
  const basis = paired ? 'nanos-per-request' : 'share';

  const withAllocations = allocationsProfiled(baseline) && allocationsProfiled(candidate);
  if (!withAllocations && (allocationsProfiled(baseline) || allocationsProfiled(candidate))) {
    warnings.push('Only one side has allocation profiles (the baseline was written by a perfgate that did not profile allocations); allocations were not compared. Re-create the baseline to gate them.');
  }
  const allocUnit = withAllocations ? allocationUnit(baseline) : 0;

  // The unit of the CPU metrics, and what one profiler sample is worth in it.
  const bases = shareBases([...baseline, ...candidate]);
  const units = new Map([...baseline, ...candidate].map((t) => [t, sampleUnit(t)]));
  const scale = (t: TrialMetrics) => (paired ? (t.requests > 0 ? 1 / t.requests : 0) : (bases.get(t) ?? 0) > 0 ? 1 / bases.get(t)! : 0);
  const cpuOffset = 0.5 * safeMedian([...baseline, ...candidate].map((t) => (units.get(t) ?? 0) * scale(t)));
  // The absolute floor in that unit: a share of busy CPU, or that share of the baseline's CPU per request.
  const cpuFloor = paired ? settings.minShareOfTotal * safeMedian(baseline.map((t) => (t.requests > 0 ? t.sampledCpuNanos / t.requests : 0))) : settings.minShareOfTotal;
  const allocOffset = withAllocations ? 0.5 * allocationSampleShare([...baseline, ...candidate], allocUnit) : 0;

  const inSides = (raw: Sides, f: (t: TrialMetrics) => number): Sides => ({ baseline: raw.baseline.map((v, i) => v * f(baseline[i]!)), candidate: raw.candidate.map((v, i) => v * f(candidate[i]!)) });
  const found = functionCandidates(baseline, candidate, (key) => ignore.some((p) => p.test(key)));
  const cpuValues = found.map((c) => ({ self: inSides(c.self, scale), total: inSides(c.total, scale) }));

  // Shares are parts of a whole: take out the factor by which every share moved.
  const factorVotes = paired
    ? []
    : found.flatMap((c, i) => {
        if (c.presence !== 'both') return [];
        const self = cpuValues[i]!.self;
        return seenOnBothSides(self, cpuFloor) ? [estimateOf(self, design, cpuOffset)] : [];
      });
  const factor = paired ? 1 : commonFactor(factorVotes);
  // Same-runner: each pair's candidate trial divided by that pair's common factor (pair-factors.ts).
  const pairs = paired ? pairFactors(pairVotes(found, cpuValues, cpuFloor, cpuOffset), baseline.length) : undefined;
  const perPair = pairs?.applied ? pairs.factors : undefined;
  const recentred = (s: Sides): Sides => (factor === 1 ? s : { baseline: s.baseline, candidate: s.candidate.map((v) => v / factor) });
  const relativeTo = (s: Sides, factors: readonly number[]): Sides => ({ baseline: s.baseline, candidate: s.candidate.map((v, i) => v / factors[i]!) });
  if (Math.abs(Math.log(factor)) >= 0.02) {
    warnings.push(
      `Every function's share of busy CPU moved by ${signedChange(factor)} together, as shares do when some functions' cost changes (they are parts of a whole): the candidate's shares were divided by that common factor before testing, so the functions around a change read as unchanged.`,
    );
  }

  const prepared: Prepared[] = [];
  let untested = 0;
  found.forEach((c, i) => {
    const values = { self: recentred(cpuValues[i]!.self), total: recentred(cpuValues[i]!.total) };
    const allocations = withAllocations ? inSides(c.allocBytes, (t) => (t.requests > 0 && allocUnit > 0 ? 1 / t.requests / allocUnit : 0)) : undefined;
    // Independent filtering: a metric is tested only when the spread of all its trials,
    // pooled over both sides, reaches the absolute floor; the filter ignores which side a
    // value came from, so it does not bias the tests kept.
    const budgeted = budgetOf(c.key) !== undefined;
    const testable = (v: Sides | undefined, floor: number) => {
      if (!v) return false;
      const spread = pooledSpread(v);
      return spread > 0 && spread >= (budgeted ? 0 : floor);
    };
    const metrics = { self: testable(values.self, cpuFloor), total: testable(values.total, cpuFloor), allocations: testable(allocations, settings.minShareOfTotal) };
    const pooled = (v: Sides) => mean([...v.baseline, ...v.candidate]);
    const listed =
      budgeted ||
      Math.max(pooled(values.self) / cpuFloor, pooled(values.total) / cpuFloor, allocations ? pooled(allocations) / settings.minShareOfTotal : 0) >= 0.5 ||
      metrics.self ||
      metrics.total ||
      metrics.allocations;
    if (!listed) {
      untested += 1;
      return;
    }
    const perRequest = (side: readonly number[], trials: readonly TrialMetrics[]) => safeMedian(side.map((v, j) => (trials[j]!.requests > 0 ? v / trials[j]!.requests : 0)));
    prepared.push({
      candidate: c,
      ...(perPair ? { relative: { self: relativeTo(values.self, perPair), total: relativeTo(values.total, perPair) } } : {}),
      values: { ...values, ...(allocations && (metrics.allocations || pooled(allocations) >= settings.minShareOfTotal / 2) ? { allocations } : {}) },
      testable: metrics,
      jumps: { self: false, total: false, allocations: false },
      perRequest: {
        baseline: { self: perRequest(c.self.baseline, baseline), total: perRequest(c.total.baseline, baseline) },
        candidate: { self: perRequest(c.self.candidate, candidate), total: perRequest(c.total.candidate, candidate) },
      },
      ...(allocations
        ? {
            allocationsPerRequest: {
              baseline: { bytes: perRequest(c.allocBytes.baseline, baseline), objects: perRequest(c.allocObjects.baseline, baseline) },
              candidate: { bytes: perRequest(c.allocBytes.candidate, candidate), objects: perRequest(c.allocObjects.candidate, candidate) },
            },
          }
        : {}),
    });
  });

  // The jump guard: a function whose time jumps between trials of the same code is left
  // untested only when that is shown not to be a change of the code: the baseline jumps
  // too, or another function's own time moved against it in the same trials.
  const candidateSelves = prepared.map((p) => p.values.self.candidate);
  for (const p of prepared) {
    for (const metric of ['self', 'total'] as const) {
      const v = p.values[metric];
      const counts = (side: readonly number[], trials: readonly TrialMetrics[]) => side.map((x, j) => x / ((units.get(trials[j]!) ?? 1) * scale(trials[j]!) || 1));
      const baseJumps = sideJumps(v.baseline, counts(v.baseline, baseline), cpuFloor);
      const candJumps = sideJumps(v.candidate, counts(v.candidate, candidate), cpuFloor) && absorbedByAnother(p.values.self.candidate, candidateSelves.filter((s) => s !== p.values.self.candidate));
      p.jumps[metric] = baseJumps || candJumps;
    }
  }
  // Allocated bytes swap between a function and its caller from process to process, as V8
  // inlines one into the other (attribution-jumps.ts `allocationSwapWith`): such a metric is
  // left untested, naming both; the pair's other member is found swapping with it the same way.
  const swaps: Array<{ p: Prepared; with: Prepared }> = [];
  if (withAllocations) {
    const allocating = prepared.filter((p) => p.values.allocations);
    for (const p of allocating) {
      const others = allocating.filter((q) => q !== p);
      for (const side of ['baseline', 'candidate'] as const) {
        const partner = allocationSwapWith(p.values.allocations![side], 2 * allocOffset, others.map((q) => q.values.allocations![side]));
        if (partner >= 0) {
          p.jumps.allocations = true;
          swaps.push({ p, with: others[partner]! });
          break;
        }
      }
    }
  }

  // The drift between the sides (stored mode), from the own (self) metrics of the functions
  // on both sides: a leaf's total is its self, and a caller's total averages its callees'.
  const driftOf = (family: 'cpu' | 'allocations'): Drift => {
    if (paired) return NO_DRIFT;
    const estimates = prepared.flatMap((p) => {
      if (p.candidate.presence !== 'both') return [];
      if (family === 'allocations') return p.values.allocations && p.testable.allocations ? [estimateOf(p.values.allocations, design, allocOffset)] : [];
      // The functions that voted on the common factor.
      return seenOnBothSides(p.values.self, cpuFloor) && !p.jumps.self ? [estimateOf(p.values.self, design, cpuOffset)] : [];
    });
    return driftSd(estimates, 0);
  };
  const drift = { cpu: driftOf('cpu'), allocations: driftOf('allocations') };
  // Stored: whether the shares could tell which code moved (a broad change can read either way).
  const contest = paired ? undefined : contestedCentre(factorVotes, settings.minEffect);
  if (contest?.contested) {
    warnings.push(
      `The shares cannot tell which code moved: the large functions put the unchanged code at ${signedChange(contest.precise)} and the small ones at ${signedChange(contest.coarse)}, as when a group of functions got slower (or faster) together. ` +
        'A stored baseline cannot decide that; the same code measured on this machine, pair by pair (same-runner), can.',
    );
  }
  // Relative to the unchanged code: the uncertainty of where that code is, as a variance.
  const centre: Drift = pairs && pairs.centreSe > 0 ? { sd: pairs.centreSe, df: 1 } : NO_DRIFT;
  if (drift.cpu.sd > 0.02) {
    warnings.push(
      `The two sides' functions differ by about ${(drift.cpu.sd * 100).toFixed(1)}% each beyond their trials' own noise (drift between the baseline's measurement and this one): that was added to every CPU interval as a variance, so only changes larger than the drift can fail.` +
        ' Same-runner mode (compare.baseline "same-runner") measures both sides interleaved and cancels it.',
    );
  }

  // Tests: every testable metric, functions first, then packages; the gate asks one-sided
  // questions, regressions (upper tail) and improvements (lower tail) as two families.
  const tests: Array<{ key: string; metrics: Metric[]; test: MetricTest }> = [];
  const measuredOf = new Map<string, MetricTest>();
  const add = (key: string, metrics: Metric[], test: MetricTest, counted: boolean) => {
    for (const m of metrics) measuredOf.set(`${key}\u0000${m}`, test);
    if (counted) tests.push({ key, metrics, test });
  };
  for (const p of prepared) {
    const c = p.candidate;
    const cpu = (metric: ShareMetric) => p.testable[metric] && !p.jumps[metric];
    const run = (values: Sides, offset: number, tau: Drift) => testMetric(values, c.presence, design, offset, tau);
    const leaf = sameValues(p.values.self, p.values.total);
    // Absolute costs; same-runner, the same questions again relative to the run's unchanged
    // code, in the same family (a function on both sides; new code is tested against zero).
    const bases = [{ key: c.key, values: p.values, tau: drift.cpu }, ...(p.relative && c.presence === 'both' ? [{ key: relativeKey(c.key), values: p.relative, tau: centre }] : [])];
    for (const { key, values, tau } of bases) {
      if (leaf) {
        // A leaf: self = total in every trial, one question asked once.
        add(key, ['self', 'total'], run(values.self, cpuOffset, tau), cpu('self') && cpu('total'));
      } else {
        // A function on one side only is judged on its own time: its total also holds callees
        // that may be old code (a new cache in front of an old search), each judged for itself.
        for (const metric of ['self', 'total'] as const) add(key, [metric], run(values[metric], cpuOffset, tau), cpu(metric) && (metric === 'self' || c.presence === 'both'));
      }
    }
    if (p.values.allocations) add(c.key, ['allocations'], run(p.values.allocations, allocOffset, drift.allocations), p.testable.allocations && !p.jumps.allocations);
  }
  const units_ = packageUnits(found, { baseline, candidate }, scale, factor);
  for (const u of units_) add(`package:${u.name}`, ['self'], testMetric(u.self, u.presence, design, cpuOffset, drift.cpu), pooledSpread(u.self) >= cpuFloor);
  // Code that came, went or was upgraded, as one unit: what moved nets out (moved-code.ts).
  const changed = changedCode(found, units_);
  const changedCpu = changedSum(changed, (i) => recentred(cpuValues[i]!.self));
  if (changedCpu) add(CHANGED_CODE, ['self'], testMetric(changedCpu, 'both', design, cpuOffset, drift.cpu), pooledSpread(changedCpu) >= cpuFloor);
  const changedAllocations = withAllocations ? changedSum(changed, (i) => inSides(found[i]!.allocBytes, (t) => (t.requests > 0 && allocUnit > 0 ? 1 / t.requests / allocUnit : 0))) : undefined;
  if (changedAllocations) add(CHANGED_CODE, ['allocations'], testMetric(changedAllocations, 'both', design, allocOffset, drift.allocations), pooledSpread(changedAllocations) >= settings.minShareOfTotal);

  const qUp = benjaminiHochberg(tests.map((t) => t.test.pUp));
  const qDown = benjaminiHochberg(tests.map((t) => t.test.pDown));
  const tailsOf = new Map<string, Tails>();
  tests.forEach((t, i) => {
    for (const m of t.metrics) tailsOf.set(`${t.key}\u0000${m}`, { pUp: t.test.pUp, pDown: t.test.pDown, qUp: qUp[i]!, qDown: qDown[i]! });
  });

  // Unpaired, a change must also stand out in the trials' ranks: with few trials that sets
  // a smallest possible p, which may be out of reach after false-discovery control.
  const minimumP = paired ? 0 : mannWhitney(baseline.map((_, i) => i), candidate.map((_, i) => i + baseline.length)).minimumP / 2;
  const firstThreshold = tests.length > 0 ? settings.alpha / tests.length : settings.alpha;
  const detectable = baseline.length >= 2 && candidate.length >= 2 && minimumP <= firstThreshold;
  if (!detectable) {
    warnings.push(
      `With ${baseline.length} baseline and ${candidate.length} candidate trials the smallest possible one-sided p is ${formatP(minimumP)}, above the first Benjamini–Hochberg threshold ${formatP(firstThreshold)} (alpha ${settings.alpha} over ${tests.length} tests): no function can be flagged. Use more trials.`,
    );
  }

  const jumping = prepared.filter((p) => p.jumps.self || p.jumps.total);
  if (jumping.length > 0) {
    const named = jumping.map((p) => {
      const metric = p.jumps.self ? 'self' : 'total';
      const all = [...p.values[metric].baseline, ...p.values[metric].candidate];
      return `${p.candidate.name} (${p.candidate.file || 'native'}; ${metric} ${formatValue(Math.min(...all), basis)} to ${formatValue(Math.max(...all), basis)})`;
    });
    warnings.push(
      `Not tested, because their time jumped between trials of the same code and the jump is not a change of the code (the baseline jumps too, or another function took the time): ${firstFew(named, 5, ', ')}. ` +
        `${inliningSentence(runtimeOf([...baseline, ...candidate]))}; their callers' total time still covers them.`,
    );
  }
  if (swaps.length > 0) {
    const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
    const named = swaps.map(({ p, with: q }) => {
      const all = [...p.values.allocations!.baseline, ...p.values.allocations!.candidate];
      return `${p.candidate.name} (${p.candidate.file || 'native'}; ${percent(Math.min(...all))} to ${percent(Math.max(...all))} of the bytes, against ${q.candidate.name})`;
    });
    warnings.push(
      `Allocations not tested, because their bytes swapped with another function's from one process of the same code to the next (V8 inlines an allocating function into its caller in some processes, and the heap profiler charges the bytes to the frame it sees there): ${firstFew(named, 5, ', ')}.`,
    );
  }

  // Each function's and package's share of the baseline's busy CPU, times the screen's budget: its weight in the screen for leaning (judge.ts, leaning.ts).
  const busyPerRequest = safeMedian(baseline.map((t) => (t.requests > 0 ? t.sampledCpuNanos / t.requests : 0)));
  const shareOfBusy = (nanosPerRequest: number) => (busyPerRequest > 0 ? leaningWeight(nanosPerRequest / busyPerRequest) : 0);
  const judged = (key: string, metric: Metric, floors: { minEffect: number; absolute: number; weight?: number }, untestable: boolean): MetricComparison | undefined => {
    const test = measuredOf.get(`${key}\u0000${metric}`);
    if (!test) return undefined;
    return judge(test.measured, tailsOf.get(`${key}\u0000${metric}`) ?? UNTESTED, { alpha: settings.alpha, ...floors }, untestable);
  };
  const changedNet = changedCpu ? { cpu: judged(CHANGED_CODE, 'self', { minEffect: settings.minEffect, absolute: cpuFloor }, false)!, ...(changedAllocations ? { allocations: judged(CHANGED_CODE, 'allocations', { minEffect: settings.minEffect, absolute: settings.minShareOfTotal }, false)! } : {}) } : undefined;
  const judgedPackages = units_.map((u) => judged(`package:${u.name}`, 'self', { minEffect: settings.minEffect, absolute: cpuFloor, weight: shareOfBusy(u.perRequestNanos.baseline) }, false)!);
  const packages: PackageFinding[] = units_.map((u, i) => {
    const { metric: self, replaces } = changed.packages.has(u.name) ? inContext(judgedPackages[i]!, { net: changedNet?.cpu }) : { metric: judgedPackages[i]! };
    return { name: u.name, baselineVersions: u.baselineVersions, candidateVersions: u.candidateVersions, presence: u.presence, outcome: self.outcome, self, perRequestNanos: u.perRequestNanos, ...(replaces ? { replaces } : {}) };
  });
  const findings: FunctionFinding[] = prepared.map((p) => {
    const c = p.candidate;
    const budget = budgetOf(c.key);
    // A budget replaces both floors for its function: its owner decided what matters.
    const floors = (absolute: number, weight: number) => (budget === undefined ? { minEffect: settings.minEffect, absolute, weight } : { minEffect: budget, absolute: 0, weight });
    const cpuWeight = shareOfBusy(p.perRequest.baseline.self);
    // Allocations are measured in units of the baseline's total bytes per request: the median is the share.
    const allocationWeight = leaningWeight(measuredOf.get(`${c.key}\u0000allocations`)?.measured.baselineMedian ?? 0);
    const metric = (m: ShareMetric) => {
      const absolute = judged(c.key, m, floors(cpuFloor, cpuWeight), !tailsOf.has(`${c.key}\u0000${m}`) && p.jumps[m])!;
      // Relative to the unchanged code decides a regression only: an improvement or a pass
      // stays the absolute cost's (relative figures read a broad slowdown as the rest improving).
      const relative = tailsOf.has(`${relativeKey(c.key)}\u0000${m}`) ? judged(relativeKey(c.key), m, floors(cpuFloor, cpuWeight), false) : undefined;
      const summary = relative ? { relative: { ratio: relative.ratio, ci: relative.ci, p: relative.p, q: relative.q, outcome: relative.outcome, ...(relative.leaning ? { leaning: true as const } : {}) } } : {};
      const result: MetricComparison = relative?.outcome === 'regressed' && absolute.outcome !== 'regressed' ? { ...relative, ...summary, decidedRelative: true } : { ...absolute, ...summary };
      return p.jumps[m] ? { ...result, attributionJumps: true as const } : result;
    };
    // Changed code (new, gone, or of a changed package) is judged within the units around it.
    const changedPackage = c.package && changed.packages.has(c.package.name) ? units_.findIndex((u) => u.name === c.package!.name) : -1;
    const around = (family: 'cpu' | 'allocations') =>
      c.presence === 'both' && changedPackage < 0 ? {} : { ...(family === 'cpu' && changedPackage >= 0 ? { package: { name: units_[changedPackage]!.name, self: judgedPackages[changedPackage]! } } : {}), net: changedNet?.[family] };
    const totalMoved = inContext(metric('total'), around('cpu'));
    const total = totalMoved.metric;
    const selfMoved = inContext(ownTimeMovedIn(metric('self'), total, cpuFloor), around('cpu'));
    const self = selfMoved.metric;
    const allocationsJudged = p.values.allocations ? judged(c.key, 'allocations', floors(settings.minShareOfTotal, allocationWeight), p.jumps.allocations) : undefined;
    const allocationsMoved = allocationsJudged ? inContext(p.jumps.allocations ? { ...allocationsJudged, attributionJumps: true as const } : allocationsJudged, around('allocations')) : undefined;
    const allocations = allocationsMoved?.metric;
    // Why it is not blamed, when no metric's regression stands.
    const standing = [self, total, allocations].some((m) => m?.outcome === 'regressed');
    const replaces = standing ? undefined : (selfMoved.replaces ?? allocationsMoved?.replaces ?? totalMoved.replaces);
    const outcome = combine(self.outcome, total.outcome, allocations?.outcome);
    return {
      key: c.key,
      name: c.name,
      file: c.file,
      presence: c.presence,
      outcome,
      decidedBy: decidedBy(outcome, self, total, allocations),
      ...(c.package ? { package: c.package } : {}),
      ...(c.renamedFrom ? { renamedFrom: c.renamedFrom } : {}),
      ...(replaces ? { replaces } : {}),
      self,
      total,
      perRequestNanos: p.perRequest,
      ...(allocations && p.allocationsPerRequest ? { allocations, allocationsPerRequest: p.allocationsPerRequest } : {}),
    };
  });
  findings.sort(byImportance(safeMedian(baseline.map((t) => t.sampledCpuNanos * scale(t)))));

  packages.sort((a, b) => OUTCOME_ORDER[a.outcome] - OUTCOME_ORDER[b.outcome] || Math.abs(b.self.candidateMedian - b.self.baselineMedian) - Math.abs(a.self.candidateMedian - a.self.baselineMedian));

  const service = compareService(baseline, candidate, settings, random, paired);
  const pairedFinding = paired ? pairedCpu(baseline, candidate, settings, random) : undefined;
  const leaningDecides = options.leaning !== 'warns';
  const verdict = decide({ findings, packages, paired: pairedFinding, errors, settings, detectable, basis, trials: { baseline: baseline.length, candidate: candidate.length }, leaningDecides });
  const leaning = leaningDecides || verdict.outcome !== 'pass' ? [] : leaningOf(findings, packages);
  if (leaning.length > 0) {
    warnings.push(
      `${describeLeanings(leaning)} leaned towards a regression that these ${baseline.length} pairs could not decide (significant alone at its share of alpha and above both floors, not after false-discovery control); merged shards cannot add pairs, so the pass stands with this warning: more shards, or a run of its own, would decide it.`,
    );
  }
  return {
    verdict,
    findings,
    packages,
    basis,
    commonFactor: factor,
    ...(contest ? { sharesContest: contest } : {}),
    ...(pairs ? { pairFactors: pairs } : {}),
    drift: { cpu: drift.cpu.sd, allocations: drift.allocations.sd },
    service,
    ...(pairedFinding ? { paired: pairedFinding } : {}),
    ...(changedNet ? { changedCode: changedNet } : {}),
    trials: { baseline: baseline.length, candidate: candidate.length },
    tests: tests.length,
    untested,
    settings,
    statusMismatches: routeMismatches(baseline, candidate),
    warnings,
  };
}

const OUTCOME_ORDER: Record<Outcome, number> = { regressed: 0, improved: 1, inconclusive: 2, unchanged: 3 };

function combine(...outcomes: ReadonlyArray<Outcome | undefined>): Outcome {
  for (const outcome of ['regressed', 'improved', 'inconclusive'] as const) if (outcomes.includes(outcome)) return outcome;
  return 'unchanged';
}

/**
 * A function's own time that rose while its total (which contains it) did not rise by the
 * absolute floor came from its callees, not from new work in it: V8 inlined a callee into it
 * in the candidate's code, where it did not before (a change elsewhere changes what V8
 * inlines), and the profiler charges an inlined callee's time to its caller. Such a rise is
 * not a regression of the function: its total answers for it.
 */
function ownTimeMovedIn(self: MetricComparison, total: MetricComparison, floor: number): MetricComparison {
  const leans = self.leaning === true || self.relative?.leaning === true;
  if ((self.outcome !== 'regressed' && !leans) || total.candidateMedian - total.baselineMedian >= floor) return self;
  // Own time that rose while the total did not is callees' time charged to it: neither a regression nor a lean towards one.
  const plain: MetricComparison = { ...withoutLeaning(self), ...(self.relative ? { relative: withoutLeaning(self.relative) } : {}) };
  return self.outcome === 'regressed' ? { ...plain, outcome: 'inconclusive', movedFromCallees: true } : plain;
}

function withoutLeaning<T extends { readonly leaning?: true }>(metric: T): Omit<T, 'leaning'> {
  const { leaning: _leaning, ...rest } = metric;
  return rest;
}

/** The metric whose outcome is the function's: its own time first, then allocations, then its total. */
function decidedBy(outcome: Outcome, self: MetricComparison, total: MetricComparison, allocations: MetricComparison | undefined): Metric {
  if (self.outcome === outcome) return 'self';
  if (allocations?.outcome === outcome) return 'allocations';
  return 'total';
}

function errorCounts(baseline: readonly TrialMetrics[], candidate: readonly TrialMetrics[]): ErrorCounts[] {
  const counts = (side: 'baseline' | 'candidate', trials: readonly TrialMetrics[]) =>
    trials.map((t, i) => ({ trial: i + 1, side, requests: t.requests, errors: t.service.errors, statusMismatches: t.service.statusMismatches, non2xx: t.service.non2xx }));
  return [...counts('baseline', baseline), ...counts('candidate', candidate)];
}

/**
 * The time one sample stands for in a trial: the profile's period (1 ms for V8 at its
 * default interval, 10 ms for Go's 100 Hz profiles), or for tables that do not record it the
 * smallest non-zero own time of any function (in a real profile some function is seen
 * exactly once).
 */
function sampleUnit(trial: TrialMetrics): number {
  if (trial.cpuSampleNanos !== undefined && trial.cpuSampleNanos > 0) return trial.cpuSampleNanos;
  let unit = Number.POSITIVE_INFINITY;
  for (const cost of Object.values(trial.functions)) if (cost.selfNanos > 0 && cost.selfNanos < unit) unit = cost.selfNanos;
  return Number.isFinite(unit) ? unit : 1;
}

/**
 * What one sampled allocation is worth, in allocation-unit shares (the typical over trials).
 * V8 reports about one sampling interval per sample of small objects (allocation-estimate.ts),
 * and `allocObjects` counts samples: the typical bytes per sample over a trial's functions is
 * the interval, whatever a function's own allocations look like. Tables from before samples
 * were counted fall back to the smallest allocation any function recorded, one sample in a
 * real profile.
 */
function allocationSampleShare(trials: readonly TrialMetrics[], unit: number): number {
  return safeMedian(
    trials.map((t) => {
      if (!(t.requests > 0 && unit > 0)) return 0;
      const costs = Object.values(t.functions).filter((cost) => (cost.allocBytes ?? 0) > 0);
      const perSample = costs.filter((cost) => (cost.allocObjects ?? 0) > 0).map((cost) => cost.allocBytes! / cost.allocObjects!);
      const sample = perSample.length > 0 ? safeMedian(perSample) : Math.min(...costs.map((cost) => cost.allocBytes!));
      return Number.isFinite(sample) ? sample / t.requests / unit : 0;
    }),
  );
}

/** Seen often enough on both sides to have a ratio: a fifth of the absolute floor (~10 samples a trial at the defaults). */
function seenOnBothSides(self: Sides, floor: number): boolean {
  return safeMedian(self.baseline) >= floor / 5 && safeMedian(self.candidate) >= floor / 5;
}

/** The largest minus the smallest value over both sides. */
function pooledSpread(values: Sides): number {
  const all = [...values.baseline, ...values.candidate];
  return all.length === 0 ? 0 : Math.max(...all) - Math.min(...all);
}

/** The key under which a function's tests relative to the unchanged code are kept. */
function relativeKey(key: string): string {
  return `${key}\u0001relative`;
}

function sameValues(a: Sides, b: Sides): boolean {
  const equal = (x: readonly number[], y: readonly number[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return equal(a.baseline, b.baseline) && equal(a.candidate, b.candidate);
}

function formatValue(value: number, basis: 'share' | 'nanos-per-request'): string {
  return basis === 'share' ? `${(value * 100).toFixed(1)}%` : `${(value / 1000).toFixed(1)} µs/request`;
}

export function formatP(p: number): string {
  return p < 0.001 ? p.toExponential(1) : p.toFixed(3);
}

/**
 * The functions that vote on the pairs' factors: those on both sides seen often enough (as
 * for the stored common factor), with their self log ratio and its counting error in each pair.
 */
function pairVotes(found: readonly FunctionCandidate[], cpuValues: ReadonlyArray<{ self: Sides }>, floor: number, offset: number): FunctionPairs[] {
  return found.flatMap((c, j) => {
    if (c.presence !== 'both') return [];
    const self = cpuValues[j]!.self;
    if (!seenOnBothSides(self, floor)) return [];
    return [
      {
        effects: self.baseline.map((b, i) => Math.log(self.candidate[i]! + offset) - Math.log(b + offset)),
        ses: self.baseline.map((b, i) => Math.sqrt(countingVariance([b], offset) + countingVariance([self.candidate[i]!], offset))),
      },
    ];
  });
}

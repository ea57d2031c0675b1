import { median } from 'simple-statistics';
import type { CompareSettings } from '../config/schema.js';
import { allocationShares, allocationsPerRequest, allocationsProfiled, allocationUnit } from './allocation-shares.js';
import { benjaminiHochberg } from './benjamini-hochberg.js';
import { bootstrapMedianRatio } from './bootstrap.js';
import type { Comparison, ErrorCounts, FunctionFinding, MetricComparison, Outcome, PairedFinding, Presence, ServiceFinding, ServiceMetricName, ShareMetric, Verdict } from './findings.js';
import { nullSpread, widenInterval } from './empirical-null.js';
import { globToRegExp } from '../glob.js';
import { mannWhitney } from './mann-whitney.js';
import { seededRandom } from './prng.js';
import { shareBases } from './share-basis.js';
import { routeMismatches } from './route-mismatches.js';
import { signFlipTest } from './sign-flip.js';
import type { ServiceMetrics, TrialMetrics } from './trial.js';

interface Candidate {
  key: string;
  name: string;
  file: string;
  presence: Presence;
  shares: Record<ShareMetric, { baseline: number[]; candidate: number[] }>;
  /** Which metrics can reach the absolute floor (the rest are reported, not tested). */
  testable: Record<ShareMetric | 'allocations', boolean>;
  /** CPU metrics whose attribution jumps between trials of the same code (inlining): reported, not tested. */
  jumps: Record<ShareMetric, boolean>;
  perRequest: FunctionFinding['perRequestNanos'];
  /** Shares of allocated bytes, when both sides profiled allocations and the function allocates enough to test. */
  allocations?: { baseline: number[]; candidate: number[] };
  allocationsPerRequest?: FunctionFinding['allocationsPerRequest'];
}

/**
 * The comparison procedure (docs/statistics.md): per function, the share of busy CPU
 * (self and total) in each trial; an exact Mann–Whitney test per metric; Benjamini–
 * Hochberg over all tests; a bootstrap CI of the median ratio; and two floors, relative
 * and absolute, that a change must clear to count.
 */
export function compare(
  baseline: readonly TrialMetrics[],
  candidate: readonly TrialMetrics[],
  settings: CompareSettings,
  options: { paired?: boolean } = {},
): Comparison {
  const warnings: string[] = [];
  const errors = errorCounts(baseline, candidate);
  const ignore = settings.ignore.map(globToRegExp);
  const budgets = Object.entries(settings.budgets).map(([pattern, budget]) => ({ pattern: globToRegExp(pattern), floor: Number(budget.maxRegression.slice(0, -1)) / 100 }));
  const budgetOf = (key: string) => budgets.find((b) => b.pattern.test(key))?.floor;
  const random = seededRandom(settings.seed);

  const keys = new Set<string>();
  for (const trial of [...baseline, ...candidate]) for (const key of Object.keys(trial.functions)) keys.add(key);
  // Allocations are compared only when both sides profiled them: a baseline written before
  // perfgate profiled allocations has none, and a missing side must not read as zero.
  const withAllocations = allocationsProfiled(baseline) && allocationsProfiled(candidate);
  if (!withAllocations && (allocationsProfiled(baseline) || allocationsProfiled(candidate))) {
    warnings.push('Only one side has allocation profiles (the baseline was written by a perfgate that did not profile allocations); allocations were not compared. Re-create the baseline to gate them.');
  }
  const unit = withAllocations ? allocationUnit(baseline) : 0;

  const bases = shareBases([...baseline, ...candidate]);
  const units = new Map([...baseline, ...candidate].map((t) => [t, sampleUnit(t)]));
  /** A function's samples per trial, per side (estimated from its time; see sampleUnit). */
  const samplesOf = (key: string, metric: 'selfNanos' | 'totalNanos') => {
    const count = (t: TrialMetrics) => (t.functions[key]?.[metric] ?? 0) / (units.get(t) ?? 1);
    return { baseline: baseline.map(count), candidate: candidate.map(count) };
  };
  const candidates: Candidate[] = [];
  let untested = 0;
  for (const key of [...keys].sort()) {
    if (ignore.some((pattern) => pattern.test(key))) continue;
    const shareOf = (trials: readonly TrialMetrics[], metric: ShareMetric) =>
      trials.map((t) => {
        const cost = t.functions[key];
        const basis = bases.get(t) ?? 0;
        if (!cost || basis <= 0) return 0;
        return (metric === 'self' ? cost.selfNanos : cost.totalNanos) / basis;
      });
    const shares = {
      self: { baseline: shareOf(baseline, 'self'), candidate: shareOf(candidate, 'self') },
      total: { baseline: shareOf(baseline, 'total'), candidate: shareOf(candidate, 'total') },
    };
    // Independent filtering: a metric is tested only when the spread of all its trials,
    // pooled over both sides, reaches the absolute floor. The median change can never exceed
    // that spread, so nothing left out could have been flagged, and the filter ignores which
    // side a value came from, so it does not bias the tests kept (it only spares them
    // Benjamini–Hochberg's penalty for tests that could never succeed).
    const floor = budgetOf(key) === undefined ? settings.minShareOfTotal : 0;
    const testable = (values: { baseline: number[]; candidate: number[] }) => {
      const spread = pooledSpread(values);
      return spread > 0 && spread >= floor;
    };
    const allocations = withAllocations ? { baseline: allocationShares(baseline, key, unit), candidate: allocationShares(candidate, key, unit) } : undefined;
    const metrics = { self: testable(shares.self), total: testable(shares.total), allocations: allocations !== undefined && testable(allocations) };
    // Functions too small to matter are left out of the report; large ones are listed even
    // when no metric of theirs moved enough to test (a profile compared with itself).
    const pooled = (values: { baseline: number[]; candidate: number[] }) => mean([...values.baseline, ...values.candidate]);
    const listed =
      budgetOf(key) !== undefined ||
      Math.max(pooled(shares.self), pooled(shares.total), allocations ? pooled(allocations) : 0) >= settings.minShareOfTotal / 2 ||
      metrics.self || metrics.total || metrics.allocations;
    if (!listed) {
      untested += 1;
      continue;
    }
    const inBase = baseline.some((t) => t.functions[key]);
    const inCand = candidate.some((t) => t.functions[key]);
    const sample = baseline.map((t) => t.functions[key]).find(Boolean) ?? candidate.map((t) => t.functions[key]).find(Boolean)!;
    const perRequest = (trials: readonly TrialMetrics[], metric: 'selfNanos' | 'totalNanos') =>
      safeMedian(trials.map((t) => (t.requests > 0 ? (t.functions[key]?.[metric] ?? 0) / t.requests : 0)));
    candidates.push({
      key,
      name: sample.name,
      file: sample.file,
      presence: inBase && inCand ? 'both' : inCand ? 'added' : 'gone',
      shares,
      testable: metrics,
      jumps: {
        self: attributionJumps(samplesOf(key, 'selfNanos'), shares.self, settings.minShareOfTotal),
        total: attributionJumps(samplesOf(key, 'totalNanos'), shares.total, settings.minShareOfTotal),
      },
      perRequest: {
        baseline: { self: perRequest(baseline, 'selfNanos'), total: perRequest(baseline, 'totalNanos') },
        candidate: { self: perRequest(candidate, 'selfNanos'), total: perRequest(candidate, 'totalNanos') },
      },
      ...(allocations !== undefined && (metrics.allocations || pooled(allocations) >= settings.minShareOfTotal / 2)
        ? { allocations, allocationsPerRequest: { baseline: allocationsPerRequest(baseline, key), candidate: allocationsPerRequest(candidate, key) } }
        : {}),
    });
  }

  // Only functions on both sides are tested; added and gone ones are listed as such.
  const tested = candidates.filter((c) => c.presence === 'both');
  // The gate asks a one-sided question — did it get worse? — so regressions are tested with
  // the upper tail and controlled as one family; improvements, the lower tail, as another.
  const tests: Array<{ finding: Candidate; metrics: Array<ShareMetric | 'allocations'>; up: number; down: number }> = [];
  const addTest = (finding: Candidate, metrics: Array<ShareMetric | 'allocations'>, values: { baseline: number[]; candidate: number[] }) => {
    const result = mannWhitney(values.baseline, values.candidate);
    tests.push({ finding, metrics, up: result.pGreater, down: result.pLess });
  };
  for (const c of tested) {
    // A function that is always the leaf of its own samples has self = total in every
    // trial: one question, asked once, so that it is not counted twice against α.
    const cpu = (metric: ShareMetric) => c.testable[metric] && !c.jumps[metric];
    if (cpu('self') && cpu('total') && sameValues(c.shares.self, c.shares.total)) addTest(c, ['self', 'total'], c.shares.self);
    else for (const metric of ['self', 'total'] as const) if (cpu(metric)) addTest(c, [metric], c.shares[metric]);
    if (c.allocations && c.testable.allocations) addTest(c, ['allocations'], c.allocations);
  }
  const qUp = benjaminiHochberg(tests.map((t) => t.up));
  const qDown = benjaminiHochberg(tests.map((t) => t.down));
  const qOf = new Map<string, Tails>();
  tests.forEach((t, i) => {
    for (const metric of t.metrics) qOf.set(`${t.finding.key}\u0000${metric}`, { pUp: t.up, pDown: t.down, qUp: qUp[i]!, qDown: qDown[i]! });
  });

  const minimumP = mannWhitney(baseline.map((_, i) => i), candidate.map((_, i) => i + baseline.length)).minimumP / 2;
  const firstThreshold = tests.length > 0 ? settings.alpha / tests.length : settings.alpha;
  const detectable = minimumP <= firstThreshold;
  if (!detectable) {
    warnings.push(
      `With ${baseline.length} baseline and ${candidate.length} candidate trials the smallest possible one-sided p is ${formatP(minimumP)}, above the first Benjamini–Hochberg threshold ${formatP(firstThreshold)} (alpha ${settings.alpha} over ${tests.length} tests): no function can be flagged. Use more trials.`,
    );
  }

  const jumping = tested.filter((c) => c.jumps.self || c.jumps.total);
  if (jumping.length > 0) {
    const named = jumping.slice(0, 5).map((c) => {
      const metric = c.jumps.self ? 'self' : 'total';
      const all = [...c.shares[metric].baseline, ...c.shares[metric].candidate];
      return `${c.name} (${c.file || 'native'}; ${metric} ${formatShare(Math.min(...all))} to ${formatShare(Math.max(...all))})`;
    });
    warnings.push(
      `Not tested, because their share jumped between trials of the same code: ${named.join(', ')}${jumping.length > 5 ? ` and ${jumping.length - 5} more` : ''}. ` +
        'V8 inlines a function into its caller in some processes and not in others, and the profiler then charges its time to the caller; their callers\' total time still covers them.',
    );
  }

  // Intervals first, for every function; then the spread of the tested ones says how much
  // the two sides drifted apart beyond their trials' own noise (empirical null), and every
  // interval is widened by it before anything is judged.
  const intervals = candidates.map((c) => ({
    self: interval(c.shares.self, settings, random),
    total: interval(c.shares.total, settings, random),
    allocations: c.allocations ? interval(c.allocations, settings, random) : undefined,
  }));
  const testedIntervals = (family: 'cpu' | 'allocations') =>
    candidates.flatMap((c, i) =>
      (family === 'cpu' ? (['self', 'total'] as const) : (['allocations'] as const)).flatMap((metric) => {
        const found = intervals[i]![metric];
        return found && qOf.has(`${c.key}\u0000${metric}`) ? [found] : [];
      }),
    );
  const spread = { cpu: nullSpread(testedIntervals('cpu')), allocations: nullSpread(testedIntervals('allocations')) };

  const findings: FunctionFinding[] = candidates.map((c, i) => {
    const budget = budgetOf(c.key);
    // A budget replaces both floors for its function: its owner decided what matters.
    const floors = budget === undefined ? settings : { ...settings, minEffect: budget, minShareOfTotal: 0 };
    const metricComparison = (metric: ShareMetric | 'allocations'): MetricComparison => {
      const tails = qOf.get(`${c.key}\u0000${metric}`) ?? UNTESTED;
      const jumps = metric !== 'allocations' && c.jumps[metric];
      const widen = metric === 'allocations' ? spread.allocations : spread.cpu;
      const result = judge(intervals[i]![metric]!, tails, floors, 'share', c.presence !== 'both' || jumps, widen);
      return jumps ? { ...result, attributionJumps: true } : result;
    };
    const self = metricComparison('self');
    const total = metricComparison('total');
    const allocations = c.allocations ? metricComparison('allocations') : undefined;
    return {
      key: c.key,
      name: c.name,
      file: c.file,
      presence: c.presence,
      outcome: combine(self.outcome, total.outcome, allocations?.outcome),
      self,
      total,
      perRequestNanos: c.perRequest,
      ...(allocations && c.allocationsPerRequest ? { allocations, allocationsPerRequest: c.allocationsPerRequest } : {}),
    };
  });
  for (const [family, factor] of [['CPU', spread.cpu], ['allocation', spread.allocations]] as const) {
    if (factor > 1) {
      warnings.push(
        `The ${family} shares of this comparison's functions moved ${factor.toFixed(2)}× as far as their trials vary within a side, so every ${family} interval was widened ${factor.toFixed(2)}× (empirical null): the two sides differ beyond the code, typically because the machine drifted between the baseline's measurement and this one.` +
          (options.paired ? '' : ' Same-runner mode (compare.baseline "same-runner") measures both sides interleaved and cancels that.'),
      );
    }
  }
  findings.sort(byImportance);

  const service = compareService(baseline, candidate, settings, random);
  const paired = options.paired && baseline.length === candidate.length ? comparePaired(baseline, candidate, settings, random) : undefined;
  const verdict = decide(findings, paired, errors, settings, detectable, baseline.length, candidate.length);
  return {
    verdict,
    findings,
    service,
    ...(paired ? { paired } : {}),
    trials: { baseline: baseline.length, candidate: candidate.length },
    tests: tests.length,
    untested,
    settings,
    statusMismatches: routeMismatches(baseline, candidate),
    warnings,
  };
}

/** A metric's medians, ratio and seeded bootstrap interval, before it is judged. */
type Interval = Pick<MetricComparison, 'baseline' | 'candidate' | 'baselineMedian' | 'candidateMedian' | 'ratio' | 'ci'>;

function interval(values: { baseline: readonly number[]; candidate: readonly number[] }, settings: CompareSettings, random: () => number): Interval {
  const baselineMedian = safeMedian(values.baseline);
  const candidateMedian = safeMedian(values.candidate);
  const ratio = baselineMedian > 0 ? candidateMedian / baselineMedian : candidateMedian > 0 ? Number.POSITIVE_INFINITY : 1;
  const ci = bootstrapMedianRatio(values.baseline, values.candidate, { resamples: settings.bootstrapResamples, confidence: 0.95, random });
  return { baseline: values.baseline, candidate: values.candidate, baselineMedian, candidateMedian, ratio, ci };
}

function compareMetric(
  base: readonly number[],
  cand: readonly number[],
  tails: Tails,
  settings: CompareSettings,
  random: () => number,
  scale: 'share' | 'relative',
  untestable: boolean,
): MetricComparison {
  return judge(interval({ baseline: base, candidate: cand }, settings, random), tails, settings, scale, untestable, 1);
}

/** The outcome of one metric: its interval (widened `widen`×) and q-value against the floors. */
function judge(measured: Interval, tails: Tails, settings: CompareSettings, scale: 'share' | 'relative', untestable: boolean, widen: number): MetricComparison {
  const { baseline: base, candidate: cand, baselineMedian, candidateMedian } = measured;
  const ci = widenInterval(measured.ci, widen);
  // p and q are reported for the tail the change points to.
  const rising = candidateMedian >= baselineMedian;
  const p = rising ? tails.pUp : tails.pDown;
  const q = rising ? tails.qUp : tails.qDown;
  let outcome: Outcome;
  if (untestable || base.length < 2 || cand.length < 2) {
    outcome = 'inconclusive';
  } else {
    const upper = 1 + settings.minEffect;
    const lower = 1 / upper;
    // For shares the absolute floor is in share points; service metrics have no absolute floor.
    const absoluteFloor = scale === 'share' ? settings.minShareOfTotal : 0;
    const delta = candidateMedian - baselineMedian;
    if (tails.qUp <= settings.alpha && ci.low > upper && delta >= absoluteFloor) outcome = 'regressed';
    else if (tails.qDown <= settings.alpha && ci.high < lower && -delta >= absoluteFloor) outcome = 'improved';
    else if (ci.low >= lower && ci.high <= upper) outcome = 'unchanged';
    // Even the worst case the interval allows stays under the absolute floor.
    else if (scale === 'share' && Math.max(baselineMedian * Math.abs(ci.high - 1), baselineMedian * Math.abs(1 - ci.low)) < absoluteFloor) outcome = 'unchanged';
    else outcome = 'inconclusive';
  }
  return { baseline: base, candidate: cand, baselineMedian, candidateMedian, ratio: measured.ratio, ci, p, q, outcome, ...(widen > 1 ? { widenedBy: widen } : {}) };
}

/** One-sided p-values of a test and their false-discovery-adjusted q-values. */
interface Tails {
  readonly pUp: number;
  readonly pDown: number;
  readonly qUp: number;
  readonly qDown: number;
}
const UNTESTED: Tails = { pUp: 1, pDown: 1, qUp: 1, qDown: 1 };

function combine(...outcomes: ReadonlyArray<Outcome | undefined>): Outcome {
  for (const outcome of ['regressed', 'improved', 'inconclusive'] as const) if (outcomes.includes(outcome)) return outcome;
  return 'unchanged';
}

const OUTCOME_ORDER: Record<Outcome, number> = { regressed: 0, improved: 1, inconclusive: 2, unchanged: 3 };

/**
 * Regressions first; within them, those whose own (self) time or own allocations rose,
 * by how much they rose.
 */
function byImportance(a: FunctionFinding, b: FunctionFinding): number {
  const order = OUTCOME_ORDER[a.outcome] - OUTCOME_ORDER[b.outcome];
  if (order !== 0) return order;
  const ownBlame = (f: FunctionFinding) => Number(f.self.outcome === f.outcome || f.allocations?.outcome === f.outcome);
  const selfBlame = ownBlame(b) - ownBlame(a);
  if (selfBlame !== 0) return selfBlame;
  const change = (f: FunctionFinding) =>
    Math.max(
      Math.abs(f.self.candidateMedian - f.self.baselineMedian),
      Math.abs(f.total.candidateMedian - f.total.baselineMedian) / 2,
      f.allocations ? Math.abs(f.allocations.candidateMedian - f.allocations.baselineMedian) : 0,
    );
  return change(b) - change(a) || a.key.localeCompare(b.key);
}

const SERVICE_METRICS: ReadonlyArray<{ metric: ServiceMetricName; higherIsWorse: boolean; read: (s: ServiceMetrics) => number }> = [
  { metric: 'cpuMicrosPerRequest', higherIsWorse: true, read: (s) => s.cpuMicrosPerRequest },
  { metric: 'throughputRps', higherIsWorse: false, read: (s) => s.throughputRps },
  { metric: 'latencyP50Ms', higherIsWorse: true, read: (s) => s.latencyMs.p50 },
  { metric: 'latencyP95Ms', higherIsWorse: true, read: (s) => s.latencyMs.p95 },
  { metric: 'latencyP99Ms', higherIsWorse: true, read: (s) => s.latencyMs.p99 },
  { metric: 'maxRssBytes', higherIsWorse: true, read: (s) => s.maxRssBytes },
];

function compareService(baseline: readonly TrialMetrics[], candidate: readonly TrialMetrics[], settings: CompareSettings, random: () => number): ServiceFinding[] {
  return SERVICE_METRICS.map(({ metric, higherIsWorse, read }) => {
    const base = baseline.map((t) => read(t.service));
    const cand = candidate.map((t) => read(t.service));
    const test = mannWhitney(base, cand);
    const raw = compareMetric(base, cand, { pUp: test.pGreater, pDown: test.pLess, qUp: test.pGreater, qDown: test.pLess }, settings, random, 'relative', false);
    // Throughput going up is an improvement: flip the labels, not the numbers.
    const outcome: Outcome = higherIsWorse ? raw.outcome : raw.outcome === 'regressed' ? 'improved' : raw.outcome === 'improved' ? 'regressed' : raw.outcome;
    return { metric, higherIsWorse, comparison: { ...raw, outcome } };
  });
}

function errorCounts(baseline: readonly TrialMetrics[], candidate: readonly TrialMetrics[]): ErrorCounts[] {
  const counts = (side: 'baseline' | 'candidate', trials: readonly TrialMetrics[]) =>
    trials.map((t, i) => ({ trial: i + 1, side, requests: t.requests, errors: t.service.errors, statusMismatches: t.service.statusMismatches, non2xx: t.service.non2xx }));
  return [...counts('baseline', baseline), ...counts('candidate', candidate)];
}

/**
 * CPU per request pair by pair: a uniform slowdown moves every function alike and leaves
 * their shares unchanged, so only the service-level figure can catch it; interleaving
 * makes each pair's ratio immune to the machine's drift.
 */
function comparePaired(baseline: readonly TrialMetrics[], candidate: readonly TrialMetrics[], settings: CompareSettings, random: () => number): PairedFinding {
  const ratios = baseline.map((b, i) => {
    const base = b.service.cpuMicrosPerRequest;
    const cand = candidate[i]!.service.cpuMicrosPerRequest;
    return base > 0 ? cand / base : 1;
  });
  const logs = ratios.map(Math.log);
  const { p } = signFlipTest(logs);
  const medians: number[] = [];
  for (let r = 0; r < settings.bootstrapResamples; r++) {
    medians.push(median(logs.map(() => logs[Math.floor(random() * logs.length)]!)));
  }
  medians.sort((a, b) => a - b);
  const at = (q: number) => Math.exp(medians[Math.min(medians.length - 1, Math.floor(q * medians.length))]!);
  const ci = { low: at(0.025), high: at(0.975) };
  const upper = 1 + settings.minEffect;
  const outcome: Outcome =
    ratios.length < 2 ? 'inconclusive'
    : p <= settings.alpha && ci.low > upper ? 'regressed'
    : p <= settings.alpha && ci.high < 1 / upper ? 'improved'
    : ci.low >= 1 / upper && ci.high <= upper ? 'unchanged'
    : 'inconclusive';
  return { metric: 'cpuMicrosPerRequest', ratios, ratio: Math.exp(safeMedian(logs)), ci, p, outcome };
}

function decide(
  findings: readonly FunctionFinding[],
  paired: PairedFinding | undefined,
  errors: readonly ErrorCounts[],
  settings: CompareSettings,
  detectable: boolean,
  baselineTrials: number,
  candidateTrials: number,
): Verdict {
  const failing = errors.filter((e) => e.side === 'candidate' && (e.errors + e.statusMismatches) / Math.max(1, e.requests + e.errors) > settings.maxErrorRate);
  if (failing.length > 0) {
    return {
      outcome: 'fail-errors',
      rule: `${failing.length} candidate trial(s) had more than ${+(settings.maxErrorRate * 100).toFixed(4)}% failed requests (compare.maxErrorRate) (no response, or a status other than the recorded one): a regression in correctness outranks one in speed`,
      errors: failing,
    };
  }
  const blocking = findings.filter((f) => f.outcome === 'regressed');
  const floor = `CI of the median ratio above ${1 + settings.minEffect} and a change of at least ${(settings.minShareOfTotal * 100).toFixed(2)}% of busy CPU (or of allocated bytes)`;
  const serviceRegressed = paired?.outcome === 'regressed' ? paired : undefined;
  if (blocking.length > 0 || serviceRegressed) {
    const rules = [
      ...(blocking.length > 0 ? [`${blocking.length} function(s) regressed: Mann–Whitney q <= ${settings.alpha} (Benjamini–Hochberg), ${floor}`] : []),
      ...(serviceRegressed
        ? [`the service's CPU per request rose ${((serviceRegressed.ratio - 1) * 100).toFixed(1)}% over interleaved pairs: sign-flip p <= ${settings.alpha}, CI above ${1 + settings.minEffect}`]
        : []),
    ];
    return { outcome: 'fail', rule: rules.join('; '), blocking, ...(serviceRegressed ? { blockingService: serviceRegressed } : {}) };
  }
  if (!detectable) {
    return { outcome: 'inconclusive', rule: `${baselineTrials} vs ${candidateTrials} trials cannot reach significance after false-discovery control` };
  }
  return { outcome: 'pass', rule: `no function met every rule for a regression (q <= ${settings.alpha}, ${floor})` };
}

function safeMedian(values: readonly number[]): number {
  return values.length === 0 ? 0 : median([...values]);
}

/**
 * True when, on either side, a share worth testing falls below a quarter of its largest
 * value in another trial of the same code, at a sample count where counting cannot do
 * that (from 30 samples, a drop to a quarter is beyond any Poisson spread). It is V8
 * inlining the function into its caller in some processes and not in others, which moves
 * its time between the two. Comparing such shares would compare how often each side
 * happened to inline.
 */
function attributionJumps(
  samples: { baseline: readonly number[]; candidate: readonly number[] },
  values: { baseline: readonly number[]; candidate: readonly number[] },
  floor: number,
): boolean {
  const jumps = (side: readonly number[], counts: readonly number[]) =>
    side.length > 1 && Math.max(...side) >= 2 * floor && Math.max(...counts) >= MIN_SAMPLES_FOR_JUMP && Math.min(...side) < Math.max(...side) / 4;
  return jumps(values.baseline, samples.baseline) || jumps(values.candidate, samples.candidate);
}

const MIN_SAMPLES_FOR_JUMP = 30;

/**
 * The time one sample stands for in a trial: the smallest non-zero own time of any function
 * (some function is always seen exactly once). 1 ms for V8 at its default interval, 10 ms
 * for Go's 100 Hz profiles; trials read from files need no sampling settings for it.
 */
function sampleUnit(trial: TrialMetrics): number {
  let unit = Number.POSITIVE_INFINITY;
  for (const cost of Object.values(trial.functions)) if (cost.selfNanos > 0 && cost.selfNanos < unit) unit = cost.selfNanos;
  return Number.isFinite(unit) ? unit : 1;
}

function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** The largest minus the smallest value over both sides. */
function pooledSpread(values: { baseline: readonly number[]; candidate: readonly number[] }): number {
  const all = [...values.baseline, ...values.candidate];
  return all.length === 0 ? 0 : Math.max(...all) - Math.min(...all);
}

function sameValues(a: { baseline: readonly number[]; candidate: readonly number[] }, b: { baseline: readonly number[]; candidate: readonly number[] }): boolean {
  const equal = (x: readonly number[], y: readonly number[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return equal(a.baseline, b.baseline) && equal(a.candidate, b.candidate);
}

export function formatP(p: number): string {
  return p < 0.001 ? p.toExponential(1) : p.toFixed(3);
}

import type { CompareSettings } from '../config/schema.js';
import { bootstrapMedianRatio } from './bootstrap.js';
import type { MetricComparison, Outcome, PairedFinding, ServiceFinding, ServiceMetricName } from './findings.js';
import { judge } from './judge.js';
import { mannWhitney } from './mann-whitney.js';
import { safeMedian, sortedMedian } from './metric-estimate.js';
import { signFlipTest } from './sign-flip.js';
import type { ServiceMetrics, TrialMetrics } from './trial.js';

const SERVICE_METRICS: ReadonlyArray<{ metric: ServiceMetricName; higherIsWorse: boolean; read: (s: ServiceMetrics) => number }> = [
  { metric: 'cpuMicrosPerRequest', higherIsWorse: true, read: (s) => s.cpuMicrosPerRequest },
  { metric: 'throughputRps', higherIsWorse: false, read: (s) => s.throughputRps },
  { metric: 'latencyP50Ms', higherIsWorse: true, read: (s) => s.latencyMs.p50 },
  { metric: 'latencyP95Ms', higherIsWorse: true, read: (s) => s.latencyMs.p95 },
  { metric: 'latencyP99Ms', higherIsWorse: true, read: (s) => s.latencyMs.p99 },
  { metric: 'maxRssBytes', higherIsWorse: true, read: (s) => s.maxRssBytes },
];

/**
 * The service's own figures (CPU per request as the OS charged it, throughput, latency,
 * memory). Unpaired: Mann–Whitney and a bootstrap interval of the median ratio, for
 * context. Paired (same-runner): every figure pair by pair (`pairedComparison`), so that
 * the table shows exactly what the verdict's CPU-per-request rule saw.
 */
export function compareService(baseline: readonly TrialMetrics[], candidate: readonly TrialMetrics[], settings: CompareSettings, random: () => number, paired: boolean): ServiceFinding[] {
  return SERVICE_METRICS.map(({ metric, higherIsWorse, read }) => {
    const base = baseline.map((t) => read(t.service));
    const cand = candidate.map((t) => read(t.service));
    let raw: MetricComparison;
    if (paired) raw = toComparison(pairedComparison(base, cand, settings, random), base, cand);
    else {
      const test = mannWhitney(base, cand);
      const baselineMedian = safeMedian(base);
      const candidateMedian = safeMedian(cand);
      const ratio = baselineMedian > 0 ? candidateMedian / baselineMedian : candidateMedian > 0 ? Number.POSITIVE_INFINITY : 1;
      const ci = bootstrapMedianRatio(base, cand, { resamples: settings.bootstrapResamples, confidence: 0.95, random });
      raw = judge(
        { baseline: base, candidate: cand, baselineMedian, candidateMedian, ratio, ci, presence: 'both' },
        { pUp: test.pGreater, pDown: test.pLess, qUp: test.pGreater, qDown: test.pLess },
        { alpha: settings.alpha, minEffect: settings.minEffect, absolute: 0 },
        false,
      );
    }
    // Throughput going up is an improvement: flip the labels, not the numbers.
    const outcome: Outcome = higherIsWorse ? raw.outcome : raw.outcome === 'regressed' ? 'improved' : raw.outcome === 'improved' ? 'regressed' : raw.outcome;
    return { metric, higherIsWorse, comparison: { ...raw, outcome } };
  });
}

/** The service's CPU per request, pair by pair: the finding the same-runner verdict rests on. */
export function pairedCpu(baseline: readonly TrialMetrics[], candidate: readonly TrialMetrics[], settings: CompareSettings, random: () => number): PairedFinding {
  return pairedComparison(
    baseline.map((t) => t.service.cpuMicrosPerRequest),
    candidate.map((t) => t.service.cpuMicrosPerRequest),
    settings,
    random,
  );
}

/**
 * A metric given as adjacent pairs (baseline[i] and candidate[i] ran one after the other
 * on one machine): the ratio within each pair cancels the machine's state of the moment.
 * The exact sign-flip test on the log ratios and a seeded bootstrap of their median;
 * regressed when p ≤ α and the interval lies above 1 + minEffect.
 */
export function pairedComparison(baseline: readonly number[], candidate: readonly number[], settings: CompareSettings, random: () => number): PairedFinding {
  const ratios = baseline.map((b, i) => (b > 0 ? candidate[i]! / b : 1));
  const logs = ratios.map(Math.log);
  const { p } = signFlipTest(logs);
  const medians: number[] = [];
  const resample = new Float64Array(logs.length);
  for (let r = 0; r < settings.bootstrapResamples && logs.length > 0; r++) {
    for (let i = 0; i < logs.length; i++) resample[i] = logs[Math.floor(random() * logs.length)]!;
    medians.push(sortedMedian(resample.sort()));
  }
  medians.sort((a, b) => a - b);
  const at = (q: number) => (medians.length === 0 ? 1 : Math.exp(medians[Math.min(medians.length - 1, Math.floor(q * medians.length))]!));
  const ci = { low: at(0.025), high: at(0.975) };
  const outcome = pairedOutcome(ratios.length, p, ci, settings);
  return { metric: 'cpuMicrosPerRequest', ratios, ratio: Math.exp(safeMedian(logs)), ci, p, outcome };
}

function toComparison(paired: PairedFinding, base: readonly number[], cand: readonly number[]): MetricComparison {
  return { baseline: base, candidate: cand, baselineMedian: safeMedian(base), candidateMedian: safeMedian(cand), ratio: paired.ratio, ci: paired.ci, p: paired.p, q: paired.p, outcome: paired.outcome };
}

/**
 * The outcome of CPU per request compared pair by pair (one shard's pairs, or several
 * shards' combined): regressed or improved when the test rejects and the interval clears
 * the effect floor, unchanged when the interval lies within it, otherwise inconclusive.
 */
export function pairedOutcome(pairs: number, p: number, ci: { readonly low: number; readonly high: number }, settings: Pick<CompareSettings, 'alpha' | 'minEffect'>): Outcome {
  const upper = 1 + settings.minEffect;
  return pairs < 2 ? 'inconclusive'
    : p <= settings.alpha && ci.low > upper ? 'regressed'
    : p <= settings.alpha && ci.high < 1 / upper ? 'improved'
    : ci.low >= 1 / upper && ci.high <= upper ? 'unchanged'
    : 'inconclusive';
}

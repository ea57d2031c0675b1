import { median } from 'simple-statistics';
import type { CompareSettings } from '../config/schema.js';
import { allocationsProfiled } from './allocation-shares.js';
import { bootstrapMedianRatio } from './bootstrap.js';
import type { Comparison } from './findings.js';
import { minimumDetectableChange, type MinimumDetectableChange } from './minimum-detectable-change.js';
import { seededRandom } from './prng.js';
import type { TrialMetrics } from './trial.js';

/**
 * One number per run that alerts and trends can be written against: how much the service's
 * CPU per request (and allocated bytes per request) moved against the baseline, with the
 * interval that says how sure that is and the smallest change the run could have seen.
 */
export interface DiffScore {
  readonly cpuPerRequest: ChangeEstimate;
  /** Absent when either side has no allocation profile. */
  readonly allocatedBytesPerRequest?: ChangeEstimate;
}

export interface ChangeEstimate {
  /** Relative change of the median, candidate against baseline: +0.05 is 5% more. */
  readonly change: number;
  /** Its 95% bootstrap interval, as relative changes. */
  readonly low: number;
  readonly high: number;
  /** Interleaved pairs (each pair's ratio) or the two sides' trials compared as independent samples. */
  readonly design: 'paired' | 'independent';
  /** The medians of the metric on each side (CPU: microseconds per request; allocations: bytes per request). */
  readonly baselineMedian: number;
  readonly candidateMedian: number;
  readonly minimumDetectable: MinimumDetectableChange;
}

/**
 * The diff score of a comparison. CPU per request is the OS's CPU time of the service per
 * request — the figure the paired verdict uses, and the one a uniform slowdown moves; its
 * estimate is the comparison's own (paired when the sides ran interleaved), so the score
 * never disagrees with the verdict's numbers. Allocated bytes per request get a bootstrap
 * of their own with the comparison's seed.
 */
export function diffScore(baseline: readonly TrialMetrics[], candidate: readonly TrialMetrics[], comparison: Comparison, settings: CompareSettings): DiffScore {
  const mdc = { alpha: settings.alpha, seed: settings.seed };
  const cpuOf = (t: TrialMetrics) => t.service.cpuMicrosPerRequest;
  const paired = comparison.paired;
  const service = comparison.service.find((s) => s.metric === 'cpuMicrosPerRequest')?.comparison;
  const medians = { baselineMedian: median(baseline.map(cpuOf)), candidateMedian: median(candidate.map(cpuOf)) };
  const cpuPerRequest: ChangeEstimate = paired
    ? { ...relative(paired.ratio, paired.ci), ...medians, design: 'paired', minimumDetectable: minimumDetectableChange({ kind: 'paired', ratios: paired.ratios }, mdc) }
    : {
        ...(service ? relative(service.ratio, service.ci) : relative(1, { low: 0, high: Number.POSITIVE_INFINITY })),
        ...medians,
        design: 'independent',
        minimumDetectable: minimumDetectableChange({ kind: 'independent', baseline: baseline.map(cpuOf), candidate: candidate.map(cpuOf) }, mdc),
      };
  if (!allocationsProfiled(baseline) || !allocationsProfiled(candidate)) return { cpuPerRequest };
  const bytesOf = (trials: readonly TrialMetrics[]) => trials.filter((t) => t.requests > 0).map((t) => (t.allocatedBytes ?? 0) / t.requests);
  const x = bytesOf(baseline);
  const y = bytesOf(candidate);
  const ci = bootstrapMedianRatio(x, y, { resamples: settings.bootstrapResamples, confidence: 0.95, random: seededRandom(settings.seed) });
  return {
    cpuPerRequest,
    allocatedBytesPerRequest: {
      ...relative(median(y) / median(x), ci),
      baselineMedian: median(x),
      candidateMedian: median(y),
      design: 'independent',
      minimumDetectable: minimumDetectableChange({ kind: 'independent', baseline: x, candidate: y }, mdc),
    },
  };
}

function relative(ratio: number, ci: { readonly low: number; readonly high: number }): Pick<ChangeEstimate, 'change' | 'low' | 'high'> {
  return { change: ratio - 1, low: ci.low - 1, high: ci.high - 1 };
}

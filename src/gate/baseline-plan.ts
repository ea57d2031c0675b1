import { environmentDifferences, type Baseline, type Environment, type MeasurementSettings } from '../baseline/index.js';
import type { CompareSettings } from '../config/index.js';
import { PerfgateError } from '../errors.js';

/**
 * Where this run's baseline side comes from, and why — the report says it. A stored
 * baseline that does not match this run (`notComparable`, the differences, most telling
 * first) is still shown, but cannot decide the verdict.
 */
export type BaselinePlan =
  | { readonly source: 'stored'; readonly baseline: Baseline; readonly why: string; readonly notComparable: readonly string[] }
  | { readonly source: 'same-runner'; readonly ref: string; readonly why: string };

export interface Here {
  readonly environment: Omit<Environment, 'perfgateVersion'> & { readonly perfgateVersion?: string };
  readonly settings: MeasurementSettings;
}

/** Settings whose difference changes what a trial measures, by the name a user sets them with. */
const SETTINGS: ReadonlyArray<readonly [keyof MeasurementSettings, string]> = [
  ['measureRequests', 'load.measureRequests (--requests)'],
  ['warmupRequests', 'load.warmupRequests (--warmup)'],
  ['connections', 'load.connections'],
  ['cpuSamplingIntervalUs', 'profile.cpuSamplingIntervalUs'],
  ['allocationSamplingIntervalBytes', 'profile.allocationSamplingIntervalBytes'],
];

/** What makes a stored baseline incomparable with a run here, each named with both values; empty when it matches. */
export function fingerprintDifferences(stored: Baseline, here: Here): string[] {
  const differences: string[] = [];
  for (const [key, name] of SETTINGS) {
    const before = stored.settings[key];
    const now = here.settings[key];
    if (before !== undefined && now !== undefined && before !== now) differences.push(`${name}: ${String(before)} in the baseline, ${String(now)} here`);
  }
  if (stored.settings.replaySha256 !== here.settings.replaySha256) differences.push('the replay file differs');
  if (stored.settings.lockfileSha256 !== undefined && here.settings.lockfileSha256 !== undefined && stored.settings.lockfileSha256 !== here.settings.lockfileSha256) {
    differences.push('the lockfile differs (dependencies changed)');
  }
  if (differences.length === 0 && stored.settings.configSha256 !== undefined && stored.settings.configSha256 !== here.settings.configSha256) {
    differences.push('measurement settings differ (service command, environment, load or profile settings)');
  }
  differences.push(...environmentDifferences(stored.environment, { ...stored.environment, ...here.environment, perfgateVersion: stored.environment.perfgateVersion }));
  return differences;
}

/**
 * `stored` uses the file, and a file that does not match this run decides nothing;
 * `same-runner` re-measures the base commit here; `auto` uses the file when it matches and
 * re-measures its commit (or compare.baseRef) otherwise.
 */
export function planBaseline(settings: Pick<CompareSettings, 'baseline' | 'baseRef'>, stored: Baseline | undefined, here: Here, baselinePath: string): BaselinePlan {
  const ref = settings.baseRef ?? stored?.commit ?? undefined;
  const differences = stored ? fingerprintDifferences(stored, here) : [];
  const missing = () =>
    new PerfgateError('BASELINE_MISSING', `${baselinePath}: no baseline yet; create one with \`perfgate baseline --config <config>\` and commit it, or measure a commit here with --base-ref REF`);
  switch (settings.baseline) {
    case 'stored':
      if (!stored) throw missing();
      return { source: 'stored', baseline: stored, why: 'compare.baseline is "stored"', notComparable: differences };
    case 'same-runner':
      if (!ref) throw new PerfgateError('USAGE', 'compare.baseline is "same-runner" but there is no commit to measure: pass --base-ref REF (or set compare.baseRef), or store a baseline that records its commit');
      return { source: 'same-runner', ref, why: settings.baseRef !== undefined ? `the base ${settings.baseRef} is measured on this machine` : 'compare.baseline is "same-runner"' };
    case 'auto':
      if (stored && differences.length === 0) return { source: 'stored', baseline: stored, why: 'the stored baseline was measured with these settings on this kind of machine', notComparable: [] };
      if (ref) {
        return {
          source: 'same-runner',
          ref,
          why: stored ? `the stored baseline does not match this run (${differences.join('; ')}), so its commit was re-measured here` : 'there is no stored baseline, so compare.baseRef was measured here',
        };
      }
      if (!stored) throw missing();
      return { source: 'stored', baseline: stored, why: 'the stored baseline records no commit to re-measure', notComparable: differences };
    default: {
      const unreachable: never = settings.baseline;
      return unreachable;
    }
  }
}

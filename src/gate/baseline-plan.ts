import { environmentDifferences, type Baseline, type Environment } from '../baseline/index.js';
import type { CompareSettings } from '../config/index.js';
import { PerfgateError } from '../errors.js';

/** Where this run's baseline side comes from, and why — the report says it. */
export type BaselinePlan =
  | { readonly source: 'stored'; readonly baseline: Baseline; readonly why: string; readonly warnings: readonly string[] }
  | { readonly source: 'same-runner'; readonly ref: string; readonly why: string };

export interface Here {
  readonly environment: Omit<Environment, 'perfgateVersion'> & { readonly perfgateVersion?: string };
  readonly configSha256: string;
  readonly replaySha256: string;
  readonly lockfileSha256?: string;
}

/** What makes a stored baseline incomparable with a run here; empty when it matches. */
export function fingerprintDifferences(stored: Baseline, here: Here): string[] {
  const differences = environmentDifferences(stored.environment, { ...stored.environment, ...here.environment, perfgateVersion: stored.environment.perfgateVersion });
  if (stored.settings.configSha256 !== undefined && stored.settings.configSha256 !== here.configSha256) differences.push('measurement settings differ');
  if (stored.settings.replaySha256 !== here.replaySha256) differences.push('the replay file differs');
  if (stored.settings.lockfileSha256 !== undefined && here.lockfileSha256 !== undefined && stored.settings.lockfileSha256 !== here.lockfileSha256) differences.push('the lockfile differs (dependencies changed)');
  return differences;
}

/**
 * `stored` uses the file (warning when it was measured elsewhere); `same-runner` re-measures
 * the base commit here; `auto` uses the file when its fingerprint matches this machine and
 * re-measures otherwise.
 */
export function planBaseline(settings: Pick<CompareSettings, 'baseline' | 'baseRef'>, stored: Baseline | undefined, here: Here, baselinePath: string): BaselinePlan {
  const ref = settings.baseRef ?? stored?.commit ?? undefined;
  const differences = stored ? fingerprintDifferences(stored, here) : [];
  const missing = () =>
    new PerfgateError('BASELINE_MISSING', `${baselinePath}: no baseline yet; create one with \`perfgate baseline --config <config>\` and commit it, or set compare.baseRef to measure a commit here`);
  switch (settings.baseline) {
    case 'stored':
      if (!stored) throw missing();
      return {
        source: 'stored',
        baseline: stored,
        why: 'compare.baseline is "stored"',
        warnings: differences.length > 0 ? [`The stored baseline was measured in another environment (${differences.join('; ')}); its figures may not compare. Consider compare.baseline "same-runner".`] : [],
      };
    case 'same-runner':
      if (!ref) throw new PerfgateError('USAGE', 'compare.baseline is "same-runner" but there is no commit to measure: set compare.baseRef, or store a baseline that records its commit');
      return { source: 'same-runner', ref, why: 'compare.baseline is "same-runner"' };
    case 'auto':
      if (stored && differences.length === 0) return { source: 'stored', baseline: stored, why: 'the stored baseline was measured in this environment', warnings: [] };
      if (ref) {
        return {
          source: 'same-runner',
          ref,
          why: stored ? `the stored baseline's environment differs (${differences.join('; ')}), so its commit was re-measured here` : 'there is no stored baseline, so compare.baseRef was measured here',
        };
      }
      if (!stored) throw missing();
      return {
        source: 'stored',
        baseline: stored,
        why: 'the stored baseline records no commit to re-measure',
        warnings: [`The stored baseline was measured in another environment (${differences.join('; ')}) and records no commit, so it could not be re-measured here.`],
      };
    default: {
      const unreachable: never = settings.baseline;
      return unreachable;
    }
  }
}

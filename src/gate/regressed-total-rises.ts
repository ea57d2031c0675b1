import { totalBreakdown, totalRises, type Comparison, type TotalRise } from '../analysis/index.js';
import type { SideProfiles } from './report-files.js';

/**
 * For each function that regressed on its total time: which of its callees (or its own time)
 * the rise lies in, from both sides' merged profiles (CPU, or the sample type `perfgate diff`
 * compared). Empty without a baseline profile.
 */
export function regressedTotalRises(comparison: Comparison, sides: SideProfiles, valueType = 'cpu'): Record<string, TotalRise[]> {
  const [candidate] = sides.candidate;
  const [baseline] = sides.baseline;
  const regressed = comparison.findings.filter((f) => f.outcome === 'regressed' && f.decidedBy === 'total');
  if (!candidate || !baseline || regressed.length === 0) return {};
  const keys = regressed.map((f) => f.key);
  const before = totalBreakdown(baseline.profile, baseline.source, keys, valueType);
  const after = totalBreakdown(candidate.profile, candidate.source, keys, valueType);
  const result: Record<string, TotalRise[]> = {};
  for (const f of regressed) {
    const rises = totalRises(f, before.get(f.key), after.get(f.key));
    if (rises.length > 0) result[f.key] = rises;
  }
  return result;
}

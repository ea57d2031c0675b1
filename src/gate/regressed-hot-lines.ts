import { hotLines, type Comparison, type HotLine } from '../analysis/index.js';
import type { SideProfiles } from './report-files.js';

/** The hottest lines of each regressed function, from the candidate's merged CPU profile (its first profile). */
export function regressedHotLines(comparison: Comparison, sides: SideProfiles): Record<string, HotLine[]> {
  const cpu = sides.candidate[0];
  const keys = comparison.findings.filter((f) => f.outcome === 'regressed').map((f) => f.key);
  return cpu ? hotLines(cpu.profile, cpu.source, keys) : {};
}

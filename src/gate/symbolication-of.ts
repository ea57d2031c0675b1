import { sourceMapWarning, symbolication, symbolicationWarning, type Symbolication } from '../profile/index.js';
import type { NamedProfile } from '../report/index.js';

/**
 * The symbolication of a candidate's merged CPU profile (and allocation profile, when
 * there is one), with a warning for each below the target, for report.json and the
 * report's warnings.
 */
export function symbolicationOf(cpu: NamedProfile, allocations: NamedProfile | null, cpuType = 'cpu'): { rates: Symbolication[]; warnings: string[] } {
  const rates = [symbolication(cpu.profile, cpuType, cpu.source), ...(allocations ? [symbolication(allocations.profile, 'alloc_space', allocations.source)] : [])];
  const what = (s: Symbolication) => (s.sampleType === 'alloc_space' ? 'the allocated bytes' : s.sampleType === 'cpu' ? 'the CPU samples' : `the ${s.sampleType} samples`);
  return { rates, warnings: rates.flatMap((s) => [symbolicationWarning(s, what(s)), sourceMapWarning(s, what(s))].filter((w): w is string => w !== null)) };
}

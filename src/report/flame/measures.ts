import type { Profile } from 'pprof-format';
import { sampleTypes } from '../../profile/stacks.js';
import type { FlameMeasureInput, FlameSource, FlameUnit } from './tree.js';

export interface NamedProfile {
  readonly profile: Profile;
  /** Names the profile in errors (its file). */
  readonly source: string;
}

/** What a flame graph can size frames by, in the order the page offers them. */
const KINDS: ReadonlyArray<{ id: string; sampleType: string; label: string; unit: FlameUnit }> = [
  { id: 'cpu', sampleType: 'cpu', label: 'CPU', unit: 'nanoseconds' },
  { id: 'alloc_space', sampleType: 'alloc_space', label: 'allocated bytes', unit: 'bytes' },
];

/**
 * The measures the merged profiles of each side can show: CPU always (perfgate's CPU
 * profiles carry `cpu`), allocated bytes when a profile carries `alloc_space` (the
 * allocation profiles, as a sample type of their own file or of the CPU profile).
 */
export function flameMeasures(candidate: readonly NamedProfile[], baseline: readonly NamedProfile[]): FlameMeasureInput[] {
  const find = (side: readonly NamedProfile[], sampleType: string): FlameSource | null => {
    const found = side.find((p) => sampleTypes(p.profile).includes(sampleType));
    return found ? { profile: found.profile, source: found.source, sampleType } : null;
  };
  const measures: FlameMeasureInput[] = [];
  for (const kind of KINDS) {
    const cand = find(candidate, kind.sampleType);
    if (!cand) continue;
    measures.push({ id: kind.id, label: kind.label, unit: kind.unit, candidate: cand, baseline: find(baseline, kind.sampleType) });
  }
  return measures;
}

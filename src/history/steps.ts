import { median } from 'simple-statistics';
import { changePoints, type ChangePointOptions } from './change-points.js';
import type { HistoryRecord } from './history-record.js';

/** A step in CPU per request found in a branch's history. */
export interface Step {
  /** Index in the records of the first run at the new level. */
  readonly index: number;
  /** The commit where it began (the first run at the new level). */
  readonly commit: string | null;
  /** Median of the segment after over the one before, minus 1: +0.05 is 5% more CPU per request. */
  readonly change: number;
  readonly p: number;
  /** Whether the gate failed the run where it began: if not, nobody was told, and this is the creeping kind. */
  readonly gateFailed: boolean;
}

/**
 * The steps in a history's CPU per request: change points of the log medians (a slowdown is
 * multiplicative, so steps of the same relative size look alike at any level), each with
 * its size from the medians of the segments either side and whether the per-PR gate caught it.
 */
export function historySteps(records: readonly HistoryRecord[], options: ChangePointOptions = {}): Step[] {
  const series = records.map((r) => Math.log(Math.max(r.cpuMicrosPerRequest.median, Number.MIN_VALUE)));
  const found = changePoints(series, options);
  const bounds = [0, ...found.map((c) => c.index), records.length];
  return found.map((c, i) => {
    const before = records.slice(bounds[i]!, c.index).map((r) => r.cpuMicrosPerRequest.median);
    const after = records.slice(c.index, bounds[i + 2]!).map((r) => r.cpuMicrosPerRequest.median);
    return { index: c.index, commit: records[c.index]!.commit, change: median(after) / median(before) - 1, p: c.p, gateFailed: records[c.index]!.verdict === 'fail' };
  });
}

/** Rises the gate did not fail: the regressions that crept in below every PR's threshold. */
export function unflaggedRises(steps: readonly Step[]): Step[] {
  return steps.filter((s) => s.change > 0 && !s.gateFailed);
}

/** The records of one branch; without a name, of the branch most records belong to. */
export function branchRecords(records: readonly HistoryRecord[], branch?: string): { branch: string | null; records: HistoryRecord[] } {
  if (branch !== undefined) return { branch, records: records.filter((r) => r.branch === branch) };
  const counts = new Map<string | null, number>();
  for (const r of records) counts.set(r.branch, (counts.get(r.branch) ?? 0) + 1);
  const most = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { branch: most, records: records.filter((r) => r.branch === most) };
}

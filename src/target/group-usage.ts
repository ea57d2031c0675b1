import { readFileSync } from 'node:fs';
import { groupProcStats } from './process-group.js';

/** Linux's USER_HZ: /proc reports CPU times in ticks of 1/100 s on every mainstream kernel. */
const TICKS_PER_SECOND = 100;

export interface GroupUsage {
  /** User + system CPU of the group's live processes since they started. */
  readonly cpuMicros: number;
  /** The largest peak resident set (VmHWM) among them. */
  readonly maxRssBytes: number;
}

/**
 * CPU and memory of a process group read from /proc, for services without perfgate's
 * agent (which reports its own process usage): the difference of two readings is the
 * window's CPU. Undefined where /proc is missing (macOS), so the figures are left out.
 */
export function groupUsage(pgid: number | undefined): GroupUsage | undefined {
  if (pgid === undefined) return undefined;
  const members = groupProcStats(pgid);
  if (!members) return undefined;
  let ticks = 0;
  let maxRssBytes = 0;
  for (const { pid, fields } of members) {
    // utime and stime are stat fields 14 and 15; `fields` starts at field 3.
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
    try {
      const peak = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (peak) maxRssBytes = Math.max(maxRssBytes, Number(peak[1]) * 1024);
    } catch {
      // Gone meanwhile.
    }
  }
  return { cpuMicros: (ticks / TICKS_PER_SECOND) * 1e6, maxRssBytes };
}

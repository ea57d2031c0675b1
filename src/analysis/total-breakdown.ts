import type { Profile } from 'pprof-format';
import type { FunctionIdentity } from '../profile/function-identity.js';
import { forEachStack, sampleTypes } from '../profile/stacks.js';
import type { FunctionFinding } from './findings.js';

/**
 * A function's total split by where it went: its own time, and each function it called
 * directly (with everything under that call). Values are the profile's, summed.
 */
export interface TotalBreakdown {
  readonly own: number;
  readonly callees: ReadonlyMap<string, { readonly identity: FunctionIdentity; readonly value: number }>;
}

/** One part of a regressed total, per request on each side: its own time (callee null) or a direct callee's. */
export interface TotalRise {
  readonly callee: FunctionIdentity | null;
  readonly baselineNanos: number;
  readonly candidateNanos: number;
}

/**
 * How the totals of the given functions (`file#name` keys) split among their direct
 * callees in a profile. A sample counts once for a function, at its outermost frame (as
 * its total does), and goes to the first frame below that is another function: a
 * recursive call stays inside. Frames inlined into a location count as frames
 * (`forEachStack` expands them). Empty when the profile has no `valueType`.
 */
export function totalBreakdown(profile: Profile, source: string, keys: readonly string[], valueType = 'cpu'): Map<string, TotalBreakdown> {
  const wanted = new Set(keys);
  const own = new Map<string, number>();
  const callees = new Map<string, Map<string, { identity: FunctionIdentity; value: number }>>();
  const result = new Map<string, TotalBreakdown>();
  // The baseline side may have only an allocation profile: nothing to split then.
  if (wanted.size === 0 || !sampleTypes(profile).includes(valueType)) return result;
  forEachStack(profile, source, valueType, (stack, value) => {
    // Most samples pass through none of the (few) regressed functions.
    if (!(value > 0) || !stack.some((f) => wanted.has(f.key))) return;
    const counted = new Set<string>();
    stack.forEach((frame, depth) => {
      if (!wanted.has(frame.key) || counted.has(frame.key)) return;
      counted.add(frame.key);
      const callee = stack.slice(depth + 1).find((f) => f.key !== frame.key);
      if (callee === undefined) {
        own.set(frame.key, (own.get(frame.key) ?? 0) + value);
        return;
      }
      const parts = callees.get(frame.key) ?? new Map<string, { identity: FunctionIdentity; value: number }>();
      const part = parts.get(callee.key) ?? { identity: { name: callee.name, file: callee.file }, value: 0 };
      part.value += value;
      parts.set(callee.key, part);
      callees.set(frame.key, parts);
    });
  });
  for (const key of new Set([...own.keys(), ...callees.keys()])) result.set(key, { own: own.get(key) ?? 0, callees: callees.get(key) ?? new Map() });
  return result;
}

/**
 * Where a regressed function's total per request rose: its median total on each side
 * split in the proportions of that side's merged profile, the parts that rose most first.
 * An estimate to point at the callee to look at, not a test: the verdict decided on the
 * total itself.
 */
export function totalRises(finding: FunctionFinding, baseline: TotalBreakdown | undefined, candidate: TotalBreakdown | undefined, limit = 3): TotalRise[] {
  if (baseline === undefined || candidate === undefined) return [];
  const perRequest = (breakdown: TotalBreakdown, total: number) => {
    const sum = breakdown.own + [...breakdown.callees.values()].reduce((a, c) => a + c.value, 0);
    return (value: number) => (sum > 0 ? (total * value) / sum : 0);
  };
  const onBaseline = perRequest(baseline, finding.perRequestNanos.baseline.total);
  const onCandidate = perRequest(candidate, finding.perRequestNanos.candidate.total);
  const rises: TotalRise[] = [{ callee: null, baselineNanos: onBaseline(baseline.own), candidateNanos: onCandidate(candidate.own) }];
  for (const key of new Set([...baseline.callees.keys(), ...candidate.callees.keys()])) {
    const before = baseline.callees.get(key);
    const after = candidate.callees.get(key);
    rises.push({ callee: (after ?? before)!.identity, baselineNanos: onBaseline(before?.value ?? 0), candidateNanos: onCandidate(after?.value ?? 0) });
  }
  return rises
    .filter((r) => r.candidateNanos > r.baselineNanos)
    .sort((a, b) => b.candidateNanos - b.baselineNanos - (a.candidateNanos - a.baselineNanos))
    .slice(0, limit);
}

import { median } from 'simple-statistics';
import type { Presence } from './findings.js';
import { packageOf, versionlessKey } from './package-identity.js';
import type { FunctionCost, TrialMetrics } from './trial.js';

export interface Sides {
  readonly baseline: readonly number[];
  readonly candidate: readonly number[];
}

/** One function as compare() sees it: matched across the sides, with its raw costs per trial. */
export interface FunctionCandidate {
  /** The candidate's key (the baseline's when gone). */
  readonly key: string;
  /** The key both sides are matched by (no package version). */
  readonly match: string;
  readonly name: string;
  readonly file: string;
  readonly presence: Presence;
  readonly package?: { readonly name: string; readonly baselineVersion?: string; readonly candidateVersion?: string };
  readonly renamedFrom?: string;
  /** CPU nanoseconds per trial, self and total. */
  readonly self: Sides;
  readonly total: Sides;
  /** Own allocated bytes and sampled allocations per trial (0 where not profiled). */
  readonly allocBytes: Sides;
  readonly allocObjects: Sides;
}

/** A function's cost in one trial, under the key it had there. */
interface Seen {
  readonly key: string;
  readonly cost: FunctionCost;
}

/**
 * Every function of either side, matched by key without package versions (an upgraded
 * dependency keeps its functions), with renames in the same file paired: a function gone
 * from a file and one new in the same file are the same code under another name unless
 * shown otherwise, so the new one is compared with the old one's cost rather than tested
 * as new code. Ignored keys are left out.
 */
export function functionCandidates(baseline: readonly TrialMetrics[], candidate: readonly TrialMetrics[], ignored: (key: string) => boolean): FunctionCandidate[] {
  const byMatch = (trials: readonly TrialMetrics[]) =>
    trials.map((t) => {
      const found = new Map<string, Seen>();
      for (const key of Object.keys(t.functions)) {
        if (ignored(key)) continue;
        const cost = t.functions[key]!;
        const match = versionlessKey(key, cost.file);
        const before = found.get(match);
        // Two copies of one package in one process: one function, their costs summed.
        if (!before) found.set(match, { key, cost });
        else {
          const b = before.cost;
          found.set(match, { key: before.key, cost: { ...b, selfNanos: b.selfNanos + cost.selfNanos, totalNanos: b.totalNanos + cost.totalNanos, allocBytes: (b.allocBytes ?? 0) + (cost.allocBytes ?? 0), allocObjects: (b.allocObjects ?? 0) + (cost.allocObjects ?? 0) } });
        }
      }
      return found;
    });
  const base = byMatch(baseline);
  const cand = byMatch(candidate);
  const keys = new Set<string>();
  for (const side of [base, cand]) for (const trial of side) for (const key of trial.keys()) keys.add(key);

  const per = (side: ReadonlyArray<Map<string, Seen>>, match: string, field: 'selfNanos' | 'totalNanos' | 'allocBytes' | 'allocObjects') => side.map((t) => t.get(match)?.cost[field] ?? 0);
  const first = (side: ReadonlyArray<Map<string, Seen>>, match: string) => side.map((t) => t.get(match)).find(Boolean);
  const build = (baseMatch: string, candMatch: string): FunctionCandidate => {
    const b = first(base, baseMatch);
    const c = first(cand, candMatch);
    const shown = (c ?? b)!;
    const pkgB = b ? packageOf(b.cost.file) : undefined;
    const pkgC = c ? packageOf(c.cost.file) : undefined;
    const pkg = pkgC ?? pkgB;
    return {
      key: shown.key,
      match: candMatch,
      name: shown.cost.name,
      file: shown.cost.file,
      presence: b && c ? 'both' : c ? 'added' : 'gone',
      ...(pkg ? { package: { name: pkg.name, ...(pkgB ? { baselineVersion: pkgB.version } : {}), ...(pkgC ? { candidateVersion: pkgC.version } : {}) } } : {}),
      ...(b && c && baseMatch !== candMatch ? { renamedFrom: b.key } : {}),
      self: { baseline: per(base, baseMatch, 'selfNanos'), candidate: per(cand, candMatch, 'selfNanos') },
      total: { baseline: per(base, baseMatch, 'totalNanos'), candidate: per(cand, candMatch, 'totalNanos') },
      allocBytes: { baseline: per(base, baseMatch, 'allocBytes'), candidate: per(cand, candMatch, 'allocBytes') },
      allocObjects: { baseline: per(base, baseMatch, 'allocObjects'), candidate: per(cand, candMatch, 'allocObjects') },
    };
  };

  const inBase = (key: string) => base.some((t) => t.has(key));
  const inCand = (key: string) => cand.some((t) => t.has(key));
  const sorted = [...keys].sort();
  const gone = sorted.filter((k) => inBase(k) && !inCand(k));
  const added = sorted.filter((k) => !inBase(k) && inCand(k));
  const renames = pairRenames(gone, added, (k) => fileOfMatch(base, cand, k), (k, side) => typical(per(side === 'baseline' ? base : cand, k, 'totalNanos')));
  const paired = new Set([...renames.keys(), ...renames.values()]);
  const out: FunctionCandidate[] = [];
  for (const key of sorted) {
    if (renames.has(key)) out.push(build(renames.get(key)!, key));
    else if (!paired.has(key)) out.push(build(key, key));
  }
  return out;
}

/**
 * Added key → gone key, for functions that appeared in a file from which others vanished:
 * each added one takes the gone one of the same file closest to it in cost (total time).
 */
function pairRenames(gone: readonly string[], added: readonly string[], fileOf: (key: string) => string, cost: (key: string, side: 'baseline' | 'candidate') => number): Map<string, string> {
  const pairs = new Map<string, string>();
  const free = new Set(gone);
  for (const a of added) {
    const file = fileOf(a);
    if (file === '') continue;
    let best: string | undefined;
    let distance = Number.POSITIVE_INFINITY;
    for (const g of free) {
      if (fileOf(g) !== file) continue;
      const d = Math.abs(Math.log((cost(a, 'candidate') + 1) / (cost(g, 'baseline') + 1)));
      if (d < distance) {
        best = g;
        distance = d;
      }
    }
    if (best !== undefined) {
      pairs.set(a, best);
      free.delete(best);
    }
  }
  return pairs;
}

function fileOfMatch(base: ReadonlyArray<Map<string, Seen>>, cand: ReadonlyArray<Map<string, Seen>>, match: string): string {
  const seen = [...base, ...cand].map((t) => t.get(match)).find(Boolean);
  return seen ? versionlessKey(seen.cost.file, seen.cost.file) : '';
}

function typical(values: readonly number[]): number {
  return values.length === 0 ? 0 : median([...values]);
}

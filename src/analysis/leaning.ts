import { metricOf, metricWords, type Comparison, type FunctionFinding, type MetricComparison, type PackageFinding, type ShareMetric } from './findings.js';
import { firstFew } from './first-few.js';
import { signedChange } from './signed-change.js';

/**
 * A function or package whose figures point at a regression that the run's trials cannot
 * decide: its metric is significant on its own (one-sided p <= alpha before false-discovery
 * control) and its estimate clears both floors, but it missed the false-discovery threshold
 * or its interval reaches below the relative floor (judge.ts `leaning`). A +10% in a function
 * of a tenth of the CPU reads like this at 10 pairs more often than it fails.
 */
export interface Leaning {
  readonly unit: 'function' | 'package';
  /** The function's key, or the package's name. */
  readonly key: string;
  readonly name: string;
  readonly metric: ShareMetric | 'allocations';
  /** The figures are relative to the run's unchanged code (same-runner pair factors), not the absolute cost. */
  readonly relative: boolean;
  readonly ratio: number;
  readonly ci: { readonly low: number; readonly high: number };
  readonly p: number;
  readonly q: number;
}

/**
 * The screen's budget, in units of alpha: a metric leans at p <= alpha × min(1, 3 × its
 * function's share of the whole), so over a family of tests whose shares sum to 1, unchanged
 * code leans at most 3 × alpha of the time however many functions it has (a weighted
 * Bonferroni bound; in the simulations 2 of 100 runs on a quiet runner, 8 on a busy one), and a
 * large function leans sooner than a small one. At 1 × share the busy runner's broad slowdown
 * was caught 82 of 100 (bound 90); at 3, 92; with no weights (p <= alpha alone), 96, but unchanged
 * code leaned 6–11 times in 100 and ended inconclusive 4 (docs/statistics.md).
 */
const LEANING_BUDGET = 3;

/** A function's (or package's) weight in the screen (judge.ts `Floors.weight`), from its share of the whole. */
export function leaningWeight(share: number): number {
  return Math.min(1, LEANING_BUDGET * share);
}

const METRICS = ['self', 'total', 'allocations'] as const;

/**
 * Every function and package that leans towards a regression, in the findings' order (largest
 * first). Not counted: what regressed already (the verdict fails on it), changed code judged
 * within its unit (`replaces`), a metric whose attribution jumped between trials, and own time
 * that callees' time moved into (compare.ts `ownTimeMovedIn` clears it).
 */
export function leaningOf(findings: readonly FunctionFinding[], packages: readonly PackageFinding[]): Leaning[] {
  const out: Leaning[] = [];
  for (const f of findings) {
    if (f.outcome === 'regressed' || f.replaces || f.presence !== 'both') continue;
    for (const metric of METRICS) {
      const m = metricOf(f, metric);
      const lean = m && !m.attributionJumps ? leaningFigures(m) : null;
      if (lean) {
        out.push({ unit: 'function', key: f.key, name: f.name, metric, ...lean });
        break;
      }
    }
  }
  for (const p of packages) {
    if (p.outcome === 'regressed' || p.replaces || p.presence !== 'both') continue;
    const lean = leaningFigures(p.self);
    if (lean) out.push({ unit: 'package', key: p.name, name: `package ${p.name}`, metric: 'self', ...lean });
  }
  return out;
}

function leaningFigures(m: MetricComparison): Pick<Leaning, 'relative' | 'ratio' | 'ci' | 'p' | 'q'> | null {
  if (m.leaning) return { relative: false, ratio: m.ratio, ci: m.ci, p: m.p, q: m.q };
  if (m.relative?.leaning) return { relative: true, ratio: m.relative.ratio, ci: m.relative.ci, p: m.relative.p, q: m.relative.q };
  return null;
}

/** "scoreProduct (own time +9.6%, 95% CI +2.1% … +17.6%, p 0.004, q 0.31)". */
export function describeLeaning(l: Leaning): string {
  const what = `${metricWords(l.metric)}${l.relative ? ' relative to the unchanged code' : ''}`;
  return `${l.name} (${what} ${signedChange(l.ratio)}, 95% CI ${signedChange(l.ci.low)} … ${signedChange(l.ci.high)}, p ${l.p.toPrecision(2)}, q ${l.q.toPrecision(2)})`;
}

/** The first three described, and how many more: what a verdict, a warning or a progress line names. */
export function describeLeanings(leaning: readonly Leaning[]): string {
  return firstFew(leaning.map(describeLeaning));
}

/**
 * "… leaned towards a regression", naming what leans, or null: the comparison did not already
 * fail (a failure is decided, or confirmed by other means), and some function or package leans.
 */
export function leaningReason(comparison: Comparison): string | null {
  if (comparison.verdict.outcome === 'fail' || comparison.verdict.outcome === 'fail-errors') return null;
  const leaning = leaningOf(comparison.findings, comparison.packages ?? []);
  return leaning.length > 0 ? `${describeLeanings(leaning)} leaned towards a regression` : null;
}

/**
 * Why a same-runner run adds `extendTrials` pairs, or null, asked once per run: its verdict
 * is not already a failure, and some function or package leans towards a regression (named
 * here) that more pairs may decide, or the run was blind (`blind`, detectability.ts: its noise
 * would have hidden a change of compare.maxDetectable), which more pairs narrow by about √2,
 * or it re-measures a stored failure that its pass neither confirms nor rules out
 * (`unconfirmed`, stored-doubt.ts `unconfirmedReason`).
 * Each would otherwise end the run inconclusive (docs/statistics.md: two looks, and what they cost).
 */
export function extension(comparison: Comparison, extendTrials: number, blind: string | null = null, unconfirmed: string | null = null): string | null {
  if (extendTrials <= 0 || comparison.verdict.outcome === 'fail' || comparison.verdict.outcome === 'fail-errors') return null;
  return leaningReason(comparison) ?? blind ?? unconfirmed;
}

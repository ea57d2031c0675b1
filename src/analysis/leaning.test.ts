import { describe, expect, it } from 'vitest';
import { compareSchema } from '../config/schema.js';
import type { Comparison, FunctionFinding, MetricComparison, PackageFinding } from './findings.js';
import { judge, type Measured, type Tails } from './judge.js';
import { extension, leaningOf } from './leaning.js';
import { comparisonDoubt } from './stored-doubt.js';
import { decide } from './verdict.js';

/** Weight 0.2 (a function of 1/15 of the CPU, at the screen's budget of 3): it leans at p <= 0.05 × 0.2. */
const floors = { alpha: 0.05, minEffect: 0.05, absolute: 0.5, weight: 0.2 };
/** scoreProduct at 10 µs/request (units of the absolute floor: 0.5), +9.6% over 10 pairs. */
function measured(ratio: number, low: number, high: number): Measured {
  return { baseline: [10, 10], candidate: [10 * ratio, 10 * ratio], baselineMedian: 10, candidateMedian: 10 * ratio, ratio, ci: { low, high }, presence: 'both' };
}
const tails = (pUp: number, qUp: number): Tails => ({ pUp, pDown: 1 - pUp, qUp, qDown: 1 });

describe('a metric that leans towards a regression', () => {
  it('is one that is significant alone at its share of alpha, clears both floors, and is not decided', () => {
    // Significant before false-discovery control only: q over ~100 tests is 0.4.
    expect(judge(measured(1.096, 1.021, 1.176), tails(0.004, 0.4), floors, false)).toMatchObject({ outcome: 'inconclusive', leaning: true });
    // Significant after it too, but the interval reaches below the floor (1.05).
    expect(judge(measured(1.096, 1.021, 1.176), tails(0.0001, 0.01), floors, false)).toMatchObject({ outcome: 'inconclusive', leaning: true });
  });

  it('is not one that regressed, that is under a floor, that is not significant, or that could not be tested', () => {
    expect(judge(measured(1.2, 1.1, 1.3), tails(0.0001, 0.01), floors, false)).toMatchObject({ outcome: 'regressed' });
    expect(judge(measured(1.2, 1.1, 1.3), tails(0.0001, 0.01), floors, false).leaning).toBeUndefined();
    // Estimate under the relative floor.
    expect(judge(measured(1.04, 1.01, 1.07), tails(0.004, 0.4), floors, false).leaning).toBeUndefined();
    // Under the absolute floor: 10 → 10.4 is 0.4, the floor 0.5.
    expect(judge(measured(1.04, 0.99, 1.09), tails(0.004, 0.4), { ...floors, minEffect: 0.01 }, false).leaning).toBeUndefined();
    // Not significant at its share of alpha: 0.02 is above 0.05 × 0.2; a weight of 0.5 would lean.
    expect(judge(measured(1.096, 1.01, 1.19), tails(0.02, 1), floors, false).leaning).toBeUndefined();
    expect(judge(measured(1.096, 1.01, 1.19), tails(0.02, 1), { ...floors, weight: 0.5 }, false).leaning).toBe(true);
    // No weight (service metrics, the changed code as a whole): never leans.
    const { weight: _weight, ...unweighted } = floors;
    expect(judge(measured(1.096, 1.021, 1.176), tails(0.004, 0.4), unweighted, false).leaning).toBeUndefined();
    expect(judge(measured(1.096, 1.021, 1.176), tails(0.004, 0.4), floors, true).leaning).toBeUndefined();
  });
});

const leaningMetric = judge(measured(1.096, 1.021, 1.176), tails(0.004, 0.4), floors, false);
const flat = judge(measured(1, 0.97, 1.03), tails(0.5, 1), floors, false);
function finding(key: string, self: MetricComparison, extra: Partial<FunctionFinding> = {}): FunctionFinding {
  const name = key.split('#')[1]!;
  return { key, name, file: key.split('#')[0]!, presence: 'both', outcome: self.outcome, self, total: flat, perRequestNanos: { baseline: { self: 10, total: 10 }, candidate: { self: 11, total: 11 } }, ...extra };
}
const settings = compareSchema.parse({});
function comparison(findings: FunctionFinding[], packages: PackageFinding[] = []): Comparison {
  const verdict = decide({ findings, packages, paired: undefined, errors: [], settings, detectable: true, basis: 'nanos-per-request', trials: { baseline: 10, candidate: 10 } });
  return { verdict, findings, packages, service: [], warnings: [] } as unknown as Comparison;
}

describe('a run with a function leaning towards a regression', () => {
  const scoreProduct = finding('src/search.js#scoreProduct', leaningMetric);

  it('is inconclusive, naming the function and its figures, not a pass', () => {
    const c = comparison([scoreProduct, finding('src/app.js#handle', flat)]);
    expect(c.verdict.outcome).toBe('inconclusive');
    expect(c.verdict.rule).toMatch(/^1 function\(s\) or package\(s\) lean towards a regression that 10 vs 10 trials cannot decide: scoreProduct \(own time \+9\.6%, 95% CI \+2\.1% … \+17\.6%, p 0\.0040, q 0\.40\)/);
    expect(c.verdict.rule).toMatch(/compare\.extendTrials/);
  });

  it('counts a lean relative to the unchanged code (same-runner pair factors), and a package', () => {
    const relative = { ...flat, relative: { ratio: leaningMetric.ratio, ci: leaningMetric.ci, p: 0.004, q: 0.4, outcome: 'inconclusive' as const, leaning: true as const } };
    expect(leaningOf([finding('src/search.js#scoreProduct', relative)], [])).toMatchObject([{ name: 'scoreProduct', relative: true, metric: 'self' }]);
    const pkg = { name: 'express', baselineVersions: ['4.18.2'], candidateVersions: ['4.18.2'], presence: 'both', outcome: 'inconclusive', self: leaningMetric, perRequestNanos: { baseline: 10, candidate: 11 } } as PackageFinding;
    expect(leaningOf([], [pkg])).toMatchObject([{ unit: 'package', name: 'package express' }]);
  });

  it('does not count changed code judged within its unit, or a metric whose attribution jumped', () => {
    const replaces = { unit: 'changed code', outcome: 'unchanged' as const, baselineMedian: 1, candidateMedian: 1, ratio: 1, ci: { low: 0.9, high: 1.1 } };
    expect(leaningOf([finding('src/search.js#scoreProduct', leaningMetric, { replaces })], [])).toEqual([]);
    expect(leaningOf([finding('src/search.js#scoreProduct', { ...leaningMetric, attributionJumps: true })], [])).toEqual([]);
    expect(comparison([finding('src/search.js#scoreProduct', { ...leaningMetric, attributionJumps: true })]).verdict.outcome).toBe('pass');
  });

  it('fails, not inconclusive, when another function regressed', () => {
    const regressed = judge(measured(1.5, 1.3, 1.7), tails(0.00001, 0.001), floors, false);
    expect(comparison([scoreProduct, finding('src/render.js#renderPage', regressed)]).verdict.outcome).toBe('fail');
  });

  it('adds pairs once in same-runner, when allowed and when the verdict is not already a failure: for a lean, or for a blind run', () => {
    const c = comparison([scoreProduct]);
    expect(extension(c, 10)).toMatch(/^scoreProduct \(own time \+9\.6%.*\) leaned towards a regression$/);
    expect(extension(c, 0)).toBeNull();
    expect(extension(comparison([finding('src/app.js#handle', flat)]), 10)).toBeNull();
    // A blind run gets its pairs too: they narrow what it could have missed by about √2.
    const blind = 'this run could not have seen a +25% regression (compare.maxDetectable): CPU per request could only have shown +31.1%';
    expect(extension(comparison([finding('src/app.js#handle', flat)]), 10, blind)).toBe(blind);
    expect(extension(comparison([finding('src/app.js#handle', flat)]), 0, blind)).toBeNull();
    const regressed = judge(measured(1.5, 1.3, 1.7), tails(0.00001, 0.001), floors, false);
    expect(extension(comparison([scoreProduct, finding('src/render.js#renderPage', regressed)]), 10)).toBeNull();
  });

  it('is a warning beside a pass, not inconclusive, where no pairs can be added (merged shards)', () => {
    const verdict = decide({ findings: [scoreProduct], packages: [], paired: undefined, errors: [], settings, detectable: true, basis: 'nanos-per-request', trials: { baseline: 9, candidate: 9 }, leaningDecides: false });
    expect(verdict.outcome).toBe('pass');
    expect(comparisonDoubt(comparison([scoreProduct]), false)).toBeNull();
  });

  it('re-measures a stored comparison same-runner, where pairs decide what drift leaves open', () => {
    expect(comparisonDoubt(comparison([scoreProduct]))).toMatch(/^scoreProduct \(own time \+9\.6%.*leaned towards a regression that the stored comparison could not decide$/);
    expect(comparisonDoubt(comparison([finding('src/app.js#handle', flat)]))).toBeNull();
  });
});

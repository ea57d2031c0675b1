import { describe, expect, it } from 'vitest';
import { detectability } from './detectability.js';
import type { Comparison, FunctionFinding, MetricComparison } from './findings.js';

function metric(share: number, low: number, high: number): MetricComparison {
  return { baseline: [share], candidate: [share], baselineMedian: share, candidateMedian: share, ratio: 1, ci: { low, high }, p: 0.5, q: 1, outcome: 'unchanged' };
}

function comparisonOf(intervals: ReadonlyArray<readonly [number, number]>): Comparison {
  const findings = intervals.map(([low, high], i): FunctionFinding => {
    const m = metric(0.2 / (i + 1), low, high);
    return { key: `f${i}.js#f${i}`, name: `f${i}`, file: `f${i}.js`, presence: 'both', outcome: 'unchanged', self: m, total: m, perRequestNanos: { baseline: { self: 1, total: 1 }, candidate: { self: 1, total: 1 } } };
  });
  return { findings } as unknown as Comparison;
}

describe('what a run could have seen', () => {
  it('reads a function’s minimum detectable change off the interval it was judged by', () => {
    // A 95% interval of ×0.95…×1.05: se = ln(1.05/0.95)/2/1.96 ≈ 0.0255, and (1.645 + 0.842)·se ≈ +6.5%.
    const seen = detectability(comparisonOf([[0.95, 1.05]]), 0.05, 0.25, 0.05);
    expect(seen.functions[0]!.relative).toBeCloseTo(0.065, 2);
    expect(seen.blind).toBeNull();
  });

  it('is blind when the largest functions could not have shown the limit: an interval widened for drift counts as it was used', () => {
    const seen = detectability(comparisonOf([[0.5, 2], [0.6, 1.9], [0.95, 1.05], [0.4, 2.2], [0.5, 2.1]]), 0.05, 0.25, 0.05);
    expect(seen.functions.map((f) => f.name)).toEqual(['f0', 'f1', 'f2', 'f3', 'f4']);
    expect(seen.blind).toMatch(/could not have seen a \+25% regression \(compare\.maxDetectable\): its 5 largest functions could only have shown \+\d+\.\d% \(median\)/);
  });

  it('is blind when CPU per request could not have shown the limit, and says so first', () => {
    const seen = detectability(comparisonOf([[0.95, 1.05]]), 0.4, 0.25, 0.05);
    expect(seen.blind).toMatch(/CPU per request could only have shown \+40\.0%/);
    expect(detectability(comparisonOf([[0.95, 1.05]]), Number.POSITIVE_INFINITY, 0.25, 0.05).blind).toMatch(/no change up to ×10/);
  });

  it('looks at the largest functions only, and an interval with no lower bound sees nothing', () => {
    const intervals: Array<readonly [number, number]> = [[0.9, 1.1], [0.9, 1.1], [0.9, 1.1], [0.9, 1.1], [0.9, 1.1], [0, 50]];
    const seen = detectability(comparisonOf(intervals), null, 0.25, 0.05);
    expect(seen.functions).toHaveLength(5);
    expect(seen.blind).toBeNull();
    expect(detectability(comparisonOf([[0, 3]]), null, 0.25, 0.05).functions[0]!.relative).toBe(Number.POSITIVE_INFINITY);
  });

  it('leaves out a function untested for its jumps (it sees nothing), and reads a same-runner function off the narrower of its absolute and relative intervals', () => {
    const comparison = comparisonOf([[0.1, 10], [0.95, 1.05]]);
    const jumping = { ...comparison.findings[0]!, self: { ...comparison.findings[0]!.self, attributionJumps: true as const } };
    expect(detectability({ ...comparison, findings: [jumping, comparison.findings[1]!] }, null, 0.25, 0.05).functions.map((f) => f.name)).toEqual(['f1']);
    const wide = comparisonOf([[0.8, 1.25]]);
    const relative = { ...wide.findings[0]!, self: { ...wide.findings[0]!.self, relative: { ratio: 1, ci: { low: 0.95, high: 1.05 }, p: 0.5, q: 1, outcome: 'unchanged' as const } } };
    expect(detectability({ ...wide, findings: [relative] }, null, 0.25, 0.05).functions[0]!.relative).toBeCloseTo(0.065, 2);
  });
});

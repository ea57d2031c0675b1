import { describe, expect, it } from 'vitest';
import { detectability, type CpuEstimate } from './detectability.js';
import type { Comparison, FunctionFinding, MetricComparison } from './findings.js';

function metric(share: number, low: number, high: number): MetricComparison {
  return { baseline: [share], candidate: [share], baselineMedian: share, candidateMedian: share, ratio: 1, ci: { low, high }, p: 0.5, q: 1, outcome: 'unchanged' };
}

/** A stored comparison (10 trials a side, 100 tests, the +5% floor) whose functions were judged by these intervals. */
function comparisonOf(intervals: ReadonlyArray<readonly [number, number]>, over: Partial<Comparison> = {}): Comparison {
  const findings = intervals.map(([low, high], i): FunctionFinding => {
    const m = metric(0.2 / (i + 1), low, high);
    return { key: `f${i}.js#f${i}`, name: `f${i}`, file: `f${i}.js`, presence: 'both', outcome: 'unchanged', self: m, total: m, perRequestNanos: { baseline: { self: 1, total: 1 }, candidate: { self: 1, total: 1 } } };
  });
  return { findings, basis: 'share', trials: { baseline: 10, candidate: 10 }, tests: 100, settings: { minEffect: 0.05 }, ...over } as unknown as Comparison;
}

/** CPU per request as the diff score gives it: its test's simulated power, and its ratio and interval (none: no lower bound). */
function cpuAt(minimumDetectable: number, interval: { ratio: number; low: number; high: number } = { ratio: 1, low: 0, high: Number.POSITIVE_INFINITY }): CpuEstimate {
  return { change: interval.ratio - 1, low: interval.low - 1, high: interval.high - 1, minimumDetectable: { relative: minimumDetectable, alpha: 0.05, power: 0.8, test: 'mann-whitney', noise: 0, simulations: 400 } };
}

describe('what a run could have seen', () => {
  it('reads a function’s minimum detectable change off the interval it was judged by, at the gate’s own rule', () => {
    // A 95% interval of ×0.95…×1.05 on 18 degrees of freedom: half-width 0.0500 in logs, se = 0.0500 / 2.101 = 0.0238.
    // The interval's low end must clear +5%: ln 1.05 + 0.0500 = 0.0988, above the threshold's 3.92 · se = 0.0934
    // (p ≤ 0.05 / 100); plus 0.842 · se for 80% power: ln(1 + d) = 0.1189, d ≈ +12.6%. A bare test at α said +6.5%.
    const seen = detectability(comparisonOf([[0.95, 1.05]]), cpuAt(0.05), 0.25, 0.05);
    expect(seen.functions[0]!.relative).toBeCloseTo(0.126, 3);
    expect(seen.blind).toBeNull();
  });

  it('needs more when the family is larger or the trials fewer: the threshold is α over the run’s tests, at the trials’ degrees of freedom', () => {
    const at = (over: Partial<Comparison>) => detectability(comparisonOf([[0.9, 1.1]], over), null, 0.25, 0.05).functions[0]!.relative;
    const base = at({});
    expect(at({ tests: 1000 })).toBeGreaterThan(base);
    // Same-runner: 10 pairs are 9 degrees of freedom, where 10 + 10 unpaired trials are 18.
    expect(at({ basis: 'nanos-per-request' })).toBeGreaterThan(base);
    expect(at({ tests: 1 })).toBeLessThan(base);
  });

  it('is blind when the largest functions could not have shown the limit: an interval widened for drift counts as it was used', () => {
    const seen = detectability(comparisonOf([[0.5, 2], [0.6, 1.9], [0.95, 1.05], [0.4, 2.2], [0.5, 2.1]]), cpuAt(0.05), 0.25, 0.05);
    expect(seen.functions.map((f) => f.name)).toEqual(['f0', 'f1', 'f2', 'f3', 'f4']);
    expect(seen.blind).toMatch(/could not have seen a \+25% regression \(compare\.maxDetectable\): its 5 largest functions could only have shown \+\d+\.\d% \(median\)/);
  });

  it('is blind when CPU per request could not have shown the limit, and says so first', () => {
    const seen = detectability(comparisonOf([[0.95, 1.05]]), cpuAt(0.4), 0.25, 0.05);
    expect(seen.blind).toMatch(/CPU per request could only have shown \+40\.0%/);
    expect(detectability(comparisonOf([[0.95, 1.05]]), cpuAt(Number.POSITIVE_INFINITY), 0.25, 0.05).blind).toMatch(/no change up to ×10/);
  });

  it('counts what CPU per request’s interval needs to clear the floor, when its test alone would have said less', () => {
    // The stored broad +15% that passed (docs/benchmarks/verdicts.md, 2026-12-02 10:24): CPU per request +16.3%, 95% CI
    // −5.5% … +30.3%, its test's simulated power +15.3%. The low end sits 0.2087 below the estimate; clearing +5%
    // 80% of the time needs ln 1.05 + 0.2087 + 0.842 · 0.0820 = 0.3265: +38.6%, so the run was blind.
    const seen = detectability(comparisonOf([[0.95, 1.05]]), cpuAt(0.153, { ratio: 1.163, low: 0.945, high: 1.303 }), 0.25, 0.05);
    expect(seen.cpuPerRequest).toBeCloseTo(0.386, 2);
    expect(seen.blind).toMatch(/CPU per request could only have shown \+38\.\d%/);
    // A narrow interval leaves the simulated test's figure standing.
    expect(detectability(comparisonOf([[0.95, 1.05]]), cpuAt(0.08, { ratio: 1, low: 0.99, high: 1.01 }), 0.25, 0.05).cpuPerRequest).toBeCloseTo(0.08, 5);
  });

  it('looks at the largest functions only, and an interval with no lower bound sees nothing', () => {
    // ±8% can show +19.9% at the gate's rule (±10% could only show +25.5%: blind at +25%).
    const intervals: Array<readonly [number, number]> = [[0.92, 1.08], [0.92, 1.08], [0.92, 1.08], [0.92, 1.08], [0.92, 1.08], [0, 50]];
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
    expect(detectability({ ...wide, findings: [relative] }, null, 0.25, 0.05).functions[0]!.relative).toBeCloseTo(0.126, 3);
  });
});

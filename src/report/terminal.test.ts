import { describe, expect, it } from 'vitest';
import { syntheticReport } from './fixtures.test-helper.js';
import { renderTerminal } from './terminal.js';

describe('renderTerminal', () => {
  it('lists the functions that changed, regressions first', () => {
    const text = renderTerminal(syntheticReport());
    expect(text).toMatch(/Functions that changed:/);
    expect(text).toMatch(/REGRESSED\s+scoreProduct/);
  });

  it('shows the largest functions by share when none changed', () => {
    // The baseline's own shares: nothing changes. A tiny inconclusive function sorts first
    // by importance, but is not one of the largest.
    const report = syntheticReport({ score: 0.1, render: 0.3 });
    const [first] = report.comparison.findings;
    const tiny = { ...first!, key: 'x.js#tiny', name: 'tiny', file: 'x.js', outcome: 'inconclusive' as const, self: { ...first!.self, baselineMedian: 0.0001, candidateMedian: 0.0001 } };
    const text = renderTerminal({ ...report, comparison: { ...report.comparison, findings: [tiny, ...report.comparison.findings] } }, 3);
    expect(text).not.toMatch(/\stiny\s/);
    expect(text).toMatch(/Largest functions \(none changed\):/);
    const order = [/\squery\s/, /\srender\s/, /evil\.js/].map((name) => text.search(name));
    expect(order.every((at) => at > 0)).toBe(true);
    // query and render (about 33% each) before the function in evil.js (22%).
    expect(Math.max(order[0]!, order[1]!)).toBeLessThan(order[2]!);
  });

  it('shows a function that regressed on allocations by its allocations, not by CPU figures that did not move', () => {
    const report = syntheticReport({ score: 0.1, render: 0.3 });
    const [first, ...rest] = report.comparison.findings;
    const unchangedCpu = { ...first!.self, outcome: 'unchanged' as const, q: 1, p: 1 };
    const allocations = { ...first!.self, baselineMedian: 0.1, candidateMedian: 0.3, ratio: 3, ci: { low: 2.5, high: 3.5 }, p: 1e-4, q: 0.002, outcome: 'regressed' as const };
    const copy = {
      ...first!,
      key: 'serialize.js#serialize',
      name: 'serialize',
      file: 'serialize.js',
      outcome: 'regressed' as const,
      decidedBy: 'allocations' as const,
      self: unchangedCpu,
      total: unchangedCpu,
      allocations,
      allocationsPerRequest: { baseline: { bytes: 1024, objects: 10 }, candidate: { bytes: 3072, objects: 30 } },
    };
    const text = renderTerminal({ ...report, comparison: { ...report.comparison, findings: [copy, ...rest] } });
    const row = text.split('\n').find((line) => /\sserialize\s/.test(line))!;
    expect(row).toMatch(/REGRESSED\s+serialize\s+serialize\.js\s+allocations\s+1\.0 KiB → 3\.0 KiB\s+\+200\.0% \(\+150\.0% … \+250\.0%\)\s+0\.002/);
  });
});

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
});

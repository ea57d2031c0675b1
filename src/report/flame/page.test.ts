import { describe, expect, it } from 'vitest';
import { pprofOf, syntheticReport } from '../fixtures.test-helper.js';
import { flameMeasures } from './measures.js';
import { decisiveMetric } from '../decisive-metric.js';
import { flamePageData } from './page.js';
import { buildFlameTree } from './tree.js';

const report = syntheticReport();
const finding = (name: string) => report.comparison.findings.find((f) => f.name === name)!;

describe('flamePageData', () => {
  const candidate = pprofOf([[['handle', ['scoreProduct', 'search.js', 42]], 5], [['handle', ['helper', 'tiny.js', 1]], 1]], { requests: 1 });
  const data = flamePageData(buildFlameTree(flameMeasures([{ profile: candidate, source: 'c' }], [])), report.comparison);
  const look = (name: string) => data.look[data.tree.functions.findIndex((f) => f.name === name)]!;

  it("colours and describes each function by its finding", () => {
    expect(look('scoreProduct').outcome).toBe('regressed');
    expect(look('scoreProduct').fill).toMatch(/^hsl\(2, /);
    const summary = look('scoreProduct').summary;
    expect(summary[0]).toMatch(/^The function on all paths, median of trials: self \d+\.\d µs → \d+\.\d µs, total .* per request$/);
    expect(summary[1]).toMatch(/^Self share of busy CPU \d+\.\d\d% → \d+\.\d\d%, change \+\d+\.\d% \(95% CI \+\d+\.\d% … \+\d+\.\d%\), q \S+$/);
    expect(summary[3]).toBe('Verdict: regressed');
  });

  it('says when a function was not tested', () => {
    expect(look('helper').outcome).toBeNull();
    expect(look('helper').summary).toEqual(['Not tested: below 0.25% of busy CPU on both sides, or ignored by the config.']);
  });
});

describe('decisiveMetric', () => {
  it('picks the metric whose outcome is the function’s', () => {
    expect(decisiveMetric(finding('scoreProduct')).metric.outcome).toBe('regressed');
    expect(decisiveMetric(finding('render')).metric.outcome).toBe('improved');
  });
});

describe('flameMeasures', () => {
  const cpu = pprofOf([[['main'], 1]], { requests: 1 });
  const alloc = pprofOf([[['main'], 64]], { requests: 1, sampleType: ['alloc_space', 'bytes'] });

  it('offers CPU, and allocated bytes when a profile carries them', () => {
    expect(flameMeasures([{ profile: cpu, source: 'c' }], []).map((m) => m.id)).toEqual(['cpu']);
    const both = flameMeasures([{ profile: cpu, source: 'c' }, { profile: alloc, source: 'a' }], [{ profile: cpu, source: 'bc' }]);
    expect(both.map((m) => [m.id, m.candidate.source, m.baseline?.source ?? null])).toEqual([
      ['cpu', 'c', 'bc'],
      ['alloc_space', 'a', null],
    ]);
  });
});

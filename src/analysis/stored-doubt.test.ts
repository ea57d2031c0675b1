import { describe, expect, it } from 'vitest';
import type { Comparison, MetricComparison } from './findings.js';
import { extension } from './leaning.js';
import { storedDoubt, unconfirmedReason, unconfirmedVerdict } from './stored-doubt.js';

function cpu(outcome: MetricComparison['outcome'], ratio: number): Comparison {
  const metric: MetricComparison = { baseline: [1], candidate: [ratio], baselineMedian: 1, candidateMedian: ratio, ratio, ci: { low: ratio * 0.95, high: ratio * 1.05 }, p: 0.001, q: 0.001, outcome };
  return { verdict: { outcome: 'pass', rule: 'no function regressed' }, findings: [], packages: [], service: [{ metric: 'cpuMicrosPerRequest', higherIsWorse: true, comparison: metric }] } as unknown as Comparison;
}

describe('a stored comparison that cannot decide', () => {
  it('names the settings that differ first', () => {
    expect(storedDoubt(['load.measureRequests (--requests): 12000 in the baseline, 3000 here', 'cpuModel: A → B'], cpu('unchanged', 1), null)).toMatch(
      /^the stored baseline does not match this run: load\.measureRequests/,
    );
  });

  it('doubts a blind pass, naming what it could not have seen, and a blind failure too', () => {
    const passed = { ...cpu('unchanged', 1), verdict: { outcome: 'pass', rule: 'no function regressed' } } as unknown as Comparison;
    const failed = { ...cpu('unchanged', 1), verdict: { outcome: 'fail', rule: '1 function regressed', blocking: [] } } as unknown as Comparison;
    expect(storedDoubt([], passed, 'this run could not have seen a +25% regression')).toMatch(/could not have seen a \+25%/);
    // The example beside a burnt core against a quiet baseline, same code: 13 functions "regressed" (writev +226%), drift 31.8%, blind.
    expect(storedDoubt([], failed, 'this run could not have seen a +25% regression')).toMatch(/could not have seen a \+25%/);
    // Not blind: what it found stands.
    expect(storedDoubt([], failed, null)).toBeNull();
  });

  it('lets a failure with functions to blame stand when CPU per request rose too', () => {
    const failed = { ...cpu('regressed', 1.3), verdict: { outcome: 'fail', rule: '1 function regressed', blocking: [] } } as unknown as Comparison;
    expect(storedDoubt([], failed, null)).toBeNull();
  });

  it('doubts a regression of the service CPU per request (a slower machine looks the same), not an improvement or no change', () => {
    expect(storedDoubt([], cpu('regressed', 1.3), null)).toMatch(/CPU per request regressed against the stored baseline \(×1\.30, 95% CI ×1\.23–×1\.37\)/);
    expect(storedDoubt([], cpu('improved', 0.7), null)).toBeNull();
    expect(storedDoubt([], cpu('unchanged', 1.01), null)).toBeNull();
  });

  it('doubts a comparison whose shares cannot tell which code moved, after a blind run', () => {
    const contested = { ...cpu('unchanged', 1), sharesContest: { precise: 1.06, coarse: 0.93, limit: 0.07, contested: true } } as unknown as Comparison;
    expect(storedDoubt([], contested, null)).toMatch(/the shares cannot tell which code moved \(the large functions put the unchanged code at \+6\.0%, the small ones at -7\.0%/);
    expect(storedDoubt([], contested, 'this run could not have seen a +25% regression')).toMatch(/could not have seen/);
    const agreed = { ...cpu('unchanged', 1), sharesContest: { precise: 1.01, coarse: 0.99, limit: 0.07, contested: false } } as unknown as Comparison;
    expect(storedDoubt([], agreed, null)).toBeNull();
  });

  describe('a stored failure re-measured same-runner', () => {
    const metric = (ratio: number, low: number, high: number, outcome: MetricComparison['outcome']): MetricComparison =>
      ({ baseline: [1], candidate: [ratio], baselineMedian: 1, candidateMedian: ratio, ratio, ci: { low, high }, p: 0.01, q: 0.01, outcome }) as MetricComparison;
    const finding = (self: MetricComparison) => ({ key: 'search.js#scoreProduct', name: 'scoreProduct', presence: 'both', outcome: self.outcome, decidedBy: 'self', self, total: self });
    const stored = { verdict: { outcome: 'fail', rule: '1 function regressed', blocking: [finding(metric(1.9, 1.6, 2.2, 'regressed'))] } } as unknown as Comparison;
    const here = (self: MetricComparison, outcome: 'pass' | 'fail') => ({ verdict: outcome === 'pass' ? { outcome, rule: 'no function regressed' } : { outcome, rule: '1', blocking: [] }, findings: [finding(self)], packages: [] }) as unknown as Comparison;

    it('passes when the same runner rules out what the stored comparison saw (drift, not code)', () => {
      expect(unconfirmedVerdict(stored, here(metric(1.01, 0.95, 1.07, 'unchanged'), 'pass'))).toBeNull();
    });

    it('is inconclusive when the same runner neither confirms nor rules it out', () => {
      // Seen in the gate's end-to-end test: +60% over 8 noisy pairs, q = 0.105.
      const verdict = unconfirmedVerdict(stored, here(metric(1.6, 0.9, 2.8, 'inconclusive'), 'pass'));
      expect(verdict?.outcome).toBe('inconclusive');
      expect(verdict?.rule).toMatch(/neither confirms nor rules out: scoreProduct \(own time \+90\.0% stored, \+60\.0%, 95% CI -10\.0% … \+180\.0% here\)/);
    });

    it('adds pairs before it gives up: the open failure is a reason to extend a passing re-measurement, not a failing one', () => {
      const open = here(metric(1.6, 0.9, 2.8, 'inconclusive'), 'pass');
      const reason = unconfirmedReason(stored, open);
      expect(reason).toMatch(/^the stored comparison found a regression that the re-measurement on this machine \(same-runner\) neither confirms nor rules out: scoreProduct/);
      expect(extension(open, 10, null, reason)).toBe(reason);
      expect(extension(open, 0, null, reason)).toBeNull();
      expect(unconfirmedReason(stored, here(metric(1.01, 0.95, 1.07, 'unchanged'), 'pass'))).toBeNull();
      const failing = here(metric(1.9, 1.6, 2.2, 'regressed'), 'fail');
      expect(unconfirmedReason(stored, failing)).toBeNull();
      expect(extension(failing, 10, null, 'anything')).toBeNull();
    });

    it('lets a same-runner failure, or a stored pass, stand', () => {
      expect(unconfirmedVerdict(stored, here(metric(1.9, 1.6, 2.2, 'regressed'), 'fail'))).toBeNull();
      const passed = { verdict: { outcome: 'pass', rule: 'no function regressed' } } as unknown as Comparison;
      expect(unconfirmedVerdict(passed, here(metric(1.6, 0.9, 2.8, 'inconclusive'), 'pass'))).toBeNull();
    });
  });
});

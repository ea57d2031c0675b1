import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/helpers/sample-report.js';
import { historyRecord } from './history-record.js';
import { historySteps } from './steps.js';
import { sparkline, trendMarkdown } from './trend-markdown.js';

const at = (cpu: number, i: number, verdict: 'pass' | 'fail' = 'pass') => ({
  ...historyRecord(sampleReport([]), { parent: null, branch: 'main', runUrl: null }),
  commit: i.toString(16).padStart(40, '0'),
  verdict,
  cpuMicrosPerRequest: { median: cpu, low: cpu * 0.98, high: cpu * 1.02, coverage: 0.98 },
});

describe('trend', () => {
  it('draws a sparkline from lowest to highest', () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([5, 5])).toBe('▄▄');
  });

  it('reports a rise the gate passed, and not one it failed', () => {
    const series = (verdict: 'pass' | 'fail') => Array.from({ length: 40 }, (_, i) => at((i >= 20 ? 110 : 100) + (i % 3), i, i === 20 ? verdict : 'pass'));
    const passed = series('pass');
    const steps = historySteps(passed, { seed: 1 });
    expect(steps.map((s) => [s.index, s.gateFailed])).toEqual([[20, false]]);
    expect(steps[0]!.change).toBeCloseTo(0.1, 1);
    const text = trendMarkdown(passed, steps, 'main', { cpuMicrosPerRequest: 105 });
    expect(text).toContain(`rose 9.9% from \`${passed[20]!.commit!.slice(0, 12)}\``);
    expect(text).toContain('above 0 of the last 20 runs of main');
    const failed = series('fail');
    expect(trendMarkdown(failed, historySteps(failed, { seed: 1 }), 'main', null)).not.toContain('rose');
  });
});

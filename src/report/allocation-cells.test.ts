import { describe, expect, it } from 'vitest';
import type { FunctionFinding, MetricComparison } from '../analysis/index.js';
import { allocationCell, allocationChange, bytesAsSize, hotLinesSection } from './allocation-cells.js';
import type { Report } from './report.js';

const metric = (outcome: MetricComparison['outcome'], ratio: number): MetricComparison => ({
  baseline: [],
  candidate: [],
  baselineMedian: 0.1,
  candidateMedian: 0.1 * ratio,
  ratio,
  ci: { low: ratio * 0.9, high: ratio * 1.1 },
  p: 0.001,
  q: 0.01,
  outcome,
});
const finding = (extra: Partial<FunctionFinding> = {}): FunctionFinding => ({
  key: 'src/a.ts#render',
  name: 'render',
  file: 'src/a.ts',
  presence: 'both',
  outcome: 'regressed',
  self: metric('unchanged', 1),
  total: metric('unchanged', 1),
  perRequestNanos: { baseline: { self: 1000, total: 2000 }, candidate: { self: 1000, total: 2000 } },
  ...extra,
});

describe('allocation cells and hot lines', () => {
  it('shows allocated bytes per request and the change of the share, or a dash when not tested', () => {
    const f = finding({ allocations: metric('regressed', 2), allocationsPerRequest: { baseline: { bytes: 10_240, objects: 1 }, candidate: { bytes: 20_480, objects: 2 } } });
    expect(allocationCell(f)).toBe('10.0 KiB → 20.0 KiB, +100.0% (+80.0% … +120.0%)');
    expect(allocationChange(f)).toBe('+100.0% (+80.0% … +120.0%)');
    expect(allocationCell(finding())).toBe('—');
    expect(bytesAsSize(3 * 1024 * 1024)).toBe('3.00 MiB');
    expect(bytesAsSize(512)).toBe('512 B');
  });

  it('lists the hot lines of regressed functions, escaped, and nothing when there are none', () => {
    const report = { hotLines: { 'src/a.ts#render': [{ line: 42, share: 0.61 }, { line: 40, share: 0.2 }] } } as unknown as Report;
    expect(hotLinesSection(report, [finding()])).toEqual([
      'Hot lines of the regressed functions (share of their own CPU time, candidate):',
      '',
      '- **render** (src/a.ts): line 42 (61%), line 40 (20%)',
      '',
    ]);
    expect(hotLinesSection({} as Report, [finding()])).toEqual([]);
  });
});

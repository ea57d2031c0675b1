import { describe, expect, it } from 'vitest';
import type { FunctionFinding, MetricComparison, PackageFinding, Replaces } from '../analysis/index.js';
import { sampleReport } from '../../test/helpers/sample-report.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import type { Report } from './report.js';
import { renderTerminal } from './terminal.js';

// Code that moved (analysis/moved-code.ts) as the reports show it: the new code, the package
// it came in, and the net change of all changed code that let them off.
const unchanged = (baselineMedian: number, candidateMedian: number): MetricComparison => ({
  baseline: [baselineMedian],
  candidate: [candidateMedian],
  baselineMedian,
  candidateMedian,
  ratio: baselineMedian > 0 ? candidateMedian / baselineMedian : Number.POSITIVE_INFINITY,
  ci: baselineMedian > 0 ? { low: 0.97, high: 1.06 } : { low: Number.POSITIVE_INFINITY, high: Number.POSITIVE_INFINITY },
  ...(baselineMedian > 0 ? {} : { costCi: { low: 12_000, high: 20_000 } }),
  p: 0.01,
  q: 0.02,
  outcome: 'unchanged',
});
const net: Replaces = { unit: 'changed code', outcome: 'unchanged', baselineMedian: 60_000, candidateMedian: 61_200, ratio: 1.02, ci: { low: 0.97, high: 1.06 } };

function movedReport(): Report {
  const report = sampleReport([{ name: 'scoreProduct', file: 'search.js', outcome: 'unchanged' }]);
  const next: FunctionFinding = {
    key: 'router@2.2.0/index.js#next',
    name: 'next',
    file: 'router@2.2.0/index.js',
    presence: 'added',
    outcome: 'unchanged',
    package: { name: 'router', candidateVersion: '2.2.0' },
    replaces: net,
    self: unchanged(0, 16_000),
    total: unchanged(0, 30_000),
    perRequestNanos: { baseline: { self: 0, total: 0 }, candidate: { self: 16_000, total: 30_000 } },
  };
  const router: PackageFinding = { name: 'router', baselineVersions: [], candidateVersions: ['2.2.0'], presence: 'added', outcome: 'unchanged', self: unchanged(0, 41_000), perRequestNanos: { baseline: 0, candidate: 41_000 }, replaces: net };
  const express: PackageFinding = { name: 'express', baselineVersions: ['4.21.2'], candidateVersions: ['5.1.0'], presence: 'both', outcome: 'improved', self: { ...unchanged(70_000, 50_000), outcome: 'improved' }, perRequestNanos: { baseline: 70_000, candidate: 50_000 } };
  return { ...report, comparison: { ...report.comparison, findings: [...report.comparison.findings, next], packages: [router, express], changedCode: { cpu: unchanged(60_000, 61_200) } } };
}

describe('code that moved, in the reports', () => {
  it('markdown: the new code and its package replace code that went, with the net change of all changed code', () => {
    const text = renderMarkdown(movedReport());
    expect(text).toMatch(/All code that came, went or was upgraded, as one unit \(own time; code that moved nets out\): 60\.0 µs → 61\.2 µs, ~ \(-3\.0% … \+6\.0%\), unchanged/);
    expect(text).toMatch(/\| next \| router@\u200b2\.2\.0\/index\.js \| new, replaces code that went: net \+2\.0% \(-3\.0% … \+6\.0%\) \|/);
    expect(text).toMatch(/\| router \| — → 2\.2\.0 \| 0 ns → 41\.0 µs \| new \(12\.0 µs … 20\.0 µs\); replaces code that went: net \+2\.0%/);
    expect(text).toMatch(/\| 🔵 express \| 4\.21\.2 → 5\.1\.0 \|/);
  });

  it('html: the function table tags the new code with why it is not blamed', () => {
    expect(renderHtml(movedReport(), null).html).toMatch(/next <span class="tag">new<\/span> <span class="tag">replaces code that went: net \+2\.0% \(-3\.0% … \+6\.0%\)<\/span>/);
  });

  it('terminal: the new function is listed with why it is not blamed', () => {
    const text = renderTerminal(movedReport());
    expect(text).toMatch(/next \(new\)\s+router@2\.2\.0\/index\.js.*replaces code that went: net \+2\.0%/);
    expect(text).toMatch(/router\s+— → 2\.2\.0.*replaces code that went: net \+2\.0%/);
    expect(text).toMatch(/Code that came, went or was upgraded, as one unit \(own time\): 60\.0 µs → 61\.2 µs, ~ \(-3\.0% … \+6\.0%\), unchanged; 2 function\(s\) and package\(s\) that regressed alone replace code that went, not blamed/);
  });
});

import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../report/index.js';
import { sampleReport, type SampleFunction } from '../../test/helpers/sample-report.js';
import { fitReport, GITHUB_LIMITS, neutraliseMarkers, type Limit } from './github-limits.js';

const rows = (count: number): SampleFunction[] => [
  { name: 'regressedOne', file: 'src/a.js', outcome: 'regressed' },
  { name: 'improvedOne', file: 'src/b.js', outcome: 'improved' },
  ...Array.from({ length: count }, (_, i) => ({ name: `fn${i}`, file: `src/f${i}.js`, outcome: 'unchanged' as const })),
];

describe('fitReport', () => {
  it('returns the report untouched when it fits', () => {
    const report = sampleReport(rows(3));
    const fitted = fitReport(report, renderMarkdown, GITHUB_LIMITS.comment);
    expect(fitted).toEqual({ markdown: renderMarkdown(report), omittedRows: 0, cut: false });
  });

  it('drops the least important rows first, as many as needed and no more, and says how many', () => {
    const report = sampleReport(rows(400));
    const limit: Limit = { max: 20_000, measure: (t) => t.length, name: 'test' };
    const fitted = fitReport(report, renderMarkdown, limit);
    expect(fitted.markdown.length).toBeLessThanOrEqual(20_000);
    expect(fitted.omittedRows).toBeGreaterThan(0);
    expect(fitted.markdown).toContain(`> ${fitted.omittedRows} of 402 function rows were left out, least important first, to stay within GitHub's test limit (20,000).`);
    expect(fitted.markdown).toContain('regressedOne');
    expect(fitted.markdown).toContain('improvedOne');
    const kept = 402 - fitted.omittedRows;
    expect(fitted.markdown).toContain(`fn${kept - 3}`);
    expect(fitted.markdown).not.toContain(`fn${kept - 2} `);
    // One row more would not have fitted.
    const oneMore = renderMarkdown({ ...report, comparison: { ...report.comparison, findings: report.comparison.findings.slice(0, kept + 1) } });
    expect(oneMore.length).toBeGreaterThan(20_000 - 200);
  });

  it('leaves room for what the caller adds (the marker line)', () => {
    const report = sampleReport(rows(400));
    const limit: Limit = { max: 20_000, measure: (t) => t.length, name: 'test' };
    expect(fitReport(report, renderMarkdown, limit, 5_000).markdown.length).toBeLessThanOrEqual(15_000);
  });

  it('counts the job summary in bytes', () => {
    const report = sampleReport(rows(50).map((f) => ({ ...f, name: `${f.name}ü` })));
    const limit: Limit = { ...GITHUB_LIMITS.summary, max: 8_000 };
    const fitted = fitReport(report, renderMarkdown, limit);
    expect(Buffer.byteLength(fitted.markdown)).toBeLessThanOrEqual(8_000);
  });

  it('cuts names longer than 200 characters', () => {
    const long = 'x'.repeat(5_000);
    const fitted = fitReport(sampleReport([{ name: long, file: 'a.js', outcome: 'regressed' }]), renderMarkdown, GITHUB_LIMITS.comment);
    expect(fitted.markdown).toContain(`${'x'.repeat(199)}…`);
    expect(fitted.markdown).not.toContain('x'.repeat(200));
  });

  it('cuts the text itself, closing <details>, when even no rows do not fit', () => {
    const report = sampleReport(rows(5));
    const fitted = fitReport(report, (r) => `${renderMarkdown(r)}\n${'warning line\n'.repeat(2_000)}`, { max: 3_000, measure: (t) => t.length, name: 'test' });
    expect(fitted.cut).toBe(true);
    expect(fitted.markdown.length).toBeLessThanOrEqual(3_000);
    expect(fitted.markdown).toMatch(/The report was cut to stay within GitHub's test limit/);
    const opened = (fitted.markdown.match(/<details>/g) ?? []).length;
    expect((fitted.markdown.match(/<\/details>/g) ?? []).length).toBe(opened);
  });
});

describe('neutraliseMarkers', () => {
  it('breaks up any perfgate marker', () => {
    expect(neutraliseMarkers('a <!-- perfgate:sticky-comment:x --> b <!--PERFGATE')).toBe('a &lt;!-- perfgate:sticky-comment:x --> b &lt;!-- perfgate');
  });
});

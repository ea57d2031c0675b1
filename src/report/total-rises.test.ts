import { describe, expect, it } from 'vitest';
import { HOSTILE_NAME, syntheticReport } from './fixtures.test-helper.js';
import { renderMarkdown } from './markdown.js';
import { untrustedReportSchema } from './report-schema.js';
import { renderTerminal } from './terminal.js';
import type { Report } from './report.js';

/** The synthetic failing report, its regressed function given a total that rose under two callees. */
function withRises(): Report {
  const report = syntheticReport();
  const regressed = report.comparison.findings.find((f) => f.outcome === 'regressed')!;
  return {
    ...report,
    totalRises: {
      [regressed.key]: [
        { callee: { name: HOSTILE_NAME, file: 'evil.js' }, baselineNanos: 60_000, candidateNanos: 84_100 },
        { callee: null, baselineNanos: 1_000, candidateNanos: 4_000 },
      ],
    },
  };
}

describe('where a regressed total rose', () => {
  it('names each callee under the function in report.md, the largest rise first, the name inert', () => {
    const markdown = renderMarkdown(withRises());
    const line = markdown.split('\n').find((l) => l.startsWith('- **scoreProduct**') && l.includes('+24.1 µs'));
    expect(line).toBe(`- **scoreProduct** (search.js): \`${HOSTILE_NAME.replaceAll('`', "'")}\` +24.1 µs (60.0 µs → 84.1 µs), its own time +3.0 µs (1.0 µs → 4.0 µs)`);
    expect(markdown).toMatch(/^Where the regressed totals rose \(CPU per request, .*an estimate, not a test\):$/m);
  });

  it('prints the same under the terminal table, and nothing when no total regressed', () => {
    expect(renderTerminal(withRises())).toMatch(/^ {2}scoreProduct: .* \+24\.1 µs \(60\.0 µs → 84\.1 µs\), its own time \+3\.0 µs/m);
    expect(renderTerminal(syntheticReport())).not.toMatch(/Where the regressed totals rose/);
    expect(renderMarkdown(syntheticReport())).not.toMatch(/Where the regressed totals rose/);
  });

  it('is part of report.json\'s schema: a callee is a name and a file, or null for own time', () => {
    expect(untrustedReportSchema.safeParse(JSON.parse(JSON.stringify(withRises()))).success).toBe(true);
    const bad = { ...withRises(), totalRises: { 'search.js#scoreProduct': [{ callee: 'scoreProduct', baselineNanos: 1, candidateNanos: 2 }] } };
    expect(untrustedReportSchema.safeParse(JSON.parse(JSON.stringify(bad))).success).toBe(false);
  });
});

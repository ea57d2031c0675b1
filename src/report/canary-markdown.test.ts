import { describe, expect, it } from 'vitest';
import { canaryVerdict } from '../analysis/canary-verdict.js';
import { renderCanaryMarkdown } from './canary-markdown.js';
import { syntheticReport } from './fixtures.test-helper.js';

/** The synthetic gate report (scoreProduct doubled, render halved) judged as a canary. */
function canaryReport(functions: boolean) {
  const report = syntheticReport();
  const judged = canaryVerdict(report.comparison, { functions });
  return { ...report, comparison: { ...report.comparison, verdict: judged.verdict, service: judged.service, findings: functions ? report.comparison.findings : [] } };
}

describe('renderCanaryMarkdown', () => {
  it('shows the function findings with the gate\'s rows when both sides were profiled', () => {
    const markdown = renderCanaryMarkdown(canaryReport(true), { canary: 'https://canary.example', stable: 'https://stable.example', profiled: { canary: true, reference: true } });
    expect(markdown).toMatch(/^## perfgate: ❌ canary: regressed$/m);
    expect(markdown).toContain('### Functions');
    // The top table's row: the regressed function with its first line, then the improved one.
    expect(markdown).toMatch(/^\| 🔴 scoreProduct \| search\.js:42 \| .* \| 1\d\.\d\d% → 2\d\.\d\d% \| \+\d+\.\d% /m);
    expect(markdown).toMatch(/^\| 🔵 render \| view\.js:7 \|/m);
    expect(markdown).toMatch(/<summary>All \d+ tested functions<\/summary>/);
    expect(markdown).not.toContain('per-function costs are not measured');
  });

  it('says functions were not measured, and how to measure them, without profiles', () => {
    const outside = renderCanaryMarkdown(canaryReport(false), { canary: 'https://canary.example', stable: null });
    expect(outside).not.toContain('### Functions');
    expect(outside).toContain('CPU, memory and per-function costs are not measured: a deployed service is observed from outside (give pprof-url to profile it through its pprof endpoints).');
    // The canary was profiled but its reference was not: no hint to give what was given.
    const oneSide = renderCanaryMarkdown(canaryReport(false), { canary: 'https://canary.example', stable: 'https://stable.example', profiled: { canary: true, reference: false } });
    expect(oneSide).toContain('per-function costs are not measured: a deployed service is observed from outside.</sub>');
    expect(oneSide).not.toContain('### Functions');
  });
});

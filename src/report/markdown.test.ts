import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOSTILE_NAME, syntheticReport } from './fixtures.test-helper.js';
import { renderMarkdown } from './markdown.js';
import type { Report } from './report.js';
import { reportJson } from './report-json.js';

/** Compares with a golden file; `UPDATE_GOLDEN=1 npx vitest run src/report/markdown.test.ts` rewrites them. */
function expectGolden(name: string, actual: string): void {
  const file = new URL(`./testdata/${name}`, import.meta.url);
  if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/**
 * The reports rendered, frozen as JSON so the golden files change only when the renderer
 * does, not when the statistics do; `UPDATE_FIXTURES=1` rebuilds them from `syntheticReport`.
 */
function frozenReport(name: string, build: () => Report): Report {
  const file = new URL(`./testdata/${name}`, import.meta.url);
  if (process.env['UPDATE_FIXTURES'] === '1' || !existsSync(file)) writeFileSync(file, reportJson(build()));
  return JSON.parse(readFileSync(file, 'utf8'), (_key, value: unknown) => (value === 'Infinity' ? Number.POSITIVE_INFINITY : value === '-Infinity' ? Number.NEGATIVE_INFINITY : value)) as Report;
}

const failing = frozenReport('report-fail.json', () => syntheticReport());
const passing = frozenReport('report-pass.json', () => syntheticReport({ score: 0.1, render: 0.3 }));

describe('renderMarkdown', () => {
  it('opens with a one-line verdict that names the function to blame', () => {
    const [first, second] = renderMarkdown(failing).split('\n');
    expect(first).toMatch(/^## perfgate: ❌ 1 function regressed — `scoreProduct` \+\d+\.\d% self share$/);
    expect(second).toBe('');
    expect(renderMarkdown(passing).split('\n')[0]).toBe('## perfgate: ✅ no performance regression');
  });

  it('tables the top regressions and improvements with file:line, per-request values, change, CI and q', () => {
    const markdown = renderMarkdown(failing);
    const rows = markdown.slice(0, markdown.indexOf('<details>')).split('\n').filter((l) => /^\| (🔴|🔵) \w/.test(l));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^\| 🔴 scoreProduct \| search\.js:42 \| own time \| \d+\.\d µs → \d+\.\d µs \| \d+\.\d\d% → \d+\.\d\d% \| \+\d+\.\d% \(\+\d+\.\d% … \+\d+\.\d%\) \| [\d.e-]+ \|$/);
    expect(rows[1]).toMatch(/^\| 🔵 render \| view\.js:7 \| own time \| .* \| [\d.]+% → [\d.]+% \| -\d+\.\d% /);
  });

  it('links the artifact when given, names the file otherwise, and gives the command to reproduce', () => {
    expect(renderMarkdown(failing, { artifactUrl: 'https://github.com/o/r/actions/runs/1/artifacts/2' })).toContain(
      '**[Differential flame graph and full report](https://github.com/o/r/actions/runs/1/artifacts/2)**',
    );
    expect(renderMarkdown(failing)).toContain('**Differential flame graph:** `report.html` beside this report');
    expect(renderMarkdown(failing)).toContain('Reproduce locally: `npx perfgate run --config perfgate.config.json`');
  });

  it('folds everything else into one details section', () => {
    const markdown = renderMarkdown(failing);
    expect(markdown.match(/<details>/g)).toHaveLength(1);
    const details = markdown.slice(markdown.indexOf('<details>'));
    expect(details).toContain('one-sided Mann–Whitney U');
    expect(details.trimEnd().endsWith('</details>')).toBe(true);
    // The service table stays outside, with the failed requests.
    expect(markdown.slice(0, markdown.indexOf('<details>'))).toMatch(/\| failed requests \| 0 of 8000 \| 0 of 8000 \| — \|/);
  });

  it('escapes a hostile function name', () => {
    const markdown = renderMarkdown(failing);
    expect(markdown).not.toContain(HOSTILE_NAME);
    expect(markdown).not.toMatch(/<(script|img)/i);
  });

  it('matches the golden files', () => {
    expectGolden('markdown-fail.md', renderMarkdown(failing, { artifactUrl: 'https://github.com/o/r/actions/runs/1/artifacts/2' }));
    expectGolden('markdown-pass.md', renderMarkdown(passing));
  });
});

import { createHash } from 'node:crypto';
import type { FunctionFinding, MetricComparison, Outcome } from '../analysis/index.js';
import { flameClient } from './flame/client.js';
import { frameColour } from './flame/colour.js';
import { flameModel } from './flame/model.js';
import { replacesText } from './function-rows.js';
import { decisiveMetric } from './decisive-metric.js';
import type { FlamePageData } from './flame/page-data.js';
import { renderFlameSvg } from './flame/svg.js';
import { change, formatQ, percent } from './format.js';
import { escapeHtml, jsonForScript } from './html-escape.js';
import { REPORT_STYLE } from './html-style.js';
import { environmentWarning } from './markdown.js';
import { methodsSentence } from './methods.js';
import { perRequestFormatter } from './diff-inputs.js';
import type { Report, RequestCounts } from './report.js';
import { SERVICE_METRICS } from './service-metrics.js';
import { stripPlot } from './strip-plot.js';
import { tableClient } from './table-client.js';
import { verdictHeadline } from './verdict-line.js';

export interface HtmlReport {
  readonly html: string;
  /** The static flame graph, also embedded in the page; null without profiles. */
  readonly svg: string | null;
}

/**
 * report.html: one self-contained file (inline CSS and script, no network; a CSP
 * forbids any fetch), readable from file:// or as a downloaded artifact. Profile text
 * (function and file names) only ever reaches the page escaped or inside the JSON
 * block, whose `<` are escaped, and the script is allowed by its hash alone, so a
 * hostile name can show up as text but never run. Pure.
 */
export function renderHtml(report: Report, flame: FlamePageData | null): HtmlReport {
  const { comparison } = report;
  const headline = verdictHeadline(comparison.verdict);
  const svg = flame ? renderFlameSvg(flame) : null;
  const script = clientScript();
  // Both the script and the one style block are allowed by their hashes alone: text that slipped
  // past escaping could neither run code nor restyle the page (a <style> hiding the verdict).
  const csp = `default-src 'none'; script-src 'sha256-${sha256(script)}'; style-src 'sha256-${sha256(REPORT_STYLE)}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const tone = comparison.verdict.outcome === 'pass' ? 'pass' : comparison.verdict.outcome === 'inconclusive' ? 'unsure' : 'fail';
  const warnings = [...comparison.warnings, ...environmentWarning(report)];

  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<title>perfgate: ${escapeHtml(headline.text)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header class="verdict ${tone}">
<h1><span class="mark" aria-hidden="true">${MARKS[tone]}</span> perfgate: ${escapeHtml(headline.text)}</h1>
<p class="rule"><strong>Rule:</strong> ${escapeHtml(comparison.verdict.rule)}.</p>
<p class="methods">${escapeHtml(methodsSentence(comparison))}</p>
${warnings.map((w) => `<p class="warning"><strong>Warning:</strong> ${escapeHtml(w)}</p>`).join('\n')}
</header>
<main>
${flameSection(flame, svg)}
${functionSection(report)}
${serviceSection(report)}
${environmentSection(report)}
</main>
<footer>
<p>Reproduce locally: <code>${escapeHtml(report.reproduce)}</code></p>
<p>Written ${escapeHtml(report.createdAt)} by perfgate ${escapeHtml(report.candidate.environment.perfgateVersion)}. Beside this file: report.json, report.md, flamegraph.svg and the pprof profiles (${escapeHtml(report.merged.candidate)}${report.merged.baseline ? `, ${escapeHtml(report.merged.baseline)}` : ''}).</p>
</footer>
${flame ? `<script type="application/json" id="perfgate-flame-data">${jsonForScript(flame)}</script>` : ''}
<script>${script}</script>
</body>
</html>
`;
  return { html, svg };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

/** The page's one script: the pure flame model, the canvas client and the table client, by their source text. */
function clientScript(): string {
  const script = `"use strict";(function(){var model=(${flameModel.toString()})();(${flameClient.toString()})(model);(${tableClient.toString()})();})();`;
  // Our own code, but a stray `</script` would end the element early: fail loudly instead.
  if (/<\/script/i.test(script)) throw new Error('report.html: the client script contains "</script"');
  return script;
}

function flameSection(flame: FlamePageData | null, svg: string | null): string {
  if (!flame || !svg) {
    return `<section id="flame"><h2>Differential flame graph</h2><p class="note">No profiles were available for this report.</p></section>`;
  }
  const { tree } = flame;
  const measures =
    tree.measures.length > 1
      ? `<fieldset class="measures"><legend>Frame width</legend>${tree.measures
          .map((m, i) => `<label><input type="radio" name="flame-measure" value="${i}"${i === 0 ? ' checked' : ''}> ${escapeHtml(m.label)}</label>`)
          .join(' ')}</fieldset>`
      : `<span class="note">Frame width: ${escapeHtml(tree.measures[0]?.label ?? 'CPU')} (allocated bytes: not in these profiles)</span>`;
  const perRequest = tree.measures.every((m) => m.perRequest) ? 'per request' : 'for the whole run (the profiles carry no request count)';
  return `<section id="flame">
<h2>Differential flame graph</h2>
<p class="note">The candidate's call tree, callers above callees; a frame's width is its share of the candidate's ${escapeHtml(tree.measures[0]?.label ?? 'CPU')} ${perRequest}, its colour its function's change against the baseline. ${
    tree.measures[0]?.hasBaseline
      ? 'Hover a frame for both sides\u2019 values on that call path and the function\u2019s test; click to zoom in; Esc, the path above or “Reset zoom” to go back.'
      : '<strong>The baseline has no merged profile</strong> (it was written by an older perfgate): only the candidate is drawn, coloured by the comparison of the stored per-function numbers.'
  }</p>
${legend()}
<div id="flame-live" hidden>
<div class="controls">${measures}
<input type="search" id="flame-search" placeholder="Search functions or files" aria-label="Search functions or files" autocomplete="off">
<button type="button" id="flame-reset" disabled>Reset zoom</button>
<span id="flame-status" role="status"></span></div>
<nav id="flame-crumbs" aria-label="Zoom path"></nav>
<div id="flame-box"><canvas id="flame-canvas" role="img" aria-label="Differential flame graph; the tables below hold the same findings"></canvas></div>
<div id="flame-tooltip" role="tooltip" hidden></div>
</div>
<div id="flame-static">${svg}</div>
</section>`;
}

function legend(): string {
  const swatch = (outcome: Outcome | null, ratio: number, text: string) => `<span><svg class="swatch" viewBox="0 0 1 1" aria-hidden="true"><rect width="1" height="1" fill="${frameColour(outcome, ratio, '').fill}"/></svg>${text}</span>`;
  return `<p class="legend">${swatch('regressed', 2, 'slower')} ${swatch('regressed', 1.1, 'slightly slower')} ${swatch('improved', 0.5, 'faster')} ${swatch(
    'improved',
    0.9,
    'slightly faster',
  )} ${swatch(null, 1, 'no significant change, or not tested')}</p>`;
}

// Drawn from the text font rather than as emoji: a CI browser may have no emoji font.
const MARKS = { pass: '✓', fail: '✗', unsure: '?' } as const;

const OUTCOME_RANK: Record<Outcome, number> = { regressed: 0, improved: 1, inconclusive: 2, unchanged: 3 };

function functionSection(report: Report): string {
  const { findings } = report.comparison;
  const lines = report.functionLines ?? {};
  const counts = (outcome: Outcome) => findings.filter((f) => f.outcome === outcome).length;
  const header = [
    ['outcome', 'outcome'],
    ['function', 'function'],
    ['file:line', 'file'],
    ['self share', 'baseline → candidate, of busy CPU'],
    ['total share', 'baseline → candidate, of busy CPU'],
    ['self per request', 'median of trials'],
    ['total per request', 'median of trials'],
    ['self change', '95% CI of the median ratio'],
    ['total change', '95% CI of the median ratio'],
    ['q self', 'Benjamini–Hochberg'],
    ['q total', 'Benjamini–Hochberg'],
  ];
  const perRequest = perRequestFormatter(report.inputs);
  const rows = findings.map((f) => functionRow(f, lines[f.key], perRequest));
  return `<section id="functions">
<h2>Functions</h2>
<p class="note">${counts('regressed')} regressed, ${counts('improved')} improved, ${counts('inconclusive')} inconclusive, ${counts('unchanged')} unchanged${
    report.comparison.untested > 0 ? `; ${report.comparison.untested} too small to test` : ''
  }. Click a heading to sort. The last column shows each trial's share (the metric that decided), baseline above, candidate below.
<select id="function-filter" aria-label="Show" hidden><option value="all">all outcomes</option><option value="regressed">regressed</option><option value="improved">improved</option><option value="inconclusive">inconclusive</option><option value="unchanged">unchanged</option></select></p>
<div class="scroll"><table id="function-table" class="sortable">
<thead><tr>${header.map(([label, hint]) => `<th title="${escapeHtml(hint!)}"><button type="button">${escapeHtml(label!)}</button></th>`).join('')}<th>trials</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>
</section>`;
}

function functionRow(f: FunctionFinding, line: number | undefined, perRequest: (value: number) => string): string {
  const file = f.file === '' ? '(native)' : line ? `${f.file}:${line}` : f.file;
  const { baseline, candidate } = f.perRequestNanos;
  const decisive = decisiveMetric(f);
  const presence =
    (f.presence === 'added' ? ' <span class="tag">new</span>' : f.presence === 'gone' ? ' <span class="tag">gone</span>' : '') +
    (f.replaces ? ` <span class="tag">${escapeHtml(replacesText(f.replaces, f.presence))}</span>` : '');
  const cells = [
    `<td data-sort="${OUTCOME_RANK[f.outcome]}"><span class="badge ${f.outcome}">${f.outcome}</span></td>`,
    `<td class="name">${escapeHtml(f.name)}${presence}</td>`,
    `<td class="file">${escapeHtml(file)}</td>`,
    shareCell(f.self),
    shareCell(f.total),
    `<td class="num" data-sort="${candidate.self}">${perRequest(baseline.self)} → ${perRequest(candidate.self)}</td>`,
    `<td class="num" data-sort="${candidate.total}">${perRequest(baseline.total)} → ${perRequest(candidate.total)}</td>`,
    changeCell(f.self),
    changeCell(f.total),
    `<td class="num" data-sort="${f.self.q}">${formatQ(f.self.q)}</td>`,
    `<td class="num" data-sort="${f.total.q}">${formatQ(f.total.q)}</td>`,
    `<td class="trials">${stripPlot(decisive.metric.baseline, decisive.metric.candidate, (v) => percent(v))}<span class="which">${decisive.name}</span></td>`,
  ];
  return `<tr data-outcome="${f.outcome}">${cells.join('')}</tr>`;
}

function shareCell(m: MetricComparison): string {
  return `<td class="num" data-sort="${m.candidateMedian}">${percent(m.baselineMedian)} → ${percent(m.candidateMedian)}</td>`;
}

function changeCell(m: MetricComparison): string {
  const sortable = Number.isFinite(m.ratio) ? m.ratio : 1e9;
  return `<td class="num change ${m.outcome}" data-sort="${sortable}">${escapeHtml(change(m))}</td>`;
}

function serviceSection(report: Report): string {
  const rows = report.comparison.service.map((s) => {
    const { label, format } = SERVICE_METRICS[s.metric];
    const c = s.comparison;
    return `<tr><td>${escapeHtml(label)}</td><td class="num">${format(c.baselineMedian)}</td><td class="num">${format(c.candidateMedian)}</td>${changeCell(c)}<td class="num">${formatQ(
      c.p,
    )}</td><td class="trials">${stripPlot(c.baseline, c.candidate, format)}</td></tr>`;
  });
  if (report.requests) {
    const failed = (r: RequestCounts) => r.errors + r.statusMismatches;
    const sum = (list: readonly RequestCounts[], pick: (r: RequestCounts) => number) => list.reduce((total, r) => total + pick(r), 0);
    const side = (list: readonly RequestCounts[]) => `${sum(list, failed)} of ${sum(list, (r) => r.requests)}`;
    rows.push(
      `<tr><td>failed requests (no response or unexpected status)</td><td class="num">${side(report.requests.baseline)}</td><td class="num">${side(
        report.requests.candidate,
      )}</td><td>—</td><td>—</td><td>${stripPlot(report.requests.baseline.map(failed), report.requests.candidate.map(failed), (v) => String(v))}</td></tr>`,
    );
  }
  if (rows.length === 0) {
    return `<section id="service"><h2>Service</h2><p class="note">No service measurements: these profiles were compared as files (perfgate diff).</p></section>`;
  }
  return `<section id="service">
<h2>Service</h2>
<p class="note">Medians of the trials; change and its 95% bootstrap interval, Mann–Whitney p. Shown for context: the function shares decide the verdict.</p>
<div class="scroll"><table><thead><tr><th>metric</th><th>baseline</th><th>candidate</th><th>change (95% CI)</th><th>p</th><th>trials</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>
</section>`;
}

function environmentSection(report: Report): string {
  const { baseline, candidate } = report;
  const row = (label: string, a: unknown, b: unknown) => {
    const left = display(a);
    const right = display(b);
    return `<tr${left !== right ? ' class="differs"' : ''}><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(left)}</td><td>${escapeHtml(right)}</td></tr>`;
  };
  const plain = (label: string, a: string, b: string) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(a)}</td><td>${escapeHtml(b)}</td></tr>`;
  const environmentRows = [
    plain('commit', baseline.commit ?? 'none', candidate.commit ?? 'working tree'),
    plain('measured', baseline.createdAt, report.createdAt),
    ...Object.keys({ ...baseline.environment, ...candidate.environment }).map((key) =>
      row(key, (baseline.environment as unknown as Record<string, unknown>)[key], (candidate.environment as unknown as Record<string, unknown>)[key]),
    ),
    ...Object.keys({ ...baseline.settings, ...candidate.settings }).map((key) =>
      row(key, (baseline.settings as unknown as Record<string, unknown>)[key], (candidate.settings as unknown as Record<string, unknown>)[key]),
    ),
  ];
  const compareRows = Object.entries(report.comparison.settings).map(
    ([key, value]) => `<tr><th scope="row">${escapeHtml(key)}</th><td>${escapeHtml(display(value))}</td></tr>`,
  );
  return `<section id="environment">
<h2>Environment and settings</h2>
<div class="columns">
<div><h3>Measurement</h3><table><thead><tr><th></th><th>baseline</th><th>candidate</th></tr></thead><tbody>
${environmentRows.join('\n')}
</tbody></table>${report.environmentDifferences.length > 0 ? '<p class="note">Highlighted rows differ between the sides.</p>' : ''}</div>
<div><h3>Comparison</h3><table><tbody>
${compareRows.join('\n')}
</tbody></table></div>
</div>
</section>`;
}

function display(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

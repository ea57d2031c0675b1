import { createHash } from 'node:crypto';
import { escapeHtml, jsonForScript } from '../report/html-escape.js';
import type { HistoryRecord } from './history-record.js';
import { historySvg, pointTitle } from './history-svg.js';
import type { Step } from './steps.js';

/**
 * history.html: the trend chart with a hover card (commit, date, CPU per request, verdict,
 * diff score, a link to the run), the steps found and every run in a table. One file with
 * no external resources, like report.html. Pure.
 */
export function historyPage(records: readonly HistoryRecord[], steps: readonly Step[], branch: string | null): string {
  const title = `perfgate history${branch ? ` · ${branch}` : ''}`;
  const stepItems = steps.map((s) => {
    const size = `${s.change >= 0 ? '+' : ''}${(s.change * 100).toFixed(1)}%`;
    const where = s.commit ? `<code>${escapeHtml(s.commit.slice(0, 12))}</code>` : `run ${s.index + 1}`;
    const caught = s.gateFailed ? 'the gate failed that run' : '<strong>the gate did not fail it</strong>';
    return `<li class="step-item" data-index="${s.index}">CPU per request ${size} from ${where} (E-divisive means, permutation p = ${s.p.toFixed(3)}); ${caught}.</li>`;
  });
  const rows = records
    .map((r, i) => {
      const link = r.runUrl && /^https?:\/\//.test(r.runUrl) ? `<a href="${escapeHtml(r.runUrl)}">run</a>` : '';
      const score = r.diffScore ? `${(r.diffScore.cpu.change * 100).toFixed(1)}% (${(r.diffScore.cpu.low * 100).toFixed(1)} … ${(r.diffScore.cpu.high * 100).toFixed(1)})` : '—';
      return `<tr data-index="${i}"><td>${i + 1}</td><td><code>${escapeHtml((r.commit ?? '—').slice(0, 12))}</code></td><td>${escapeHtml(r.date)}</td><td class="verdict-${r.verdict}">${r.verdict}</td><td>${r.cpuMicrosPerRequest.median.toFixed(1)}</td><td>${score}</td><td>${r.throughputRps.toFixed(0)}</td><td>${r.latencyP95Ms.toFixed(1)}</td><td>${link}</td></tr>`;
    })
    .reverse();
  const cards = records.map((r) => ({ title: pointTitle(r), url: r.runUrl && /^https?:\/\//.test(r.runUrl) ? r.runUrl : null }));
  // As report.html: nothing may load, and only this page's own script may run.
  const csp = `default-src 'none'; script-src 'sha256-${createHash('sha256').update(HOVER_SCRIPT, 'utf8').digest('base64')}'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font-family: system-ui, sans-serif; margin: 24px; color: #24292f; }
#chart { position: relative; display: inline-block; }
#card { position: absolute; display: none; background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: 6px 8px; font-size: 12px; box-shadow: 0 2px 6px rgba(0,0,0,.15); max-width: 360px; }
table { border-collapse: collapse; font-size: 13px; margin-top: 16px; }
td, th { border-bottom: 1px solid #eaeef2; padding: 4px 8px; text-align: left; }
.verdict-fail { color: #cf222e; } .verdict-pass { color: #1a7f37; }
circle.point { cursor: pointer; }
</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${records.length} run(s). CPU per request is the service's CPU time per request, median over a run's trials, with its order-statistic interval (the band); dashed lines are the largest functions' own CPU per request.</p>
<div id="chart">${historySvg(records, steps)}<div id="card" role="tooltip"></div></div>
<h2>Steps</h2>
${steps.length > 0 ? `<ul id="steps">${stepItems.join('')}</ul>` : '<p id="steps">No step found (E-divisive means, significance 0.01).</p>'}
<h2>Runs</h2>
<table id="runs"><thead><tr><th>#</th><th>commit</th><th>date</th><th>verdict</th><th>µs CPU/request</th><th>diff score % (95% CI)</th><th>req/s</th><th>p95 ms</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>
<script id="perfgate-history" type="application/json">${jsonForScript(cards)}</script>
<script>${HOVER_SCRIPT}</script>
</body></html>
`;
}

/** The hover card: the run's commit, date, figures and a link to it, next to the marker. */
const HOVER_SCRIPT = `
(() => {
  const cards = JSON.parse(document.getElementById('perfgate-history').textContent);
  const card = document.getElementById('card');
  const chart = document.getElementById('chart');
  for (const point of document.querySelectorAll('circle.point')) {
    point.addEventListener('mouseenter', () => {
      const c = cards[Number(point.dataset.index)];
      card.textContent = c.title;
      if (c.url) {
        const a = document.createElement('a');
        a.href = c.url;
        a.textContent = ' open the run';
        card.append(document.createElement('br'), a);
      }
      const box = point.getBoundingClientRect();
      const base = chart.getBoundingClientRect();
      card.style.left = (box.left - base.left + 10) + 'px';
      card.style.top = (box.top - base.top + 10) + 'px';
      card.style.display = 'block';
    });
  }
  chart.addEventListener('mouseleave', () => { card.style.display = 'none'; });
})();
`;

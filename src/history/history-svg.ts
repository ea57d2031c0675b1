import { escapeHtml } from '../report/html-escape.js';
import type { HistoryRecord } from './history-record.js';
import type { Step } from './steps.js';

const WIDTH = 900;
const HEIGHT = 360;
const MARGIN = { left: 64, right: 180, top: 24, bottom: 40 };
const FUNCTION_LINES = 5;
const VERDICT_COLOUR: Record<HistoryRecord['verdict'], string> = { pass: '#2da44e', fail: '#cf222e', 'fail-errors': '#bc4c00', inconclusive: '#8c959f' };
const LINE_COLOURS = ['#8250df', '#bf8700', '#1f883d', '#0969da', '#d1242f'];

/**
 * The trend chart: CPU per request per run with its interval band, a marker per run
 * coloured by verdict (linked to the run, with the commit in its title), lines for the
 * largest functions' own CPU per request, and a dashed rule where a step began. Pure SVG,
 * readable without scripts; the page adds the hover card.
 */
export function historySvg(records: readonly HistoryRecord[], steps: readonly Step[]): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const latest = records.at(-1);
  const functions = (latest?.functions ?? []).slice(0, FUNCTION_LINES);
  const perRequest = (r: HistoryRecord, key: string) => (r.functions.find((f) => f.key === key)?.selfNanosPerRequest ?? 0) / 1000;
  const top = Math.max(1e-9, ...records.map((r) => r.cpuMicrosPerRequest.high), ...records.flatMap((r) => functions.map((f) => perRequest(r, f.key)))) * 1.1;
  const x = (i: number) => MARGIN.left + (records.length <= 1 ? plotWidth / 2 : (i / (records.length - 1)) * plotWidth);
  const y = (v: number) => MARGIN.top + plotHeight - (v / top) * plotHeight;
  const fmt = (n: number) => n.toFixed(1);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, sans-serif" font-size="12" role="img" aria-label="CPU per request per run">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
  ];
  for (let t = 0; t <= 4; t++) {
    const v = (top / 4) * t;
    out.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${fmt(y(v))}" y2="${fmt(y(v))}" stroke="#eaeef2"/>`, `<text x="${MARGIN.left - 6}" y="${fmt(y(v) + 4)}" text-anchor="end" fill="#57606a">${v.toFixed(v < 10 ? 1 : 0)}</text>`);
  }
  out.push(`<text x="14" y="${MARGIN.top + plotHeight / 2}" transform="rotate(-90 14 ${MARGIN.top + plotHeight / 2})" text-anchor="middle" fill="#57606a">µs CPU per request</text>`);
  if (records.length > 0) {
    const upper = records.map((r, i) => `${fmt(x(i))},${fmt(y(r.cpuMicrosPerRequest.high))}`);
    const lower = records.map((r, i) => `${fmt(x(i))},${fmt(y(r.cpuMicrosPerRequest.low))}`).reverse();
    out.push(`<polygon class="band" points="${[...upper, ...lower].join(' ')}" fill="#0969da" fill-opacity="0.15" stroke="none"/>`);
    out.push(`<polyline class="median" points="${records.map((r, i) => `${fmt(x(i))},${fmt(y(r.cpuMicrosPerRequest.median))}`).join(' ')}" fill="none" stroke="#0969da" stroke-width="2"/>`);
  }
  functions.forEach((f, k) => {
    const colour = LINE_COLOURS[k % LINE_COLOURS.length]!;
    out.push(`<polyline class="function" data-key="${escapeHtml(f.key)}" points="${records.map((r, i) => `${fmt(x(i))},${fmt(y(perRequest(r, f.key)))}`).join(' ')}" fill="none" stroke="${colour}" stroke-width="1.2" stroke-dasharray="4 2"/>`);
    const ly = MARGIN.top + 14 + k * 16;
    out.push(`<line x1="${WIDTH - MARGIN.right + 12}" x2="${WIDTH - MARGIN.right + 30}" y1="${ly - 4}" y2="${ly - 4}" stroke="${colour}" stroke-dasharray="4 2"/>`, `<text x="${WIDTH - MARGIN.right + 34}" y="${ly}" fill="#24292f">${escapeHtml(truncate(f.name, 22))}</text>`);
  });
  for (const step of steps) {
    const at = (x(step.index - 1) + x(step.index)) / 2;
    const label = `${step.change >= 0 ? '+' : ''}${(step.change * 100).toFixed(1)}% from ${step.commit ? step.commit.slice(0, 7) : 'run ' + (step.index + 1)}${step.gateFailed ? '' : ' (gate passed)'}`;
    out.push(`<g class="step"><line x1="${fmt(at)}" x2="${fmt(at)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#cf222e" stroke-dasharray="6 3"/><text x="${fmt(at + 4)}" y="${MARGIN.top + 12}" fill="#cf222e">${escapeHtml(label)}</text></g>`);
  }
  records.forEach((r, i) => {
    const marker = `<circle class="point" data-index="${i}" data-verdict="${r.verdict}" cx="${fmt(x(i))}" cy="${fmt(y(r.cpuMicrosPerRequest.median))}" r="5" fill="${VERDICT_COLOUR[r.verdict]}" stroke="#ffffff" stroke-width="1.5"><title>${escapeHtml(pointTitle(r))}</title></circle>`;
    out.push(r.runUrl && /^https?:\/\//.test(r.runUrl) ? `<a href="${escapeHtml(r.runUrl)}" target="_blank" rel="noopener">${marker}</a>` : marker);
  });
  const legend = (['pass', 'fail', 'inconclusive'] as const).map((v, k) => `<circle cx="${WIDTH - MARGIN.right + 20}" cy="${HEIGHT - MARGIN.bottom - 40 + k * 16}" r="5" fill="${VERDICT_COLOUR[v]}"/><text x="${WIDTH - MARGIN.right + 34}" y="${HEIGHT - MARGIN.bottom - 36 + k * 16}" fill="#24292f">${v}</text>`);
  out.push(...legend, `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 10}" text-anchor="middle" fill="#57606a">runs, oldest first (${records.length})</text>`, '</svg>');
  return out.join('\n');
}

/** What hovering a run says: commit, date, CPU per request with its interval, verdict, diff score. */
export function pointTitle(r: HistoryRecord): string {
  const cpu = r.cpuMicrosPerRequest;
  const score = r.diffScore ? `, diff score ${(r.diffScore.cpu.change * 100).toFixed(1)}% (${(r.diffScore.cpu.low * 100).toFixed(1)}% … ${(r.diffScore.cpu.high * 100).toFixed(1)}%)` : '';
  return `${r.commit ? r.commit.slice(0, 12) : 'no commit'} · ${r.date.slice(0, 16).replace('T', ' ')} · ${cpu.median.toFixed(1)} µs CPU/request (${cpu.low.toFixed(1)} … ${cpu.high.toFixed(1)}) · ${r.verdict}${score}`;
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

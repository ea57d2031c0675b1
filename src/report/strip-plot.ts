import { escapeHtml } from './html-escape.js';

const WIDTH = 150;
const HEIGHT = 30;
const PAD = 5;

/**
 * Per-trial values of both sides as points on one scale (baseline above, candidate
 * below, a tick at each median), so a reader sees the spread behind a median and its
 * interval. A small inline SVG with its values in a tooltip. Pure.
 */
export function stripPlot(baseline: readonly number[], candidate: readonly number[], format: (value: number) => string): string {
  const finite = [...baseline, ...candidate].filter(Number.isFinite);
  if (finite.length === 0) return '';
  let low = Math.min(...finite);
  let high = Math.max(...finite);
  if (high === low) {
    // All equal: centre them rather than divide by zero.
    low -= 1;
    high += 1;
  }
  const xOf = (value: number) => PAD + ((value - low) / (high - low)) * (WIDTH - 2 * PAD);
  const row = (values: readonly number[], y: number, cls: string): string => {
    const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
    const median = sorted.length === 0 ? NaN : sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
    const dots = sorted.map((v) => `<circle cx="${xOf(v).toFixed(1)}" cy="${y}" r="2.6" class="${cls}"/>`).join('');
    const tick = Number.isFinite(median) ? `<line x1="${xOf(median).toFixed(1)}" x2="${xOf(median).toFixed(1)}" y1="${y - 6}" y2="${y + 6}" class="${cls} median"/>` : '';
    return tick + dots;
  };
  const title = `baseline: ${baseline.map(format).join(', ')}\ncandidate: ${candidate.map(format).join(', ')}`;
  return (
    `<svg class="strip" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(title)}">` +
    `<title>${escapeHtml(title)}</title>` +
    `<line x1="${PAD}" x2="${WIDTH - PAD}" y1="${HEIGHT / 2}" y2="${HEIGHT / 2}" class="axis"/>` +
    row(baseline, 8, 'base') +
    row(candidate, HEIGHT - 8, 'cand') +
    '</svg>'
  );
}

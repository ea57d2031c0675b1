import { frameColour } from './colour.js';
import { flameModel } from './model.js';
import type { FlamePageData } from './page-data.js';
import { escapeHtml } from '../html-escape.js';

export interface FlameSvgOptions {
  /** Drawing width in pixels (default 1200). */
  readonly width?: number;
  /** Which measure sets frame widths (index into the tree's measures; default 0, CPU). */
  readonly measure?: number;
}

const ROW = 18;
const TOP = 44;
const FONT = 11;
// No text measurement without a browser: an average glyph width of the 11px sans face.
const CHAR_WIDTH = 6.4;
// Narrower frames are culled: they cannot be seen and would only grow the file.
const MIN_WIDTH = 0.5;

/**
 * The candidate's flame graph as a static SVG (icicle: callers above callees), coloured
 * by change, with a native tooltip per frame: for places where scripts do not run
 * (an artifact preview, a PR, an image viewer). Pure.
 */
export function renderFlameSvg(data: FlamePageData, options: FlameSvgOptions = {}): string {
  const width = options.width ?? 1200;
  const measure = options.measure ?? 0;
  const model = flameModel();
  const { tree } = data;
  const values = tree.candidate[measure] ?? [];
  const parent = model.parents(tree.end);
  const laid = model.layout(tree.end, parent, values, 0, width, MIN_WIDTH);
  let maxDepth = 0;
  for (const node of laid.node) maxDepth = Math.max(maxDepth, tree.depth[node]!);
  const height = TOP + (laid.node.length > 0 ? (maxDepth + 1) * ROW : ROW) + 8;
  const label = tree.measures[measure]?.label ?? 'CPU';

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="flame-static" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="${FONT}" role="img" aria-label="Flame graph of the candidate, coloured by change">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="4" y="16" font-size="14" font-weight="600" fill="#1b1b1b">Candidate ${escapeHtml(label)}, coloured by change${tree.measures[measure]?.hasBaseline ? '' : ' (no baseline profile: colours from the comparison only)'}</text>`,
    legend(4, 32),
  );
  if (laid.node.length === 0) out.push(`<text x="4" y="${TOP + 12}" fill="#555">No samples.</text>`);
  for (let i = 0; i < laid.node.length; i++) {
    const node = laid.node[i]!;
    const x = laid.x[i]!;
    const w = laid.w[i]!;
    const y = TOP + tree.depth[node]! * ROW;
    const f = tree.fn[node]!;
    const look = f >= 0 ? data.look[f]! : { fill: 'hsl(40, 6%, 70%)', text: '#1b1b1b' };
    const details = model.details(data, node, measure);
    const tooltip = [details.title, details.location, ...details.lines].join('\n');
    out.push(
      `<g><title>${escapeHtml(tooltip)}</title><rect x="${x.toFixed(2)}" y="${y}" width="${Math.max(0, w - 0.5).toFixed(2)}" height="${ROW - 1}" fill="${look.fill}"/>` +
        `${textIn(details.title, x, y, w, look.text)}</g>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}

function textIn(name: string, x: number, y: number, width: number, colour: string): string {
  const fits = Math.floor((width - 6) / CHAR_WIDTH);
  if (fits < 3) return '';
  const text = name.length <= fits ? name : `${name.slice(0, fits - 1)}…`;
  return `<text x="${(x + 3).toFixed(2)}" y="${y + ROW - 5}" fill="${colour}">${escapeHtml(text)}</text>`;
}

function legend(x: number, y: number): string {
  const items: Array<[string, string]> = [
    [frameColour('regressed', 2, '').fill, 'slower (significant)'],
    [frameColour('improved', 0.5, '').fill, 'faster (significant)'],
    [frameColour(null, 1, '').fill, 'no significant change'],
  ];
  let cx = x;
  const parts: string[] = [];
  for (const [fill, text] of items) {
    parts.push(`<rect x="${cx}" y="${y - 9}" width="10" height="10" fill="${fill}"/><text x="${cx + 14}" y="${y}" fill="#333">${text}</text>`);
    cx += 14 + text.length * CHAR_WIDTH + 16;
  }
  return parts.join('');
}

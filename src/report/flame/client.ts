/// <reference lib="dom" />
// The browser half of report.html. Its source text is embedded in the page
// (`flameClient.toString()`), so it must stay self-contained: it reaches the pure logic
// only through the `model` argument, and everything else through the DOM. The DOM lib is
// referenced here alone, for the types; nothing in this file runs in Node.
import type { FlameLayout, FlameModel } from './model.js';
import type { FlamePageData } from './page-data.js';

/** Scripting hook the page exposes as `window.perfgateFlame` (used by the browser tests). */
export interface FlameHook {
  /** Where frames of functions named `name` are drawn, in CSS pixels relative to the viewport. */
  framesOf(name: string): Array<{ node: number; x: number; y: number; width: number; height: number }>;
  state(): { zoom: string; measure: string; frames: number; matches: number };
}

export function flameClient(model: FlameModel): void {
  const byId = <T extends HTMLElement>(id: string): T => {
    const element = document.getElementById(id);
    if (!element) throw new Error(`report.html: element #${id} is missing`);
    return element as T;
  };
  const dataNode = document.getElementById('perfgate-flame-data');
  if (!dataNode) return;
  const parsed = JSON.parse(dataNode.textContent ?? 'null') as FlamePageData | null;
  if (!parsed) return;
  const data: FlamePageData = parsed;

  const ROW = 18;
  const MIN_WIDTH = 0.5;
  const canvas = byId<HTMLCanvasElement>('flame-canvas');
  const box = byId<HTMLDivElement>('flame-box');
  const tooltip = byId<HTMLDivElement>('flame-tooltip');
  const searchInput = byId<HTMLInputElement>('flame-search');
  const resetButton = byId<HTMLButtonElement>('flame-reset');
  const status = byId<HTMLSpanElement>('flame-status');
  const crumbs = byId<HTMLElement>('flame-crumbs');
  const context = canvas.getContext('2d');
  if (!context) return;
  const ctx = context;
  // The static SVG stays for readers without scripts; with them, the canvas replaces it.
  byId('flame-static').hidden = true;
  byId('flame-live').hidden = false;

  const { tree } = data;
  const parent = model.parents(tree.end);
  const rootLook = { fill: 'hsl(40, 6%, 70%)', text: '#1b1b1b' };
  let measure = 0;
  let zoom = 0;
  let matched: Uint8Array | null = null;
  let matchCount = 0;
  let laid: FlameLayout = { node: [], x: [], w: [] };
  let rows: number[][] = [];
  let ancestorCount = 0;
  let charWidth = 7;

  const nameOf = (node: number): string => {
    const f = tree.fn[node]!;
    return f < 0 ? 'all' : tree.functions[f]!.name;
  };

  function draw(): void {
    const width = Math.max(200, box.clientWidth);
    const values = tree.candidate[measure]!;
    laid = model.layout(tree.end, parent, values, zoom, width, MIN_WIDTH);
    rows = model.rowsOf(laid, tree.depth);
    ancestorCount = model.ancestors(parent, zoom).length;
    const height = Math.max(1, rows.length) * ROW;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    // An opaque background, so dimmed frames blend toward white in the pixels themselves.
    ctx.globalAlpha = 1;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.font = '12px system-ui, -apple-system, "Segoe UI", sans-serif';
    ctx.textBaseline = 'middle';
    charWidth = ctx.measureText('abcdefghijklmnopqrstuvwxyz').width / 26;
    for (let i = 0; i < laid.node.length; i++) {
      const node = laid.node[i]!;
      const x = laid.x[i]!;
      const w = laid.w[i]!;
      const y = tree.depth[node]! * ROW;
      const f = tree.fn[node]!;
      const look = f >= 0 ? data.look[f]! : rootLook;
      const dimmed = matched !== null && matched[node] !== 1;
      ctx.globalAlpha = dimmed ? 0.25 : i < ancestorCount ? 0.7 : 1;
      ctx.fillStyle = look.fill;
      ctx.fillRect(x, y, Math.max(MIN_WIDTH, w - (w > 3 ? 1 : 0)), ROW - 1);
      if (matched !== null && matched[node] === 1) {
        ctx.globalAlpha = 1;
        ctx.strokeStyle = '#7b1fa2';
        ctx.lineWidth = 2;
        ctx.strokeRect(x + 1, y + 1, Math.max(0, w - 3), ROW - 3);
      }
      const fits = Math.floor((w - 8) / charWidth);
      if (fits >= 3) {
        const name = nameOf(node);
        ctx.fillStyle = look.text;
        ctx.fillText(name.length <= fits ? name : `${name.slice(0, fits - 1)}…`, x + 4, y + ROW / 2);
      }
    }
    ctx.globalAlpha = 1;
    canvas.dataset['frames'] = String(laid.node.length);
    canvas.dataset['zoom'] = nameOf(zoom);
    drawCrumbs();
  }

  function drawCrumbs(): void {
    crumbs.textContent = '';
    const path = [...model.ancestors(parent, zoom), zoom];
    path.forEach((node, i) => {
      if (i > 0) crumbs.append(' › ');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = nameOf(node);
      button.disabled = node === zoom;
      button.addEventListener('click', () => zoomTo(node));
      crumbs.append(button);
    });
    resetButton.disabled = zoom === 0;
  }

  function zoomTo(node: number): void {
    zoom = node;
    hideTooltip();
    draw();
  }

  function updateSearch(): void {
    const query = searchInput.value;
    const values = tree.candidate[measure]!;
    const result = model.search(tree.functions, tree.fn, tree.end, values, query);
    matched = query.trim() === '' ? null : result.matched;
    matchCount = result.count;
    const total = values[0] ?? 0;
    status.textContent =
      matched === null ? '' : `${result.count} frame${result.count === 1 ? '' : 's'} match, ${total > 0 ? ((result.covered / total) * 100).toFixed(1) : '0.0'}% of the candidate's ${tree.measures[measure]!.label}`;
    draw();
  }

  function nodeAt(event: MouseEvent): number {
    const rect = canvas.getBoundingClientRect();
    return model.hit(laid, rows, Math.floor((event.clientY - rect.top) / ROW), event.clientX - rect.left);
  }

  function showTooltip(node: number, event: MouseEvent): void {
    const details = model.details(data, node, measure);
    tooltip.textContent = '';
    const title = document.createElement('div');
    title.className = 'tt-title';
    title.textContent = details.title;
    const location = document.createElement('div');
    location.className = 'tt-location';
    location.textContent = details.location;
    const list = document.createElement('ul');
    for (const line of details.lines) {
      const item = document.createElement('li');
      item.textContent = line;
      list.append(item);
    }
    tooltip.append(title, location, list);
    tooltip.hidden = false;
    tooltip.dataset['node'] = String(node);
    const gap = 14;
    const { innerWidth, innerHeight } = window;
    const tw = tooltip.offsetWidth;
    const th = tooltip.offsetHeight;
    const left = event.clientX + gap + tw > innerWidth ? Math.max(4, event.clientX - gap - tw) : event.clientX + gap;
    const top = event.clientY + gap + th > innerHeight ? Math.max(4, event.clientY - gap - th) : event.clientY + gap;
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${top}px`;
  }

  function hideTooltip(): void {
    tooltip.hidden = true;
    delete tooltip.dataset['node'];
  }

  canvas.addEventListener('mousemove', (event) => {
    const node = nodeAt(event);
    canvas.style.cursor = node >= 0 ? 'pointer' : 'default';
    if (node >= 0) showTooltip(node, event);
    else hideTooltip();
  });
  canvas.addEventListener('mouseleave', hideTooltip);
  canvas.addEventListener('click', (event) => {
    const node = nodeAt(event);
    if (node >= 0) zoomTo(node);
  });
  resetButton.addEventListener('click', () => zoomTo(0));
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || zoom === 0 || event.target === searchInput) return;
    zoomTo(Math.max(0, parent[zoom]!));
  });
  searchInput.addEventListener('input', updateSearch);
  for (const input of Array.from(document.querySelectorAll<HTMLInputElement>('input[name="flame-measure"]'))) {
    input.addEventListener('change', () => {
      if (!input.checked) return;
      measure = Number(input.value);
      // A zoomed frame may have nothing under the other measure: start from the root then.
      if (!((tree.candidate[measure]![zoom] ?? 0) > 0)) zoom = 0;
      hideTooltip();
      updateSearch();
    });
  }
  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(draw, 100);
  });

  const hook: FlameHook = {
    framesOf(name) {
      const rect = canvas.getBoundingClientRect();
      const found: ReturnType<FlameHook['framesOf']> = [];
      for (let i = 0; i < laid.node.length; i++) {
        const node = laid.node[i]!;
        if (nameOf(node) !== name) continue;
        found.push({ node, x: rect.left + laid.x[i]!, y: rect.top + tree.depth[node]! * ROW, width: laid.w[i]!, height: ROW - 1 });
      }
      return found;
    },
    state() {
      return { zoom: nameOf(zoom), measure: tree.measures[measure]!.id, frames: laid.node.length, matches: matched === null ? 0 : matchCount };
    },
  };
  (window as unknown as { perfgateFlame: FlameHook }).perfgateFlame = hook;
  draw();
}

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Profile as PprofProfile } from 'pprof-format';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../src/analysis/prng.js';
import { decodePprof, requestsOf } from '../src/profile/index.js';
import { HOSTILE_NAME, pprofOf, syntheticProfiles, syntheticReport, type FrameSpec } from '../src/report/fixtures.test-helper.js';
import { flameMeasures } from '../src/report/flame/measures.js';
import type { FlamePageData } from '../src/report/flame/page-data.js';
import { flamePageData } from '../src/report/flame/page.js';
import { buildFlameTree } from '../src/report/flame/tree.js';
import { formatQ } from '../src/report/format.js';
import { renderHtml } from '../src/report/html.js';
import type { Report } from '../src/report/index.js';
import { launchBrowser, pngStatistics, processesMentioning, type TestBrowser } from './helpers/browser.js';
import { exampleConfig, MARK } from './helpers/example-config.js';
import { leftoverProcesses } from './helpers/processes.js';
import { runCli } from './helpers/run-cli.js';

interface FrameBox {
  node: number;
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Hook {
  framesOf(name: string): FrameBox[];
  state(): { zoom: string; measure: string; frames: number; matches: number };
}
const framesOf = (page: Page, name: string) => page.evaluate((n) => (window as unknown as { perfgateFlame: Hook }).perfgateFlame.framesOf(n), name);
/** The widest frame of a function: a function on several call paths has thin frames too. */
const widest = async (page: Page, name: string) => (await framesOf(page, name)).sort((a, b) => b.width - a.width)[0];
const state = (page: Page) => page.evaluate(() => (window as unknown as { perfgateFlame: Hook }).perfgateFlame.state());

/** The colour of the canvas pixel at page coordinates (x, y), as [r, g, b]. */
const pixel = (page: Page, x: number, y: number) =>
  page.evaluate(
    ([px, py]) => {
      const canvas = document.getElementById('flame-canvas') as HTMLCanvasElement;
      const rect = canvas.getBoundingClientRect();
      const ratio = canvas.width / rect.width;
      const data = canvas.getContext('2d')!.getImageData(Math.floor((px! - rect.left) * ratio), Math.floor((py! - rect.top) * ratio), 1, 1).data;
      return [data[0]!, data[1]!, data[2]!];
    },
    [x, y],
  );

/** The value of the samples whose stack begins with `path` (function names, root first). */
function valueOnPath(profile: PprofProfile, path: readonly string[]): number {
  const strings = profile.stringTable.strings;
  const nameOf = new Map(profile.function.map((f) => [String(f.id), strings[Number(f.name)]!]));
  const namesAt = new Map(profile.location.map((l) => [String(l.id), l.line.map((line) => nameOf.get(String(line.functionId))!).reverse()]));
  const cpu = profile.sampleType.findIndex((t) => strings[Number(t.type)] === 'cpu');
  let total = 0;
  for (const sample of profile.sample) {
    const stack = [...sample.locationId].reverse().flatMap((id) => namesAt.get(String(id))!);
    if (path.every((name, i) => stack[i] === name)) total += Number(sample.value[cpu]);
  }
  return total;
}

/** `hsl(h, s%, l%)` as [r, g, b], the way the browser fills it. */
function hslToRgb(fill: string): number[] {
  const [h, s, l] = /^hsl\((\d+), (\d+)%, (\d+)%\)$/.exec(fill)!.slice(1).map(Number) as [number, number, number];
  const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

const near = (actual: number[], expected: number[]) => actual.every((v, i) => Math.abs(v - expected[i]!) <= 3);
const flameData = (html: string) => JSON.parse(/<script type="application\/json" id="perfgate-flame-data">([\s\S]*?)<\/script>/.exec(html)![1]!) as FlamePageData;

// The report of a real gate run on the example with scoreProduct made slower, opened in
// Debian's chromium from a file:// URL, as a reader opens a downloaded artifact.
describe('report.html in a real browser', () => {
  let browser: TestBrowser;
  let dir: string;
  let report: Report;
  let html: string;

  beforeAll(async () => {
    // Few trials keep this quick: the page is under test here, not the statistics (test/gate.e2e.test.ts
    // checks that the example's regression is found), so the colours are checked against the findings.
    const small = { trials: 4, load: { warmupRequests: 200, measureRequests: 1000, connections: 8 }, compare: { baseline: 'stored' } };
    const base = exampleConfig(small);
    const baseline = await runCli(['baseline', '--config', base.path]);
    expect(baseline.code, baseline.stderr).toBe(0);
    const regressed = exampleConfig({ ...small, env: { PERFGATE_EXAMPLE_REGRESSION: 'scoreProduct' }, baseline: join(base.dir, 'baseline.json') });
    const run = await runCli(['run', '--config', regressed.path]);
    // 4 trials a side cannot reach significance: the gate says inconclusive (exit 2) but writes every report.
    expect(run.stdout, run.stderr).toMatch(/report: .*report\.html/);
    expect(await leftoverProcesses(MARK, base.mark)).toEqual([]);
    expect(await leftoverProcesses(MARK, regressed.mark)).toEqual([]);
    dir = join(regressed.dir, 'report');
    report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'), (_k, v: unknown) => (v === 'Infinity' ? Number.POSITIVE_INFINITY : v)) as Report;
    html = readFileSync(join(dir, 'report.html'), 'utf8');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await closeAndCheck(browser);
  });

  async function open() {
    const opened = await browser.page();
    await opened.page.goto(pathToFileURL(join(dir, 'report.html')).href);
    await opened.page.waitForFunction(() => (window as unknown as { perfgateFlame?: unknown }).perfgateFlame !== undefined);
    return opened;
  }

  it('draws the flame graph with no console errors, and scoreProduct in its finding’s colour', async () => {
    const { page, errors } = await open();
    expect((await state(page)).frames).toBeGreaterThan(50);
    expect(await page.isVisible('#flame-static')).toBe(false);
    const score = await widest(page, 'scoreProduct');
    expect(score).toBeDefined();
    const finding = report.comparison.findings.find((f) => f.key === 'examples/shop-api/search.js#scoreProduct')!;
    const data = flameData(html);
    const look = data.look[data.tree.functions.findIndex((f) => f.key === finding.key)]!;
    expect(look.outcome).toBe(finding.outcome);
    expect(near(await pixel(page, score!.x + 2, score!.y + 2), hslToRgb(look.fill))).toBe(true);
    if (finding.outcome === 'regressed') expect(hslToRgb(look.fill)[0]).toBeGreaterThan(150);
    expect(errors).toEqual([]);
  });

  it('shows the tooltip with both sides per request and the function’s test when hovering scoreProduct', async () => {
    const { page, errors } = await open();
    // The widest scoreProduct frame, and the call path to it (read from the zoom path).
    const frame = await widest(page, 'scoreProduct');
    await page.mouse.click(frame!.x + frame!.width / 2, frame!.y + frame!.height / 2);
    const path = (await page.innerText('#flame-crumbs')).split(' › ').slice(1);
    await page.click('#flame-reset');
    await page.mouse.move(frame!.x + frame!.width / 2, frame!.y + frame!.height / 2);
    await page.waitForSelector('#flame-tooltip:not([hidden])');
    const text = await page.innerText('#flame-tooltip');

    // The expected values come from the merged pprof files, summed here sample by sample, not from the flame tree.
    const perRequest = (file: string) => {
      const profile = decodePprof(readFileSync(join(dir, file)), file);
      return valueOnPath(profile, path) / requestsOf(profile)!;
    };
    const base = perRequest(report.merged.baseline!);
    const cand = perRequest(report.merged.candidate);
    const key = 'examples/shop-api/search.js#scoreProduct';
    const finding = report.comparison.findings.find((f) => f.key === key)!;
    expect(text).toContain('scoreProduct');
    expect(text).toContain(`examples/shop-api/search.js:${report.functionLines![key]}`);
    const shown = /CPU per request on this call path: ([\d.]+) µs → ([\d.]+) µs \(([+-][\d.]+)%\)/.exec(text);
    expect(shown, text).not.toBeNull();
    // The page shows one decimal of µs; the tree keeps six significant digits.
    expect(Math.abs(Number(shown![1]) - base / 1000)).toBeLessThanOrEqual(0.051);
    expect(Math.abs(Number(shown![2]) - cand / 1000)).toBeLessThanOrEqual(0.051);
    expect(Math.abs(Number(shown![3]) - (cand / base - 1) * 100)).toBeLessThanOrEqual(0.11);
    // The finding's numbers, against report.json (which keeps six significant digits, so allow the last printed one to differ).
    for (const [label, metric] of [
      ['Self', finding.self],
      ['Total', finding.total],
    ] as const) {
      const line = new RegExp(`${label} share of busy CPU ([\\d.]+)% → ([\\d.]+)%, change (~|[+-][\\d.]+%) \\(95% CI ([+-][\\d.]+)% … ([+-][\\d.]+|new)%?\\), q (\\S+)`).exec(text);
      expect(line, text).not.toBeNull();
      const [, baseShare, candShare, point, low, high, q] = line!;
      expect(Math.abs(Number(baseShare) - metric.baselineMedian * 100)).toBeLessThanOrEqual(0.0051);
      expect(Math.abs(Number(candShare) - metric.candidateMedian * 100)).toBeLessThanOrEqual(0.0051);
      expect(point === '~').toBe(metric.outcome === 'unchanged' || metric.outcome === 'inconclusive');
      expect(Math.abs(Number(low) - (metric.ci.low - 1) * 100)).toBeLessThanOrEqual(0.051);
      if (high !== 'new') expect(Math.abs(Number(high) - (metric.ci.high - 1) * 100)).toBeLessThanOrEqual(0.051);
      expect(q).toBe(formatQ(metric.q));
    }
    await page.mouse.move(2, 2);
    expect(await page.isHidden('#flame-tooltip')).toBe(true);
    expect(errors).toEqual([]);
  });

  it('zooms into a clicked frame and back out by the path, Esc and “Reset zoom”', async () => {
    const { page, errors } = await open();
    const width = await page.evaluate(() => document.getElementById('flame-canvas')!.getBoundingClientRect().width);
    const search = await widest(page, 'searchProducts');
    expect(search!.width).toBeLessThan(width * 0.9);
    await page.mouse.click(search!.x + search!.width / 2, search!.y + search!.height / 2);
    expect((await state(page)).zoom).toBe('searchProducts');
    const zoomed = await widest(page, 'searchProducts');
    expect(zoomed!.width).toBeCloseTo(width, 0);
    const score = await widest(page, 'scoreProduct');
    expect(score!.width).toBeGreaterThan(width * 0.3);
    expect(await page.innerText('#flame-crumbs')).toMatch(/^all › .* › searchProducts$/);

    await page.keyboard.press('Escape');
    const parent = (await state(page)).zoom;
    expect(parent).not.toBe('searchProducts');
    expect(parent).not.toBe('all');

    await page.click('#flame-crumbs button >> nth=0');
    expect((await state(page)).zoom).toBe('all');

    await page.mouse.click(search!.x + search!.width / 2, search!.y + search!.height / 2);
    expect((await state(page)).zoom).toBe('searchProducts');
    await page.click('#flame-reset');
    expect((await state(page)).zoom).toBe('all');
    expect((await widest(page, 'searchProducts'))!.width).toBeCloseTo(search!.width, 3);
    expect(errors).toEqual([]);
  });

  it('highlights the frames a search matches and dims the rest', async () => {
    const { page, errors } = await open();
    const score = await widest(page, 'scoreProduct');
    const handler = await widest(page, 'handleRequest');
    const before = await pixel(page, handler!.x + 2, handler!.y + 2);
    await page.fill('#flame-search', 'scoreprod');
    const matches = (await state(page)).matches;
    expect(matches).toBeGreaterThanOrEqual(1);
    expect(await page.innerText('#flame-status')).toMatch(new RegExp(`^${matches} frames? match, \\d+\\.\\d% of the candidate's CPU$`));
    const after = await pixel(page, handler!.x + 2, handler!.y + 2);
    // Dimmed toward the white background.
    expect(after.reduce((a, b) => a + b)).toBeGreaterThan(before.reduce((a, b) => a + b) + 60);
    // The match gains a 2 px purple outline (#7b1fa2); frames sit at fractional x, so look across its edge.
    const edge = await Promise.all([0.5, 1.5, 2.5].map((dx) => pixel(page, score!.x + dx, score!.y + score!.height / 2)));
    // Purple: both red and blue well above green (grey, red and blue fills are not).
    expect(Math.max(...edge.map(([r, g, b]) => Math.min(b! - g!, r! - g!))), JSON.stringify(edge)).toBeGreaterThan(50);
    await page.fill('#flame-search', '');
    expect((await state(page)).matches).toBe(0);
    expect(near(await pixel(page, handler!.x + 2, handler!.y + 2), before)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('sorts the function table by a column', async () => {
    const { page, errors } = await open();
    await page.click('#function-table thead th:nth-child(2) button');
    const names = await page.$$eval('#function-table tbody tr td.name', (cells) => cells.map((c) => c.textContent ?? ''));
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    await page.selectOption('#function-filter', 'unchanged');
    const outcomes = await page.$$eval('#function-table tbody tr:not([hidden])', (rows) => rows.map((r) => (r as HTMLElement).dataset['outcome']));
    expect(new Set(outcomes)).toEqual(new Set(outcomes.length > 0 ? ['unchanged'] : []));
    expect(errors).toEqual([]);
  });

  it('renders a screenshot that is not blank', async () => {
    const { page, errors } = await open();
    const png = await page.locator('#flame').screenshot();
    writeFileSync(join(dir, 'flame-screenshot.png'), png);
    const stats = await pngStatistics(page, png);
    expect(stats.colours).toBeGreaterThan(20);
    expect(stats.inked).toBeGreaterThan(0.3);
    expect(errors).toEqual([]);
  });

  it('writes flamegraph.svg beside it, a valid SVG a browser draws without scripts', async () => {
    const { page, errors } = await browser.page();
    await page.goto(pathToFileURL(join(dir, 'flamegraph.svg')).href);
    expect(await page.evaluate(() => document.documentElement.tagName)).toBe('svg');
    expect(await page.evaluate(() => document.querySelectorAll('rect').length)).toBeGreaterThan(50);
    expect(await page.evaluate(() => Array.from(document.querySelectorAll('title')).some((t) => t.textContent?.startsWith('scoreProduct\n')))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('shows the static SVG and the tables when scripts are off', async () => {
    const noScript = await launchBrowser({ javaScript: false });
    try {
      const { page } = await noScript.page();
      await page.goto(pathToFileURL(join(dir, 'report.html')).href);
      expect(await page.isVisible('#flame-static svg')).toBe(true);
      expect(await page.isVisible('#flame-live')).toBe(false);
      expect(await page.locator('#function-table tbody tr').count()).toBe(report.comparison.findings.length);
    } finally {
      await closeAndCheck(noScript);
    }
  });
});

describe('report.html with hostile names and a big profile', () => {
  let browser: TestBrowser;
  let dir: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    dir = mkdtempSync(join(tmpdir(), 'perfgate-html-'));
  });
  afterAll(async () => {
    await closeAndCheck(browser);
  });

  it('shows a function name with markup and script as text, and never runs it', async () => {
    const report = syntheticReport();
    const profiles = syntheticProfiles();
    const flame = flamePageData(buildFlameTree(flameMeasures([{ profile: profiles.candidate, source: 'c' }], [{ profile: profiles.baseline, source: 'b' }])), report.comparison);
    const file = join(dir, 'hostile.html');
    writeFileSync(file, renderHtml(report, flame).html);
    const { page, errors, dialogs } = await browser.page();
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => (window as unknown as { perfgateFlame?: unknown }).perfgateFlame !== undefined);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(2);
    const cells = await page.$$eval('#function-table td.name', (tds) => tds.map((td) => td.textContent));
    expect(cells).toContain(HOSTILE_NAME);
    const [frame] = await framesOf(page, HOSTILE_NAME);
    await page.mouse.move(frame!.x + frame!.width / 2, frame!.y + 5);
    expect(await page.innerText('#flame-tooltip .tt-title')).toBe(HOSTILE_NAME);
    // The regressed function stands out in red, the improved one in blue.
    const [score] = await framesOf(page, 'scoreProduct');
    const [red, green, blue] = await pixel(page, score!.x + 2, score!.y + 2);
    expect(red! - Math.max(green!, blue!)).toBeGreaterThan(80);
    const [render] = await framesOf(page, 'render');
    const rgb = await pixel(page, render!.x + 2, render!.y + 2);
    expect(rgb[2]! - Math.max(rgb[0]!, rgb[1]!)).toBeGreaterThan(60);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('toggles frame widths between CPU and allocated bytes when the profiles carry allocations', async () => {
    const report = syntheticReport();
    const cpu = pprofOf([[['handle', 'scoreProduct'], 9e6], [['handle', 'render'], 1e6]], { requests: 10 });
    const alloc = pprofOf([[['handle', 'scoreProduct'], 1024], [['handle', 'render'], 3 * 1024]], { requests: 10, sampleType: ['alloc_space', 'bytes'] });
    const named = (profile: PprofProfile, source: string) => ({ profile, source });
    const tree = buildFlameTree(flameMeasures([named(cpu, 'cpu'), named(alloc, 'alloc')], [named(cpu, 'cpu'), named(alloc, 'alloc')]));
    const file = join(dir, 'allocations.html');
    writeFileSync(file, renderHtml(report, flamePageData(tree, report.comparison)).html);
    const { page, errors } = await browser.page();
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => (window as unknown as { perfgateFlame?: unknown }).perfgateFlame !== undefined);
    const widths = async () => Object.fromEntries(await Promise.all(['scoreProduct', 'render'].map(async (n) => [n, (await framesOf(page, n))[0]!.width] as const)));
    const byCpu = await widths();
    expect(byCpu['scoreProduct']! / byCpu['render']!).toBeCloseTo(9, 1);
    await page.check('input[name="flame-measure"][value="1"]');
    expect((await state(page)).measure).toBe('alloc_space');
    const byBytes = await widths();
    expect(byBytes['render']! / byBytes['scoreProduct']!).toBeCloseTo(3, 1);
    const [render] = await framesOf(page, 'render');
    await page.mouse.move(render!.x + render!.width / 2, render!.y + 5);
    expect(await page.innerText('#flame-tooltip')).toContain('allocated bytes per request on this call path: 307 B → 307 B (+0.0%)');
    expect(errors).toEqual([]);
  });

  it('stays responsive with tens of thousands of frames (measured, not asserted)', async () => {
    // A seeded random call tree: 60 functions, stacks up to 30 deep, branching at every level.
    const random = seededRandom(11);
    const names: FrameSpec[] = Array.from({ length: 60 }, (_, i) => [`fn${i}`, `src/module-${i % 12}.js`, 10 + i] as const);
    const stacks: Array<[FrameSpec[], number]> = [];
    for (let s = 0; s < 5_000; s++) {
      const depth = 3 + Math.floor(random() * 28);
      const stack: FrameSpec[] = ['main'];
      for (let d = 0; d < depth; d++) stack.push(names[Math.floor(random() * (d < 3 ? 4 : 60))]!);
      stacks.push([stack, 1_000 + Math.floor(random() * 50_000)]);
    }
    const candidate = pprofOf(stacks, { requests: 1000 });
    const tree = buildFlameTree(flameMeasures([{ profile: candidate, source: 'big' }], [{ profile: candidate, source: 'big' }]));
    expect(tree.fn.length).toBeGreaterThan(30_000);
    const file = join(dir, 'big.html');
    const rendered = renderHtml(syntheticReport(), flamePageData(tree, syntheticReport().comparison));
    writeFileSync(file, rendered.html);

    const { page, errors } = await browser.page();
    const started = Date.now();
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => (window as unknown as { perfgateFlame?: unknown }).perfgateFlame !== undefined);
    const loadMs = Date.now() - started;
    const drawn = (await state(page)).frames;
    expect(drawn).toBeGreaterThan(100);
    const timings = await page.evaluate(() => {
      const canvas = document.getElementById('flame-canvas') as HTMLCanvasElement;
      const rect = canvas.getBoundingClientRect();
      const at = (type: string, x: number, y: number) => new MouseEvent(type, { clientX: rect.left + x, clientY: rect.top + y, bubbles: true });
      const time = (action: () => void) => {
        const t = performance.now();
        action();
        return performance.now() - t;
      };
      const hover = time(() => canvas.dispatchEvent(at('mousemove', rect.width / 3, 18 * 3 + 5)));
      const zoom = time(() => canvas.dispatchEvent(at('click', rect.width / 3, 18 * 2 + 5)));
      const reset = time(() => (document.getElementById('flame-reset') as HTMLButtonElement).click());
      const input = document.getElementById('flame-search') as HTMLInputElement;
      const search = time(() => {
        input.value = 'fn7';
        input.dispatchEvent(new Event('input'));
      });
      return { hover, zoom, reset, search };
    });
    console.log(
      `big profile: ${tree.fn.length} frames in the tree, ${drawn} drawn at the root, ${(rendered.html.length / 1048576).toFixed(1)} MiB of HTML; ` +
        `load ${loadMs} ms, hover ${timings.hover.toFixed(1)} ms, zoom ${timings.zoom.toFixed(1)} ms, reset ${timings.reset.toFixed(1)} ms, search ${timings.search.toFixed(1)} ms`,
    );
    expect((await state(page)).matches).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});

/** Closes a test browser and checks that none of its processes outlived it. */
async function closeAndCheck(browser: TestBrowser | undefined): Promise<void> {
  if (!browser) return;
  await browser.close();
  const deadline = Date.now() + 3_000;
  let left = processesMentioning(browser.profile);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    left = processesMentioning(browser.profile);
  }
  expect(left).toEqual([]);
}

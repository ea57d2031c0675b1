import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

// The flags the browser tests run with: headless, no sandbox (containers), and nothing that
// reaches out to the network on its own, so a page that fetched anything would stand out.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

export interface TestBrowser {
  readonly context: BrowserContext;
  /** The fresh profile folder: its name is in every process of this browser. */
  readonly profile: string;
  /** A fresh page that records console errors and uncaught exceptions, and refuses dialogs. */
  page(): Promise<{ page: Page; errors: string[]; dialogs: string[] }>;
  close(): Promise<void>;
}

/** Debian's chromium, headless, with a fresh profile folder that `close` removes. */
export async function launchBrowser(options: { javaScript?: boolean } = {}): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium; .ci/run does)`);
  const profile = mkdtempSync(join(tmpdir(), 'perfgate-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 1000 },
    javaScriptEnabled: options.javaScript ?? true,
  });
  return {
    context,
    profile,
    async page() {
      const page = await context.newPage();
      const errors: string[] = [];
      const dialogs: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      return { page, errors, dialogs };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Processes whose command line mentions `text` (a browser's profile folder): none should outlive a test. */
export function processesMentioning(text: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text)) found.push(Number(entry));
    } catch {
      // Gone, or not ours to read.
    }
  }
  return found;
}

/**
 * Decodes a PNG in the browser (its own decoder, on a blank page) and counts what is in
 * it: distinct colours, the share of pixels that are not near-white, and strongly red ones.
 */
export async function pngStatistics(page: Page, png: Buffer): Promise<{ colours: number; inked: number; red: number }> {
  await page.goto('about:blank');
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set<number>();
    let inked = 0;
    let red = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      colours.add((r << 16) | (g << 8) | b);
      if (r < 240 || g < 240 || b < 240) inked += 1;
      if (r > 170 && g < 110 && b < 110) red += 1;
    }
    return { colours: colours.size, inked: inked / (data.length / 4), red };
  }, png.toString('base64'));
}

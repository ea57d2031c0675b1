import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHistory } from '../src/history/index.js';
import type { Report } from '../src/report/index.js';
import { launchBrowser, processesMentioning, type TestBrowser } from './helpers/browser.js';
import { exampleConfig, MARK } from './helpers/example-config.js';
import { leftoverProcesses } from './helpers/processes.js';
import { runCli } from './helpers/run-cli.js';

// Issue #16's "done when": two `perfgate run --history` runs of the example, then
// `perfgate history`, give a trend page with two points, checked in a real browser; and
// report.json of the example carries the diff score and a symbolication rate of at least 95%.
describe('history of the example service', () => {
  // Stored, and held to it: at these small settings a run is blind, and escalating would measure the base here instead.
  const config = exampleConfig({ trials: 4, load: { warmupRequests: 100, measureRequests: 400, connections: 8 }, compare: { baseline: 'stored' } });
  const historyFile = join(config.dir, 'h.ndjson');
  const out = join(config.dir, 'out');
  let browser: TestBrowser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    expect(processesMentioning(browser.profile)).toEqual([]);
  });

  it('appends one record per run, with the diff score and symbolication in report.json', async () => {
    const baseline = await runCli(['baseline', '--config', config.path]);
    expect(baseline.code, baseline.stderr).toBe(0);
    const first = await runCli(['run', '--config', config.path, '--history', historyFile]);
    expect([0, 2], first.stdout + first.stderr).toContain(first.code);
    expect(first.stdout).toMatch(/^history: run 1 of .*h\.ndjson$/m);
    // The run's own "could have seen" figure for CPU per request replaces the bare test's in the line; allocated bytes keep theirs, named.
    expect(first.stdout).toMatch(/^diff score: CPU per request [+-]\d+\.\d% \(95% CI [+-]\d+\.\d% … [+-]\d+\.\d%\); allocated bytes per request .*not gated as a whole; a bare mann-whitney test/m);
    expect(first.stdout).toMatch(/^could have seen: CPU per request /m);
    const report = JSON.parse(readFileSync(join(config.dir, 'report/report.json'), 'utf8')) as Report;
    const cpu = report.diffScore!.cpuPerRequest;
    expect(cpu.low).toBeLessThanOrEqual(cpu.change);
    expect(cpu.high).toBeGreaterThanOrEqual(cpu.change);
    expect(cpu.minimumDetectable).toMatchObject({ power: 0.8, alpha: 0.05, test: 'mann-whitney' });
    expect(report.diffScore!.allocatedBytesPerRequest).toBeDefined();
    const [cpuRate, allocRate] = report.symbolication!;
    expect(cpuRate!.sampleType).toBe('cpu');
    expect(cpuRate!.rate).toBeGreaterThanOrEqual(0.95);
    expect(allocRate!.sampleType).toBe('alloc_space');
    expect(allocRate!.rate).toBeGreaterThanOrEqual(0.95);

    const second = await runCli(['run', '--config', config.path, '--history', historyFile], {
      env: { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'perfgate/perfgate', GITHUB_RUN_ID: '4242' },
    });
    expect([0, 2], second.stdout + second.stderr).toContain(second.code);
    expect(second.stdout).toMatch(/^history: run 2 of /m);
    const records = parseHistory(readFileSync(historyFile, 'utf8'), historyFile);
    expect(records).toHaveLength(2);
    expect(records[1]!.runUrl).toBe('https://github.com/perfgate/perfgate/actions/runs/4242');
    expect(records[1]!.cpuMicrosPerRequest.median).toBeGreaterThan(0);
    expect(records[1]!.functions.length).toBeGreaterThan(5);
    expect(records[1]!.functions.map((f) => f.name)).toContain('scoreProduct');
    expect(await leftoverProcesses(MARK, config.mark)).toEqual([]);
  });

  it('charts them: history.html shows two points in the browser, with the commit on hover and a link to the run', async () => {
    const result = await runCli(['history', historyFile, '-o', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^2 run\(s\)/m);
    expect(existsSync(join(out, 'history.svg'))).toBe(true);
    expect(readFileSync(join(out, 'history.svg'), 'utf8').match(/<circle class="point"/g)).toHaveLength(2);
    const { page, errors } = await browser.page();
    await page.goto(pathToFileURL(join(out, 'history.html')).href);
    const points = page.locator('circle.point');
    expect(await points.count()).toBe(2);
    const records = parseHistory(readFileSync(historyFile, 'utf8'), historyFile);
    await points.nth(1).hover();
    const card = page.locator('#card');
    await expect.poll(() => card.isVisible()).toBe(true);
    const text = await card.textContent();
    expect(text).toContain((records[1]!.commit ?? 'no commit').slice(0, 12));
    expect(await card.locator('a').getAttribute('href')).toBe('https://github.com/perfgate/perfgate/actions/runs/4242');
    expect(await page.locator('#runs tbody tr').count()).toBe(2);
    // The band and the median line are drawn, and the page loaded nothing from outside.
    expect(await page.locator('polygon.band').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('refuses a history file with a broken line, naming the file, line and field', async () => {
    const broken = join(config.dir, 'broken.ndjson');
    const lines = readFileSync(historyFile, 'utf8').split('\n');
    const record = JSON.parse(lines[1]!);
    record.cpuMicrosPerRequest.median = 'fast';
    const { writeFileSync } = await import('node:fs');
    writeFileSync(broken, `${lines[0]}\n${JSON.stringify(record)}\n`);
    const result = await runCli(['history', broken, '-o', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/broken\.ndjson:2: cpuMicrosPerRequest\.median: /);
  });
});

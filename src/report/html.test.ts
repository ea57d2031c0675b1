import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HOSTILE_NAME, syntheticProfiles, syntheticReport } from './fixtures.test-helper.js';
import { flameMeasures } from './flame/measures.js';
import { flamePageData } from './flame/page.js';
import type { FlamePageData } from './flame/page-data.js';
import { buildFlameTree } from './flame/tree.js';
import { renderHtml } from './html.js';
import { escapeHtml } from './html-escape.js';

const report = syntheticReport();
const profiles = syntheticProfiles();
const flame = flamePageData(buildFlameTree(flameMeasures([{ profile: profiles.candidate, source: 'c' }], [{ profile: profiles.baseline, source: 'b' }])), report.comparison);
const { html, svg } = renderHtml(report, flame);

const scripts = (page: string) => [...page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attributes: m[1]!, body: m[2]! }));

describe('renderHtml', () => {
  it('has exactly two script elements: the JSON data and our own code', () => {
    const found = scripts(html);
    expect(found.map((s) => s.attributes)).toEqual([' type="application/json" id="perfgate-flame-data"', '']);
    expect(html.split('<script').length - 1).toBe(2);
  });

  it('carries a hostile function name intact in the data, but never as markup', () => {
    const data = JSON.parse(scripts(html)[0]!.body) as FlamePageData;
    expect(data.tree.functions.map((f) => f.name)).toContain(HOSTILE_NAME);
    expect(html).not.toContain(HOSTILE_NAME);
    expect(html).not.toContain('<img');
    expect(html).toContain(`<td class="name">${escapeHtml(HOSTILE_NAME)}</td>`);
    expect(svg).not.toContain(HOSTILE_NAME);
  });

  it('allows only its own script, by hash, and no network at all', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!.replace(/&#39;/g, "'");
    const code = scripts(html)[1]!.body;
    const hash = createHash('sha256').update(code, 'utf8').digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline\'; script');
    // No address the browser could fetch (the SVG namespace is a name, not a request).
    expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
  });

  it('states the verdict and its rule, and lists every function with its outcome', () => {
    expect(html).toMatch(/<h1>.*perfgate: 1 function regressed<\/h1>/);
    expect(html).toContain(`<strong>Rule:</strong> ${escapeHtml(report.comparison.verdict.rule)}.`);
    const rows = [...html.matchAll(/<tr data-outcome="(\w+)"><td[^>]*><span class="badge \w+">\w+<\/span><\/td><td class="name">([^<]*)/g)].map((m) => [m[2], m[1]]);
    expect(rows).toEqual(report.comparison.findings.map((f) => [escapeHtml(f.name), f.outcome]));
    expect(rows.find((r) => r[0] === 'scoreProduct')?.[1]).toBe('regressed');
    expect(rows.find((r) => r[0] === 'render')?.[1]).toBe('improved');
    expect(html).toContain('<td class="file">search.js:42</td>');
  });

  it('shows service metrics with intervals and every trial as a point, and the failed requests', () => {
    const service = html.slice(html.indexOf('<section id="service">'), html.indexOf('<section id="environment">'));
    expect(service.match(/<circle /g)).toHaveLength((report.comparison.service.length + 1) * 16);
    expect(service).toContain('failed requests (no response or unexpected status)</td><td class="num">0 of 8000</td>');
    expect(service).toMatch(/CPU per request \(OS\)<\/td><td class="num">\d+ µs<\/td>/);
  });

  it('shows both environments and the settings', () => {
    const environment = html.slice(html.indexOf('<section id="environment">'));
    expect(environment).toContain('<th scope="row">cpuModel</th><td>Test CPU</td><td>Test CPU</td>');
    expect(environment).toContain('<th scope="row">alpha</th><td>0.05</td>');
    expect(environment).toContain('<th scope="row">commit</th><td>1111111111111111111111111111111111111111</td>');
    expect(html).toContain('Reproduce locally: <code>npx perfgate run --config perfgate.config.json</code>');
  });

  it('embeds the static SVG for readers without scripts', () => {
    expect(svg).not.toBeNull();
    expect(html).toContain(`<div id="flame-static">${svg}</div>`);
  });

  it('renders a perfgate diff report: values in the compared unit, no service section to fill', () => {
    const diff = { ...report, comparison: { ...report.comparison, service: [] }, requests: undefined, inputs: { sampleType: 'alloc_space', unit: 'bytes', baseline: ['a.pb.gz'], candidate: ['b.pb.gz'] } };
    const page = renderHtml(diff, null).html;
    expect(page).toContain('No service measurements: these profiles were compared as files (perfgate diff).');
    expect(page).toMatch(/<td class="num" data-sort="[\d.e+]+">[\d.]+ (KiB|MiB) → [\d.]+ (KiB|MiB)<\/td>/);
  });

  it('still renders, saying why, without profiles', () => {
    const bare = renderHtml(report, null);
    expect(bare.svg).toBeNull();
    expect(bare.html).toContain('No profiles were available for this report.');
    expect(scripts(bare.html)).toHaveLength(1);
  });
});

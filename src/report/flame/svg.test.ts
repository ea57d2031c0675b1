import { describe, expect, it } from 'vitest';
import { HOSTILE_NAME, pprofOf, syntheticProfiles, syntheticReport } from '../fixtures.test-helper.js';
import { flameMeasures } from './measures.js';
import { flamePageData } from './page.js';
import { renderFlameSvg } from './svg.js';
import { buildFlameTree } from './tree.js';
import { escapeHtml } from '../html-escape.js';

const report = syntheticReport();
const profiles = syntheticProfiles();
const data = flamePageData(buildFlameTree(flameMeasures([{ profile: profiles.candidate, source: 'c' }], [{ profile: profiles.baseline, source: 'b' }])), report.comparison);

/** Each frame as [title's first line, x, width, fill]. */
const frames = (svg: string) =>
  [...svg.matchAll(/<g><title>([^\n<]*)[^<]*<\/title><rect x="([\d.]+)" y="\d+" width="([\d.]+)" height="\d+" fill="([^"]+)"\/>/g)].map((m) => [m[1], Number(m[2]), Number(m[3]), m[4]] as const);

describe('renderFlameSvg', () => {
  const svg = renderFlameSvg(data, { width: 1000 });

  it('draws every frame with its width by candidate value and its colour by finding', () => {
    const drawn = frames(svg);
    expect(drawn.map((f) => f[0])).toEqual(['all', 'handle', escapeHtml(HOSTILE_NAME), 'query', 'render', 'scoreProduct']);
    const score = drawn.find((f) => f[0] === 'scoreProduct')!;
    const render = drawn.find((f) => f[0] === 'render')!;
    // Candidate: evil 200, query 300, render 150, score 200 of 850.
    expect(score[2]).toBeCloseTo((1000 * 200) / 850 - 0.5, 1);
    expect(score[3]).toBe(data.look[data.tree.functions.findIndex((f) => f.name === 'scoreProduct')]!.fill);
    expect(score[3]).toMatch(/^hsl\(2, /);
    expect(render[3]).toMatch(/^hsl\(214, /);
  });

  it('gives each frame a native tooltip with both sides per request', () => {
    expect(svg).toContain('<title>scoreProduct\nsearch.js:42\nCPU per request on this call path: 100.0 µs → 200.0 µs (+100.0%)\nof which in the function itself: 100.0 µs → 200.0 µs (+100.0%)\nThe function on all paths');
  });

  it('escapes names in tooltips and labels', () => {
    expect(svg).not.toContain(HOSTILE_NAME);
    expect(svg).not.toMatch(/<(script|img)/);
  });

  it('culls frames too narrow to see', () => {
    const wide = pprofOf([[['main', 'big'], 1_000_000], [['main', 'tiny'], 1]], { requests: 1 });
    const tree = buildFlameTree(flameMeasures([{ profile: wide, source: 'w' }], []));
    const drawn = frames(renderFlameSvg(flamePageData(tree, report.comparison), { width: 1000 })).map((f) => f[0]);
    expect(drawn).toEqual(['all', 'main', 'big']);
  });
});

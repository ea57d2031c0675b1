import { describe, expect, it } from 'vitest';
import { stripPlot } from './strip-plot.js';

const xs = (svg: string, cls: string) => [...svg.matchAll(new RegExp(`<circle cx="([\\d.]+)" cy="\\d+" r="[\\d.]+" class="${cls}"/>`, 'g'))].map((m) => Number(m[1]));

describe('stripPlot', () => {
  it('draws one point per trial on a scale shared by both sides, lowest left', () => {
    const svg = stripPlot([1, 2, 3], [10, 11, 12, 13], (v) => `${v} ms`);
    expect(xs(svg, 'base')).toHaveLength(3);
    expect(xs(svg, 'cand')).toHaveLength(4);
    expect(Math.min(...xs(svg, 'base'))).toBe(5);
    expect(Math.max(...xs(svg, 'cand'))).toBe(145);
    expect(svg).toContain('<title>baseline: 1 ms, 2 ms, 3 ms\ncandidate: 10 ms, 11 ms, 12 ms, 13 ms</title>');
  });

  it('marks each median', () => {
    const svg = stripPlot([0, 10], [0, 10, 10], String);
    const medians = [...svg.matchAll(/<line x1="([\d.]+)" x2="[\d.]+" y1="\d+" y2="\d+" class="(base|cand) median"\/>/g)].map((m) => [m[2], Number(m[1])]);
    expect(medians).toEqual([
      ['base', 75],
      ['cand', 145],
    ]);
  });

  it('copes with equal values and with nothing to draw', () => {
    expect(xs(stripPlot([5, 5], [5], String), 'base')).toEqual([75, 75]);
    expect(stripPlot([], [], String)).toBe('');
  });
});

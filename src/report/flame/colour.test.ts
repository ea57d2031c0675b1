import { describe, expect, it } from 'vitest';
import { frameColour } from './colour.js';

const hsl = (fill: string) => {
  const match = /^hsl\((\d+), (\d+)%, (\d+)%\)$/.exec(fill);
  if (!match) throw new Error(`not an hsl colour: ${fill}`);
  return { hue: Number(match[1]), saturation: Number(match[2]), lightness: Number(match[3]) };
};

describe('frameColour', () => {
  it('paints regressions red and improvements blue, saturated', () => {
    const red = hsl(frameColour('regressed', 1.5, 'scoreProduct').fill);
    const blue = hsl(frameColour('improved', 0.7, 'render').fill);
    expect(red.hue).toBeLessThan(15);
    expect(blue.hue).toBeGreaterThan(200);
    expect(blue.hue).toBeLessThan(230);
    expect(red.saturation).toBeGreaterThan(60);
    expect(blue.saturation).toBeGreaterThan(60);
  });

  it('paints what is not significant grey, whatever the ratio', () => {
    for (const outcome of ['unchanged', 'inconclusive', null] as const) {
      expect(hsl(frameColour(outcome, 3, 'x').fill).saturation, String(outcome)).toBeLessThan(10);
    }
  });

  it('darkens with the size of the change, up to a doubling or halving', () => {
    const lightness = (ratio: number, outcome: 'regressed' | 'improved' = 'regressed') => hsl(frameColour(outcome, ratio, 'f').fill).lightness;
    expect(lightness(1.1)).toBeGreaterThan(lightness(1.5));
    expect(lightness(1.5)).toBeGreaterThan(lightness(2));
    expect(lightness(2)).toBe(lightness(8));
    expect(lightness(Number.POSITIVE_INFINITY)).toBe(lightness(2));
    expect(lightness(0.5, 'improved')).toBe(lightness(2));
    expect(lightness(0.9, 'improved')).toBeGreaterThan(lightness(0.6, 'improved'));
  });

  it('picks a label colour that stays readable on the fill', () => {
    expect(frameColour('regressed', 2, 'f').text).toBe('#ffffff');
    expect(frameColour('regressed', 1.06, 'f').text).toBe('#1b1b1b');
    expect(frameColour(null, 1, 'f').text).toBe('#1b1b1b');
  });

  it('varies grey slightly by name, the same for the same name', () => {
    expect(frameColour(null, 1, 'parse')).toEqual(frameColour(null, 1, 'parse'));
    const greys = new Set(['a', 'b', 'c', 'parse', 'render', 'query'].map((n) => frameColour(null, 1, n).fill));
    expect(greys.size).toBeGreaterThan(2);
  });
});

import { describe, expect, it } from 'vitest';
import { colourEnabled, colourReport } from './colour.js';

const strip = (text: string) => text.replace(/\x1b\[\d+m/g, '');

describe('colour', () => {
  it('is on for a terminal only, off with NO_COLOR or TERM=dumb, forced by FORCE_COLOR', () => {
    expect(colourEnabled({ isTTY: true }, {})).toBe(true);
    expect(colourEnabled({}, {})).toBe(false);
    expect(colourEnabled({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    // no-color.org: an empty NO_COLOR does not count.
    expect(colourEnabled({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(colourEnabled({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(colourEnabled({}, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourEnabled({}, { FORCE_COLOR: '0' })).toBe(false);
    expect(colourEnabled({}, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(false);
  });

  it('colours the verdict by outcome, the marks and warnings, and changes nothing else', () => {
    const text = ['', 'perfgate: ❌ 1 function regressed', 'rule: r', '   function  file', 'REGRESSED  parse     a.js', 'improved   render    b.js', '', 'warning: w', ''].join('\n');
    const coloured = colourReport(text, 'fail', true);
    expect(strip(coloured)).toBe(text);
    expect(coloured).toContain('\x1b[1m\x1b[31mperfgate: ❌ 1 function regressed\x1b[39m\x1b[22m');
    expect(coloured).toContain('\x1b[31mREGRESSED\x1b[39m  parse');
    expect(coloured).toContain('\x1b[32mimproved\x1b[39m   render');
    expect(coloured).toContain('\x1b[33mwarning:\x1b[39m w');
    expect(colourReport(text, 'pass', true)).toContain('\x1b[32mperfgate:');
    expect(colourReport(text, 'fail', false)).toBe(text);
  });
});

import { describe, expect, it } from 'vitest';
import { PHASES, PhaseTimings } from './phase-timings.js';

describe('PhaseTimings', () => {
  it('adds each lap to its phase, across stopwatches, and lists every phase', () => {
    let now = 1000;
    const timings = new PhaseTimings(() => now);
    const trial1 = timings.stopwatch();
    now += 300;
    trial1.lap('start');
    now += 500;
    trial1.lap('warmup');
    now += 2000;
    trial1.lap('measure');
    const trial2 = timings.stopwatch();
    now += 250.4;
    trial2.lap('start');
    now += 40;
    trial1.lap('teardown');
    expect(timings.milliseconds()).toEqual({ build: 0, start: 550, warmup: 500, measure: 2000, profiles: 0, teardown: 290, analysis: 0, report: 0 });
    expect(Object.keys(timings.milliseconds())).toEqual([...PHASES]);
  });
});

import { describe, expect, it } from 'vitest';
import { overheadRatios, type RunFigures } from './overhead.js';

const run = (variant: RunFigures['variant'], design: RunFigures['design'], group: number, position: number, cpu: number): RunFigures => ({
  variant,
  design,
  group,
  position,
  throughputRps: 1_000_000 / cpu,
  cpuMicrosPerRequest: cpu,
  mainThreadCpuMicrosPerRequest: cpu / 2,
  profilerThreadCpuMicrosPerRequest: 0,
  responses: 3000,
  failed: 0,
});

describe('overheadRatios', () => {
  it('sets a window against the mean of the idle windows on either side, which cancels a steady drift', () => {
    // The process gets 10 µs slower per window; sampling costs 5% on top.
    const runs = [
      run('idle', 'window', 0, 0, 400),
      run('cpu+alloc', 'window', 0, 1, 410 * 1.05),
      run('idle', 'window', 0, 2, 420),
      run('cpu', 'window', 0, 3, 430 * 1.02),
      run('idle', 'window', 0, 4, 440),
    ];
    const ratios = overheadRatios(runs, 'window', 'idle');
    expect(ratios.find((r) => r.variant === 'cpu+alloc')!.cpuPerRequest.median).toBeCloseTo(1.05, 10);
    expect(ratios.find((r) => r.variant === 'cpu')!.mainThreadCpuPerRequest.median).toBeCloseTo(1.02, 10);
  });

  it('sets fresh processes against the reference of the same round', () => {
    const runs = [run('none', 'process', 0, 0, 400), run('idle', 'process', 0, 1, 404), run('none', 'process', 1, 1, 500), run('idle', 'process', 1, 0, 505)];
    const idle = overheadRatios(runs, 'process', 'none').find((r) => r.variant === 'idle')!;
    expect(idle.cpuPerRequest.median).toBeCloseTo(1.01, 10);
    expect(idle.cpuPerRequest.n).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { cpuValue } from './format.js';

describe('a CPU metric shown in its unit', () => {
  it('shows a recentred total share above 100% as a share, not as nanoseconds', () => {
    // An entry point's total (~100% of busy CPU) divided by a common factor of 0.856: it printed "1 ns → 1 ns".
    expect(cpuValue(1.168, 1.168)).toBe('116.80%');
    expect(cpuValue(0.171, 0.332)).toBe('17.10%');
  });

  it('shows nanoseconds per request (same-runner) as times', () => {
    expect(cpuValue(58_875, 64_625)).toBe('58.9 µs');
    expect(cpuValue(900, 1_200)).toBe('900 ns');
  });
});

import { describe, expect, it } from 'vitest';
import { pairFactors, type FunctionPairs } from './pair-factors.js';
import { gaussian, seededRandom } from './prng.js';

/**
 * A two-way layout like a same-runner run's: `functions` functions × 10 pairs, each pair's
 * machine moving all its code by its own factor, each function its own log change plus
 * noise of `noise` (log sd) per pair.
 */
function layout(options: { machine: readonly number[]; changes: readonly number[]; noise: (j: number) => number; seed: number }): FunctionPairs[] {
  const random = seededRandom(options.seed);
  return options.changes.map((change, j) => ({
    effects: options.machine.map((m) => Math.log(m) + change + options.noise(j) * gaussian(random)),
    ses: options.machine.map(() => options.noise(j)),
  }));
}

const MACHINE = [1.12, 0.9, 1.05, 0.94, 1.2, 0.85, 1.0, 1.08, 0.96, 0.93];
const unchanged = (n: number) => Array.from({ length: n }, () => 0);

describe('each pair’s factor on all its code (same-runner)', () => {
  it('recovers each pair’s machine when one large function changed, and applies it', () => {
    const changes = [Math.log(1.25), ...unchanged(39)];
    const result = pairFactors(layout({ machine: MACHINE, changes, noise: (j) => (j < 10 ? 0.02 : 0.1), seed: 1 }), MACHINE.length);
    expect(result.applied).toBe(true);
    // The factors are the machine's, up to a common constant (the run's mean machine moves the centre).
    const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const centred = (xs: readonly number[]) => xs.map((x) => Math.log(x) - mean(xs.map(Math.log)));
    const error = centred(result.factors).map((f, i) => Math.abs(f - centred(MACHINE)[i]!));
    expect(Math.max(...error)).toBeLessThan(0.02);
    // The changed function does not drag the centre.
    expect(Math.abs(Math.log(result.shift!.ratio) - mean(MACHINE.map(Math.log)))).toBeLessThan(0.02);
    expect(result.centreSe).toBeLessThan(0.02);
  });

  it('is not applied when all the code moved together (every function 15% slower, a quiet machine)', () => {
    const quiet = MACHINE.map((m) => 1 + (m - 1) / 10);
    const changes = Array.from({ length: 40 }, () => Math.log(1.15));
    const result = pairFactors(layout({ machine: quiet, changes, noise: () => 0.03, seed: 2 }), quiet.length);
    expect(result.shift!.low).toBeGreaterThan(1.1);
    expect(result.applied).toBe(false);
  });

  it('says where the unchanged code lies is in doubt when the precise functions moved together and the coarse ones did not', () => {
    // Twenty precise functions 20% cheaper, twenty coarse ones unchanged: either group could be "the code that did not change".
    const changes = [...Array.from({ length: 20 }, () => Math.log(0.8)), ...unchanged(20)];
    const contested = pairFactors(layout({ machine: MACHINE, changes, noise: (j) => (j < 20 ? 0.02 : 0.12), seed: 3 }), MACHINE.length);
    const agreed = pairFactors(layout({ machine: MACHINE, changes: unchanged(40), noise: (j) => (j < 20 ? 0.02 : 0.12), seed: 3 }), MACHINE.length);
    expect(contested.centreSe).toBeGreaterThan(0.05);
    expect(agreed.centreSe).toBeLessThan(0.02);
  });

  it('needs pairs and enough functions to vote, and then estimates no shift at all', () => {
    for (const result of [
      pairFactors(layout({ machine: [1.1], changes: unchanged(40), noise: () => 0.05, seed: 4 }), 1),
      pairFactors(layout({ machine: MACHINE, changes: unchanged(5), noise: () => 0.05, seed: 4 }), MACHINE.length),
    ]) {
      expect(result.applied).toBe(false);
      expect(result.shift).toBeNull();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { compareSchema } from '../config/schema.js';
import { compare } from './compare.js';
import { seededRandom } from './prng.js';
import type { FunctionCost, TrialMetrics } from './trial.js';

const settings = compareSchema.parse({});
/** One CPU sample (100 µs, a finely sampled run): the smallest function here, 0.1% of 10⁹ ns, is ten samples. */
const SAMPLE_NANOS = 100_000;

/** A trial where each function's self share is jittered by a seeded ±`noise` (relative). */
function trial(selfShares: Record<string, number>, random: () => number, noise = 0.03, errors = 0, sampleNanos = SAMPLE_NANOS): TrialMetrics {
  const total = 1_000_000_000;
  const functions: Record<string, FunctionCost> = {};
  let parentTotal = 0;
  for (const [key, share] of Object.entries(selfShares)) {
    const nanos = share * total * (1 + (random() * 2 - 1) * noise);
    parentTotal += nanos;
    functions[key] = { name: key.split('#')[1]!, file: key.split('#')[0]!, selfNanos: nanos, totalNanos: nanos };
  }
  functions['app.js#handle'] = { name: 'handle', file: 'app.js', selfNanos: 0, totalNanos: parentTotal };
  return {
    requests: 1000,
    sampledCpuNanos: parentTotal,
    cpuSampleNanos: sampleNanos,
    functions,
    service: { cpuMicrosPerRequest: 400, throughputRps: 2000, latencyMs: { p50: 2, p95: 5, p99: 8 }, errors, non2xx: 0, statusMismatches: 0, maxRssBytes: 1e8 },
  };
}

const shares = { 'a.js#parse': 0.3, 'b.js#score': 0.1, 'c.js#render': 0.4, 'd.js#tiny': 0.001, 'e.js#log': 0.199 };

describe('compare', () => {
  it('passes an A/A comparison', () => {
    const random = seededRandom(1);
    const base = Array.from({ length: 8 }, () => trial(shares, random));
    const cand = Array.from({ length: 8 }, () => trial(shares, random));
    const result = compare(base, cand, settings);
    expect(result.verdict.outcome).toBe('pass');
    expect(result.findings.filter((f) => f.outcome === 'regressed')).toEqual([]);
  });

  it('fails a planted regression and blames the function whose own time rose, first', () => {
    const random = seededRandom(2);
    const base = Array.from({ length: 8 }, () => trial(shares, random));
    const cand = Array.from({ length: 8 }, () => trial({ ...shares, 'b.js#score': 0.2 }, random));
    const result = compare(base, cand, settings);
    expect(result.verdict.outcome).toBe('fail');
    expect(result.findings[0]!.key).toBe('b.js#score');
    expect(result.findings[0]!.self.outcome).toBe('regressed');
    expect(result.findings[0]!.self.ci.low).toBeGreaterThan(1.05);
    expect(result.findings[0]!.self.q).toBeLessThanOrEqual(0.05);
  });

  it('does not fail on a function below the absolute floor, however much it grew', () => {
    const random = seededRandom(3);
    const base = Array.from({ length: 8 }, () => trial(shares, random));
    const cand = Array.from({ length: 8 }, () => trial({ ...shares, 'd.js#tiny': 0.003 }, random));
    const result = compare(base, cand, settings);
    expect(result.verdict.outcome).toBe('pass');
  });

  it('tests a leaf function once, where self equals total, and leaves out metrics that cannot reach the floor', () => {
    const random = seededRandom(21);
    const base = Array.from({ length: 8 }, () => trial(shares, random, 0.1));
    const cand = Array.from({ length: 8 }, () => trial(shares, random, 0.1));
    const result = compare(base, cand, settings);
    // a, b, c, e: leaf functions, one test each. handle is listed but not tested (its self share
    // is 0 and its total share 1 in every trial); d.js#tiny (0.1%) is left out.
    expect(result.tests).toBe(4);
    expect(result.untested).toBe(1);
    expect(result.findings.find((f) => f.key === 'app.js#handle')!.total).toMatchObject({ q: 1, outcome: 'unchanged' });
    const score = result.findings.find((f) => f.key === 'b.js#score')!;
    expect(score.self.q).toBe(score.total.q);
    expect(score.self.p).toBeLessThan(1);
  });

  it('tests a small function whose shares spread as far as the floor', () => {
    const random = seededRandom(22);
    const base = Array.from({ length: 8 }, () => trial(shares, random));
    const cand = Array.from({ length: 8 }, () => trial({ ...shares, 'd.js#tiny': 0.007 }, random));
    const result = compare(base, cand, settings);
    expect(result.findings.map((f) => f.key)).toContain('d.js#tiny');
    expect(result.findings.find((f) => f.key === 'd.js#tiny')!.self.q).toBeLessThan(0.05);
  });

  it('does not test a function whose share jumps between trials of the same code (inlined in some processes), and says so', () => {
    const random = seededRandom(23);
    // The baseline inlined render's helper into render in 6 of 8 processes, the candidate in
    // none: the same code, so nothing may fail, although the helper's share went from mostly
    // ~0 to 10% and render's own share fell by as much.
    const inlined = (yes: boolean) => ({ ...shares, 'c.js#render': yes ? 0.4 : 0.3, 'c.js#helper': yes ? 0.0005 : 0.1 });
    const base = Array.from({ length: 8 }, (_, i) => trial(inlined(i < 6), random));
    const cand = Array.from({ length: 8 }, () => trial(inlined(false), random));
    const result = compare(base, cand, settings);
    expect(result.verdict.outcome).toBe('pass');
    const helper = result.findings.find((f) => f.key === 'c.js#helper')!;
    expect(helper.self).toMatchObject({ outcome: 'inconclusive', attributionJumps: true, q: 1 });
    expect(result.warnings.join('\n')).toMatch(/jumped between trials of the same code .*: helper \(c\.js; self 0\.0% to 1\d\.\d%\)/);
    // The same shares without the jumps are a regression (the guard is what passes it).
    const steady = Array.from({ length: 8 }, () => trial(inlined(true), random));
    const regressed = compare(steady, cand, settings);
    expect(regressed.findings.find((f) => f.key === 'c.js#helper')!.outcome).toBe('regressed');
  });

  it('does not take counting noise at a few samples for a jump', () => {
    const random = seededRandom(24);
    // One sample is 1 ms (d.js#tiny's own time); 'c.js#rare' is seen 2 or 9 times a trial:
    // a fourfold swing, but at counts where counting alone does that.
    const few = (i: number) => ({ ...shares, 'd.js#tiny': 0.001, 'c.js#rare': i % 2 === 0 ? 0.002 : 0.009 });
    const base = Array.from({ length: 8 }, (_, i) => trial(few(i), random, 0, 0, 1e6));
    const cand = Array.from({ length: 8 }, (_, i) => trial(few(i), random, 0, 0, 1e6));
    const result = compare(base, cand, { ...settings, minShareOfTotal: 0.002 });
    const rare = result.findings.find((f) => f.key === 'c.js#rare')!;
    expect(rare.self.attributionJumps).toBeUndefined();
    expect(result.warnings.join('\n')).not.toMatch(/jumped/);
  });

  it('is inconclusive when the trial count can never reach significance, and says so', () => {
    const random = seededRandom(4);
    const base = Array.from({ length: 3 }, () => trial(shares, random));
    const cand = Array.from({ length: 3 }, () => trial({ ...shares, 'b.js#score': 0.3 }, random));
    const result = compare(base, cand, settings);
    expect(result.verdict.outcome).toBe('inconclusive');
    expect(result.warnings.join(' ')).toMatch(/smallest possible one-sided p is 0\.050/);
  });

  it('fails on failed requests before looking at speed', () => {
    const random = seededRandom(5);
    const base = Array.from({ length: 8 }, () => trial(shares, random));
    const cand = Array.from({ length: 8 }, (_, i) => trial(shares, random, 0.03, i === 0 ? 50 : 0));
    const result = compare(base, cand, settings);
    expect(result.verdict.outcome).toBe('fail-errors');
  });

  it('gives the same result for the same inputs (seeded)', () => {
    const make = () => {
      const random = seededRandom(6);
      return [Array.from({ length: 6 }, () => trial(shares, random)), Array.from({ length: 6 }, () => trial(shares, random))] as const;
    };
    const [b1, c1] = make();
    const [b2, c2] = make();
    expect(compare(b1, c1, settings)).toEqual(compare(b2, c2, settings));
  });

  it('tests a function found on the candidate only against zero: new code at 10% of CPU fails, named as new', () => {
    const random = seededRandom(8);
    const base = Array.from({ length: 8 }, () => trial(shares, random));
    const cand = Array.from({ length: 8 }, () => trial({ ...shares, 'f.js#audit': 0.1 }, random));
    const result = compare(base, cand, settings);
    const added = result.findings.find((f) => f.key === 'f.js#audit');
    expect(added?.presence).toBe('added');
    expect(added?.outcome).toBe('regressed');
    expect(added?.self.costCi!.low).toBeGreaterThan(settings.minShareOfTotal);
    expect(result.verdict.outcome).toBe('fail');
    expect(result.findings[0]!.key).toBe('f.js#audit');
    // Below the absolute floor, new code is listed, not failed.
    const tiny = compare(base, Array.from({ length: 8 }, () => trial({ ...shares, 'f.js#audit': 0.002 }, random)), settings);
    expect(tiny.verdict.outcome).toBe('pass');
  });

  it('compares a function renamed in the same file with its old self, and a gone function is reported', () => {
    const random = seededRandom(18);
    const base = Array.from({ length: 8 }, () => trial(shares, random));
    const { 'b.js#score': score, ...rest } = shares;
    const cand = Array.from({ length: 8 }, () => trial({ ...rest, 'b.js#rank': score, 'f.js#old': 0 }, random));
    const result = compare(base, cand, settings);
    expect(result.verdict.outcome).toBe('pass');
    expect(result.findings.find((f) => f.key === 'b.js#rank')).toMatchObject({ presence: 'both', renamedFrom: 'b.js#score', outcome: 'unchanged' });
  });

  it('leaves ignored functions out', () => {
    const random = seededRandom(9);
    const base = Array.from({ length: 8 }, () => trial(shares, random));
    const cand = Array.from({ length: 8 }, () => trial({ ...shares, 'b.js#score': 0.2 }, random));
    const result = compare(base, cand, { ...settings, ignore: ['b.js#*'] });
    expect(result.findings.some((f) => f.key === 'b.js#score')).toBe(false);
  });
});

describe('budgets and same-runner pairs', () => {
  it('a per-function budget fails a small function that grew past it, below the absolute floor', () => {
    const random = seededRandom(10);
    const base = Array.from({ length: 8 }, () => trial(shares, random, 0.01));
    // Twice its size (10 samples a trial, then 20), and still under the 0.5% floor.
    const cand = Array.from({ length: 8 }, () => trial({ ...shares, 'd.js#tiny': 0.002 }, random, 0.01));
    expect(compare(base, cand, settings).verdict.outcome).toBe('pass');
    const budgeted = compare(base, cand, { ...settings, budgets: { 'd.js#tiny': { maxRegression: '3%' } } });
    expect(budgeted.verdict.outcome).toBe('fail');
    expect(budgeted.findings[0]!.key).toBe('d.js#tiny');
  });

  it('catches a uniform slowdown, which leaves every share alone, through interleaved pairs', () => {
    const random = seededRandom(11);
    // The machine drifts trial to trial by up to ±15%; each pair shares the drift.
    const drift = Array.from({ length: 8 }, () => 1 + (random() * 2 - 1) * 0.15);
    const withCpu = (t: TrialMetrics, cpu: number): TrialMetrics => ({ ...t, service: { ...t.service, cpuMicrosPerRequest: cpu } });
    const base = drift.map((d) => withCpu(trial(shares, random), 400 * d));
    const cand = drift.map((d) => withCpu(trial(shares, random), 400 * d * 1.12 * (1 + (random() * 2 - 1) * 0.01)));
    const unpaired = compare(base, cand, settings);
    expect(unpaired.paired).toBeUndefined();
    expect(unpaired.verdict.outcome).toBe('pass');
    const paired = compare(base, cand, settings, { paired: true });
    expect(paired.paired?.outcome).toBe('regressed');
    expect(paired.paired?.p).toBeCloseTo(2 / 256, 10);
    expect(paired.verdict.outcome).toBe('fail');
    expect(paired.verdict.outcome === 'fail' && paired.verdict.blockingService?.ratio).toBeGreaterThan(1.1);
  });

  it('does not fail interleaved pairs of the same service', () => {
    const random = seededRandom(12);
    const drift = Array.from({ length: 8 }, () => 1 + (random() * 2 - 1) * 0.15);
    const withCpu = (t: TrialMetrics, cpu: number): TrialMetrics => ({ ...t, service: { ...t.service, cpuMicrosPerRequest: cpu } });
    const base = drift.map((d) => withCpu(trial(shares, random), 400 * d * (1 + (random() * 2 - 1) * 0.02)));
    const cand = drift.map((d) => withCpu(trial(shares, random), 400 * d * (1 + (random() * 2 - 1) * 0.02)));
    const result = compare(base, cand, settings, { paired: true });
    expect(result.paired?.outcome).not.toBe('regressed');
    expect(result.verdict.outcome).toBe('pass');
  });
});

describe('inlining across versions', () => {
  it("does not blame a caller whose own time rose only because a callee's time is now charged to it", () => {
    const random = seededRandom(31);
    // The candidate's code makes V8 inline half of render's work into handle in every
    // process: handle's self time rises, its total (which contains render) does not.
    const make = (inlined: boolean): TrialMetrics => {
      const jitter = () => 1 + (random() * 2 - 1) * 0.03;
      const render = (inlined ? 0.2 : 0.4) * 1e9 * jitter();
      const handleSelf = (inlined ? 0.3 : 0.1) * 1e9 * jitter();
      const other = 0.5 * 1e9 * jitter();
      const functions: Record<string, FunctionCost> = {
        'app.js#handle': { name: 'handle', file: 'app.js', selfNanos: handleSelf, totalNanos: handleSelf + render },
        'c.js#render': { name: 'render', file: 'c.js', selfNanos: render, totalNanos: render },
        'e.js#log': { name: 'log', file: 'e.js', selfNanos: other, totalNanos: other },
      };
      return { requests: 1000, sampledCpuNanos: handleSelf + render + other, cpuSampleNanos: SAMPLE_NANOS, functions, service: { cpuMicrosPerRequest: 400, throughputRps: 2000, latencyMs: { p50: 2, p95: 5, p99: 8 }, errors: 0, non2xx: 0, statusMismatches: 0, maxRssBytes: 1e8 } };
    };
    const result = compare(Array.from({ length: 8 }, () => make(false)), Array.from({ length: 8 }, () => make(true)), settings);
    const handle = result.findings.find((f) => f.key === 'app.js#handle')!;
    expect(handle.self).toMatchObject({ outcome: 'inconclusive', movedFromCallees: true });
    expect(result.verdict.outcome).toBe('pass');
  });
});

import { describe, expect, it } from 'vitest';
import { compareSchema } from '../config/schema.js';
import { compare } from './compare.js';
import { shareBases } from './share-basis.js';
import type { FunctionCost, TrialMetrics } from './trial.js';

/** A trial of 1 s of JavaScript (score 30%, render 70%) plus `writevMs` in the native writev. */
function trial(writevMs: number, scoreMs = 300): TrialMetrics {
  const ms = 1_000_000;
  const functions: Record<string, FunctionCost> = {
    'app.js#score': { name: 'score', file: 'app.js', selfNanos: scoreMs * ms, totalNanos: scoreMs * ms },
    'app.js#render': { name: 'render', file: 'app.js', selfNanos: 700 * ms, totalNanos: (700 + writevMs) * ms },
    writev: { name: 'writev', file: '', selfNanos: writevMs * ms, totalNanos: writevMs * ms },
  };
  return { requests: 1000, sampledCpuNanos: (scoreMs + 700 + writevMs) * ms, cpuSampleNanos: 100_000, functions, service: { cpuMicrosPerRequest: 1000, throughputRps: 1000, latencyMs: { p50: 1, p95: 2, p99: 3 }, errors: 0, non2xx: 0, statusMismatches: 0, maxRssBytes: 1 } };
}

describe('shareBases', () => {
  it('takes shares of the JavaScript part of each trial, on the scale of the typical busy CPU', () => {
    const quiet = trial(100);
    const loaded = trial(400);
    const third = trial(100);
    const bases = shareBases([quiet, loaded, third]);
    // JavaScript is 1 s in every trial; its typical fraction of busy CPU is 1000/1100.
    const typical = 1000 / 1100;
    for (const t of [quiet, loaded, third]) expect(bases.get(t)).toBeCloseTo(1_000_000_000 / typical, -2);
    // score's share is the same in every trial, although writev took 4x as long in one.
    expect(quiet.functions['app.js#score']!.selfNanos / bases.get(quiet)!).toBeCloseTo(loaded.functions['app.js#score']!.selfNanos / bases.get(loaded)!, 12);
    // On the busy-CPU scale: 300 of 1100 ms.
    expect(quiet.functions['app.js#score']!.selfNanos / bases.get(quiet)!).toBeCloseTo(300 / 1100, 12);
  });

  it('keeps busy CPU for a trial with nothing but native frames', () => {
    const native: TrialMetrics = { ...trial(100), functions: { writev: { name: 'writev', file: '', selfNanos: 5e8, totalNanos: 5e8 } }, sampledCpuNanos: 5e8 };
    expect(shareBases([native]).get(native)).toBe(5e8);
  });
});

describe('compare on that basis', () => {
  it('does not blame JavaScript functions when a native frame swells with the machine\'s load', () => {
    const settings = compareSchema.parse({});
    // writev's time varies with load on both sides, more on the candidate's: on busy CPU,
    // score's share would fall on the candidate side and render's self share with it.
    const base = [100, 110, 95, 105, 100, 98, 102, 107].map((w, i) => trial(w, 300 + (i % 3)));
    const cand = [300, 320, 280, 310, 305, 290, 315, 300].map((w, i) => trial(w, 300 + ((i + 1) % 3)));
    const result = compare(base, cand, settings);
    const outcomeOf = (key: string) => result.findings.find((f) => f.key === key)?.self.outcome;
    expect(outcomeOf('app.js#score')).not.toBe('improved');
    expect(outcomeOf('app.js#score')).not.toBe('regressed');
    expect(outcomeOf('writev')).toBe('regressed');
  });
});

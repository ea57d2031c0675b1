import { describe, expect, it } from 'vitest';
import { compareSchema } from '../config/schema.js';
import { compare } from './compare.js';
import { diffScore } from './diff-score.js';
import { seededRandom } from './prng.js';
import type { TrialMetrics } from './trial.js';

const settings = compareSchema.parse({});

/** A trial of a service at `cpu` µs and `bytes` allocated per request, each jittered ±noise (seeded). */
function trial(cpu: number, bytes: number, random: () => number, noise: { cpu: number; bytes: number }): TrialMetrics {
  const requests = 1000;
  const c = cpu * (1 + (random() * 2 - 1) * noise.cpu);
  const b = bytes * requests * (1 + (random() * 2 - 1) * noise.bytes);
  return {
    requests,
    sampledCpuNanos: c * 1000 * requests,
    allocatedBytes: b,
    allocatedObjects: b / 64,
    functions: { 'a.js#work': { name: 'work', file: 'a.js', selfNanos: c * 1000 * requests, totalNanos: c * 1000 * requests, allocBytes: b, allocObjects: b / 64 } },
    service: { cpuMicrosPerRequest: c, throughputRps: 2000, latencyMs: { p50: 2, p95: 5, p99: 8 }, errors: 0, non2xx: 0, statusMismatches: 0, maxRssBytes: 1e8 },
  };
}

describe('diffScore', () => {
  it('estimates a planted +10% CPU per request with an interval around it, and no change in allocations', () => {
    const random = seededRandom(11);
    const noise = { cpu: 0.02, bytes: 0.02 };
    const base = Array.from({ length: 10 }, () => trial(400, 5000, random, noise));
    const cand = Array.from({ length: 10 }, () => trial(440, 5000, random, noise));
    const score = diffScore(base, cand, compare(base, cand, settings), settings);
    expect(score.cpuPerRequest.design).toBe('independent');
    expect(score.cpuPerRequest.change).toBeGreaterThan(0.07);
    expect(score.cpuPerRequest.change).toBeLessThan(0.13);
    expect(score.cpuPerRequest.low).toBeLessThan(0.1);
    expect(score.cpuPerRequest.high).toBeGreaterThan(0.1);
    expect(score.cpuPerRequest.baselineMedian).toBeCloseTo(400, -1);
    const bytes = score.allocatedBytesPerRequest!;
    expect(bytes.low).toBeLessThan(0);
    expect(bytes.high).toBeGreaterThan(0);
    expect(bytes.candidateMedian).toBeCloseTo(5000, -2);
  });

  it('gives each metric the minimum detectable change of its own noise', () => {
    const random = seededRandom(12);
    const noise = { cpu: 0.02, bytes: 0.1 };
    const base = Array.from({ length: 10 }, () => trial(400, 5000, random, noise));
    const cand = Array.from({ length: 10 }, () => trial(400, 5000, random, noise));
    const score = diffScore(base, cand, compare(base, cand, settings), settings);
    expect(score.allocatedBytesPerRequest!.minimumDetectable.relative).toBeGreaterThan(2.5 * score.cpuPerRequest.minimumDetectable.relative);
  });

  it('uses the paired estimate when the sides ran interleaved', () => {
    const random = seededRandom(13);
    const noise = { cpu: 0.02, bytes: 0.02 };
    const base = Array.from({ length: 8 }, () => trial(400, 5000, random, noise));
    const cand = base.map((t) => ({ ...t, service: { ...t.service, cpuMicrosPerRequest: t.service.cpuMicrosPerRequest * 1.05 } }));
    const comparison = compare(base, cand, settings, { paired: true });
    const score = diffScore(base, cand, comparison, settings);
    expect(score.cpuPerRequest.design).toBe('paired');
    expect(score.cpuPerRequest.change).toBeCloseTo(0.05, 6);
    expect(score.cpuPerRequest.minimumDetectable.test).toBe('sign-flip');
  });

  it('has no allocation score when a side did not profile allocations', () => {
    const random = seededRandom(14);
    const noise = { cpu: 0.02, bytes: 0.02 };
    const base = Array.from({ length: 6 }, () => {
      const { allocatedBytes: _b, allocatedObjects: _o, ...rest } = trial(400, 5000, random, noise);
      return rest;
    });
    const cand = Array.from({ length: 6 }, () => trial(400, 5000, random, noise));
    expect(diffScore(base, cand, compare(base, cand, settings), settings).allocatedBytesPerRequest).toBeUndefined();
  });
});

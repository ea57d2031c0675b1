import { describe, expect, it } from 'vitest';
import { compareSchema } from '../config/schema.js';
import { compare } from './compare.js';
import type { MetricComparison, Outcome } from './findings.js';
import { inContext } from './moved-code.js';
import { seededRandom } from './prng.js';
import type { FunctionCost, TrialMetrics } from './trial.js';

const settings = compareSchema.parse({});

/** A trial of the given own times (shares of 1 s of CPU over 1000 requests), each jittered by a seeded ±3%. */
function trial(selfShares: Record<string, number>, random: () => number): TrialMetrics {
  const functions: Record<string, FunctionCost> = {};
  let sum = 0;
  for (const [key, share] of Object.entries(selfShares)) {
    const nanos = share * 1e9 * (1 + (random() * 2 - 1) * 0.03);
    sum += nanos;
    const at = key.lastIndexOf('#');
    functions[key] = { name: key.slice(at + 1), file: key.slice(0, at), selfNanos: nanos, totalNanos: nanos };
  }
  functions['app.js#main'] = { name: 'main', file: 'app.js', selfNanos: 0, totalNanos: sum };
  return {
    requests: 1000,
    sampledCpuNanos: sum,
    // 100 µs samples: ten thousand a trial, so that counting adds little to the ±3%.
    cpuSampleNanos: 100_000,
    functions,
    service: { cpuMicrosPerRequest: sum / 1000 / 1000, throughputRps: 2000, latencyMs: { p50: 2, p95: 5, p99: 8 }, errors: 0, non2xx: 0, statusMismatches: 0, maxRssBytes: 1e8 },
  };
}

const APP = { 'src/render.js#render': 0.4, 'src/score.js#score': 0.2, 'src/search.js#search': 0.15 };
/** Express 4's router, as functions of the express package. */
const EXPRESS_4 = { 'express@4.21.2/lib/router/index.js#handle': 0.08, 'express@4.21.2/lib/router/index.js#next': 0.07, 'express@4.21.2/lib/application.js#handle': 0.05, 'express@4.21.2/lib/response.js#json': 0.05 };
/** Express 5: the same router code, at the same cost, moved into the router package. */
const EXPRESS_5 = { 'router@2.2.0/index.js#handle': 0.08, 'router@2.2.0/index.js#next': 0.07, 'express@5.1.0/lib/application.js#handle': 0.05, 'express@5.1.0/lib/response.js#json': 0.05 };

function sides(base: Record<string, number>, cand: Record<string, number>, seed: number) {
  const random = seededRandom(seed);
  return { baseline: Array.from({ length: 10 }, () => trial(base, random)), candidate: Array.from({ length: 10 }, () => trial(cand, random)) };
}

describe('code that moved (moved-code.ts)', () => {
  for (const paired of [false, true]) {
    const mode = paired ? 'same-runner' : 'stored';

    it(`${mode}: a package's code moved into a new package at the same cost passes, the new code reported as replacing the code that went`, () => {
      const { baseline, candidate } = sides({ ...APP, ...EXPRESS_4 }, { ...APP, ...EXPRESS_5 }, 1);
      const result = compare(baseline, candidate, settings, { paired });
      expect(result.verdict.outcome).toBe('pass');
      const next = result.findings.find((f) => f.key === 'router@2.2.0/index.js#next')!;
      expect(next.presence).toBe('added');
      expect(next.outcome).toBe('unchanged');
      expect(next.replaces).toMatchObject({ unit: 'changed code', outcome: 'unchanged' });
      expect(next.replaces!.ratio).toBeCloseTo(1, 1);
      const router = result.packages!.find((p) => p.name === 'router')!;
      expect(router).toMatchObject({ presence: 'added', outcome: 'unchanged', candidateVersions: ['2.2.0'], replaces: { unit: 'changed code' } });
      expect(result.packages!.find((p) => p.name === 'express')).toMatchObject({ baselineVersions: ['4.21.2'], candidateVersions: ['5.1.0'] });
      expect(result.changedCode?.cpu.outcome).toBe('unchanged');
    });

    it(`${mode}: code that moved and got 50% dearer on the way fails, on the new code`, () => {
      const dearer = { ...EXPRESS_5, 'router@2.2.0/index.js#handle': 0.16, 'router@2.2.0/index.js#next': 0.14 };
      const { baseline, candidate } = sides({ ...APP, ...EXPRESS_4 }, { ...APP, ...dearer }, 2);
      const result = compare(baseline, candidate, settings, { paired });
      expect(result.verdict.outcome).toBe('fail');
      expect(result.changedCode?.cpu.outcome).toBe('regressed');
      const handle = result.findings.find((f) => f.key === 'router@2.2.0/index.js#handle')!;
      expect(handle.outcome).toBe('regressed');
      expect(handle.replaces).toBeUndefined();
    });

    it(`${mode}: new code where nothing went away is new cost, as before`, () => {
      const { baseline, candidate } = sides({ ...APP, ...EXPRESS_4 }, { ...APP, ...EXPRESS_4, 'src/audit.js#audit': 0.1 }, 3);
      const result = compare(baseline, candidate, settings, { paired });
      expect(result.verdict.outcome).toBe('fail');
      expect(result.findings[0]).toMatchObject({ key: 'src/audit.js#audit', outcome: 'regressed' });
      expect(result.findings[0]!.replaces).toBeUndefined();
    });
  }

  it('an upgrade that moves work between functions of one package is judged by the package', () => {
    // body-parser 2 moved work from jsonParser into read: read's own time rose, the package's did not.
    const before = { ...APP, 'body-parser@1.20.3/lib/types/json.js#jsonParser': 0.08, 'body-parser@1.20.3/lib/read.js#read': 0.02 };
    const after = { ...APP, 'body-parser@2.2.0/lib/types/json.js#jsonParser': 0.02, 'body-parser@2.2.0/lib/read.js#read': 0.08 };
    const { baseline, candidate } = sides(before, after, 4);
    const result = compare(baseline, candidate, settings, { paired: true });
    expect(result.verdict.outcome).toBe('pass');
    const read = result.findings.find((f) => f.name === 'read')!;
    expect(read.self.ratio).toBeGreaterThan(2.5);
    expect(read.outcome).toBe('unchanged');
    expect(read.replaces?.unit).toBe('package body-parser');
  });
});

describe('inContext', () => {
  const metric = (outcome: Outcome): MetricComparison => ({ baseline: [1], candidate: [2], baselineMedian: 1, candidateMedian: 2, ratio: 2, ci: { low: 1.5, high: 2.5 }, p: 0.001, q: 0.01, outcome });
  const pkg = (outcome: Outcome) => ({ name: 'router', baselineVersions: [], candidateVersions: ['2.2.0'], presence: 'added' as const, outcome, self: metric(outcome), perRequestNanos: { baseline: 0, candidate: 1 } });

  it('lets a regression stand when every unit around it regressed, or there is none', () => {
    expect(inContext(metric('regressed'), {})).toEqual({ metric: metric('regressed') });
    expect(inContext(metric('regressed'), { package: pkg('regressed'), net: metric('regressed') }).metric.outcome).toBe('regressed');
  });

  it('does not blame code that replaced code that went: unchanged when a unit around it is, inconclusive when one is', () => {
    const offset = inContext(metric('regressed'), { package: pkg('regressed'), net: metric('unchanged') });
    expect(offset.metric.outcome).toBe('unchanged');
    expect(offset.replaces).toMatchObject({ unit: 'changed code', outcome: 'unchanged' });
    expect(inContext(metric('regressed'), { package: pkg('inconclusive'), net: metric('regressed') })).toMatchObject({ metric: { outcome: 'inconclusive' }, replaces: { unit: 'package router' } });
    expect(inContext(metric('regressed'), { net: metric('improved') }).metric.outcome).toBe('unchanged');
  });

  it('leaves anything but a regression alone', () => {
    expect(inContext(metric('improved'), { net: metric('unchanged') })).toEqual({ metric: metric('improved') });
  });
});

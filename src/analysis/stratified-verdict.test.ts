import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/helpers/sample-report.js';
import type { Comparison, PairedFinding } from './findings.js';
import { withStratifiedService } from './stratified-verdict.js';
import { stratifiedPairedTest } from './stratified.js';

const SETTINGS = { alpha: 0.05, minEffect: 0.05, bootstrapResamples: 500, seed: 1 };
// Three shards of quiet pairs, all near +20% (regressed), or all near 0 (unchanged).
const risen = stratifiedPairedTest(['1/3', '2/3', '3/3'].map((shard, k) => ({ shard, logRatios: [0.18, 0.19, 0.17].map((d) => d + k * 0.005) })), SETTINGS);
const flat = stratifiedPairedTest(['1/3', '2/3', '3/3'].map((shard, k) => ({ shard, logRatios: [0.004, -0.003, 0.002, -0.001].map((d) => d + k * 0.001) })), SETTINGS);

const pooledRegressed: PairedFinding = { metric: 'cpuMicrosPerRequest', ratios: [1.2, 1.2], ratio: 1.2, ci: { low: 1.1, high: 1.3 }, p: 0.01, outcome: 'regressed' };

function comparison(kind: 'pass' | 'functions' | 'service-only' | 'inconclusive'): Comparison {
  const base = sampleReport([{ name: 'scoreProduct', file: 'search.js', outcome: kind === 'functions' ? 'regressed' : 'unchanged' }]).comparison;
  switch (kind) {
    case 'pass':
    case 'functions':
      return base;
    case 'service-only':
      return { ...base, paired: pooledRegressed, verdict: { outcome: 'fail', rule: "the service's CPU per request rose 20.0% over interleaved pairs", blocking: [], blockingService: pooledRegressed } };
    case 'inconclusive':
      return { ...base, verdict: { outcome: 'inconclusive', rule: '2 vs 2 trials cannot reach significance' } };
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

describe('withStratifiedService', () => {
  it('checks its inputs: the stratified test calls +20% regressed and ±0.3% unchanged', () => {
    expect(risen.outcome).toBe('regressed');
    expect(flat.outcome).toBe('unchanged');
  });

  it('fails a passing comparison when the shards\' pairs regressed, naming the stratified test, and replaces the pooled pair figure', () => {
    const merged = withStratifiedService(comparison('pass'), risen);
    expect(merged.verdict).toMatchObject({ outcome: 'fail', blocking: [], blockingService: { ratio: risen.ratio, outcome: 'regressed' } });
    expect(merged.verdict.rule).toMatch(/^the service's CPU per request rose \d+\.\d% over interleaved pairs combined across 3 shards: stratified sign-flip p <= 0.05, CI above 1.05$/);
    expect(merged.paired?.ratios).toHaveLength(9);
  });

  it('keeps a function regression, with or without the service', () => {
    expect(withStratifiedService(comparison('functions'), flat).verdict).toMatchObject({ outcome: 'fail', rule: '1 function(s) regressed' });
    expect(withStratifiedService(comparison('functions'), flat).verdict).not.toHaveProperty('blockingService');
    expect(withStratifiedService(comparison('functions'), risen).verdict.rule).toMatch(/^1 function\(s\) regressed; the service's CPU per request rose/);
  });

  it('a failure compare() found only in its pooled pairs passes when the stratified test finds none', () => {
    const merged = withStratifiedService(comparison('service-only'), flat);
    expect(merged.verdict.outcome).toBe('pass');
    expect(merged.verdict.rule).toMatch(/stratified sign-flip p = [\d.]+\): unchanged$/);
    expect(merged.paired?.outcome).toBe('unchanged');
  });

  it('a regression the pairs show decides even where the functions could not', () => {
    expect(withStratifiedService(comparison('inconclusive'), risen).verdict.outcome).toBe('fail');
    expect(withStratifiedService(comparison('inconclusive'), flat).verdict.outcome).toBe('inconclusive');
  });
});

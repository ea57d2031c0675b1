import { describe, expect, it } from 'vitest';
import type { TrialMetrics } from '../analysis/index.js';
import type { Baseline } from '../baseline/index.js';
import { renderBaselineChange } from './baseline-change.js';

const trial = (cpu: number, shares: Record<string, number>): TrialMetrics =>
  ({
    requests: 1000,
    sampledCpuNanos: 1e9,
    functions: Object.fromEntries(Object.entries(shares).map(([name, share]) => [`src/a.js#${name}`, { name, file: 'src/a.js', selfNanos: share * 1e9, totalNanos: share * 1e9 }])),
    service: { cpuMicrosPerRequest: cpu, throughputRps: 1000, latencyMs: { p50: 1, p95: 2, p99: 3 }, errors: 0, non2xx: 0, statusMismatches: 0, maxRssBytes: 1 },
  }) as TrialMetrics;

const baseline = (trials: TrialMetrics[], replay = 'a'.repeat(64)): Baseline =>
  ({
    schema: 'perfgate.baseline',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    commit: '0123456789abcdef0123456789abcdef01234567',
    environment: { nodeVersion: 'v20.1.0', v8Version: '11', platform: 'linux', arch: 'x64', cpuModel: 'cpu', cpuCount: 2, perfgateVersion: '0.1.0' },
    settings: { trials: trials.length, warmupRequests: 1, measureRequests: 1, connections: 1, cpuSamplingIntervalUs: 1000, replaySha256: replay },
    trials,
  }) as Baseline;

describe('renderBaselineChange', () => {
  const change = { path: 'baselines/api.json', commit: 'fedcba9876543210fedcba9876543210fedcba98', branch: 'feature', requestedBy: 'octo@cat', label: 'perfgate:accept' };

  it('shows medians before and after and the largest share moves, escaped', () => {
    const previous = baseline([trial(100, { parse: 0.2, '**render**': 0.1 }), trial(100, { parse: 0.2, '**render**': 0.1 })]);
    const next = baseline([trial(150, { parse: 0.1, '**render**': 0.1, added: 0.05 }), trial(150, { parse: 0.1, '**render**': 0.1, added: 0.05 })], 'b'.repeat(64));
    const text = renderBaselineChange({ ...change, previous, next });
    expect(text).toContain('octo@\u200bcat added the label `perfgate:accept`');
    expect(text).toContain('committed `baselines/api.json` to `feature` as `fedcba987654`');
    expect(text).toContain('| CPU per request (OS) | 100 µs | 150 µs | +50.0% |');
    const moves = text.slice(text.indexOf('### Largest moves'));
    expect(moves.indexOf('| parse |')).toBeLessThan(moves.indexOf('| added |'));
    expect(moves).toContain('| added | src/a.js | absent | 5.00% |');
    expect(moves).not.toContain('render');
    expect(text).toContain('The replay file changed');
  });

  it('says when there was no previous baseline', () => {
    expect(renderBaselineChange({ ...change, previous: null, next: baseline([trial(1, {})]) })).toContain('There was no previous baseline at this path.');
  });
});

import { describe, expect, it } from 'vitest';
import type { Baseline } from '../baseline/index.js';
import { planBaseline, type Here } from './baseline-plan.js';

const environment = { nodeVersion: '20.20.2', v8Version: '11.3', platform: 'linux', arch: 'x64', cpuModel: 'Test CPU', cpuCount: 2, perfgateVersion: '0.1.0' };
const stored: Baseline = {
  schema: 'perfgate.baseline',
  version: 1,
  createdAt: '2026-11-25T00:00:00Z',
  commit: 'abc123',
  environment,
  settings: { configSha256: 'cfg', trials: 8, warmupRequests: 500, measureRequests: 3000, connections: 8, cpuSamplingIntervalUs: 1000, replaySha256: 'rep' },
  trials: [],
};
const here: Here = { environment, configSha256: 'cfg', replaySha256: 'rep' };
const elsewhere: Here = { ...here, environment: { ...environment, cpuModel: 'Other CPU', nodeVersion: '24.1.0' } };

describe('planBaseline', () => {
  it('auto: uses the stored baseline when the fingerprint matches', () => {
    const plan = planBaseline({ baseline: 'auto' }, stored, here, 'b.json');
    expect(plan.source).toBe('stored');
  });

  it('auto: re-measures the stored commit here when the machine differs, saying what differs', () => {
    const plan = planBaseline({ baseline: 'auto' }, stored, elsewhere, 'b.json');
    expect(plan).toMatchObject({ source: 'same-runner', ref: 'abc123' });
    expect(plan.why).toMatch(/nodeVersion: 20\.20\.2 → 24\.1\.0; cpuModel: Test CPU → Other CPU/);
  });

  it('auto: other settings or other traffic count as a different fingerprint', () => {
    expect(planBaseline({ baseline: 'auto' }, stored, { ...here, replaySha256: 'new' }, 'b.json').why).toMatch(/the replay file differs/);
    expect(planBaseline({ baseline: 'auto' }, stored, { ...here, configSha256: 'new' }, 'b.json').why).toMatch(/measurement settings differ/);
  });

  it('auto: a changed lockfile (a dependency upgrade) re-measures the base here; a baseline from before lockfiles were hashed still matches', () => {
    const locked: Baseline = { ...stored, settings: { ...stored.settings, lockfileSha256: 'lock-a' } };
    expect(planBaseline({ baseline: 'auto' }, locked, { ...here, lockfileSha256: 'lock-a' }, 'b.json').source).toBe('stored');
    const upgraded = planBaseline({ baseline: 'auto' }, locked, { ...here, lockfileSha256: 'lock-b' }, 'b.json');
    expect(upgraded).toMatchObject({ source: 'same-runner' });
    expect(upgraded.why).toMatch(/the lockfile differs \(dependencies changed\)/);
    expect(planBaseline({ baseline: 'auto' }, stored, { ...here, lockfileSha256: 'lock-b' }, 'b.json').source).toBe('stored');
  });

  it('stored: keeps the file but warns when the fingerprint differs', () => {
    const plan = planBaseline({ baseline: 'stored' }, stored, elsewhere, 'b.json');
    expect(plan.source).toBe('stored');
    expect(plan.source === 'stored' && plan.warnings[0]).toMatch(/another environment/);
  });

  it('same-runner: prefers compare.baseRef over the stored commit', () => {
    expect(planBaseline({ baseline: 'same-runner', baseRef: 'origin/main' }, stored, here, 'b.json')).toMatchObject({ source: 'same-runner', ref: 'origin/main' });
  });

  it('refuses what cannot work: no baseline at all, or same-runner with no commit', () => {
    expect(() => planBaseline({ baseline: 'auto' }, undefined, here, 'b.json')).toThrow(/b\.json: no baseline yet/);
    expect(() => planBaseline({ baseline: 'same-runner' }, { ...stored, commit: null }, here, 'b.json')).toThrow(/no commit to measure/);
  });
});

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
const here: Here = { environment, settings: stored.settings };
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

  it('auto: other settings or other traffic count as a different fingerprint, each named with both values', () => {
    const at = (settings: Partial<Here['settings']>) => planBaseline({ baseline: 'auto' }, stored, { ...here, settings: { ...here.settings, ...settings } }, 'b.json').why;
    expect(at({ replaySha256: 'new' })).toMatch(/the replay file differs/);
    expect(at({ measureRequests: 12000 })).toMatch(/load\.measureRequests \(--requests\): 3000 in the baseline, 12000 here/);
    expect(at({ configSha256: 'new' })).toMatch(/measurement settings differ/);
  });

  it('auto: a changed lockfile (a dependency upgrade) re-measures the base here; a baseline from before lockfiles were hashed still matches', () => {
    const locked: Baseline = { ...stored, settings: { ...stored.settings, lockfileSha256: 'lock-a' } };
    const at = (lock: string) => ({ ...here, settings: { ...here.settings, lockfileSha256: lock } });
    expect(planBaseline({ baseline: 'auto' }, locked, at('lock-a'), 'b.json').source).toBe('stored');
    const upgraded = planBaseline({ baseline: 'auto' }, locked, at('lock-b'), 'b.json');
    expect(upgraded).toMatchObject({ source: 'same-runner' });
    expect(upgraded.why).toMatch(/the lockfile differs \(dependencies changed\)/);
    expect(planBaseline({ baseline: 'auto' }, stored, at('lock-b'), 'b.json').source).toBe('stored');
  });

  it('stored: keeps the file, but a file that does not match cannot decide (the differences, settings first)', () => {
    const plan = planBaseline({ baseline: 'stored' }, stored, { ...elsewhere, settings: { ...here.settings, measureRequests: 12000 } }, 'b.json');
    expect(plan.source).toBe('stored');
    const differences = plan.source === 'stored' ? plan.notComparable : [];
    expect(differences[0]).toMatch(/^load\.measureRequests/);
    expect(differences.join('; ')).toMatch(/cpuModel: Test CPU → Other CPU/);
    expect(planBaseline({ baseline: 'stored' }, stored, here, 'b.json')).toMatchObject({ source: 'stored', notComparable: [] });
  });

  it('auto: a baseline that does not match and records no commit is kept, but cannot decide', () => {
    const plan = planBaseline({ baseline: 'auto' }, { ...stored, commit: null }, elsewhere, 'b.json');
    expect(plan).toMatchObject({ source: 'stored' });
    expect(plan.source === 'stored' && plan.notComparable.length).toBeGreaterThan(0);
  });

  it('same-runner: prefers compare.baseRef over the stored commit', () => {
    expect(planBaseline({ baseline: 'same-runner', baseRef: 'origin/main' }, stored, here, 'b.json')).toMatchObject({ source: 'same-runner', ref: 'origin/main' });
  });

  it('refuses what cannot work: no baseline at all, or same-runner with no commit', () => {
    expect(() => planBaseline({ baseline: 'auto' }, undefined, here, 'b.json')).toThrow(/b\.json: no baseline yet/);
    expect(() => planBaseline({ baseline: 'same-runner' }, { ...stored, commit: null }, here, 'b.json')).toThrow(/no commit to measure/);
  });
});

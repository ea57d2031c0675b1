import { createHash } from 'node:crypto';
import type { MeasurementSettings } from '../baseline/index.js';
import { lockfileSha256 } from '../baseline/lockfile-fingerprint.js';
import type { Config } from '../config/index.js';
import { replayFileSha256 } from '../replay/index.js';

/** The settings a run measures with, as a baseline and a report record them. */
export function measurementSettings(config: Config): MeasurementSettings {
  return {
    configSha256: configFingerprint(config),
    trials: config.trials,
    warmupRequests: config.load.warmupRequests,
    measureRequests: config.load.measureRequests,
    connections: config.load.connections,
    cpuSamplingIntervalUs: config.profile.cpuSamplingIntervalUs,
    allocationSamplingIntervalBytes: config.profile.allocationSamplingIntervalBytes,
    replaySha256: replayFileSha256(config.replayPath),
    ...withLockfile(config),
  };
}

/** The dependency lockfile's hash, when the service has one (its folder first, then the project's): an upgrade changes the code that runs without changing a line of the service. */
function withLockfile(config: Config): { lockfileSha256?: string } {
  const sha = lockfileSha256([config.service.cwd, config.root]);
  return sha ? { lockfileSha256: sha } : {};
}

/**
 * A hash of every setting that changes what a trial measures (not where reports go), so
 * a baseline taken with other settings is recognised as not comparable.
 */
export function configFingerprint(config: Config): string {
  const { build, start, env, port, portEnv, readyPath } = config.service;
  const relevant = { build, start, env, port, portEnv, readyPath, load: config.load, profile: config.profile };
  return createHash('sha256').update(JSON.stringify(relevant)).digest('hex');
}

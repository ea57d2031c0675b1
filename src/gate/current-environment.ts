import { cpus } from 'node:os';
import type { Environment } from '../baseline/index.js';
import type { RuntimeVersions } from './profile-source/profile-source.js';
import { PERFGATE_VERSION } from '../version.js';

/** This machine, as a baseline records it, with the service's runtime as its profile source knows it. */
export function currentEnvironment(service: RuntimeVersions): Environment {
  const cpuList = cpus();
  return {
    nodeVersion: service.nodeVersion,
    v8Version: service.v8Version,
    platform: process.platform,
    arch: process.arch,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    cpuCount: cpuList.length,
    perfgateVersion: PERFGATE_VERSION,
  };
}

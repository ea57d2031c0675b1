import { cpus } from 'node:os';
import type { Environment } from '../baseline/index.js';
import { PERFGATE_VERSION } from '../version.js';

/** This machine, as a baseline records it. The Node versions are the service's, from its agent. */
export function currentEnvironment(service: { nodeVersion: string; v8Version: string }): Environment {
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

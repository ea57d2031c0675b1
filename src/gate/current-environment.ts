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

/** A service profiled through its pprof endpoints runs no agent, and perhaps no Node: the environment records no Node versions for it. */
export const AGENTLESS_VERSIONS = { nodeVersion: 'n/a (pprof-http)', v8Version: 'n/a (pprof-http)' } as const;

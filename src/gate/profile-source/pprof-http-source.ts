import { pprofBase } from '../../target/pprof-http.js';
import { measurePprofHttpWindow, pprofHttpTrialProfiles, pprofWindowSeconds } from '../pprof-http-window.js';
import type { ProfiledWindow, ProfileSource, RuntimeVersions, TrialWindow } from './profile-source.js';

/** A service profiled through its pprof endpoints runs no agent, and perhaps no Node: the environment records no Node versions for it. */
export const AGENTLESS_RUNTIME: RuntimeVersions = { nodeVersion: 'n/a (pprof-http)', v8Version: 'n/a (pprof-http)' };

/**
 * A service of any language serving Go's net/http/pprof endpoints (`profile.source`
 * "pprof-http"): the window is a CPU profile of fixed length, asked for over HTTP, with
 * allocation snapshots on either side (pprof-http-window.ts).
 */
export function pprofHttpSource(): ProfileSource {
  return {
    preload: null,
    expectedRuntime: AGENTLESS_RUNTIME,
    async profileWindow(window: TrialWindow): Promise<ProfiledWindow> {
      const { config, service } = window;
      const target = { base: pprofBase(config.profile.pprofUrl, service.origin), pid: service.group.pid };
      const seconds = pprofWindowSeconds(config.profile.pprofSeconds, config.load.measureRequests, window.warmup);
      const measured = await measurePprofHttpWindow(target, config, window.warmup, (amount, end) => window.runLoad(amount, end, seconds), window.signal).finally(() =>
        window.settle('measurement'),
      );
      if (!measured.allocationsServed) window.note("the service's pprof endpoints have no allocs profile (HTTP 404); allocations are not profiled");
      return { load: measured.load, profiles: pprofHttpTrialProfiles(measured, window.out, config), usage: measured.usage, runtime: AGENTLESS_RUNTIME };
    },
  };
}

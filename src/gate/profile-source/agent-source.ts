import { rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Config } from '../../config/index.js';
import { PerfgateError } from '../../errors.js';
import type { LoadResult } from '../../load/index.js';
import { SourceReader } from '../read-sources.js';
import { convertTrialProfiles } from '../trial-profiles.js';
import type { ProfiledWindow, ProfileSource, TrialWindow } from './profile-source.js';

/**
 * perfgate's own agent, preloaded into a Node service: it starts V8's CPU profiler and
 * sampling heap profiler when the load starts and stops them when it ends, so only the
 * measured window is profiled, and writes V8's profiles for perfgate to convert.
 */
export function agentSource(agentPath: string): ProfileSource {
  // Source maps and package versions are read once for all trials.
  const sources = new SourceReader();
  return {
    preload: agentPath,
    // The service runs the node on PATH, as perfgate itself normally does; the agent's hello says for sure.
    expectedRuntime: { nodeVersion: process.versions.node, v8Version: process.versions.v8 },
    async profileWindow(window: TrialWindow): Promise<ProfiledWindow> {
      const { config, service } = window;
      const agent = service.agent;
      if (!agent) throw new PerfgateError('AGENT_FAILED', 'the service was started without perfgate\'s agent');
      // V8's own profiles, hidden beside the trial's pprof files until converted.
      const hidden = (ext: string) => join(dirname(window.out.cpu), `.${basename(window.out.cpu, '.pb.gz')}.${process.pid}.${ext}`);
      const written = { cpuProfilePath: hidden('cpuprofile'), heapProfilePath: hidden('heapprofile') };
      try {
        await agent.startProfiling({
          cpuSamplingIntervalUs: config.profile.cpuSamplingIntervalUs,
          allocationSamplingIntervalBytes: config.profile.allocationSamplingIntervalBytes,
        });
        const startedAtMs = Date.now();
        const load = await window.runLoad(config.load.measureRequests);
        window.settle('measurement');
        warnIfRateMissed(config, load, window.note);
        const usage = await agent.stopProfiling(written);
        window.lap('measure');
        const span = { startedAtMs, durationMs: usage ? usage.wallMicros / 1000 : load.durationMs, requests: load.responses };
        const profiles = convertTrialProfiles(written, window.out, span, config, sources, agentPath);
        window.lap('profiles');
        return { load, profiles, usage, runtime: service.hello ?? this.expectedRuntime };
      } finally {
        rmSync(written.cpuProfilePath, { force: true });
        rmSync(written.heapProfilePath, { force: true });
      }
    },
  };
}

/** An open loop that cannot hold its rate has turned into a closed one: say so. */
function warnIfRateMissed(config: Config, measured: LoadResult, note: (text: string) => void): void {
  const target = config.load.mode === 'open' ? config.load.ratePerSecond : undefined;
  if (target === undefined || measured.durationMs <= 0) return;
  const achieved = measured.responses / (measured.durationMs / 1000);
  if (achieved < target * 0.9) {
    note(
      `warning: open loop reached ${achieved.toFixed(0)} of ${target} requests/s; the service held all ${config.load.connections} connections, ` +
        'so latencies are those of a closed loop (raise load.connections or lower load.ratePerSecond)',
    );
  }
}

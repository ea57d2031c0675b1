import type { Config } from '../../config/index.js';
import { agentSource } from './agent-source.js';
import { pprofHttpSource } from './pprof-http-source.js';
import type { ProfileSource } from './profile-source.js';

type SourceName = NonNullable<Config['profile']['source']>;

/** Every profile source, by the name `profile.source` takes: adding one is a line here and its name in the config schema. */
const SOURCES: Record<SourceName, (agentPath: string) => ProfileSource> = {
  agent: agentSource,
  'pprof-http': () => pprofHttpSource(),
};

/** The source a run profiles with, chosen once from the config (default: perfgate's agent). */
export function profileSourceFor(config: Pick<Config, 'profile'>, agentPath: string): ProfileSource {
  return SOURCES[config.profile.source ?? 'agent'](agentPath);
}

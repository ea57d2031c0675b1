import type { Config, ConfigOverrides } from '../config/index.js';
import { PerfgateError } from '../errors.js';
import type { OptionValues } from './command.js';

/** Flags every measuring command shares: the config file and its common overrides. */
export const MEASURE_OPTIONS = {
  config: { type: 'string', short: 'c' },
  trials: { type: 'string' },
  requests: { type: 'string' },
  warmup: { type: 'string' },
  output: { type: 'string' },
  baseline: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const MEASURE_USAGE = `  -c, --config FILE     perfgate.config.json (default: ./perfgate.config.json)
      --trials N        trials (fresh service processes) per side
      --requests N      measured requests per trial
      --warmup N        warm-up requests per trial
      --output DIR      report folder
      --baseline FILE   baseline file
      --json            print the result as JSON on stdout (everything else goes to stderr)`;

/** Loads the config (zod and all) only when a command runs, not when perfgate starts. */
export async function configFromOptions(values: OptionValues): Promise<{ config: Config; configPath: string }> {
  const { loadConfig } = await import('../config/index.js');
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const trials = text('trials');
  const requests = text('requests');
  const warmup = text('warmup');
  const output = text('output');
  const baseline = text('baseline');
  const overrides: ConfigOverrides = {
    ...(trials !== undefined ? { trials: integerOption('--trials', trials, 2) } : {}),
    ...(requests !== undefined ? { measureRequests: integerOption('--requests', requests, 1) } : {}),
    ...(warmup !== undefined ? { warmupRequests: integerOption('--warmup', warmup, 0) } : {}),
    ...(output !== undefined ? { output } : {}),
    ...(baseline !== undefined ? { baseline } : {}),
  };
  const configPath = text('config') ?? 'perfgate.config.json';
  return { config: loadConfig(configPath, overrides), configPath };
}

export function integerOption(flag: string, raw: string, min: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min) {
    throw new PerfgateError('USAGE', `${flag} must be an integer >= ${min} (got "${raw}")`);
  }
  return value;
}

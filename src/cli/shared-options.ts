import type { Config, ConfigOverrides } from '../config/index.js';
import { PerfgateError } from '../errors.js';
import { parseWholeNumber } from '../whole-number.js';
import type { OptionValues } from './command.js';

/** Flags every measuring command shares: the config file and its common overrides. */
export const MEASURE_OPTIONS = {
  config: { type: 'string', short: 'c' },
  trials: { type: 'string' },
  requests: { type: 'string' },
  warmup: { type: 'string' },
  output: { type: 'string' },
  baseline: { type: 'string' },
  'base-ref': { type: 'string' },
  'candidate-env': { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const;

export const MEASURE_USAGE = `  -c, --config FILE     perfgate.config.json (default: ./perfgate.config.json)
      --trials N        trials (fresh service processes) per side
      --requests N      measured requests per trial
      --warmup N        warm-up requests per trial
      --output DIR      report folder
      --baseline FILE   baseline file
      --base-ref REF    measure commit REF here too, interleaved with the candidate (same-runner),
                        instead of comparing with the stored baseline
      --candidate-env NAME=VALUE
                        set NAME in the candidate's service only (repeatable); the base commit in
                        same-runner mode never sees it
      --json            print the result as JSON on stdout (everything else goes to stderr)`;

/** Loads the config (zod and all) only when a command runs, not when perfgate starts. */
export async function configFromOptions(values: OptionValues): Promise<{ config: Config; configPath: string }> {
  const { loadConfig } = await import('../config/index.js');
  const text = (name: string) => stringOption(values, name);
  const trials = text('trials');
  const requests = text('requests');
  const warmup = text('warmup');
  const output = text('output');
  const baseline = text('baseline');
  const baseRef = text('base-ref');
  const candidateEnv = candidateEnvOption(values['candidate-env']);
  const overrides: ConfigOverrides = {
    ...(trials !== undefined ? { trials: integerOption('--trials', trials, 2) } : {}),
    ...(requests !== undefined ? { measureRequests: integerOption('--requests', requests, 1) } : {}),
    ...(warmup !== undefined ? { warmupRequests: integerOption('--warmup', warmup, 0) } : {}),
    ...(output !== undefined ? { output } : {}),
    ...(baseline !== undefined ? { baseline } : {}),
    ...(baseRef !== undefined ? { baseRef } : {}),
    ...(candidateEnv !== undefined ? { candidateEnv } : {}),
  };
  const configPath = text('config') ?? 'perfgate.config.json';
  return { config: loadConfig(configPath, overrides), configPath };
}

/** `--candidate-env NAME=VALUE`, repeated: the variables, or undefined when none was given. */
function candidateEnvOption(raw: unknown): Record<string, string> | undefined {
  if (!Array.isArray(raw) || raw.length === 0) return undefined;
  const env: Record<string, string> = {};
  for (const item of raw as string[]) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(item);
    if (!match) throw new PerfgateError('USAGE', `--candidate-env: expected NAME=VALUE with NAME an environment variable name (got ${JSON.stringify(item)})`);
    env[match[1]!] = match[2]!;
  }
  return env;
}

/** A flag's whole number: `--trials must be an integer >= 2 (got "3x")`. */
export function integerOption(flag: string, raw: string, min: number): number {
  return parseWholeNumber(flag, raw, min);
}

/** A string flag's value as parseArgs left it, or undefined when it was not given. */
export function stringOption(values: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { PerfgateError, describeError } from '../errors.js';
import type { Config } from './config.js';
import { configJsonSchema, knownKeysAt } from './config-json-schema.js';
import { configSchema } from './schema.js';
import { valueAt } from '../value-at.js';
import { unknownKeyMessage } from './unknown-key.js';

/** Reads, validates and resolves perfgate.config.json; every error names the file and the field. */
export function loadConfig(path: string, overrides: ConfigOverrides = {}): Config {
  const configPath = resolve(path);
  let text: string;
  try {
    text = readFileSync(configPath, 'utf8');
  } catch (error) {
    throw new PerfgateError('CONFIG_INVALID', `${path}: cannot read the config file (${describeError(error)})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new PerfgateError('CONFIG_INVALID', `${path}: not valid JSON (${describeError(error)})`);
  }
  return parseConfig(raw, configPath, overrides);
}

export interface ConfigOverrides {
  trials?: number;
  measureRequests?: number;
  warmupRequests?: number;
  output?: string;
  baseline?: string;
  /** Measure this commit on this machine, interleaved with the candidate (`--base-ref`, the action's PR base). */
  baseRef?: string;
  /** Environment given to the candidate's service only (`--candidate-env`): a switch the base must not see. */
  candidateEnv?: Readonly<Record<string, string>>;
}

export function parseConfig(raw: unknown, configPath: string, overrides: ConfigOverrides = {}): Config {
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    throw new PerfgateError('CONFIG_INVALID', formatIssues(configPath, raw, result.error.issues));
  }
  const c = result.data;
  const dir = dirname(configPath);
  const at = (p: string) => resolve(dir, p);
  const trials = overrides.trials ?? c.trials;
  if (!Number.isInteger(trials) || trials < 2) {
    throw new PerfgateError('USAGE', `--trials must be an integer >= 2 (got ${String(overrides.trials)})`);
  }
  const config: Config = {
    configPath,
    root: at(c.root),
    service: {
      ...c.service,
      cwd: at(c.service.cwd),
    },
    replayPath: at(c.replay),
    baselinePath: overrides.baseline !== undefined ? resolve(overrides.baseline) : at(c.baseline),
    outputDir: overrides.output !== undefined ? resolve(overrides.output) : at(c.output),
    trials,
    load: {
      ...c.load,
      ...(overrides.measureRequests !== undefined ? { measureRequests: overrides.measureRequests } : {}),
      ...(overrides.warmupRequests !== undefined ? { warmupRequests: overrides.warmupRequests } : {}),
    },
    profile: c.profile,
    compare: overrides.baseRef !== undefined ? { ...c.compare, baseline: 'same-runner', baseRef: overrides.baseRef } : c.compare,
    redaction: c.redaction,
    candidateEnv: overrides.candidateEnv ?? {},
  };
  if (config.load.measureRequests < config.load.connections) {
    throw new PerfgateError(
      'CONFIG_INVALID',
      `${configPath}: load.measureRequests (${config.load.measureRequests}) must be at least load.connections (${config.load.connections})`,
    );
  }
  return config;
}

function formatIssues(file: string, raw: unknown, issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
    const got = valueAt(raw, issue.path);
    const shown = got === undefined ? '' : ` (got ${JSON.stringify(got)})`;
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(configJsonSchema(), issue.path);
      return issue.keys.map((key) => unknownKeyMessage(file, field, key, known)).join('\n');
    }
    if (issue.code === 'invalid_type' && got === undefined) {
      return `${file}: ${field}: required (expected ${issue.expected})`;
    }
    return `${file}: ${field}: ${issue.message}${shown}`;
  });
  return lines.join('\n');
}

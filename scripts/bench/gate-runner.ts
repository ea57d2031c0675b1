import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Report } from '../../src/report/index.js';

export const EXAMPLE_CONFIG = 'examples/shop-api/perfgate.config.json';

interface ExampleConfig {
  readonly root: string;
  readonly service: { readonly cwd: string; readonly env?: Record<string, string> } & Record<string, unknown>;
  readonly replay: string;
  readonly trials: number;
  readonly load: { readonly warmupRequests: number; readonly measureRequests: number; readonly connections: number };
  readonly [key: string]: unknown;
}

/** The example's own config (the settings a user of the demo gets), read fresh each time. */
export function exampleSettings(repo: string): ExampleConfig {
  return JSON.parse(readFileSync(join(repo, EXAMPLE_CONFIG), 'utf8')) as ExampleConfig;
}

/**
 * The example's config with absolute paths, its baseline and report in `work`, and the
 * given trials, requests and service environment; returns the config file's path.
 */
export function exampleConfigFile(
  repo: string,
  work: string,
  name: string,
  overrides: { trials?: number; measureRequests?: number; env?: Record<string, string>; baselineName?: string; compare?: Record<string, unknown>; profile?: Record<string, unknown> } = {},
): string {
  const example = exampleSettings(repo);
  const at = (path: string) => resolve(repo, 'examples/shop-api', path);
  const path = join(work, `${name}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      ...example,
      root: at(example.root),
      service: { ...example.service, cwd: at(example.service.cwd), env: { ...(example.service.env ?? {}), ...overrides.env } },
      replay: at(example.replay),
      baseline: join(work, `${overrides.baselineName ?? 'baseline'}.json`),
      output: join(work, `report-${name}`),
      trials: overrides.trials ?? example.trials,
      load: { ...example.load, ...(overrides.measureRequests !== undefined ? { measureRequests: overrides.measureRequests } : {}) },
      ...(overrides.profile ? { profile: { ...((example.profile as Record<string, unknown> | undefined) ?? {}), ...overrides.profile } } : {}),
      // By default the stored baseline is the one measured here, on this machine: no re-measuring the base commit.
      compare: overrides.compare ?? { baseline: 'stored' },
    }),
  );
  return path;
}

export interface PerfgateRun {
  readonly code: number | null;
  /** Wall time of the whole command, process start to exit. */
  readonly seconds: number;
  readonly stderr: string;
}

export function runPerfgate(cli: string, args: readonly string[]): PerfgateRun {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GITHUB_ACTIONS: '' } });
  return { code: result.status, seconds: Number(process.hrtime.bigint() - started) / 1e9, stderr: result.stderr };
}

/** Runs `perfgate baseline` and fails loudly: nothing after it means anything without a baseline. */
export function makeBaseline(cli: string, configPath: string): PerfgateRun {
  const run = runPerfgate(cli, ['baseline', '--config', configPath]);
  if (run.code !== 0) throw new Error(`perfgate baseline --config ${configPath} exited with ${run.code}:\n${run.stderr.slice(-3000)}`);
  return run;
}

export function readReport(work: string, name: string): Report {
  return JSON.parse(readFileSync(join(work, `report-${name}`, 'report.json'), 'utf8')) as Report;
}

/** A benchmark's `--name value` option, or `fallback`. */
export function benchOption(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

/** The noisy neighbour of `--noisy`: one core burnt for the whole series, always killed (on exit and on Ctrl-C). */
export function noisyNeighbour(on: boolean): ChildProcess | null {
  if (!on) return null;
  const child = spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
  const stop = () => child.kill('SIGKILL');
  process.on('exit', stop);
  process.on('SIGINT', () => {
    stop();
    process.exit(130);
  });
  return child;
}

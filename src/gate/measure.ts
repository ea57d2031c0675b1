import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TrialMetrics } from '../analysis/index.js';
import type { Environment, MeasurementSettings } from '../baseline/index.js';
import type { Config } from '../config/index.js';
import { PerfgateError, describeError } from '../errors.js';
import { replayLoad, type LoadResult } from '../load/index.js';
import type { Profile } from 'pprof-format';
import { readReplayFile, resolveSubstitutions, substituteSecrets, unsubstitutedPlaceholders, type ReplayRequest } from '../replay/index.js';
import { runBuild, startService, type RunningService } from '../target/index.js';
import { currentEnvironment } from './current-environment.js';
import { profileSourceFor } from './profile-source/profile-sources.js';
import type { ProfileSource } from './profile-source/profile-source.js';
import { loadProgressText } from './load-progress.js';
import type { Progress } from './progress.js';
import type { PhaseTimings } from './phase-timings.js';
import { measurementSettings } from './measurement-settings.js';
import { trialMetrics } from './trial-metrics.js';
import { trialProfilePaths } from './trial-profiles.js';

export interface Measurement {
  readonly trials: readonly TrialMetrics[];
  readonly environment: Environment;
  readonly settings: MeasurementSettings;
  /** Paths of the per-trial pprof files. */
  readonly profiles: readonly string[];
  /** The same profiles, decoded, in trial order. */
  readonly pprofs: readonly Profile[];
  /** Paths of the per-trial allocation profiles (`*.alloc.pb.gz`), and the profiles, in trial order. */
  readonly allocationProfiles: readonly string[];
  readonly allocationPprofs: readonly Profile[];
}

export interface MeasureOptions {
  readonly config: Config;
  readonly agentPath: string;
  readonly progress: Progress;
  readonly signal?: AbortSignal;
  /** Marks every service process of this run, for leak checks. */
  readonly runId?: string;
  /** Where per-trial profiles go (default: `<output>/profiles`). */
  readonly profileDir?: string;
  readonly label?: string;
  /** Run only these trial numbers (1-based, of `config.trials`); interleaving runs one at a time. */
  readonly only?: readonly number[];
  /** The service is already built (interleaved runs build each side once, up front). */
  readonly skipBuild?: boolean;
  /** Where the run's wall time goes, phase by phase (report.json `timingsMs`). */
  readonly timings?: PhaseTimings;
}

/** Builds once, then runs every trial in a fresh service process. */
export async function measure(options: MeasureOptions): Promise<Measurement> {
  const { config, progress } = options;
  const requests = replayRequests(config, progress);
  const settings = measurementSettings(config);
  const runId = options.runId ?? randomUUID();
  const profileDir = options.profileDir ?? join(config.outputDir, 'profiles');
  mkdirSync(profileDir, { recursive: true });
  const label = options.label ?? 'candidate';

  const buildWatch = options.timings?.stopwatch();
  if (config.service.build && !options.skipBuild) {
    await progress.phase(`build: ${config.service.build}`, () => runBuild(config.service.build!, config.service.cwd, process.env));
  }
  buildWatch?.lap('build');
  const trials: TrialMetrics[] = [];
  const profiles: string[] = [];
  const pprofs: Profile[] = [];
  const allocationProfiles: string[] = [];
  const allocationPprofs: Profile[] = [];
  const source = profileSourceFor(config, options.agentPath);
  let environment: Environment | undefined;
  const indexes = options.only ?? Array.from({ length: config.trials }, (_, i) => i + 1);
  for (const index of indexes) {
    checkAborted(options.signal);
    const title = `${label} trial ${index} of ${config.trials}`;
    const result = await progress.phase(title, () => runTrial(options, source, requests, runId, index, title, profileDir));
    trials.push(result.metrics);
    const paths = trialProfilePaths(profileDir, label, index);
    profiles.push(paths.cpu);
    pprofs.push(result.pprof);
    allocationProfiles.push(paths.allocations);
    allocationPprofs.push(result.allocationPprof);
    environment ??= currentEnvironment(result.runtime);
    progress.line(
      `  ${title}: ${result.metrics.requests} requests, ${result.metrics.service.throughputRps.toFixed(0)} req/s, ` +
        `${result.metrics.service.cpuMicrosPerRequest.toFixed(0)} µs CPU/request, p95 ${result.metrics.service.latencyMs.p95.toFixed(1)} ms` +
        (result.metrics.service.errors + result.metrics.service.statusMismatches > 0
          ? `, ${result.metrics.service.errors} errors, ${result.metrics.service.statusMismatches} status mismatches`
          : ''),
    );
  }
  return {
    trials,
    environment: environment!,
    profiles,
    pprofs,
    allocationProfiles,
    allocationPprofs,
    settings,
  };
}

async function runTrial(options: MeasureOptions, source: ProfileSource, requests: readonly ReplayRequest[], runId: string, index: number, title: string, profileDir: string) {
  const { config, progress } = options;
  const watch = options.timings?.stopwatch();
  const service = await startService({ service: { ...config.service, env: { ...config.service.env, ...config.candidateEnv } }, agentPath: source.preload, runId });
  watch?.lap('start');
  try {
    // The load stops early if the service dies or perfgate is interrupted.
    const abort = new AbortController();
    const onAbort = () => abort.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    void service.group.exited.then(() => abort.abort());
    try {
      const load = (amount: number, startAt: number, phase: string, windowEnd?: AbortSignal, windowSeconds?: number) => {
        const started = Date.now();
        return replayLoad(service.origin, requests, {
          amount,
          startAt,
          connections: config.load.connections,
          timeoutMs: config.load.requestTimeoutMs,
          ...(config.load.mode === 'open' ? { ratePerSecond: config.load.ratePerSecond } : {}),
          signal: windowEnd ? AbortSignal.any([abort.signal, windowEnd]) : abort.signal,
          onProgress: (done) => progress.status(loadProgressText({ title, phase, done, amount, elapsedMs: Date.now() - started, ...(windowSeconds !== undefined ? { windowSeconds } : {}) })),
        });
      };
      const settle = (phase: string) => {
        checkAborted(options.signal);
        service.assertAlive(phase);
      };
      let warmup: LoadResult | undefined;
      if (config.load.warmupRequests > 0) {
        warmup = await load(config.load.warmupRequests, 0, 'warm-up');
        settle('warm-up');
      }
      watch?.lap('warmup');
      const startAt = config.load.warmupRequests % requests.length;
      const window = await source.profileWindow({
        config,
        service,
        warmup,
        runLoad: (amount, end, windowSeconds) => load(amount, startAt, 'measuring', end, windowSeconds),
        settle,
        out: trialProfilePaths(profileDir, label(options), index),
        signal: abort.signal,
        note: (text) => progress.line(`  ${title}: ${text}`),
        lap: (phase) => watch?.lap(phase),
      });
      checkResponses(window.load);
      return { metrics: trialMetrics(window.load, window.profiles, window.usage), pprof: window.profiles.cpu, allocationPprof: window.profiles.allocations, runtime: window.runtime };
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
  } catch (error) {
    throw withServiceContext(error, service);
  } finally {
    // Whatever an earlier lap did not claim (an error, another way of measuring) counts as measuring.
    watch?.lap('measure');
    await service.stop();
    watch?.lap('teardown');
  }
}

/**
 * The recorded requests, with test credentials put back in memory where the config maps
 * redaction placeholders or headers to environment variables (never written anywhere).
 */
function replayRequests(config: Config, progress: Progress): ReplayRequest[] {
  const recorded = readReplayFile(config.replayPath, (warning) => progress.line(`warning: ${warning}`));
  const requests = substituteSecrets(recorded, resolveSubstitutions(config.redaction.substitute, process.env, config.configPath));
  const left = unsubstitutedPlaceholders(requests);
  if (left.example !== undefined) {
    progress.line(
      `warning: ${left.requests} recorded requests carry redaction placeholders such as ${left.example} that nothing substitutes; ` +
        'they are replayed as they are (map them to test credentials with redaction.substitute, docs/redaction.md)',
    );
  }
  return requests;
}

function label(options: MeasureOptions): string {
  return options.label ?? 'candidate';
}

function checkResponses(measured: LoadResult): void {
  if (measured.responses === 0) {
    throw new PerfgateError('LOAD_FAILED', `no request got a response during measurement (${measured.errors} errors, ${measured.timeouts} timeouts)`);
  }
}

function withServiceContext(error: unknown, service: RunningService): unknown {
  if (error instanceof PerfgateError && error.code !== 'AGENT_FAILED' && error.code !== 'LOAD_FAILED') return error;
  if (service.group.hasExited) {
    return new PerfgateError(
      'SERVICE_FAILED',
      `service \`${service.group.command}\` ${service.group.describeExit()} during the trial (${describeError(error)}); its last output:\n${service.group.output.lastLines()}`,
      { cause: error },
    );
  }
  return error;
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new PerfgateError('INTERRUPTED', `interrupted (${String(signal.reason ?? 'signal')}); every service process was stopped`);
  }
}

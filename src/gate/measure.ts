import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TrialMetrics } from '../analysis/index.js';
import { lockfileSha256, type Environment, type MeasurementSettings } from '../baseline/index.js';
import type { Config } from '../config/index.js';
import { PerfgateError, describeError } from '../errors.js';
import { replayLoad, type LoadResult } from '../load/index.js';
import type { Profile } from 'pprof-format';
import { SourceReader } from '../profile/read-sources.js';
import { readReplayFile, resolveSubstitutions, substituteSecrets, unsubstitutedPlaceholders, type ReplayRequest } from '../replay/index.js';
import { runBuild, startService, type RunningService } from '../target/index.js';
import { AGENTLESS_VERSIONS, currentEnvironment } from './current-environment.js';
import { pprofBase } from '../target/pprof-http.js';
import { measurePprofHttpWindow, pprofHttpTrialProfiles } from './pprof-http-window.js';
import type { Progress } from './progress.js';
import type { PhaseTimings } from './phase-timings.js';
import { trialMetrics } from './trial-metrics.js';
import { convertTrialProfiles, trialProfilePaths } from './trial-profiles.js';

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
  const replaySha256 = createHash('sha256').update(readFileSync(config.replayPath)).digest('hex');
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
  // Source maps and package versions are read once for all trials.
  const sources = new SourceReader();
  let environment: Environment | undefined;
  const indexes = options.only ?? Array.from({ length: config.trials }, (_, i) => i + 1);
  for (const index of indexes) {
    checkAborted(options.signal);
    const title = `${label} trial ${index} of ${config.trials}`;
    const result = await progress.phase(title, () => runTrial(options, requests, runId, index, title, profileDir, sources));
    trials.push(result.metrics);
    profiles.push(result.profilePath);
    pprofs.push(result.pprof);
    allocationProfiles.push(result.allocationProfilePath);
    allocationPprofs.push(result.allocationPprof);
    environment ??= currentEnvironment(result.service);
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
    settings: {
      configSha256: configFingerprint(config),
      trials: config.trials,
      warmupRequests: config.load.warmupRequests,
      measureRequests: config.load.measureRequests,
      connections: config.load.connections,
      cpuSamplingIntervalUs: config.profile.cpuSamplingIntervalUs,
      allocationSamplingIntervalBytes: config.profile.allocationSamplingIntervalBytes,
      replaySha256,
      ...withLockfile(config),
    },
  };
}

async function runTrial(options: MeasureOptions, requests: readonly ReplayRequest[], runId: string, index: number, title: string, profileDir: string, sources: SourceReader) {
  const { config, progress } = options;
  const watch = options.timings?.stopwatch();
  const service = await startService({ service: config.service, agentPath: config.profile.source === 'pprof-http' ? null : options.agentPath, runId });
  watch?.lap('start');
  const written = {
    cpuProfilePath: join(profileDir, `.trial-${index}.${process.pid}.cpuprofile`),
    heapProfilePath: join(profileDir, `.trial-${index}.${process.pid}.heapprofile`),
  };
  try {
    // The load stops early if the service dies or perfgate is interrupted.
    const abort = new AbortController();
    const onAbort = () => abort.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    void service.group.exited.then(() => abort.abort());
    try {
      const load = (amount: number, startAt: number, phase: string, windowEnd?: AbortSignal) => {
        const started = Date.now();
        return replayLoad(service.origin, requests, {
          amount,
          startAt,
          connections: config.load.connections,
          timeoutMs: config.load.requestTimeoutMs,
          ...(config.load.mode === 'open' ? { ratePerSecond: config.load.ratePerSecond } : {}),
          signal: windowEnd ? AbortSignal.any([abort.signal, windowEnd]) : abort.signal,
          onProgress: (done) => progress.status(`${title} · ${phase} · ${done}/${amount} requests · ${((Date.now() - started) / 1000).toFixed(1)} s`),
        });
      };
      let warmup: LoadResult | undefined;
      if (config.load.warmupRequests > 0) {
        warmup = await load(config.load.warmupRequests, 0, 'warm-up');
        checkAborted(options.signal);
        service.assertAlive('warm-up');
      }
      watch?.lap('warmup');
      const startAt = config.load.warmupRequests % requests.length;
      const out = trialProfilePaths(profileDir, label(options), index);
      // Without perfgate's agent (profile.source "pprof-http"), the service's own pprof endpoints profile the window.
      if (!service.agent) {
        const target = { base: pprofBase(config.profile.pprofUrl, service.origin), pid: service.group.pid };
        const window = await measurePprofHttpWindow(target, config, warmup, (amount, windowEnd) => load(amount, startAt, 'measuring', windowEnd), abort.signal).finally(() =>
          checkAborted(options.signal),
        );
        service.assertAlive('measurement');
        checkResponses(window.load);
        if (!window.allocationsServed) progress.line(`  ${title}: the service's pprof endpoints have no allocs profile (HTTP 404); allocations are not profiled`);
        const profiled = pprofHttpTrialProfiles(window, out, config);
        const metrics = trialMetrics(window.load, profiled, window.usage);
        return { metrics, pprof: profiled.cpu, profilePath: out.cpu, allocationPprof: profiled.allocations, allocationProfilePath: out.allocations, service: AGENTLESS_VERSIONS };
      }
      await service.agent.startProfiling({
        cpuSamplingIntervalUs: config.profile.cpuSamplingIntervalUs,
        allocationSamplingIntervalBytes: config.profile.allocationSamplingIntervalBytes,
      });
      const startedAtMs = Date.now();
      const measured = await load(config.load.measureRequests, startAt, 'measuring');
      checkAborted(options.signal);
      service.assertAlive('measurement');
      warnIfRateMissed(config, measured, progress, title);
      const usage = await service.agent.stopProfiling(written);
      watch?.lap('measure');
      checkResponses(measured);
      const window = { startedAtMs, durationMs: usage ? usage.wallMicros / 1000 : measured.durationMs, requests: measured.responses };
      const profiled = convertTrialProfiles(written, out, window, config, sources);
      const metrics = trialMetrics(measured, profiled, usage);
      watch?.lap('profiles');
      return { metrics, pprof: profiled.cpu, profilePath: out.cpu, allocationPprof: profiled.allocations, allocationProfilePath: out.allocations, service: service.hello ?? AGENTLESS_VERSIONS };
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
    rmSync(written.cpuProfilePath, { force: true });
    rmSync(written.heapProfilePath, { force: true });
  }
}

/**
 * A hash of every setting that changes what a trial measures (not where reports go), so
 * a baseline taken with other settings is recognised as not comparable.
 */
export function configFingerprint(config: Config): string {
  const { build, start, env, port, portEnv, readyPath } = config.service;
  const relevant = { build, start, env, port, portEnv, readyPath, load: config.load, profile: config.profile };
  return createHash('sha256').update(JSON.stringify(relevant)).digest('hex');
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

/** An open loop that cannot hold its rate has turned into a closed one: say so. */
function warnIfRateMissed(config: Config, measured: Awaited<ReturnType<typeof replayLoad>>, progress: Progress, title: string): void {
  const target = config.load.mode === 'open' ? config.load.ratePerSecond : undefined;
  if (target === undefined || measured.durationMs <= 0) return;
  const achieved = measured.responses / (measured.durationMs / 1000);
  if (achieved < target * 0.9) {
    progress.line(
      `warning: ${title}: open loop reached ${achieved.toFixed(0)} of ${target} requests/s; the service held all ${config.load.connections} connections, ` +
        'so latencies are those of a closed loop (raise load.connections or lower load.ratePerSecond)',
    );
  }
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

/** The dependency lockfile's hash, when the service has one (its folder first, then the project's). */
export function withLockfile(config: Config): { lockfileSha256?: string } {
  const sha = lockfileSha256([config.service.cwd, config.root]);
  return sha ? { lockfileSha256: sha } : {};
}

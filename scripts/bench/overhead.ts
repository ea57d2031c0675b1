import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentChannel } from '../../src/agent/agent-channel.js';
import { AGENT_SOCKET_ENV } from '../../src/agent/protocol.js';
import { profileSchema } from '../../src/config/schema.js';
import { replayLoad } from '../../src/load/index.js';
import type { ReplayRequest } from '../../src/replay/index.js';
import { freePort } from '../../src/target/free-port.js';
import { ProcessGroup, sleep } from '../../src/target/process-group.js';
import { spread, type Spread } from './stats.js';

export type VariantName = 'none' | 'idle' | 'cpu' | 'cpu+alloc';

interface Variant {
  readonly name: VariantName;
  readonly what: string;
  readonly agent: boolean;
  readonly sampling?: { readonly cpuSamplingIntervalUs: number; readonly allocationSamplingIntervalBytes: number };
}

const defaults = profileSchema.parse({});
/**
 * The agent always starts both samplers; at the largest interval the config allows
 * (64 MiB) the heap sampler takes a handful of samples per window, so this variant
 * shows what the CPU profiler costs on its own.
 */
const CPU_ONLY_ALLOCATION_INTERVAL = 64 * 1024 * 1024;

export const VARIANTS: readonly Variant[] = [
  { name: 'none', what: 'no agent (plain `node`)', agent: false },
  { name: 'idle', what: 'agent loaded and connected, not sampling', agent: true },
  {
    name: 'cpu',
    what: `agent sampling CPU every ${defaults.cpuSamplingIntervalUs} µs, allocation sampler at ${CPU_ONLY_ALLOCATION_INTERVAL / 1024 / 1024} MiB (practically off)`,
    agent: true,
    sampling: { cpuSamplingIntervalUs: defaults.cpuSamplingIntervalUs, allocationSamplingIntervalBytes: CPU_ONLY_ALLOCATION_INTERVAL },
  },
  {
    name: 'cpu+alloc',
    what: `agent sampling CPU every ${defaults.cpuSamplingIntervalUs} µs and allocations every ${defaults.allocationSamplingIntervalBytes / 1024} KiB (the defaults)`,
    agent: true,
    sampling: { cpuSamplingIntervalUs: defaults.cpuSamplingIntervalUs, allocationSamplingIntervalBytes: defaults.allocationSamplingIntervalBytes },
  },
];

export interface OverheadSettings {
  readonly rounds: number;
  readonly warmupRequests: number;
  readonly measureRequests: number;
  readonly connections: number;
}

export interface RunFigures {
  readonly variant: VariantName;
  readonly round: number;
  readonly throughputRps: number;
  readonly cpuMicrosPerRequest: number;
  /** The part of it on the main thread, where the service's JavaScript runs and the CPU profiler interrupts it. */
  readonly mainThreadCpuMicrosPerRequest: number;
  /** The part on V8's profiler thread (v8:ProfEvntProc), which exists only while the CPU profiler runs. */
  readonly profilerThreadCpuMicrosPerRequest: number;
  readonly responses: number;
  readonly failed: number;
}

export interface OverheadResult {
  readonly settings: OverheadSettings & { readonly command: string; readonly cpuClock: string };
  readonly variants: ReadonlyArray<{ readonly name: VariantName; readonly what: string }>;
  readonly runs: readonly RunFigures[];
  /** Per variant, the per-round ratios to `none` in the same round. */
  readonly ratios: ReadonlyArray<{ readonly variant: VariantName; readonly throughput: Spread; readonly cpuPerRequest: Spread; readonly mainThreadCpuPerRequest: Spread }>;
}

const COMMAND = 'exec node examples/shop-api/server.js';

/**
 * Rounds of fresh service processes, one per variant, in an order that rotates each
 * round (a Latin square), so no variant always runs first or right after another; each
 * round's ratios are taken against that round's no-agent run, side by side in time.
 */
export async function measureOverhead(
  repo: string,
  agentPath: string,
  requests: readonly ReplayRequest[],
  settings: OverheadSettings,
  log: (line: string) => void,
): Promise<OverheadResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'perfgate-bench-overhead-'));
  const runs: RunFigures[] = [];
  try {
    for (let round = 0; round < settings.rounds; round++) {
      const order = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length]!);
      for (const variant of order) {
        const figures = await oneRun(repo, agentPath, requests, settings, variant, round, scratch);
        runs.push(figures);
        log(`  round ${round + 1}/${settings.rounds} ${variant.name}: ${figures.throughputRps.toFixed(0)} req/s, ${figures.cpuMicrosPerRequest.toFixed(0)} µs CPU/request`);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return {
    settings: { ...settings, command: COMMAND.replace(/^exec /, ''), cpuClock: cpuClockName() },
    variants: VARIANTS.map(({ name, what }) => ({ name, what })),
    runs,
    ratios: overheadRatios(runs),
  };
}

/** Each variant's per-round ratios to the no-agent run of the same round. */
export function overheadRatios(runs: readonly RunFigures[]): OverheadResult['ratios'] {
  const rounds = [...new Set(runs.map((r) => r.round))];
  return VARIANTS.filter((v) => v.name !== 'none').map((variant) => {
    const throughput: number[] = [];
    const cpuPerRequest: number[] = [];
    const mainThreadCpuPerRequest: number[] = [];
    for (const round of rounds) {
      const base = runs.find((r) => r.round === round && r.variant === 'none');
      const run = runs.find((r) => r.round === round && r.variant === variant.name);
      if (!base || !run) continue;
      throughput.push(run.throughputRps / base.throughputRps);
      cpuPerRequest.push(run.cpuMicrosPerRequest / base.cpuMicrosPerRequest);
      mainThreadCpuPerRequest.push(run.mainThreadCpuMicrosPerRequest / base.mainThreadCpuMicrosPerRequest);
    }
    return { variant: variant.name, throughput: spread(throughput), cpuPerRequest: spread(cpuPerRequest), mainThreadCpuPerRequest: spread(mainThreadCpuPerRequest) };
  });
}

async function oneRun(
  repo: string,
  agentPath: string,
  requests: readonly ReplayRequest[],
  settings: OverheadSettings,
  variant: Variant,
  round: number,
  scratch: string,
): Promise<RunFigures> {
  const port = await freePort();
  const channel = variant.agent ? await AgentChannel.open() : undefined;
  const inherited = process.env.NODE_OPTIONS ?? '';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    NODE_OPTIONS: channel ? `${inherited} --require ${agentPath}`.trim() : inherited,
    ...(channel ? { [AGENT_SOCKET_ENV]: channel.socketPath } : {}),
  };
  if (!channel) delete env[AGENT_SOCKET_ENV];
  const group = new ProcessGroup(COMMAND, { cwd: repo, env });
  try {
    if (channel) await ready(group, channel.waitForHello(), 'the agent to connect');
    const origin = new URL(`http://127.0.0.1:${port}`);
    await ready(group, healthy(new URL('/health', origin)), 'GET /health');
    const pid = channel?.registered?.pid ?? group.pid!;
    const common = { connections: settings.connections, timeoutMs: 10_000 };
    if (settings.warmupRequests > 0) await replayLoad(origin, requests, { ...common, amount: settings.warmupRequests });
    if (variant.sampling) await channel!.startProfiling(variant.sampling);
    const cpuBefore = threadCpuNanos(pid);
    const started = process.hrtime.bigint();
    const load = await replayLoad(origin, requests, { ...common, amount: settings.measureRequests, startAt: settings.warmupRequests % requests.length });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpuAfter = threadCpuNanos(pid);
    if (variant.sampling) {
      await channel!.stopProfiling({ cpuProfilePath: join(scratch, 'cpu.json'), heapProfilePath: join(scratch, 'heap.json') });
    }
    if (group.hasExited) throw new Error(`the example service ${group.describeExit()}: ${group.output.lastLines()}`);
    return {
      variant: variant.name,
      round,
      throughputRps: load.responses / seconds,
      cpuMicrosPerRequest: (cpuAfter.all - cpuBefore.all) / 1000 / load.responses,
      mainThreadCpuMicrosPerRequest: (cpuAfter.main - cpuBefore.main) / 1000 / load.responses,
      profilerThreadCpuMicrosPerRequest: (cpuAfter.profiler - cpuBefore.profiler) / 1000 / load.responses,
      responses: load.responses,
      failed: load.errors + load.timeouts,
    };
  } finally {
    await group.stop(5_000);
    channel?.close();
  }
}

async function ready<T>(group: ProcessGroup, waiting: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    waiting,
    group.exited.then(() => 'exited' as const),
    new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 20_000))),
  ]);
  clearTimeout(timer);
  if (outcome === 'exited' || outcome === 'timeout') {
    throw new Error(`waiting for ${what}: the example service ${outcome === 'exited' ? group.describeExit() : 'took more than 20 s'}: ${group.output.lastLines()}`);
  }
  return outcome;
}

async function healthy(url: URL): Promise<void> {
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(50);
  }
}

/**
 * CPU time of a process's threads, in nanoseconds, from /proc/<pid>/task/*\/schedstat (the
 * scheduler's own accounting, exact to the nanosecond; /proc/<pid>/stat counts in 10 ms
 * ticks, 1% of a 1-second window): all of them, the main thread, and V8's profiler thread.
 * The same clock for every variant, agent or not.
 */
export function threadCpuNanos(pid: number): { all: number; main: number; profiler: number } {
  const totals = { all: 0, main: 0, profiler: 0 };
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      const nanos = Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
      totals.all += nanos;
      if (Number(task) === pid) totals.main += nanos;
      else if (readFileSync(`/proc/${pid}/task/${task}/comm`, 'utf8').trim() === PROFILER_THREAD) totals.profiler += nanos;
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return totals;
}

/** The name V8 gives the thread that turns the CPU profiler's ticks into samples. */
const PROFILER_THREAD = 'v8:ProfEvntProc';

function cpuClockName(): string {
  return '/proc/<pid>/task/*/schedstat (scheduler CPU time of every thread of the service, ns)';
}

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

export type VariantName = 'none' | 'idle' | 'cpu' | 'cpu+alloc' | 'cpu+alloc 2ms' | 'cpu+alloc 5ms';

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
  // Longer CPU intervals: what it would take to cost less (section 4 shows what they see).
  ...([2_000, 5_000] as const).map(
    (interval): Variant => ({
      name: `cpu+alloc ${interval / 1000}ms` as VariantName,
      what: `agent sampling CPU every ${interval} µs and allocations every ${defaults.allocationSamplingIntervalBytes / 1024} KiB`,
      agent: true,
      sampling: { cpuSamplingIntervalUs: interval, allocationSamplingIntervalBytes: defaults.allocationSamplingIntervalBytes },
    }),
  ),
];

export interface OverheadSettings {
  /** Rounds of fresh processes, one per process variant. */
  readonly rounds: number;
  /** Processes that each run every window variant in turn. */
  readonly processes: number;
  /**
   * Unmeasured requests before each window of one process: stopping the profilers (V8
   * writes out the profiles, the garbage follows) slows the next thousand or so requests,
   * which without this would count against the idle window after every sampled one.
   */
  readonly settleRequests: number;
  readonly warmupRequests: number;
  readonly measureRequests: number;
  readonly connections: number;
}

export interface RunFigures {
  readonly variant: VariantName;
  /** `process`: a fresh process per run; `window`: consecutive windows of one process. */
  readonly design: 'process' | 'window';
  /** The round (process design) or the process (window design) the run belongs to. */
  readonly group: number;
  /** Its place in the round or the process, from 0. */
  readonly position: number;
  readonly throughputRps: number;
  readonly cpuMicrosPerRequest: number;
  /** The part of it on the main thread, where the service's JavaScript runs and the CPU profiler interrupts it. */
  readonly mainThreadCpuMicrosPerRequest: number;
  /** The part on V8's profiler thread (v8:ProfEvntProc), which exists only while the CPU profiler runs. */
  readonly profilerThreadCpuMicrosPerRequest: number;
  readonly responses: number;
  readonly failed: number;
}

export interface VariantRatios {
  readonly variant: VariantName;
  readonly throughput: Spread;
  readonly cpuPerRequest: Spread;
  readonly mainThreadCpuPerRequest: Spread;
}

export interface OverheadResult {
  readonly settings: OverheadSettings & { readonly command: string; readonly cpuClock: string };
  readonly variants: ReadonlyArray<{ readonly name: VariantName; readonly what: string }>;
  readonly runs: readonly RunFigures[];
  /** Fresh processes: each variant against the no-agent run of the same round. */
  readonly processRatios: readonly VariantRatios[];
  /** One process, consecutive windows: each sampling setting against the agent-idle windows just before and after it. */
  readonly windowRatios: readonly VariantRatios[];
}

const COMMAND = 'exec node examples/shop-api/server.js';
const PROCESS_VARIANTS: readonly VariantName[] = ['none', 'idle', 'cpu+alloc'];
const SAMPLED_WINDOWS: readonly VariantName[] = ['cpu', 'cpu+alloc', 'cpu+alloc 2ms', 'cpu+alloc 5ms'];

/**
 * Two designs. Fresh processes, in rounds whose order rotates (a Latin square), compare
 * the service with and without the agent, as a gate trial runs it; but one process differs
 * from the next by several percent (JIT, heap layout), which buries a small cost. So each
 * sampling setting is also compared inside one process: after the warm-up, windows of the
 * same length alternate between the agent idle and one sampling setting (settings in an
 * order that rotates from process to process), and each sampled window is set against the
 * mean of the idle windows on either side, which cancels the process's drift (the example
 * keeps the products it is sent, so later requests cost a little more).
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
  const show = (f: RunFigures, where: string) =>
    log(`  ${where} ${f.variant}: ${f.throughputRps.toFixed(0)} req/s, ${f.cpuMicrosPerRequest.toFixed(0)} µs CPU/request (main thread ${f.mainThreadCpuMicrosPerRequest.toFixed(0)})`);
  try {
    for (let round = 0; round < settings.rounds; round++) {
      for (const [position, name] of rotated(PROCESS_VARIANTS, round).entries()) {
        const figures = await withService(repo, agentPath, variantNamed(name).agent, async (service) => {
          await warmUp(service, requests, settings);
          return measureWindow(service, requests, settings, variantNamed(name), scratch, { design: 'process', group: round, position });
        });
        runs.push(figures);
        show(figures, `round ${round + 1}/${settings.rounds}`);
      }
    }
    for (let p = 0; p < settings.processes; p++) {
      await withService(repo, agentPath, true, async (service) => {
        await warmUp(service, requests, settings);
        const windows = rotated(SAMPLED_WINDOWS, p).flatMap((name) => ['idle' as const, name]);
        for (const [position, name] of [...windows, 'idle' as const].entries()) {
          await replayLoad(service.origin, requests, { amount: settings.settleRequests, startAt: service.next, connections: settings.connections, timeoutMs: 10_000 });
          service.next = (service.next + settings.settleRequests) % requests.length;
          const figures = await measureWindow(service, requests, settings, variantNamed(name), scratch, { design: 'window', group: p, position });
          runs.push(figures);
          show(figures, `process ${p + 1}/${settings.processes} window`);
        }
      });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return {
    settings: { ...settings, command: COMMAND.replace(/^exec /, ''), cpuClock: cpuClockName() },
    variants: VARIANTS.map(({ name, what }) => ({ name, what })),
    runs,
    processRatios: overheadRatios(runs, 'process', 'none'),
    windowRatios: overheadRatios(runs, 'window', 'idle'),
  };
}

function rotated<T>(items: readonly T[], by: number): T[] {
  return items.map((_, i) => items[(i + by) % items.length]!);
}

function variantNamed(name: VariantName): Variant {
  return VARIANTS.find((v) => v.name === name)!;
}

/**
 * Each variant's ratios to the reference in the same group: the reference run of the round
 * (process design), or the mean of the reference windows right before and after (window design).
 */
export function overheadRatios(runs: readonly RunFigures[], design: RunFigures['design'], reference: VariantName): VariantRatios[] {
  const mine = runs.filter((r) => r.design === design);
  const names = [...new Set(mine.map((r) => r.variant))].filter((name) => name !== reference);
  return names.map((variant) => {
    const throughput: number[] = [];
    const cpuPerRequest: number[] = [];
    const mainThreadCpuPerRequest: number[] = [];
    for (const run of mine.filter((r) => r.variant === variant)) {
      const group = mine.filter((r) => r.group === run.group && r.variant === reference);
      const bases = design === 'process' ? group : group.filter((r) => Math.abs(r.position - run.position) === 1);
      if (bases.length === 0) continue;
      const mean = (read: (r: RunFigures) => number) => bases.reduce((sum, r) => sum + read(r), 0) / bases.length;
      throughput.push(run.throughputRps / mean((r) => r.throughputRps));
      cpuPerRequest.push(run.cpuMicrosPerRequest / mean((r) => r.cpuMicrosPerRequest));
      mainThreadCpuPerRequest.push(run.mainThreadCpuMicrosPerRequest / mean((r) => r.mainThreadCpuMicrosPerRequest));
    }
    return { variant, throughput: spread(throughput), cpuPerRequest: spread(cpuPerRequest), mainThreadCpuPerRequest: spread(mainThreadCpuPerRequest) };
  });
}

interface Service {
  readonly origin: URL;
  readonly pid: number;
  readonly channel: AgentChannel | undefined;
  readonly group: ProcessGroup;
  /** Where the replay continues, so consecutive windows send the file's requests in order. */
  next: number;
}

/** Starts the example (with or without the agent), waits until it answers, lends it, always stops it. */
async function withService<T>(repo: string, agentPath: string, agent: boolean, use: (service: Service) => Promise<T>): Promise<T> {
  const port = await freePort();
  const channel = agent ? await AgentChannel.open() : undefined;
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
    const result = await use({ origin, pid: channel?.registered?.pid ?? group.pid!, channel, group, next: 0 });
    if (group.hasExited) throw new Error(`the example service ${group.describeExit()}: ${group.output.lastLines()}`);
    return result;
  } finally {
    await group.stop(5_000);
    channel?.close();
  }
}

async function warmUp(service: Service, requests: readonly ReplayRequest[], settings: OverheadSettings): Promise<void> {
  if (settings.warmupRequests === 0) return;
  await replayLoad(service.origin, requests, { amount: settings.warmupRequests, connections: settings.connections, timeoutMs: 10_000 });
  service.next = settings.warmupRequests % requests.length;
}

/** One measured window: the variant's samplers on (if any) for exactly the measured requests. */
async function measureWindow(
  service: Service,
  requests: readonly ReplayRequest[],
  settings: OverheadSettings,
  variant: Variant,
  scratch: string,
  place: Pick<RunFigures, 'design' | 'group' | 'position'>,
): Promise<RunFigures> {
  if (variant.sampling) await service.channel!.startProfiling(variant.sampling);
  const cpuBefore = threadCpuNanos(service.pid);
  const started = process.hrtime.bigint();
  const load = await replayLoad(service.origin, requests, { amount: settings.measureRequests, startAt: service.next, connections: settings.connections, timeoutMs: 10_000 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuAfter = threadCpuNanos(service.pid);
  service.next = (service.next + settings.measureRequests) % requests.length;
  if (variant.sampling) await service.channel!.stopProfiling({ cpuProfilePath: join(scratch, 'cpu.json'), heapProfilePath: join(scratch, 'heap.json') });
  return {
    variant: variant.name,
    ...place,
    throughputRps: load.responses / seconds,
    cpuMicrosPerRequest: (cpuAfter.all - cpuBefore.all) / 1000 / load.responses,
    mainThreadCpuMicrosPerRequest: (cpuAfter.main - cpuBefore.main) / 1000 / load.responses,
    profilerThreadCpuMicrosPerRequest: (cpuAfter.profiler - cpuBefore.profiler) / 1000 / load.responses,
    responses: load.responses,
    failed: load.errors + load.timeouts,
  };
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

import { AgentChannel } from '../agent/agent-channel.js';
import { serviceOrigin } from '../agent/service-origin.js';
import { AGENT_SOCKET_ENV, type HelloMessage } from '../agent/protocol.js';
import type { Config } from '../config/index.js';
import { PerfgateError } from '../errors.js';
import { canConnect, freePort } from './free-port.js';
import { ProcessGroup, sleep } from './process-group.js';

export interface ServiceLaunch {
  readonly service: Config['service'];
  /**
   * Absolute path of the agent bundle preloaded with NODE_OPTIONS=--require; null for a
   * service perfgate does not instrument (profile.source "pprof-http", any language),
   * which is ready once it accepts connections on its port (and answers readyPath).
   */
  readonly agentPath: string | null;
  /** Marks every process of this run (tests look for it to prove nothing is left). */
  readonly runId: string;
  readonly echo?: (chunk: string) => void;
}

/** A started, ready service with its agent connected (null when started without one). Always end it with `stop()`. */
export class RunningService {
  constructor(
    readonly group: ProcessGroup,
    readonly agent: AgentChannel | null,
    readonly origin: URL,
    readonly hello: HelloMessage | null,
    private readonly graceMs: number,
  ) {}

  /** Fails with the service's last output if it has exited. */
  assertAlive(during: string): void {
    if (this.group.hasExited) {
      throw new PerfgateError(
        'SERVICE_FAILED',
        `service \`${this.group.command}\` ${this.group.describeExit()} during ${during}; its last output:\n${this.group.output.lastLines()}`,
      );
    }
  }

  async stop(): Promise<void> {
    await this.group.stop(this.graceMs);
    this.agent?.close();
  }
}

/** Starts the service and waits until it is ready; on any failure, nothing is left running. */
export async function startService(launch: ServiceLaunch): Promise<RunningService> {
  const { service } = launch;
  const port = service.port === 0 ? await freePort() : service.port;
  if (launch.agentPath === null) return startWithoutAgent(launch, port);
  const agent = await AgentChannel.open(service.start);
  const nodeOptions = [process.env.NODE_OPTIONS ?? '', `--require ${quoteForNodeOptions(launch.agentPath)}`].join(' ').trim();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...service.env,
    [service.portEnv]: String(port),
    NODE_OPTIONS: nodeOptions,
    [AGENT_SOCKET_ENV]: agent.socketPath,
    PERFGATE_RUN_ID: launch.runId,
  };
  const group = new ProcessGroup(service.start, { cwd: service.cwd, env, ...(launch.echo ? { echo: launch.echo } : {}) });
  try {
    const hello = await waitForAgent(group, agent, port, service.readyTimeoutMs);
    const origin = serviceOrigin(hello, port);
    if (service.readyPath) await waitForReadyPath(group, new URL(service.readyPath, origin), service.readyTimeoutMs);
    return new RunningService(group, agent, origin, hello, service.stopGraceMs);
  } catch (error) {
    await group.stop(service.stopGraceMs);
    agent.close();
    throw error;
  }
}

async function startWithoutAgent(launch: ServiceLaunch, port: number): Promise<RunningService> {
  const { service } = launch;
  const env: NodeJS.ProcessEnv = { ...process.env, ...service.env, [service.portEnv]: String(port), PERFGATE_RUN_ID: launch.runId };
  const group = new ProcessGroup(service.start, { cwd: service.cwd, env, ...(launch.echo ? { echo: launch.echo } : {}) });
  try {
    await waitForPort(group, port, service.readyTimeoutMs);
    const origin = new URL(`http://127.0.0.1:${port}`);
    if (service.readyPath) await waitForReadyPath(group, new URL(service.readyPath, origin), service.readyTimeoutMs);
    return new RunningService(group, null, origin, null, service.stopGraceMs);
  } catch (error) {
    await group.stop(service.stopGraceMs);
    throw error;
  }
}

/** Without an agent to say where the service listens, readiness is its port on loopback accepting a connection. */
async function waitForPort(group: ProcessGroup, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (group.hasExited) {
      throw exitedBeforeReady(group);
    }
    if (await canConnect(port)) return;
    await sleep(50);
  }
  throw new PerfgateError(
    'SERVICE_FAILED',
    `service \`${group.command}\` was not ready after ${timeoutMs} ms: nothing accepted connections on 127.0.0.1:${port} (perfgate passed the port in the environment variable it was configured with); its last output:\n${group.output.lastLines()}`,
  );
}

async function waitForAgent(group: ProcessGroup, agent: AgentChannel, port: number, timeoutMs: number): Promise<HelloMessage> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([agent.waitForHello(), group.exited.then(() => 'exited' as const), timeout]);
  clearTimeout(timer);
  if (outcome === 'exited') {
    throw exitedBeforeReady(group);
  }
  if (outcome === 'timeout') {
    const listening = await canConnect(port);
    const why = listening
      ? `something listens on port ${port}, but the perfgate agent never registered: the service must be a Node process that keeps NODE_OPTIONS (perfgate preloads its agent with --require)`
      : `it never listened (perfgate passed port ${port} in the environment variable it was configured with)`;
    throw new PerfgateError(
      'SERVICE_FAILED',
      `service \`${group.command}\` was not ready after ${timeoutMs} ms: ${why}; its last output:\n${group.output.lastLines()}`,
    );
  }
  return outcome;
}

function exitedBeforeReady(group: ProcessGroup): PerfgateError {
  return new PerfgateError('SERVICE_FAILED', `service \`${group.command}\` ${group.describeExit()} before it was ready; its last output:\n${group.output.lastLines()}`);
}

async function waitForReadyPath(group: ProcessGroup, url: URL, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (group.hasExited) break;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      // Only the status matters: the body, of any size, is not read.
      await response.body?.cancel();
      if (response.status < 400) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(100);
  }
  throw new PerfgateError(
    'SERVICE_FAILED',
    `service \`${group.command}\` did not answer GET ${url.pathname} with 2xx/3xx within ${timeoutMs} ms (last: ${last}; ${group.describeExit()}); its last output:\n${group.output.lastLines()}`,
  );
}

function quoteForNodeOptions(path: string): string {
  return /[\s"\\]/.test(path) ? `"${path.replace(/(["\\])/g, '\\$1')}"` : path;
}

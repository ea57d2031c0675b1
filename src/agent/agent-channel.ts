import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerfgateError } from '../errors.js';
import { MAX_AGENT_LINE_BYTES, parseAgentMessage } from './agent-message.js';
import { AGENT_SOCKET_ENV, type AgentMessage, type Command, type HelloMessage, type ProcessUsage, type Reply } from './protocol.js';

type CommandBody = Command extends infer C ? (C extends Command ? Omit<C, 'id'> : never) : never;

/**
 * perfgate's end of the agent's control connection: a Unix socket in a private temp
 * folder that the agent dials once the service listens. One channel serves one service.
 */
export class AgentChannel {
  readonly socketPath: string;
  private readonly folder: string;
  private readonly server: net.Server;
  private connection: net.Socket | undefined;
  private hello: HelloMessage | undefined;
  private helloWaiters: Array<{ resolve: (hello: HelloMessage) => void; reject: (error: PerfgateError) => void }> = [];
  private failure: PerfgateError | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, (reply: Reply) => void>();
  private closedReason: string | undefined;

  /** The service, as errors name it (its start command). */
  private readonly service: string;

  private constructor(folder: string, server: net.Server, service: string) {
    this.folder = folder;
    this.service = service;
    this.socketPath = join(folder, 'agent.sock');
    this.server = server;
  }

  static async open(service = 'the service'): Promise<AgentChannel> {
    // Socket paths are limited to ~107 bytes, so they live under the OS temp dir, not the repo.
    const folder = mkdtempSync(join(tmpdir(), 'perfgate-'));
    const server = net.createServer();
    const channel = new AgentChannel(folder, server, service);
    server.on('connection', (socket) => channel.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(channel.socketPath, () => resolve());
    });
    server.unref();
    return channel;
  }

  get registered(): HelloMessage | undefined {
    return this.hello;
  }

  /** Resolves with the agent's hello; rejects only when the agent sent something that is not a message (the caller races it with the process). */
  waitForHello(): Promise<HelloMessage> {
    if (this.hello) return Promise.resolve(this.hello);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.helloWaiters.push({ resolve, reject }));
  }

  /** Starts the CPU profiler and the sampling heap profiler (allocations) for the measured window. */
  async startProfiling(settings: { cpuSamplingIntervalUs: number; allocationSamplingIntervalBytes: number }): Promise<void> {
    await this.request({ cmd: 'start', ...settings });
  }

  /** Stops both profilers; the agent writes the V8 CPU profile and the sampling heap profile (JSON) to these paths. */
  async stopProfiling(paths: { cpuProfilePath: string; heapProfilePath: string }): Promise<ProcessUsage | undefined> {
    const reply = await this.request({ cmd: 'stop', ...paths });
    return reply.ok ? reply.usage : undefined;
  }

  close(): void {
    this.closedReason ??= 'the channel was closed';
    this.connection?.destroy();
    this.server.close();
    rmSync(this.folder, { recursive: true, force: true });
    for (const resolve of this.pending.values()) resolve({ type: 'reply', id: 0, ok: false, error: this.closedReason });
    this.pending.clear();
  }

  private accept(socket: net.Socket): void {
    if (this.connection) {
      // Only the first process to listen is the service; a second one is refused.
      socket.destroy();
      return;
    }
    this.connection = socket;
    socket.setEncoding('utf8');
    let buffered = '';
    socket.on('data', (chunk: string) => {
      if (this.failure) return;
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (line.trim() === '') continue;
        const message = line.length > MAX_AGENT_LINE_BYTES ? { invalid: `a line of ${line.length} characters` } : parseAgentMessage(line);
        if ('invalid' in message) return this.fail(message.invalid);
        this.receive(message);
      }
      // Unbounded buffering would let the service grow perfgate's memory without end.
      if (buffered.length > MAX_AGENT_LINE_BYTES) this.fail(`more than ${MAX_AGENT_LINE_BYTES} characters without a line break`);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.closedReason ??= 'the service closed the agent connection (did it exit?)';
      for (const resolve of this.pending.values()) resolve({ type: 'reply', id: 0, ok: false, error: this.closedReason });
      this.pending.clear();
    });
  }

  /** The agent broke the protocol: the connection is dropped and everyone waiting hears why, naming the service. */
  private fail(what: string): void {
    const error = new PerfgateError(
      'AGENT_FAILED',
      `service \`${this.service}\`: its end of the perfgate agent connection sent ${what}; so perfgate dropped it (only perfgate's agent may write to the socket named by ${AGENT_SOCKET_ENV})`,
    );
    this.failure = error;
    this.closedReason ??= error.message;
    for (const waiter of this.helloWaiters.splice(0)) waiter.reject(error);
    for (const resolve of this.pending.values()) resolve({ type: 'reply', id: 0, ok: false, error: error.message });
    this.pending.clear();
    this.connection?.destroy();
  }

  private receive(message: AgentMessage): void {
    if (message.type === 'hello') {
      if (this.hello) return;
      this.hello = message;
      for (const waiter of this.helloWaiters.splice(0)) waiter.resolve(message);
      return;
    }
    const resolve = this.pending.get(message.id);
    this.pending.delete(message.id);
    resolve?.(message);
  }

  private async request(body: CommandBody): Promise<Reply & { ok: true }> {
    const connection = this.connection;
    if (!connection || this.closedReason) {
      throw new PerfgateError('AGENT_FAILED', `agent: cannot send "${body.cmd}": ${this.closedReason ?? 'the agent never connected'}`);
    }
    const id = this.nextId++;
    const reply = await new Promise<Reply>((resolve) => {
      this.pending.set(id, resolve);
      connection.write(`${JSON.stringify({ ...body, id })}\n`);
    });
    if (!reply.ok) throw new PerfgateError('AGENT_FAILED', `agent: "${body.cmd}" failed: ${reply.error}`);
    return reply;
  }
}

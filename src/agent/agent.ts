/**
 * Preloaded into the service with NODE_OPTIONS=--require. It stays dormant until the
 * process listens for connections, then dials perfgate and profiles on command. It
 * must never break the service it rides in: every failure is reported, not thrown.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import net from 'node:net';
import { AGENT_SOCKET_ENV, type AgentMessage, type Command, type ProcessUsage } from './protocol.js';

const socketPath = process.env[AGENT_SOCKET_ENV];
if (socketPath) install(socketPath);

function install(controlPath: string): void {
  const originalListen = net.Server.prototype.listen;
  let registered = false;
  net.Server.prototype.listen = function listen(this: net.Server, ...args: unknown[]) {
    if (!registered) {
      registered = true;
      // Only the process that serves forgets the socket, so that its own children do not
      // dial again; a wrapper (npm, a shell, a launcher in node) must pass it on.
      delete process.env[AGENT_SOCKET_ENV];
      this.once('listening', () => connect(controlPath, this));
    }
    return (originalListen as (...a: unknown[]) => net.Server).apply(this, args);
  } as typeof net.Server.prototype.listen;
}

function connect(controlPath: string, server: net.Server): void {
  const address = server.address();
  const control = net.createConnection(controlPath);
  const session = new Session();
  let window: { cpu: NodeJS.CpuUsage; wallNanos: bigint } | undefined;
  let closing = false;

  const send = (message: AgentMessage) => control.write(`${JSON.stringify(message)}\n`);
  control.on('connect', () => {
    send({
      type: 'hello',
      pid: process.pid,
      nodeVersion: process.versions.node,
      v8Version: process.versions.v8,
      address:
        address === null ? { path: '' } : typeof address === 'string' ? { path: address } : { port: address.port, host: address.address },
    });
  });
  let buffered = '';
  control.setEncoding('utf8');
  control.on('data', (chunk: string) => {
    buffered += chunk;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.trim() !== '') void handle(JSON.parse(line) as Command);
    }
  });
  // perfgate gone means nobody will ever stop this process: end it rather than orphan it.
  const orphaned = () => {
    if (closing) return;
    closing = true;
    process.kill(process.pid, 'SIGTERM');
    setTimeout(() => process.exit(137), 2_000).unref();
  };
  control.on('close', orphaned);
  control.on('error', orphaned);

  async function handle(command: Command): Promise<void> {
    try {
      if (command.cmd === 'start') {
        session.connect();
        await post('Profiler.enable');
        await post('Profiler.setSamplingInterval', { interval: command.cpuSamplingIntervalUs });
        // Without the two flags V8 forgets every sampled object once a GC collects it, and
        // the profile shows the live heap at the end; with them it keeps every allocation
        // of the window, which is what "allocated per request" needs.
        await post('HeapProfiler.startSampling', {
          samplingInterval: command.allocationSamplingIntervalBytes,
          includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: true,
        });
        window = { cpu: process.cpuUsage(), wallNanos: process.hrtime.bigint() };
        await post('Profiler.start');
        send({ type: 'reply', id: command.id, ok: true });
      } else {
        const cpu = (await post('Profiler.stop')) as { profile: unknown };
        const usage = usageSince(window);
        const heap = (await post('HeapProfiler.stopSampling')) as { profile: unknown };
        await post('Profiler.disable');
        session.disconnect();
        writeWhole(command.cpuProfilePath, JSON.stringify(cpu.profile));
        writeWhole(command.heapProfilePath, JSON.stringify(heap.profile));
        send({ type: 'reply', id: command.id, ok: true, ...(usage ? { usage } : {}) });
      }
    } catch (error) {
      send({ type: 'reply', id: command.id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  function post(method: string, params?: object): Promise<unknown> {
    return new Promise((resolve, reject) => {
      session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result)));
    });
  }
}

/** Written beside the target and renamed, so a reader never sees half a profile. */
function writeWhole(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

function usageSince(window: { cpu: NodeJS.CpuUsage; wallNanos: bigint } | undefined): ProcessUsage | undefined {
  if (!window) return undefined;
  const cpu = process.cpuUsage(window.cpu);
  return {
    cpuMicros: cpu.user + cpu.system,
    wallMicros: Number((process.hrtime.bigint() - window.wallNanos) / 1000n),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AgentChannel } from './agent-channel.js';
import { MAX_AGENT_LINE_BYTES } from './agent-message.js';

const HELLO = { type: 'hello', pid: 42, nodeVersion: 'v20.0.0', v8Version: '11.3', address: { host: '127.0.0.1', port: 3000 } };

/** Dials the channel's real Unix socket as the agent would. */
function dial(channel: AgentChannel): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(channel.socketPath, () => resolve(socket));
    socket.on('error', reject);
  });
}

describe('AgentChannel: perfgate\'s end of the agent socket, fed by the service', () => {
  const open: Array<{ channel: AgentChannel; socket?: net.Socket }> = [];
  afterEach(() => {
    for (const { channel, socket } of open.splice(0)) {
      socket?.destroy();
      channel.close();
    }
  });
  const connect = async () => {
    const channel = await AgentChannel.open('node server.js');
    const socket = await dial(channel);
    open.push({ channel, socket });
    return { channel, socket };
  };

  it('takes a hello split across writes', async () => {
    const { channel, socket } = await connect();
    const line = `${JSON.stringify(HELLO)}\n`;
    socket.write(line.slice(0, 10));
    socket.write(line.slice(10));
    expect(await channel.waitForHello()).toEqual(HELLO);
  });

  for (const [what, payload, message] of [
    ['a line that is not JSON', 'not json\n', /sent a line that is not JSON \("not json"\)/],
    ['a hello without its fields', '{"type":"hello"}\n', /sent a hello without pid/],
    ['a message of another type', '{"type":"exec","cmd":"rm"}\n', /sent a message of unknown type "exec"/],
    ['an endless line', 'x'.repeat(MAX_AGENT_LINE_BYTES + 10), new RegExp(`sent more than ${MAX_AGENT_LINE_BYTES} characters without a line break`)],
  ] as const) {
    it(`fails with an error naming the service on ${what}, instead of crashing perfgate`, async () => {
      const { channel, socket } = await connect();
      socket.write(payload);
      const error = await channel.waitForHello().then(
        () => null,
        (e: unknown) => e as Error & { code: string },
      );
      expect(error?.code).toBe('AGENT_FAILED');
      expect(error?.message).toMatch(/^service `node server\.js`: its end of the perfgate agent connection sent /);
      expect(error?.message).toMatch(message);
      // The channel stays usable as an object: commands fail with the same reason.
      await expect(channel.startProfiling({ cpuSamplingIntervalUs: 1000, allocationSamplingIntervalBytes: 1024 })).rejects.toThrow(message);
    });
  }

  it('fails a pending command when a bad line follows the hello', async () => {
    const { channel, socket } = await connect();
    socket.write(`${JSON.stringify(HELLO)}\n`);
    await channel.waitForHello();
    const started = channel.startProfiling({ cpuSamplingIntervalUs: 1000, allocationSamplingIntervalBytes: 1024 });
    socket.write('{"type":"reply","id":"one"}\n');
    await expect(started).rejects.toThrow(/service `node server\.js`: .* sent a reply without a numeric id/);
  });
});

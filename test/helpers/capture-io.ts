import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/index.js';

/** A CliIo whose output the test reads back. */
export function captureIo(extra: Partial<CliIo> = {}): CliIo & { out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return { stdout, stderr, agentPath: '/nonexistent/agent.cjs', ...extra, out: () => out, err: () => err };
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { fetchPprof } from './pprof-http.js';

describe("fetchPprof: an endpoint's error page", () => {
  it('reads only the first bytes of a huge error body for the message, and closes the rest', async () => {
    const BODY_BYTES = 64 * 1024 * 1024;
    let written = 0;
    let finished = false;
    let closedEarly: Promise<void> = Promise.resolve();
    const server = http.createServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      closedEarly = new Promise((resolve) => res.on('close', () => resolve()));
      const chunk = Buffer.alloc(64 * 1024, 'e'.charCodeAt(0));
      chunk.write('pprof: profiling is off\n');
      // Writes as fast as the client reads, until the body is sent or the client hangs up.
      const pump = () => {
        while (written < BODY_BYTES && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (written >= BODY_BYTES) res.end(() => (finished = true));
      };
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await expect(fetchPprof(new URL(`http://127.0.0.1:${port}/debug/pprof/profile`), { timeoutMs: 60_000 })).rejects.toThrow(
        /answered HTTP 500 \("pprof: profiling is off\\neeee/,
      );
      await closedEarly;
      expect(finished).toBe(false);
      // What the socket buffers held when the client hung up, far below the body's size.
      expect(written).toBeLessThan(BODY_BYTES / 2);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { HelloMessage } from './protocol.js';
import { serviceOrigin } from './service-origin.js';

const hello = (host: string, port = 8080): HelloMessage => ({ type: 'hello', pid: 1, nodeVersion: 'v20.0.0', v8Version: '11.3', address: { host, port } });

/** A real server on a loopback address, port 0; resolves null where the machine has no such address (no IPv6). */
async function listening(host: string): Promise<http.Server | null> {
  const server = http.createServer((_req, res) => res.end('ok'));
  return new Promise((resolve) => {
    server.once('error', () => resolve(null));
    server.listen(0, host, () => resolve(server));
  });
}

describe('serviceOrigin: where load goes, from the address the service reports', () => {
  it('reaches a real server on loopback through the address it reports, IPv4 and IPv6 and a wildcard bind', async () => {
    let reached = 0;
    for (const [host, bind] of [['127.0.0.1', '127.0.0.1'], ['::1', '::1'], ['0.0.0.0', '0.0.0.0']] as const) {
      const server = await listening(bind);
      if (!server) continue;
      try {
        const address = server.address() as AddressInfo;
        const origin = serviceOrigin(hello(address.address, address.port), 1);
        expect(address.address).toBe(host);
        const response = await fetch(new URL('/', origin));
        expect(await response.text()).toBe('ok');
        reached++;
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    }
    expect(reached).toBeGreaterThanOrEqual(2);
  });

  it('accepts only IP addresses in loopback, however they are written', () => {
    expect(serviceOrigin(hello('127.0.0.1'), 1).href).toBe('http://127.0.0.1:8080/');
    expect(serviceOrigin(hello('127.1.2.3'), 1).href).toBe('http://127.1.2.3:8080/');
    expect(serviceOrigin(hello('::'), 1).href).toBe('http://127.0.0.1:8080/');
    expect(serviceOrigin(hello('0:0:0:0:0:0:0:1'), 1).href).toBe('http://[::1]:8080/');
    expect(serviceOrigin(hello('::ffff:127.0.0.1'), 1).href).toBe('http://127.0.0.1:8080/');
    expect(serviceOrigin({ ...hello('x'), address: { path: '/tmp/s.sock' } }, 3000).href).toBe('http://127.0.0.1:3000/');
  });

  it('refuses names that merely start with 127., other addresses and bad ports, naming what it got', () => {
    const cases: Array<[string, number, RegExp]> = [
      ['127.evil.example', 80, /"127\.evil\.example" port 80: not an IP address; perfgate only sends load to loopback addresses/],
      ['localhost', 80, /not an IP address/],
      ['10.0.0.1', 80, /"10\.0\.0\.1" port 80: not a loopback address/],
      ['::ffff:10.0.0.1', 80, /not a loopback address/],
      ['::2', 80, /not a loopback address/],
      ['127.0.0.1', 70_000, /not a TCP port/],
      ['127.0.0.1@evil.example', 80, /not an IP address/],
    ];
    for (const [host, port, message] of cases) expect(() => serviceOrigin(hello(host, port), 1), host).toThrow(message);
  });
});

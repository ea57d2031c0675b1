import net from 'node:net';
import { PerfgateError } from '../errors.js';
import type { HelloMessage } from './protocol.js';

/**
 * Where load is sent, from the address the agent reports the service listening on. The
 * service is code under test, so its answer is checked: the host must be an IP address
 * (`net.isIP`, so a name such as `127.evil.example` is refused) in loopback, 127.0.0.0/8 or
 * ::1 (IPv4-mapped ::ffff:127.x included); a wildcard bind is reached through 127.0.0.1.
 */
export function serviceOrigin(hello: HelloMessage, fallbackPort: number): URL {
  if (!('port' in hello.address)) return new URL(`http://127.0.0.1:${fallbackPort}`);
  const { host: bound, port } = hello.address;
  const refuse = (why: string) =>
    new PerfgateError('SERVICE_FAILED', `service listens on ${JSON.stringify(bound).slice(0, 80)} port ${port}: ${why}; perfgate only sends load to loopback addresses`);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw refuse('not a TCP port');
  if (bound === '::' || bound === '0.0.0.0') return new URL(`http://127.0.0.1:${port}`);
  switch (net.isIP(bound)) {
    case 4:
      if (bound.split('.')[0] !== '127') throw refuse('not a loopback address');
      return new URL(`http://${bound}:${port}`);
    case 6: {
      const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bound)?.[1];
      if (mapped && net.isIPv4(mapped) && mapped.startsWith('127.')) return new URL(`http://${mapped}:${port}`);
      if (!isIpv6Loopback(bound)) throw refuse('not a loopback address');
      return new URL(`http://[::1]:${port}`);
    }
    default:
      throw refuse('not an IP address');
  }
}

/** ::1 however it is written (0:0:0:0:0:0:0:1, ::0001 …). */
function isIpv6Loopback(address: string): boolean {
  const list = new net.BlockList();
  list.addAddress('::1', 'ipv6');
  return list.check(address, 'ipv6');
}

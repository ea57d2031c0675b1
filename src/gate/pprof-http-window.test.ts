import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionTable } from '../analysis/function-table.js';
import { parseConfig } from '../config/load-config.js';
import type { LoadResult } from '../load/index.js';
import { decodePprof, encodePprofGzip } from '../profile/index.js';
import { scaleProfile } from '../profile/scale.js';
import { pprofBase } from '../target/pprof-http.js';
import { measurePprofHttpWindow, pprofWindowSeconds } from './pprof-http-window.js';

const testdata = (name: string) => readFileSync(new URL(`../../../shared/testdata/pprof/${name}`, import.meta.url));
const load = (responses: number, durationMs: number): LoadResult => ({ responses, errors: 0, timeouts: 0, non2xx: 0, statusMismatches: {}, durationMs, latencyMs: { p50: 1, p95: 2, p99: 3 } });

describe('pprofWindowSeconds', () => {
  it('takes the configured window, or the measured requests at the warm-up rate, in whole seconds', () => {
    expect(pprofWindowSeconds(7, 1000, undefined)).toBe(7);
    expect(pprofWindowSeconds(undefined, 3000, load(500, 250))).toBe(2);
    expect(pprofWindowSeconds(undefined, 3001, load(500, 250))).toBe(2);
    expect(pprofWindowSeconds(undefined, 10, load(500, 250))).toBe(1);
    expect(pprofWindowSeconds(undefined, 1e9, load(1, 1000))).toBe(300);
    expect(() => pprofWindowSeconds(undefined, 3000, undefined)).toThrow(/profile\.pprofSeconds: required with profile\.source "pprof-http" when there is no warm-up/);
  });
});

// A stand-in for Go's net/http/pprof: /profile answers after its window with a real Go CPU
// profile, /allocs serves a cumulative heap profile that doubles between the two snapshots.
describe('measurePprofHttpWindow', () => {
  const heap = decodePprof(testdata('gobench.heap.pb.gz'), 'heap');
  const requests: string[] = [];
  let allocsServed = 0;
  let server: Server;
  let origin: URL;
  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request.url!);
      const url = new URL(request.url!, 'http://x');
      if (url.pathname === '/debug/pprof/profile' || url.pathname === '/cpu-only/profile') {
        setTimeout(() => response.end(testdata('gobench.cpu.pb.gz')), Number(url.searchParams.get('seconds')) * 1000);
      } else if (url.pathname === '/debug/pprof/allocs') {
        allocsServed += 1;
        response.end(encodePprofGzip(scaleProfile(heap, allocsServed)));
      } else {
        response.statusCode = 404;
        response.end('404 page not found\n');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const config = (profile: Record<string, unknown>) =>
    parseConfig({ service: { start: 'true' }, replay: 'r.ndjson', baseline: 'b.json', profile: { source: 'pprof-http', ...profile } }, '/tmp/perfgate.config.json');

  it('profiles exactly the window, cuts the load when it ends, and keeps the allocations made in it', async () => {
    let loadAmount = 0;
    const runLoad = (amount: number, signal: AbortSignal) => {
      loadAmount = amount;
      // A load that would go on far longer than the window: only the window's end stops it.
      return new Promise<LoadResult>((resolve) => signal.addEventListener('abort', () => resolve(load(1234, 1000)), { once: true }));
    };
    const window = await measurePprofHttpWindow({ base: pprofBase(undefined, origin) }, config({ pprofSeconds: 1 }), load(100, 100), runLoad);
    expect(requests).toEqual(['/debug/pprof/allocs', '/debug/pprof/profile?seconds=1', '/debug/pprof/allocs']);
    expect(window.seconds).toBe(1);
    expect(window.load.responses).toBe(1234);
    expect(loadAmount).toBeGreaterThanOrEqual(4000);
    expect(functionTable(window.cpu, 'cpu').total).toBe(functionTable(decodePprof(testdata('gobench.cpu.pb.gz'), 'cpu'), 'cpu').total);
    // Two snapshots, the second twice the first: the window allocated one snapshot's worth.
    expect(window.allocationsServed).toBe(true);
    expect(window.allocations.sampleType.map((t) => window.allocations.stringTable.strings[Number(t.type)])).toEqual(['alloc_objects', 'alloc_space']);
    expect(functionTable(window.allocations, 'delta', 'alloc_space').total).toBe(functionTable(heap, 'heap', 'alloc_space').total);
  });

  it('goes without allocations when the service serves none', async () => {
    const runLoad = (_amount: number, signal: AbortSignal) => new Promise<LoadResult>((resolve) => signal.addEventListener('abort', () => resolve(load(10, 1000)), { once: true }));
    const window = await measurePprofHttpWindow({ base: pprofBase('/cpu-only', origin) }, config({ pprofSeconds: 1 }), load(100, 100), runLoad);
    expect(window.allocationsServed).toBe(false);
    expect(window.allocations.sample).toEqual([]);
    expect(functionTable(window.cpu, 'cpu').total).toBeGreaterThan(0);
  });

  it('fails at once, naming the endpoint, when the service serves no CPU profile there', async () => {
    // A 300 s window: were the failed request not to end the window, the test would time out.
    const runLoad = (_amount: number, signal: AbortSignal) => new Promise<LoadResult>((resolve) => signal.addEventListener('abort', () => resolve(load(1, 1)), { once: true }));
    await expect(measurePprofHttpWindow({ base: pprofBase('/pprof', origin) }, config({ pprofSeconds: 300 }), undefined, runLoad)).rejects.toThrow(
      /pprof-http: GET http:\/\/127\.0\.0\.1:\d+\/pprof\/profile\?seconds=300 answered HTTP 404 \("404 page not found"\); the service must serve Go's net\/http\/pprof endpoints under profile\.pprofUrl/,
    );
  });
});

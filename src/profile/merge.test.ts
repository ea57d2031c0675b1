import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { functionTable } from '../analysis/function-table.js';
import { mergeProfiles, requestsOf } from './merge.js';
import { decodePprof, encodePprofGzip } from './pprof-codec.js';
import type { V8CpuProfile } from './v8-cpu-profile.js';
import { v8ToPprof } from './v8-to-pprof.js';

const v8 = (leafName: string, samples: number): V8CpuProfile => ({
  nodes: [
    { id: 1, callFrame: { functionName: '(root)', scriptId: '0', url: '', lineNumber: 0, columnNumber: 0 }, children: [2] },
    { id: 2, callFrame: { functionName: 'handle', scriptId: '1', url: 'file:///app/a.js', lineNumber: 3, columnNumber: 0 }, children: [3] },
    { id: 3, callFrame: { functionName: leafName, scriptId: '1', url: 'file:///app/a.js', lineNumber: 9, columnNumber: 0 } },
  ],
  startTime: 0,
  endTime: samples * 1000,
  samples: Array.from({ length: samples }, (_, i) => (i % 2 === 0 ? 3 : 2)),
  timeDeltas: Array.from({ length: samples }, () => 1000),
});
const convert = (p: V8CpuProfile, requests: number) => v8ToPprof(p, { root: '/app', startedAtMs: 0, samplingIntervalUs: 1000, comments: [`perfgate: requests=${requests}`] });

describe('mergeProfiles', () => {
  it('sums values per function across trials and keeps the request count', () => {
    const merged = mergeProfiles([convert(v8('parse', 10), 100), convert(v8('parse', 20), 150), convert(v8('render', 4), 50)], 'test');
    const table = functionTable(merged, 'merged');
    expect(table.total).toBe(34_000_000);
    expect(table.functions['a.js#parse']!.selfNanos).toBe(15_000_000);
    expect(table.functions['a.js#render']!.selfNanos).toBe(2_000_000);
    expect(table.functions['a.js#handle']!.totalNanos).toBe(34_000_000);
    expect(requestsOf(merged)).toBe(300);
    expect(functionTable(decodePprof(encodePprofGzip(merged), 'rt'), 'rt')).toEqual(table);
  });

  it('merges real third-party profiles and keeps their totals', () => {
    const bytes = readFileSync(new URL('../../../shared/testdata/pprof/gobench.cpu.pb.gz', import.meta.url));
    const profile = decodePprof(bytes, 'gobench.cpu.pb.gz');
    const single = functionTable(profile, 'one');
    const doubled = functionTable(mergeProfiles([profile, profile], 'two'), 'two');
    expect(doubled.total).toBe(single.total * 2);
  });

  it('refuses to merge profiles of different kinds, naming both', () => {
    const cpu = decodePprof(readFileSync(new URL('../../../shared/testdata/pprof/gobench.cpu.pb.gz', import.meta.url)), 'cpu');
    const heap = decodePprof(readFileSync(new URL('../../../shared/testdata/pprof/gobench.heap.pb.gz', import.meta.url)), 'heap');
    expect(() => mergeProfiles([cpu, heap], 'mixed')).toThrow(/mixed: profile 2 has sample types \[.*\], profile 1 has \[samples\/count, cpu\/nanoseconds\]/);
  });
});

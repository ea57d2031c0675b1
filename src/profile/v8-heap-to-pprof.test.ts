import { describe, expect, it } from 'vitest';
import { allocationTable } from '../analysis/allocation-table.js';
import { allocationEstimate } from './allocation-estimate.js';
import { decodePprof, encodePprofGzip } from './pprof-codec.js';
import type { V8HeapNode, V8HeapProfile } from './v8-heap-profile.js';
import { v8HeapToPprof } from './v8-heap-to-pprof.js';

const node = (id: number, functionName: string, url: string, children: V8HeapNode[] = []): V8HeapNode => ({
  id,
  callFrame: { functionName, scriptId: String(id), url, lineNumber: id * 10, columnNumber: 0 },
  selfSize: 0,
  children,
});
const interval = 1024;
// (root) ─ handle (app.js) ─┬─ render (app.js)
//                           └─ (anonymous) (app.js), called from handle
const heap: V8HeapProfile = {
  head: node(1, '(root)', '', [node(2, 'handle', 'file:///srv/app/app.js', [node(3, 'render', 'file:///srv/app/app.js'), node(4, '', 'file:///srv/app/app.js')])]),
  samples: [
    { size: 1056, nodeId: 3, ordinal: 1 },
    { size: 1032, nodeId: 3, ordinal: 2 },
    { size: 1040, nodeId: 4, ordinal: 3 },
    // One object of three intervals: sampled with chance 1 − e^−3, so it stands for 1/(1 − e^−3) of itself.
    { size: 3072, nodeId: 2, ordinal: 4 },
    { size: 1024, nodeId: 1, ordinal: 5 },
  ],
};
const context = { root: '/srv/app', startedAtMs: 1_700_000_000_000, durationMs: 2_000, samplingIntervalBytes: interval, comments: ['perfgate: requests=10'] };

describe('v8HeapToPprof', () => {
  it('writes alloc_objects/count and alloc_space/bytes per function, named as in CPU profiles', () => {
    const pprof = v8HeapToPprof(heap, context);
    const strings = pprof.stringTable.strings;
    expect(pprof.sampleType.map((t) => `${strings[Number(t.type)]}/${strings[Number(t.unit)]}`)).toEqual(['alloc_objects/count', 'alloc_space/bytes']);
    expect(strings[Number(pprof.defaultSampleType)]).toBe('alloc_space');
    expect(Number(pprof.period)).toBe(interval);
    const table = allocationTable(decodePprof(encodePprofGzip(pprof), 'round trip'), 'heap');
    expect(table.functions['app.js#render']).toEqual({ name: 'render', file: 'app.js', bytes: 2088, objects: 2 });
    expect(table.functions['app.js#(anonymous in handle)']).toMatchObject({ bytes: 1040, objects: 1 });
    expect(table.functions['app.js#handle']!.bytes).toBe(Math.round(3072 / (1 - Math.exp(-3))));
    // Samples V8 could not attribute to JavaScript are kept, under one pseudo-function.
    expect(table.functions['(V8)']).toMatchObject({ bytes: 1024, objects: 1 });
    expect(table.totalBytes).toBe(2088 + 1040 + 1024 + Math.round(3072 / (1 - Math.exp(-3))));
  });

  it('estimates small-object samples by their reported size and large ones by Poisson un-sampling', () => {
    expect(allocationEstimate(1056, 1024)).toEqual({ bytes: 1056, objects: 1 });
    // Between one and two intervals the size V8 reports cannot be told from an interval's worth: kept as is.
    expect(allocationEstimate(2000, 1024)).toEqual({ bytes: 2000, objects: 1 });
    const big = allocationEstimate(4096, 1024);
    expect(big.objects).toBeCloseTo(1 / (1 - Math.exp(-4)), 10);
    expect(big.bytes).toBeCloseTo(4096 * big.objects, 6);
    expect(allocationEstimate(0, 1024)).toEqual({ bytes: 0, objects: 0 });
  });

  it('counts samples under nodes missing from the tree as unattributed, and says how many', () => {
    const pprof = v8HeapToPprof({ ...heap, samples: [{ size: 1024, nodeId: 99, ordinal: 1 }, { size: 1024, nodeId: 3, ordinal: 2 }] }, context);
    const table = allocationTable(pprof, 'missing node');
    expect(table.functions['(V8)']).toMatchObject({ bytes: 1024, objects: 1 });
    expect(table.totalBytes).toBe(2048);
    expect(pprof.comment.map((c) => pprof.stringTable.strings[Number(c)])).toContain("perfgate: 1 allocation samples had no stack in V8's tree (counted as (V8))");
  });

  it('refuses impossible sizes and duplicate nodes, naming them', () => {
    expect(() => v8HeapToPprof({ ...heap, samples: [{ size: -1, nodeId: 2, ordinal: 1 }] }, context)).toThrow(/sample 0 has size -1/);
    expect(() => v8HeapToPprof({ head: node(1, '(root)', '', [node(1, 'a', '')]) }, context)).toThrow(/node id 1 appears twice/);
  });
});

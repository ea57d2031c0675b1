import { describe, expect, it } from 'vitest';
import { functionTable } from '../analysis/function-table.js';
import { decodePprof, encodePprofGzip } from './pprof-codec.js';
import type { V8CpuProfile, V8ProfileNode } from './v8-cpu-profile.js';
import { v8ToPprof } from './v8-to-pprof.js';

const frame = (id: number, functionName: string, url: string, children: number[] = [], lineNumber = 0): V8ProfileNode => ({
  id,
  callFrame: { functionName, scriptId: String(id), url, lineNumber, columnNumber: 0 },
  children,
});

// root ─┬─ main (app.js) ─ work (lib/work.js) ─ helper (lib/work.js) ─ work (recursion)
//       └─ (idle)
const profile: V8CpuProfile = {
  nodes: [
    frame(1, '(root)', '', [2, 5]),
    frame(2, 'main', 'file:///srv/app/app.js', [3], 9),
    frame(3, 'work', 'file:///srv/app/lib/work.js', [4], 19),
    frame(4, 'helper', 'file:///srv/app/lib/work.js', [6], 29),
    frame(5, '(idle)', ''),
    frame(6, 'work', 'file:///srv/app/lib/work.js', [], 19),
  ],
  startTime: 1_000,
  endTime: 8_000,
  samples: [3, 3, 4, 2, 5, 6, 4],
  // Microseconds before each sample; a sample is charged the gap to the next one.
  timeDeltas: [0, 1000, 1000, 1000, 1000, 1000, 1000],
};
const context = { root: '/srv/app', startedAtMs: 1_700_000_000_000, samplingIntervalUs: 1000, comments: ['perfgate: requests=10'] };

describe('v8ToPprof + functionTable', () => {
  it('charges self and total time per function, once per stack even when recursive, without idle', () => {
    const table = functionTable(v8ToPprof(profile, context), 'test');
    expect(table.total).toBe(6_000_000);
    expect(table.functions['app.js#main']).toEqual({ name: 'main', file: 'app.js', selfNanos: 1_000_000, totalNanos: 6_000_000 });
    // work: self in samples 0, 1 and the recursive 5; total in every sample under it (0,1,2,5,6).
    expect(table.functions['lib/work.js#work']).toMatchObject({ selfNanos: 3_000_000, totalNanos: 5_000_000 });
    expect(table.functions['lib/work.js#helper']).toMatchObject({ selfNanos: 2_000_000, totalNanos: 3_000_000 });
    expect(Object.keys(table.functions)).not.toContain('(idle)');
  });

  it('survives a gzip encode/decode round trip with the same table and header', () => {
    const pprof = v8ToPprof(profile, context);
    const decoded = decodePprof(encodePprofGzip(pprof), 'round-trip');
    expect(functionTable(decoded, 'decoded')).toEqual(functionTable(pprof, 'original'));
    const strings = decoded.stringTable.strings;
    expect(decoded.sampleType.map((t) => `${strings[Number(t.type)]}/${strings[Number(t.unit)]}`)).toEqual(['samples/count', 'cpu/nanoseconds']);
    expect(Number(decoded.durationNanos)).toBe(7_000_000);
    expect(decoded.comment.map((c) => strings[Number(c)])).toEqual(['perfgate: requests=10']);
  });

  it('keys functions by name and file, not line, so an edit above a function keeps its identity', () => {
    const moved: V8CpuProfile = { ...profile, nodes: profile.nodes.map((n) => ({ ...n, callFrame: { ...n.callFrame, lineNumber: n.callFrame.lineNumber + 40 } })) };
    expect(Object.keys(functionTable(v8ToPprof(moved, context), 'moved').functions).sort()).toEqual(
      Object.keys(functionTable(v8ToPprof(profile, context), 'original').functions).sort(),
    );
  });

  it('names anonymous functions and keeps node: internals and builtins apart from project files', () => {
    const p: V8CpuProfile = {
      nodes: [frame(1, '(root)', '', [2]), frame(2, '', 'file:///srv/app/app.js', [3]), frame(3, 'parserOnIncoming', 'node:_http_server', [4]), frame(4, 'stringify', '')],
      startTime: 0,
      endTime: 3000,
      samples: [2, 3, 4],
      timeDeltas: [0, 1000, 1000],
    };
    expect(Object.keys(functionTable(v8ToPprof(p, context), 't').functions).sort()).toEqual(['app.js#(anonymous)', 'node:_http_server#parserOnIncoming', 'stringify']);
  });

  it('refuses profiles with unknown node ids or cycles', () => {
    expect(() => v8ToPprof({ ...profile, samples: [99] }, context)).toThrow(/unknown node 99/);
    const cyclic: V8CpuProfile = { nodes: [frame(1, 'a', '', [2]), frame(2, 'b', '', [1])], startTime: 0, endTime: 1, samples: [1], timeDeltas: [0] };
    expect(() => v8ToPprof(cyclic, context)).toThrow(/cycle/);
    expect(() => v8ToPprof({ ...profile, nodes: [frame(1, '(root)', '', [7])] }, context)).toThrow(/unknown child 7/);
  });
});

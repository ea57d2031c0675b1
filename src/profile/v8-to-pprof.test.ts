import { describe, expect, it } from 'vitest';
import { functionTable } from '../analysis/function-table.js';
import { hotLines } from '../analysis/hot-lines.js';
import { decodePprof, encodePprofGzip } from './pprof-codec.js';
import { NO_SOURCES } from './source-lookup.js';
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
    expect(Object.keys(functionTable(v8ToPprof(p, context), 't').functions).sort()).toEqual(['app.js#(anonymous at line 1)', 'node:_http_server#parserOnIncoming', 'stringify']);
  });

  it('refuses profiles with unknown node ids or cycles', () => {
    expect(() => v8ToPprof({ ...profile, samples: [99] }, context)).toThrow(/unknown node 99/);
    const cyclic: V8CpuProfile = { nodes: [frame(1, 'a', '', [2]), frame(2, 'b', '', [1])], startTime: 0, endTime: 1, samples: [1], timeDeltas: [0] };
    expect(() => v8ToPprof(cyclic, context)).toThrow(/cycle/);
    expect(() => v8ToPprof({ ...profile, nodes: [frame(1, '(root)', '', [7])] }, context)).toThrow(/unknown child 7/);
  });

  it("splits a function's own samples over the lines V8 ticked, keeping its totals, and ranks its hot lines", () => {
    // work's first node has two own samples, ticked on lines 25 and 27; its recursive node (6) has one and no ticks.
    const ticked: V8CpuProfile = {
      ...profile,
      nodes: profile.nodes.map((n) => (n.id === 3 ? { ...n, positionTicks: [{ line: 27, ticks: 1 }, { line: 25, ticks: 1 }] } : n)),
    };
    const pprof = v8ToPprof(ticked, context);
    expect(functionTable(pprof, 'ticked')).toEqual(functionTable(v8ToPprof(profile, context), 'plain'));
    const lines = hotLines(pprof, 'ticked', ['lib/work.js#work']);
    expect(lines['lib/work.js#work']).toEqual([
      { line: 20, share: 1 / 3 },
      { line: 25, share: 1 / 3 },
      { line: 27, share: 1 / 3 },
    ]);
    // Callers stay at their first line: V8 does not say where they made the call.
    const strings = pprof.stringTable.strings;
    const mainLines = pprof.location.filter((l) => strings[Number(pprof.function.find((f) => f.id === l.line[0]!.functionId)!.name)] === 'main').map((l) => Number(l.line[0]!.line));
    expect(mainLines).toEqual([10]);
  });

  it('maps tick lines through source maps, and charges lines mapped into another file to the first line', () => {
    const ticked: V8CpuProfile = {
      nodes: [frame(1, '(root)', '', [2]), { ...frame(2, 'search', 'file:///srv/app/dist/server.js', [], 99), positionTicks: [{ line: 101, ticks: 3 }, { line: 102, ticks: 1 }] }],
      startTime: 0,
      endTime: 4000,
      samples: [2, 2, 2, 2],
      timeDeltas: [0, 1000, 1000, 1000],
    };
    const sources = {
      ...NO_SOURCES,
      originalPosition: () => ({ path: '/srv/app/src/search.ts', line: 40 }),
      originalLine: (_script: string, line: number) => (line === 101 ? { path: '/srv/app/src/search.ts', line: 44 } : { path: '/srv/app/src/tokens.ts', line: 7 }),
    };
    const pprof = v8ToPprof(ticked, { ...context, sources });
    expect(hotLines(pprof, 'mapped', ['src/search.ts#search'])['src/search.ts#search']).toEqual([
      { line: 44, share: 0.75 },
      { line: 40, share: 0.25 },
    ]);
  });

  it("folds runs of Node internals into one frame and names inline callbacks after their caller", () => {
    const p: V8CpuProfile = {
      nodes: [
        frame(1, '(root)', '', [2]),
        frame(2, 'processTicksAndRejections', 'node:internal/process/task_queues', [3]),
        frame(3, 'runMicrotask', 'node:internal/process/task_queues', [4]),
        frame(4, 'handle', 'file:///srv/app/app.js', [5]),
        frame(5, 'map', '', [6]),
        frame(6, '', 'file:///srv/app/app.js', [7]),
        frame(7, 'writeOrBuffer', 'node:internal/streams/writable'),
      ],
      startTime: 0,
      endTime: 3000,
      samples: [7, 6, 3],
      timeDeltas: [0, 1000, 1000],
    };
    const pprof = v8ToPprof(p, context);
    const table = functionTable(pprof, 'folded');
    expect(Object.keys(table.functions).sort()).toEqual(['app.js#(anonymous in handle)', 'app.js#handle', 'map', 'node:internal#(node internals)']);
    expect(table.functions['node:internal#(node internals)']).toMatchObject({ selfNanos: 2_000_000, totalNanos: 3_000_000 });
    const stackLengths = pprof.sample.map((s) => s.locationId.length).sort();
    // [internals] alone; [anonymous, map, handle, internals]; [internals, anonymous, map, handle, internals]
    expect(stackLengths).toEqual([1, 4, 5]);
  });
});

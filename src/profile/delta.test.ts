import { readFileSync } from 'node:fs';
import { Function as PprofFunction, Line, Location, Profile, Sample, StringTable, ValueType } from 'pprof-format';
import { describe, expect, it } from 'vitest';
import { functionTable } from '../analysis/function-table.js';
import { subtractProfile } from './delta.js';
import { keepSampleTypes } from './keep-sample-types.js';
import { decodePprof } from './pprof-codec.js';
import { relativeFileNames } from './relative-files.js';

/** A cumulative heap snapshot: alloc and in-use counters per function, as Go's /allocs serves. */
function snapshot(values: Record<string, [number, number, number, number]>, file = '/src/app/main.go', timeSeconds = 0): Profile {
  const strings = new StringTable();
  const names = Object.keys(values);
  return new Profile({
    sampleType: ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'].map((t, i) => new ValueType({ type: strings.dedup(t), unit: strings.dedup(i % 2 === 0 ? 'count' : 'bytes') })),
    function: names.map((name, i) => new PprofFunction({ id: i + 1, name: strings.dedup(name), systemName: strings.dedup(name), filename: strings.dedup(file) })),
    // Ids differ between snapshots, as they do between two fetches.
    location: names.map((_, i) => new Location({ id: i + 10 + timeSeconds, line: [new Line({ functionId: i + 1, line: 7 })] })),
    sample: names.map((name, i) => new Sample({ locationId: [i + 10 + timeSeconds], value: values[name]! })),
    stringTable: strings,
    timeNanos: BigInt(timeSeconds) * 1_000_000_000n,
  });
}

describe('subtractProfile', () => {
  it('keeps what happened between two cumulative snapshots, dropping stacks that did not move', () => {
    const before = snapshot({ 'main.parse': [10, 1000, 2, 200], 'main.idle': [5, 500, 5, 500] }, '/src/app/main.go', 0);
    const after = snapshot({ 'main.parse': [30, 4000, 3, 300], 'main.idle': [5, 500, 5, 500], 'main.render': [4, 64, 0, 0] }, '/src/app/main.go', 3);
    const delta = subtractProfile(after, before, 'window');
    const bytes = functionTable(delta, 'delta', 'alloc_space');
    expect(bytes.total).toBe(3064);
    expect(bytes.functions['/src/app/main.go#main.parse']!.selfNanos).toBe(3000);
    expect(bytes.functions['/src/app/main.go#main.idle']).toBeUndefined();
    expect(functionTable(delta, 'delta', 'alloc_objects').functions['/src/app/main.go#main.render']!.selfNanos).toBe(4);
    expect(Number(delta.durationNanos)).toBe(3_000_000_000);
  });
});

describe('keepSampleTypes', () => {
  it('keeps the named types in order and drops samples left with zeros only', () => {
    const heap = snapshot({ 'main.a': [1, 100, 0, 0], 'main.b': [0, 0, 3, 300] });
    const kept = keepSampleTypes(heap, ['alloc_objects', 'alloc_space']);
    expect(kept.sampleType.map((t) => kept.stringTable.strings[Number(t.type)])).toEqual(['alloc_objects', 'alloc_space']);
    expect(kept.sample.map((s) => s.value)).toEqual([[1, 100]]);
    expect(keepSampleTypes(heap, ['alloc_space', 'cpu'])).toBe(heap);
  });

  it('works on a real Go heap profile', () => {
    const heap = decodePprof(readFileSync(new URL('../../../shared/testdata/pprof/gobench.heap.pb.gz', import.meta.url)), 'gobench.heap');
    const kept = keepSampleTypes(heap, ['alloc_objects', 'alloc_space']);
    expect(functionTable(kept, 'kept', 'alloc_space').total).toBe(functionTable(heap, 'heap', 'alloc_space').total);
  });
});

describe('relativeFileNames', () => {
  it('makes files under the root repo-relative and leaves the rest', () => {
    const strings = new StringTable();
    const profile = new Profile({
      sampleType: [new ValueType({ type: strings.dedup('cpu'), unit: strings.dedup('nanoseconds') })],
      function: [
        new PprofFunction({ id: 1, name: strings.dedup('main.handle'), filename: strings.dedup('/home/ci/repo/cmd/api/main.go') }),
        new PprofFunction({ id: 2, name: strings.dedup('net/http.(*conn).serve'), filename: strings.dedup('/usr/lib/go/src/net/http/server.go') }),
        new PprofFunction({ id: 3, name: strings.dedup('main.trimmed'), filename: strings.dedup('example.com/api/main.go') }),
      ],
      location: [1, 2, 3].map((id) => new Location({ id, line: [new Line({ functionId: id })] })),
      sample: [new Sample({ locationId: [1, 2, 3], value: [5] })],
      stringTable: strings,
    });
    const files = Object.keys(functionTable(relativeFileNames(profile, '/home/ci/repo/'), 'p').functions).sort();
    expect(files).toEqual(['/usr/lib/go/src/net/http/server.go#net/http.(*conn).serve', 'cmd/api/main.go#main.handle', 'example.com/api/main.go#main.trimmed']);
    expect(relativeFileNames(profile, '/elsewhere')).toBe(profile);
  });
});

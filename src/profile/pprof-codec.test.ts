import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { Function as PprofFunction, Label, Line, Location, Mapping, Profile, Sample, StringTable, ValueType } from 'pprof-format';
import { describe, expect, it } from 'vitest';
import { functionTable } from '../analysis/function-table.js';
import { decodePprof, encodePprofGzip } from './pprof-codec.js';
import { DEFAULT_PROFILE_LIMITS } from './profile-limits.js';

const TESTDATA = new URL('../../../shared/testdata/pprof/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, TESTDATA));

/** A small valid profile: main → work, two samples; `edit` breaks one thing. */
function profile(edit: (parts: { strings: StringTable; p: Profile }) => void = () => undefined): Uint8Array {
  const strings = new StringTable();
  const p = new Profile({
    sampleType: [new ValueType({ type: strings.dedup('samples'), unit: strings.dedup('count') }), new ValueType({ type: strings.dedup('cpu'), unit: strings.dedup('nanoseconds') })],
    function: [
      new PprofFunction({ id: 1, name: strings.dedup('main'), systemName: strings.dedup('main'), filename: strings.dedup('app.js') }),
      new PprofFunction({ id: 2, name: strings.dedup('work'), systemName: strings.dedup('work'), filename: strings.dedup('app.js') }),
    ],
    location: [new Location({ id: 1, line: [new Line({ functionId: 1, line: 3 })] }), new Location({ id: 2, line: [new Line({ functionId: 2, line: 9 })] })],
    sample: [new Sample({ locationId: [2, 1], value: [3, 3_000_000] }), new Sample({ locationId: [1], value: [1, 1_000_000] })],
    stringTable: strings,
  });
  edit({ strings, p });
  return p.encode();
}

describe('decodePprof', () => {
  it('reads a valid profile, gzipped or not', () => {
    expect(functionTable(decodePprof(profile(), 'plain.pb'), 'plain').total).toBe(4_000_000);
    expect(functionTable(decodePprof(gzipSync(profile()), 'zipped.pb.gz'), 'zipped').functions['app.js#work']).toMatchObject({ selfNanos: 3_000_000, totalNanos: 3_000_000 });
  });

  it('keeps negative values (diff profiles) negative through encode and decode', () => {
    const bytes = profile(({ p }) => (p.sample[0]!.value = [-3, -3_000_000_000]));
    const decoded = decodePprof(encodePprofGzip(decodePprof(bytes, 'diff')), 'diff again');
    expect(decoded.sample[0]!.value).toEqual([-3, -3_000_000_000]);
  });

  it.each([
    ['a sample with too few values', ({ p }: { p: Profile }) => (p.sample[1]!.value = [1]), /t\.pb: sample 2 has 1 value\(s\) but the profile has 2 sample type\(s\) \(samples\/count, cpu\/nanoseconds\)/],
    ['an unknown location', ({ p }: { p: Profile }) => (p.sample[0]!.locationId = [2, 7]), /t\.pb: sample 1 refers to unknown location 7/],
    ['an unknown function', ({ p }: { p: Profile }) => (p.location[1]!.line[0]!.functionId = 42), /t\.pb: location 2 refers to unknown function 42/],
    ['a reserved id', ({ p }: { p: Profile }) => (p.function[1]!.id = 0), /t\.pb: a function has the reserved id 0/],
    ['a duplicate id', ({ p }: { p: Profile }) => (p.location[1]!.id = 1), /t\.pb: two locations have the id 1/],
    ['a string index past the table', ({ p }: { p: Profile }) => (p.function[0]!.name = 99), /t\.pb: function 1's name refers to string 99, outside the string table \(\d+ strings\)/],
    ['an unknown mapping', ({ p }: { p: Profile }) => (p.location[0]!.mappingId = 5), /t\.pb: location 1 refers to unknown mapping 5/],
    ['a label string past the table', ({ p }: { p: Profile }) => (p.sample[0]!.label = [new Label({ key: 1000, str: 0 })]), /t\.pb: sample 1's label key refers to string 1000/],
  ])('refuses %s, naming the file and the id', (_what, edit, message) => {
    expect(() => decodePprof(profile(edit), 't.pb')).toThrow(message);
    try {
      decodePprof(profile(edit), 't.pb');
    } catch (error) {
      expect((error as { code?: string }).code).toBe('PROFILE_INVALID');
    }
  });

  it('enforces the size limits: compressed, decompressed (gzip bomb), samples and stack depth', () => {
    const bomb = gzipSync(Buffer.alloc(4 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(10_000);
    expect(() => decodePprof(bomb, 'bomb.pb.gz', { ...DEFAULT_PROFILE_LIMITS, maxDecompressedBytes: 1024 * 1024 })).toThrow(/bomb\.pb\.gz: decompresses to more than the limit of 1 MiB \(docs\/limits\.md\)/);
    expect(() => decodePprof(bomb, 'big.pb.gz', { ...DEFAULT_PROFILE_LIMITS, maxCompressedBytes: 1000 })).toThrow(/big\.pb\.gz: .* larger than the limit of 1000 bytes/);
    expect(() => decodePprof(profile(), 't.pb', { ...DEFAULT_PROFILE_LIMITS, maxSamples: 1 })).toThrow(/t\.pb: 2 samples, more than the limit of 1/);
    expect(() => decodePprof(profile(), 't.pb', { ...DEFAULT_PROFILE_LIMITS, maxStackDepth: 1 })).toThrow(/t\.pb: sample 1 has a stack of 2 locations, deeper than the limit of 1/);
  });

  it('refuses empty files and files that are not profiles, saying what they are', () => {
    expect(() => decodePprof(new Uint8Array(0), 'empty.pb.gz')).toThrow(/empty\.pb\.gz: the file is empty/);
    expect(() => decodePprof(gzipSync(Buffer.alloc(0)), 'empty.pb.gz')).toThrow(/empty\.pb\.gz: the file is empty/);
    const cpuprofile = Buffer.from(JSON.stringify({ nodes: [], startTime: 0, endTime: 1, samples: [], timeDeltas: [] }));
    expect(() => decodePprof(cpuprofile, 'trace.cpuprofile')).toThrow(/trace\.cpuprofile: this is a V8 CPU profile \(\.cpuprofile JSON\), not pprof/);
    expect(() => decodePprof(Buffer.from('hello world\n'), 'notes.txt')).toThrow(/notes\.txt: this is a text file \(it starts with "hello world"\), not a pprof protobuf; .*go tool pprof -proto FILE > out\.pb\.gz/);
  });

  it.each([
    ['cppbench.cpu', /this is a legacy binary CPU profile \(gperftools, or Go before 1\.9\), 64-bit little-endian, sampling every 10000 µs/],
    ['go.crc32.cpu', /this is a legacy binary CPU profile .* 64-bit little-endian, sampling every 10000 µs/],
    ['java.heap', /this is a legacy text heap profile \(heapz, Java\)/],
  ])('refuses the legacy %s, saying what it is and how to convert it', (name, what) => {
    const bytes = read(`legacy-format/${name}`);
    for (const input of [bytes, gzipSync(bytes)]) {
      expect(() => decodePprof(input, name)).toThrow(what);
      expect(() => decodePprof(input, name)).toThrow(new RegExp(`^${name.replace('.', '\\.')}: .*perfgate reads pprof protobuf profiles only: convert it with \`go tool pprof -proto FILE > out\\.pb\\.gz\``));
    }
  });

  it('recognises the other legacy text formats by their headers', () => {
    const refuse = (text: string) => () => decodePprof(Buffer.from(text), 'x');
    expect(refuse('heap profile: 1: 2 [3: 4] @ heap/1048576\n1: 2 [3: 4] @ 0x1\n')).toThrow(/legacy text heap profile \(heap format/);
    expect(refuse('--- contentionz 1 ---\nformat = java\n')).toThrow(/legacy text contention profile/);
    expect(refuse('--- mutex:\ncycles/second=2000000000\n')).toThrow(/legacy text contention profile/);
    expect(refuse('goroutine profile: total 4\n1 @ 0x1\n')).toThrow(/legacy text Go goroutine profile \(debug=1 output\)/);
    expect(refuse('--- threadz 1 ---\n')).toThrow(/legacy text thread profile/);
    const bigEndian32 = Buffer.alloc(40);
    [0, 3, 0, 5000, 0].forEach((w, i) => bigEndian32.writeUInt32BE(w, i * 4));
    expect(refuse(bigEndian32 as unknown as string)).toThrow(/legacy binary CPU profile .* 32-bit big-endian, sampling every 5000 µs/);
  });

  it('loads every real third-party profile and names unsymbolized addresses by binary, as pprof does', () => {
    const files = readdirSync(TESTDATA).filter((f) => f.endsWith('.pb.gz'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) expect(decodePprof(read(file), file).sample.length, file).toBeGreaterThan(0);
    const cpp = functionTable(decodePprof(read('cppbench.cpu.pb.gz'), 'cpp'), 'cpp');
    expect(Object.keys(cpp.functions).sort()).toEqual(['[cppbench_server_main]', '[libc-2.15.so]', '[libpthread-2.15.so]']);
    expect(Object.keys(functionTable(decodePprof(read('gobench.cpu.pb.gz'), 'go'), 'go').functions)).toEqual(['<unknown>']);
  });

  it('keeps mappings intact when naming unsymbolized locations', () => {
    const bytes = profile(({ strings, p }) => {
      p.mapping = [new Mapping({ id: 1, filename: strings.dedup('/usr/lib/libz.so') })];
      p.location.push(new Location({ id: 3, mappingId: 1, address: 0x1234 }));
      p.sample.push(new Sample({ locationId: [3, 1], value: [1, 5] }));
    });
    const decoded = decodePprof(bytes, 'mixed');
    expect(functionTable(decoded, 'mixed').functions['[libz.so]']).toMatchObject({ selfNanos: 5, totalNanos: 5 });
    expect(Number(decoded.location[2]!.address)).toBe(0x1234);
    expect(Number(decoded.location[2]!.mappingId)).toBe(1);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodePprof, encodePprofGzip } from './pprof-codec.js';
import { NO_SOURCES } from './source-lookup.js';
import { v8ToPprof } from './v8-to-pprof.js';
import { sourceMapWarning, symbolication, symbolicationWarning } from './symbolication.js';

const read = (name: string) => {
  const path = `../shared/testdata/pprof/${name}.pb.gz`;
  return { profile: decodePprof(readFileSync(path), path), path };
};

// Expected values from `go tool pprof -raw` / `-top` of the same files.
describe('symbolication of real profiles', () => {
  it('finds none in the Go profiles, which hold bare addresses (go tool pprof: 100% <unknown>)', () => {
    for (const [name, type] of [['go.crc32.cpu', 'cpu'], ['gobench.cpu', 'cpu'], ['gobench.heap', 'alloc_space']] as const) {
      const { profile, path } = read(name);
      const s = symbolication(profile, type, path);
      expect(s.rate).toBe(0);
      expect(s.largestUnsymbolized).toEqual([{ name: '<unknown>', cause: 'unknown-address', share: 1 }]);
      expect(symbolicationWarning(s, 'CPU')).toMatch(/^Only 0\.0% of CPU can be traced to a source file and line \(target 95%\).*<unknown> 100\.0%.*go tool pprof -symbolize/);
    }
  });

  it('counts the Java CPU profile\'s 5 of 7 samples with file and line; the other 2 are the JVM\'s own "VM" frame', () => {
    const { profile, path } = read('java.cpu');
    const s = symbolication(profile, 'samples', path);
    expect(s.symbolized).toBe(5);
    expect(s.total).toBe(7);
    expect(s.largestUnsymbolized).toEqual([{ name: 'VM', cause: 'native-code', share: 2 / 7 }]);
    expect(symbolicationWarning(s, 'CPU samples')).toContain('native code');
    expect(symbolication(read('java.heap').profile, 'inuse_space', 'java.heap').rate).toBe(1);
  });

  it('names the stripped binaries of the C++ profile', () => {
    const { profile, path } = read('cppbench.cpu');
    const s = symbolication(profile, 'cpu', path);
    expect(s.rate).toBe(0);
    expect(s.largestUnsymbolized.map((f) => [f.name, f.cause])).toEqual([
      ['[cppbench_server_main]', 'stripped-binary'],
      ['[libc-2.15.so]', 'stripped-binary'],
    ]);
    expect(s.largestUnsymbolized[0]!.share).toBeCloseTo(708 / 712, 6);
    expect(symbolicationWarning(s, 'CPU')).toContain('stripped');
  });

  it('refuses a sample type the profile lacks, naming the file and the types it has', () => {
    const { profile, path } = read('java.heap');
    expect(() => symbolication(profile, 'cpu', path)).toThrow(/java\.heap\.pb\.gz: no sample type "cpu" \(the profile has "inuse_objects", "inuse_space"\)/);
  });
});

describe('symbolication of V8 profiles', () => {
  const node = (id: number, functionName: string, url: string, children: number[] = []) => ({ id, callFrame: { functionName, scriptId: String(id), url, lineNumber: 9, columnNumber: 0 }, children });
  // root ─ handle (dist/server.js, mapped to src/search.ts) ─ push (native builtin); and (garbage collector).
  const v8 = {
    nodes: [node(1, '(root)', '', [2, 4]), node(2, 'handle', 'file:///srv/app/dist/server.js', [3]), node(3, 'push', ''), node(4, '(garbage collector)', '')],
    startTime: 0,
    endTime: 4000,
    samples: [2, 3, 3, 4],
    timeDeltas: [0, 1000, 1000, 1000],
  };
  const sources = { ...NO_SOURCES, originalPosition: () => ({ path: '/srv/app/src/search.ts', line: 40 }) };

  it('counts native builtins called from source as symbolized, leaves the VM out, and sees the source map', () => {
    const profile = decodePprof(encodePprofGzip(v8ToPprof(v8, { root: '/srv/app', startedAtMs: 0, samplingIntervalUs: 1000, sources })), 'mapped');
    const strings = profile.stringTable.strings;
    expect(profile.function.map((f) => strings[Number(f.systemName)])).toContain('handle [server.js]');
    const s = symbolication(profile, 'cpu', 'mapped');
    expect(s).toMatchObject({ rate: 1, nativeShare: 2 / 3, sourceMappedShare: 1, vmShare: 0.25, largestUnsymbolized: [] });
  });

  it('reports no source-mapped share for a service run from its own sources', () => {
    const profile = v8ToPprof(v8, { root: '/srv/app', startedAtMs: 0, samplingIntervalUs: 1000, sources: NO_SOURCES });
    expect(symbolication(profile, 'cpu', 'plain')).toMatchObject({ rate: 1, sourceMappedShare: 0 });
  });

  it('counts compiled code without its source map as symbolized but not as written, and warns "no source map" naming its frames', () => {
    const compiled = { ...NO_SOURCES, compiledWithoutMap: (script: string) => script === '/srv/app/dist/server.js' };
    const profile = decodePprof(encodePprofGzip(v8ToPprof(v8, { root: '/srv/app', startedAtMs: 0, samplingIntervalUs: 1000, sources: compiled })), 'compiled');
    const strings = profile.stringTable.strings;
    expect(profile.function.map((f) => strings[Number(f.systemName)])).toContain('handle [no source map]');
    const s = symbolication(profile, 'cpu', 'compiled');
    expect(s).toMatchObject({ rate: 1, sourceMappedShare: 0, compiledWithoutMapShare: 1, largestCompiledWithoutMap: [{ name: 'handle', file: 'dist/server.js', share: 1 }] });
    expect(symbolicationWarning(s, 'the CPU samples')).toBeNull();
    expect(sourceMapWarning(s, 'the CPU samples')).toMatch(/^No source map: 100\.0% of the CPU samples is in compiled JavaScript.*0\.0% can be traced to the code as written.*Largest: handle \(dist\/server\.js\) 100\.0%/);
  });

  it('says nothing about source maps when the code is not compiled, or mapped', () => {
    for (const lookup of [NO_SOURCES, sources]) {
      const s = symbolication(v8ToPprof(v8, { root: '/srv/app', startedAtMs: 0, samplingIntervalUs: 1000, sources: lookup }), 'cpu', 'plain');
      expect(s).toMatchObject({ compiledWithoutMapShare: 0, largestCompiledWithoutMap: [] });
      expect(sourceMapWarning(s, 'the CPU samples')).toBeNull();
    }
  });
});

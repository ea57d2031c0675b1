import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodePprof } from './pprof-codec.js';
import { symbolication, symbolicationWarning } from './symbolication.js';

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

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodePprof } from '../src/profile/index.js';
import { defaultSampleType, expectPprofAgreement, hasGoPprof, sampleTypes } from './helpers/go-pprof.js';

const TESTDATA = fileURLToPath(new URL('../../shared/testdata/pprof/', import.meta.url));
const FILES = readdirSync(TESTDATA).filter((f) => f.endsWith('.pb.gz'));

// Profiles written by Go, Java and C++ tools (Google's pprof test data): perfgate must read
// them all and aggregate them exactly as `go tool pprof -top` does.
describe.skipIf(!hasGoPprof())('third-party pprof profiles agree with go tool pprof', () => {
  it.each(FILES)('%s: every sample type, by name and by name and file', (file) => {
    const path = join(TESTDATA, file);
    const profile = decodePprof(readFileSync(path), file);
    const types = sampleTypes(profile);
    expect(types).toContain(defaultSampleType(profile));
    for (const type of types) expectPprofAgreement(path, profile, type);
  });

  it.each([
    ['gobench.cpu.pb.gz', 'go.crc32.cpu.pb.gz'],
    ['java.cpu.pb.gz', 'cppbench.cpu.pb.gz'],
    ['java.heap.pb.gz', 'java.heap.pb.gz'],
  ])('%s against %s: a diff agrees with -diff_base', (baseFile, candidateFile) => {
    const base = decodePprof(readFileSync(join(TESTDATA, baseFile)), baseFile);
    const candidate = decodePprof(readFileSync(join(TESTDATA, candidateFile)), candidateFile);
    expectPprofAgreement(join(TESTDATA, candidateFile), candidate, defaultSampleType(candidate), { diffBase: base, diffBaseFile: join(TESTDATA, baseFile) });
  });
});

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { decodePprof } from '../../src/profile/index.js';

const real = readFileSync(new URL('../../../shared/testdata/pprof/go.crc32.cpu.pb.gz', import.meta.url));

// Damaged profile files are refused with the file's name and what is wrong, before
// anything downstream sees them.
it('a truncated gzip is refused, naming the file', () => {
  expect(() => decodePprof(real.subarray(0, Math.floor(real.length / 2)), 'cut.pb.gz')).toThrow(/^cut\.pb\.gz: /);
});

it('a gzip that holds something other than a profile is refused', () => {
  expect(() => decodePprof(gzipSync(Buffer.from('{"not": "a profile"}\n')), 'json.pb.gz')).toThrow(/^json\.pb\.gz: /);
  expect(() => decodePprof(gzipSync(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x01])), 'junk.pb.gz')).toThrow(/^junk\.pb\.gz: /);
});

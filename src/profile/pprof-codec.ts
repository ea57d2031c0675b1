import { gunzipSync, gzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';
import { PerfgateError, describeError } from '../errors.js';

const MAX_DECOMPRESSED_BYTES = 512 * 1024 * 1024;

export function encodePprofGzip(profile: Profile): Buffer {
  return gzipSync(profile.encode());
}

/** Decodes a pprof file's bytes (gzipped or not); `source` names the file in errors. */
export function decodePprof(bytes: Uint8Array, source: string): Profile {
  let raw: Uint8Array = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      raw = gunzipSync(bytes, { maxOutputLength: MAX_DECOMPRESSED_BYTES });
    } catch (error) {
      throw new PerfgateError('PROFILE_INVALID', `${source}: cannot decompress (${describeError(error)})`);
    }
  }
  try {
    return Profile.decode(raw);
  } catch (error) {
    throw new PerfgateError('PROFILE_INVALID', `${source}: not a pprof profile (${describeError(error)})`);
  }
}

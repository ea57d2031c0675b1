import { gunzipSync, gzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';
import { PerfgateError, describeError } from '../errors.js';
import { checkValid } from './check-valid.js';
import { describeOtherFormat, legacyFormatOf, type NotProtobuf } from './legacy-format.js';
import { DEFAULT_PROFILE_LIMITS, formatBytes, type ProfileLimits } from './profile-limits.js';
import { nameUnsymbolizedLocations } from './unsymbolized.js';

export function encodePprofGzip(profile: Profile): Buffer {
  return gzipSync(profile.encode());
}

/**
 * Decodes a pprof file's bytes (gzipped or not) and validates it; `source` names the file
 * in errors. Legacy pre-protobuf profiles and other formats are refused with what they
 * look like and how to convert them; sizes are bounded by `limits` (docs/limits.md).
 */
export function decodePprof(bytes: Uint8Array, source: string, limits: ProfileLimits = DEFAULT_PROFILE_LIMITS): Profile {
  checkProfileFileSize(bytes.length, source, limits);
  let raw: Uint8Array = bytes;
  if (isGzip(bytes)) {
    try {
      raw = gunzipSync(bytes, { maxOutputLength: limits.maxDecompressedBytes });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
        throw new PerfgateError('PROFILE_INVALID', `${source}: decompresses to more than the limit of ${formatBytes(limits.maxDecompressedBytes)} (docs/limits.md)`);
      }
      throw new PerfgateError('PROFILE_INVALID', `${source}: cannot decompress (${describeError(error)})`);
    }
  } else if (bytes.length > limits.maxDecompressedBytes) {
    throw new PerfgateError('PROFILE_INVALID', `${source}: ${formatBytes(bytes.length)} of uncompressed protobuf, more than the limit of ${formatBytes(limits.maxDecompressedBytes)} (docs/limits.md)`);
  }
  const legacy = legacyFormatOf(raw);
  if (legacy) throw refusal(source, legacy);
  let profile: Profile;
  try {
    profile = Profile.decode(raw);
  } catch (error) {
    const other = describeOtherFormat(raw);
    if (other) throw refusal(source, other);
    throw new PerfgateError('PROFILE_INVALID', `${source}: not a pprof profile (the protobuf decoder said: ${describeError(error)})`);
  }
  if (raw.length === 0 || (profile.sampleType.length === 0 && profile.sample.length === 0 && profile.location.length === 0)) {
    throw refusal(source, describeOtherFormat(raw) ?? { what: 'not a pprof profile (no sample types, samples or locations)', convert: 'check that the file is a profile' });
  }
  checkValid(profile, source, limits);
  // In place, and only where the decoder gave a bigint: a copy of every sample's values
  // costs a large profile more in garbage collection than the conversion itself.
  for (const sample of profile.sample) {
    const values = sample.value;
    for (let i = 0; i < values.length; i++) if (typeof values[i] === 'bigint') values[i] = signed(values[i]!);
  }
  return nameUnsymbolizedLocations(profile);
}

/** Refuses a profile file larger than the limit; callers can check before reading it. */
export function checkProfileFileSize(size: number, source: string, limits: ProfileLimits = DEFAULT_PROFILE_LIMITS): void {
  if (size > limits.maxCompressedBytes) {
    throw new PerfgateError('PROFILE_INVALID', `${source}: ${formatBytes(size)}, larger than the limit of ${formatBytes(limits.maxCompressedBytes)} for a profile (docs/limits.md)`);
  }
}

function refusal(source: string, format: NotProtobuf): PerfgateError {
  return new PerfgateError('PROFILE_INVALID', `${source}: ${format.what === 'empty' ? 'the file is empty' : `this is ${format.what}`}; perfgate reads pprof protobuf profiles only: ${format.convert}`);
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Sample values are int64, and diffs carry negative ones; the decoder returns a 10-byte
 * varint as an unsigned bigint, so reinterpret it as two's complement.
 */
function signed(value: number | bigint): number {
  return typeof value === 'bigint' ? Number(BigInt.asIntN(64, value)) : value;
}

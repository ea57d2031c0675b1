/**
 * Bounds on what perfgate agrees to read as a pprof profile (docs/limits.md). A profile is
 * input from outside (a file, an HTTP endpoint), so a gzip bomb or a stack a million frames
 * deep must cost an error, not the machine's memory. Real profiles stay far below these:
 * a perfgate trial is kilobytes, a busy Go service's 30 s CPU profile a few megabytes.
 */
export interface ProfileLimits {
  /** Bytes of the file as stored (gzipped or not). */
  readonly maxCompressedBytes: number;
  /** Bytes after gunzip: what the protobuf decoder would have to hold. */
  readonly maxDecompressedBytes: number;
  readonly maxSamples: number;
  readonly maxLocations: number;
  readonly maxFunctions: number;
  /** Locations in one sample's stack (V8 keeps at most 255 frames, Go 64). */
  readonly maxStackDepth: number;
}

export const DEFAULT_PROFILE_LIMITS: ProfileLimits = {
  maxCompressedBytes: 64 * 1024 * 1024,
  maxDecompressedBytes: 256 * 1024 * 1024,
  maxSamples: 2_000_000,
  maxLocations: 1_000_000,
  maxFunctions: 1_000_000,
  maxStackDepth: 4_096,
};

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KiB`;
  return `${bytes} bytes`;
}

/**
 * One error type for everything perfgate refuses or fails at. The `code` says which
 * kind of failure it is; entry points alone turn it into an exit code.
 */
export type PerfgateErrorCode =
  | 'USAGE'
  | 'CONFIG_INVALID'
  | 'REPLAY_INVALID'
  | 'HAR_INVALID'
  | 'RECORD_FAILED'
  | 'BASELINE_INVALID'
  | 'BASELINE_MISSING'
  | 'PROFILE_INVALID'
  | 'BUILD_FAILED'
  | 'SERVICE_FAILED'
  | 'AGENT_FAILED'
  | 'LOAD_FAILED'
  | 'INTERRUPTED'
  | 'GITHUB_FAILED'
  | 'PERMISSION_DENIED'
  | 'HEAD_MOVED'
  | 'ARTIFACT_INVALID'
  | 'HISTORY_INVALID'
  | 'SHARD_INVALID';

export class PerfgateError extends Error {
  override readonly name = 'PerfgateError';
  constructor(
    readonly code: PerfgateErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isPerfgateError(error: unknown): error is PerfgateError {
  return error instanceof PerfgateError;
}

/** A short description of any thrown value, for wrapping lower errors once with context. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

import type { Profile } from 'pprof-format';
import { describeError, PerfgateError } from '../errors.js';
import { decodePprof, DEFAULT_PROFILE_LIMITS } from '../profile/index.js';

export const DEFAULT_PPROF_PATH = '/debug/pprof';

/**
 * Where the service's pprof endpoints are: `profile.pprofUrl`, a path on the service's
 * own origin (default /debug/pprof) or an absolute http URL on loopback, for services that
 * serve pprof on a separate debug port.
 */
export function pprofBase(setting: string | undefined, origin: URL): URL {
  const raw = setting ?? DEFAULT_PPROF_PATH;
  const url = raw.startsWith('/') ? new URL(raw, origin) : new URL(raw);
  // A trailing slash, so `new URL('profile', base)` stays under it.
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url;
}

/**
 * GETs a pprof profile from the service and decodes it. The body is read with the same
 * size limit as a file, and an HTTP error says which endpoint failed and what it answered,
 * since that is usually a missing `net/http/pprof` handler or a wrong `profile.pprofUrl`.
 */
export interface FetchPprofOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Answer undefined rather than fail when the endpoint does not exist (HTTP 404). */
  readonly allowMissing?: boolean;
  /** The setting that named the endpoints, for the error (default: `profile.pprofUrl`). */
  readonly setting?: string;
}

export async function fetchPprof(url: URL, options: FetchPprofOptions & { allowMissing: true }): Promise<Profile | undefined>;
export async function fetchPprof(url: URL, options: FetchPprofOptions): Promise<Profile>;
export async function fetchPprof(url: URL, options: FetchPprofOptions): Promise<Profile | undefined> {
  const what = `GET ${url.href}`;
  const signals = [AbortSignal.timeout(options.timeoutMs), ...(options.signal ? [options.signal] : [])];
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.any(signals), headers: { accept: 'application/octet-stream' } });
  } catch (error) {
    throw new PerfgateError('SERVICE_FAILED', `pprof-http: ${what} failed (${describeError(error)})`);
  }
  if (response.status === 404 && options.allowMissing) {
    await response.body?.cancel();
    return undefined;
  }
  if (response.status !== 200) {
    const text = (await readErrorText(response)).trim().slice(0, 300);
    throw new PerfgateError(
      'SERVICE_FAILED',
      `pprof-http: ${what} answered HTTP ${response.status}${text ? ` (${JSON.stringify(text)})` : ''}; the service must serve Go's net/http/pprof endpoints under ${options.setting ?? `profile.pprofUrl (default ${DEFAULT_PPROF_PATH})`}`,
    );
  }
  const bytes = await readLimited(response, what);
  return decodePprof(bytes, `pprof-http: ${url.pathname}${url.search}`);
}

async function readLimited(response: Response, what: string): Promise<Uint8Array> {
  const limit = DEFAULT_PROFILE_LIMITS.maxCompressedBytes;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  try {
    for (;;) {
      const next = await reader?.read();
      if (!next || next.done) break;
      size += next.value.length;
      if (size > limit) {
        await reader?.cancel();
        throw new PerfgateError('PROFILE_INVALID', `pprof-http: ${what} sent more than ${limit} bytes, the limit for a profile (docs/limits.md)`);
      }
      chunks.push(next.value);
    }
  } catch (error) {
    if (error instanceof PerfgateError) throw error;
    throw new PerfgateError('SERVICE_FAILED', `pprof-http: ${what} broke off while sending the profile (${describeError(error)})`);
  }
  return Buffer.concat(chunks);
}

/** An error page can be any size (or endless): only its first bytes are read for the message, the rest is cancelled. */
const MAX_ERROR_BODY_BYTES = 4096;

async function readErrorText(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < MAX_ERROR_BODY_BYTES) {
      const next = await reader.read();
      if (next.done) break;
      chunks.push(next.value);
      size += next.value.length;
    }
  } catch {
    // A broken-off error page still has a status to report.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, MAX_ERROR_BODY_BYTES).toString('utf8');
}

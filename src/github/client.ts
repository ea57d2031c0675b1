import { Octokit } from 'octokit';
import { PerfgateError } from '../errors.js';
import { PERFGATE_VERSION } from '../version.js';

export type GitHubClient = InstanceType<typeof Octokit>;

export interface ClientOptions {
  readonly token: string;
  /** GITHUB_API_URL: api.github.com, a GHES host, or a test double. */
  readonly baseUrl: string;
  /** Writes (anything but GET/HEAD) allowed in this run, so a bug cannot spam a PR. */
  readonly maxWrites: number;
  readonly log: { debug(text: string): void; info(text: string): void; warning(text: string): void };
}

/** Longest wait perfgate accepts from a rate limit before giving up (a CI job has a clock). */
const MAX_RETRY_AFTER_SECONDS = 300;
const MAX_RATE_LIMIT_RETRIES = 3;

/**
 * The GitHub client: octokit with its throttling plugin (writes serialised, one a second;
 * `retry-after` and rate-limit resets honoured) and its retry plugin (5xx retried with
 * back-off), plus a cap on writes per run.
 */
export function createGitHubClient(options: ClientOptions): GitHubClient {
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    if (retryCount >= MAX_RATE_LIMIT_RETRIES || retryAfter > MAX_RETRY_AFTER_SECONDS) {
      options.log.warning(`GitHub ${kind} on ${request.method} ${request.url}: not retrying (retry ${retryCount + 1}, asked to wait ${retryAfter} s)`);
      return false;
    }
    options.log.info(`GitHub ${kind} on ${request.method} ${request.url}: waiting ${retryAfter} s as asked, then retrying`);
    return true;
  };
  const client = new Octokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: `perfgate/${PERFGATE_VERSION}`,
    throttle: { onRateLimit: onLimit('rate limit'), onSecondaryRateLimit: onLimit('secondary rate limit') },
    log: {
      debug: (text: string) => options.log.debug(text),
      info: (text: string) => options.log.debug(text),
      warn: (text: string) => options.log.warning(text),
      error: (text: string) => options.log.warning(text),
    },
  });
  let writes = 0;
  client.hook.before('request', (request) => {
    if (request.method === 'GET' || request.method === 'HEAD') return;
    writes += 1;
    if (writes > options.maxWrites) {
      throw new PerfgateError('GITHUB_FAILED', `GitHub API: more than ${options.maxWrites} writes in one run (max-api-writes); refusing ${request.method} ${request.url}`);
    }
  });
  return client;
}

/** Whether an API error means the token may not do this (a fork's read-only token, missing `permissions:`). */
export function isPermissionError(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  if (status === 401) return true;
  if (status !== 403 && status !== 404) return false;
  const message = String((error as { message?: unknown }).message ?? '');
  return status === 404 || /not accessible by integration|must have (admin|push|write)|permission/i.test(message);
}

/** The API error in one line: status and GitHub's message. */
export function describeApiError(error: unknown): string {
  const e = error as { status?: unknown; message?: unknown } | null;
  if (e && typeof e.status === 'number') return `HTTP ${e.status}: ${String(e.message ?? '')}`;
  return error instanceof Error ? error.message : String(error);
}

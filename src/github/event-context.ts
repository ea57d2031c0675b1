import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PerfgateError, describeError } from '../errors.js';

/** owner/name of a repository, as the API paths want it. */
export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

export interface PullRequestRef {
  readonly number: number;
  /** The head commit the event was sent for: pinned, so later moves of the branch are noticed. */
  readonly headSha: string;
  readonly headRef: string;
  /** owner/name of the head repository; null when the fork was deleted. */
  readonly headRepo: string | null;
  readonly baseRepo: string;
  /** The base branch's commit when the event was sent: the PR's base is its merge base with the head. */
  readonly baseSha: string;
  readonly baseRef: string;
  /** The head lives in another repository: the workflow's token is read-only on `pull_request`. */
  readonly fromFork: boolean;
  /** Who opened the PR; null when the payload does not say. */
  readonly author: string | null;
}

export interface WorkflowRunRef {
  readonly id: number;
  /** The event that started the run this one follows (`pull_request` for a PR check). */
  readonly event: string;
  readonly headSha: string;
  readonly headBranch: string | null;
  readonly headRepo: string | null;
  readonly conclusion: string | null;
}

/** The parts of the workflow's event perfgate uses, read once and checked. */
export interface EventContext {
  readonly eventName: string;
  readonly repo: RepoRef;
  readonly apiUrl: string;
  readonly serverUrl: string;
  readonly runId: string | null;
  readonly pullRequest: PullRequestRef | null;
  /** Who caused the event (for `labeled`, who added the label). */
  readonly sender: string | null;
  /** The label just added or removed, on `labeled`/`unlabeled`. */
  readonly label: string | null;
  readonly action: string | null;
  readonly workflowRun: WorkflowRunRef | null;
  /** The repository's default branch, from the payload; null when the event does not say. */
  readonly defaultBranch: string | null;
}

const sha = z.string().regex(/^[0-9a-f]{40}$/, 'expected a 40-digit hex commit id');
const repoName = z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'expected owner/name');
const repository = z.object({ full_name: repoName });

// Loose objects: payloads carry hundreds of fields perfgate has no use for.
const payloadSchema = z.object({
  repository: z.object({ default_branch: z.string().min(1).optional() }).optional(),
  action: z.string().optional(),
  sender: z.object({ login: z.string().min(1) }).optional(),
  label: z.object({ name: z.string() }).optional(),
  pull_request: z
    .object({
      number: z.number().int().positive(),
      user: z.object({ login: z.string().min(1) }).nullable().optional(),
      head: z.object({ sha, ref: z.string().min(1), repo: repository.nullable() }),
      base: z.object({ sha, ref: z.string().min(1), repo: repository }),
    })
    .optional(),
  workflow_run: z
    .object({
      id: z.number().int().positive(),
      event: z.string(),
      head_sha: sha,
      head_branch: z.string().nullable(),
      head_repository: repository.nullable().optional(),
      conclusion: z.string().nullable(),
    })
    .optional(),
});

/**
 * Reads the event the runner describes, through @actions/github's `context` (the runner's
 * GITHUB_* variables and the payload at GITHUB_EVENT_PATH, as action authors read them),
 * and checks the parts perfgate uses with zod: the context types the payload as `any`.
 * Errors name the variable or the payload field and what was expected.
 */
export async function readEventContext(): Promise<EventContext> {
  const env = process.env;
  const repository = env.GITHUB_REPOSITORY ?? '';
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository);
  if (!match) throw new PerfgateError('USAGE', `GITHUB_REPOSITORY: expected "owner/repo" (got ${JSON.stringify(repository)}); is this running inside GitHub Actions?`);
  const eventPath = env.GITHUB_EVENT_PATH;
  // The context prints a note and carries on with an empty payload when the file is missing,
  // and throws a bare SyntaxError (while it is imported) when it is not JSON: check first.
  if (eventPath) {
    try {
      JSON.parse(readFileSync(eventPath, 'utf8'));
    } catch (error) {
      throw new PerfgateError('USAGE', `GITHUB_EVENT_PATH (${eventPath}): cannot read the event payload (${describeError(error)})`);
    }
  }
  // Loaded here, not at start: Octokit comes with it, and only GitHub-facing modes need it.
  const { context: loaded } = await import('@actions/github');
  // The module's own context was built once, when first imported; a fresh one reads the
  // environment as it is now (a second read in one process, tests).
  const context = new (loaded.constructor as new () => typeof loaded)();
  const parsed = payloadSchema.safeParse(context.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PerfgateError('USAGE', `${eventPath}: event payload field ${issue.path.join('.')}: ${issue.message}`);
  }
  const payload = parsed.data;
  const pr = payload.pull_request;
  const run = payload.workflow_run;
  return {
    eventName: context.eventName ?? '',
    repo: { owner: match[1]!, repo: match[2]! },
    // An empty variable counts as unset (the context keeps it), and no trailing slash.
    apiUrl: (context.apiUrl || 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl: (context.serverUrl || 'https://github.com').replace(/\/+$/, ''),
    runId: Number.isSafeInteger(context.runId) && context.runId > 0 ? String(context.runId) : null,
    pullRequest: pr
      ? {
          number: pr.number,
          headSha: pr.head.sha,
          headRef: pr.head.ref,
          headRepo: pr.head.repo?.full_name ?? null,
          baseRepo: pr.base.repo.full_name,
          baseSha: pr.base.sha,
          baseRef: pr.base.ref,
          // A deleted fork (repo null) is still not this repository.
          fromFork: pr.head.repo?.full_name.toLowerCase() !== pr.base.repo.full_name.toLowerCase(),
          author: pr.user?.login ?? null,
        }
      : null,
    sender: payload.sender?.login ?? null,
    label: payload.label?.name ?? null,
    action: payload.action ?? null,
    workflowRun: run
      ? {
          id: run.id,
          event: run.event,
          headSha: run.head_sha,
          headBranch: run.head_branch,
          headRepo: run.head_repository?.full_name ?? null,
          conclusion: run.conclusion,
        }
      : null,
    defaultBranch: payload.repository?.default_branch ?? null,
  };
}

export function repoOf(fullName: string): RepoRef {
  const [owner = '', repo = ''] = fullName.split('/');
  return { owner, repo };
}

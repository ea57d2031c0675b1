import { PerfgateError } from '../errors.js';
import type { Report } from '../report/index.js';
import type { EventContext } from '../github/event-context.js';
import { findPullRequestByHead } from '../github/find-pull-request.js';
import { readReportArtifact } from '../github/report-artifact.js';
import { stickyMarker } from '../github/sticky-comment.js';
import { commentMarkdown, githubClient, markdownRenderer, postComment, type CommentSettings, type Log } from './publish.js';

export interface CommentOutcome {
  readonly pullRequest: number | null;
  readonly url: string | null;
}

/**
 * `perfgate comment` (and the action's `comment` mode): the second half of the fork-safe
 * flow. It runs on `workflow_run`, with a write token but none of the fork's code, and
 * treats the artifact as untrusted data: only report.json is read, size-capped and
 * validated, and the PR is the open one whose head is the run's head SHA in the run's
 * head repository, found through the API — never a number from the artifact.
 */
export async function runComment(context: EventContext, artifactDir: string, settings: CommentSettings, log: Log, trend?: (report: Report) => Promise<string>): Promise<CommentOutcome> {
  const run = context.workflowRun;
  if (context.eventName !== 'workflow_run' || !run) {
    throw new PerfgateError('USAGE', `perfgate comment runs on the workflow_run event (got ${JSON.stringify(context.eventName)}); see docs/github-action.md for the workflow`);
  }
  if (run.event !== 'pull_request') {
    log.notice(`perfgate: the triggering run was for a ${run.event} event, not a pull request; nothing to comment on`);
    return { pullRequest: null, url: null };
  }
  if (!run.headRepo) throw new PerfgateError('GITHUB_FAILED', 'the workflow_run event names no head repository (was the fork deleted?); nothing to comment on');
  if (settings.token === '') throw new PerfgateError('USAGE', 'perfgate comment needs a token (input github-token, or GITHUB_TOKEN for the CLI) with pull-requests: write');
  // Validate before any API call: a bad artifact costs nothing.
  const report = readReportArtifact(artifactDir);
  const client = githubClient(context, settings, log);
  const pr = await findPullRequestByHead(client, context.repo, run.headRepo, run.headSha, run.headBranch);
  if (!pr) {
    log.notice(`perfgate: no open pull request has head ${run.headSha.slice(0, 12)} in ${run.headRepo} (closed, or pushed again since); nothing to comment on`);
    return { pullRequest: null, url: null };
  }
  // The default branch's trend (history: true), read from the data branch, goes inside what is fitted to GitHub's limits.
  const section = trend ? await trend(report) : '';
  const render = markdownRenderer(context, run.id);
  const posted = await postComment(client, context, pr.number, (marker) => commentMarkdown(report, marker, (r) => render(r) + section), settings, log);
  if (!posted) throw new PerfgateError('PERMISSION_DENIED', `the token may not comment on #${pr.number}: give the comment job \`permissions: pull-requests: write\``);
  return { pullRequest: pr.number, url: posted.url };
}

/**
 * `perfgate comment --dry-run`: the body `runComment` would post for this artifact, marker
 * included, with the same validation and no GitHub call. In a workflow_run event the link
 * to the check's run is filled in as it would be.
 */
export function previewComment(artifactDir: string, commentId: string, context: EventContext | null): string {
  const marker = stickyMarker(commentId);
  const report = readReportArtifact(artifactDir);
  const runId = context?.eventName === 'workflow_run' && context.workflowRun ? context.workflowRun.id : null;
  return `${marker}\n${commentMarkdown(report, marker, markdownRenderer(context, runId))}`;
}

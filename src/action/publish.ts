import * as core from '@actions/core';
import type { Config } from '../config/index.js';
import type { Progress } from '../gate/progress.js';
import type { ActionOutputs } from './outputs.js';
import { renderMarkdown, type Report } from '../report/index.js';
import { regressionAnnotations } from '../github/annotations.js';
import { createGitHubClient, describeApiError, isPermissionError, type GitHubClient } from '../github/client.js';
import type { EventContext } from '../github/event-context.js';
import { functionStartLines, locator, profilePathsOf } from '../github/function-lines.js';
import { fitReport, GITHUB_LIMITS, neutraliseMarkers } from '../github/github-limits.js';
import { stickyMarker, upsertStickyComment, type StickyResult } from '../github/sticky-comment.js';
import { tokenIdentity } from '../github/token-identity.js';

/** Where a mode says what it is doing: core's log in the action, stderr in the CLI. */
export interface Log {
  info(text: string): void;
  notice(text: string): void;
  warning(text: string): void;
  debug(text: string): void;
}

export const actionProgress: Progress = {
  phase: (title, work) => core.group(title, work),
  line: (text) => core.info(text),
  status: () => undefined,
};

export const actionLog: Log = {
  info: (text) => core.info(text),
  notice: (text) => core.notice(text),
  warning: (text) => core.warning(text),
  debug: (text) => core.debug(text),
};

export interface CommentSettings {
  readonly token: string;
  readonly commentId: string;
  readonly commentAuthor: string;
  readonly maxApiWrites: number;
}

export function githubClient(context: EventContext, settings: Pick<CommentSettings, 'token' | 'maxApiWrites'>, log: Log): GitHubClient {
  return createGitHubClient({ token: settings.token, baseUrl: context.apiUrl, maxWrites: settings.maxApiWrites, log: { debug: log.debug, info: log.info, warning: log.warning } });
}

/**
 * Renders the report with a link to the run whose artifact holds report.html: the
 * artifact is uploaded after this step, so its own URL is not known yet; the run page lists it.
 */
export function markdownRenderer(context: EventContext | null, runId: string | number | null): (report: Report) => string {
  if (!context || runId === null) return (report) => renderMarkdown(report);
  const artifactUrl = `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${runId}#artifacts`;
  return (report) => renderMarkdown(report, { artifactUrl });
}

/** The report in the job summary, within its 1 MiB. */
export async function writeJobSummary(markdown: string): Promise<void> {
  await core.summary.addRaw(markdown).write();
}

export function summaryMarkdown(report: Report, render: (report: Report) => string = renderMarkdown): string {
  return fitReport(report, render, GITHUB_LIMITS.summary).markdown;
}

/** The body of the sticky comment: the report within 65,536 characters, marker included. */
export function commentMarkdown(report: Report, marker: string, render: (report: Report) => string = renderMarkdown): string {
  return neutraliseMarkers(fitReport(report, render, GITHUB_LIMITS.comment, marker.length + 1).markdown);
}

/** The outputs every report sets: the verdict, what regressed, and where the report folder is. */
export function reportOutputs(report: Report, reportDir: string, regressions: readonly string[] = regressedKeys(report)): ActionOutputs {
  const score = report.diffScore?.cpuPerRequest;
  const percent = (change: number) => (Number.isFinite(change) ? (change * 100).toFixed(2) : String(change));
  return {
    verdict: report.comparison.verdict.outcome,
    regressions: JSON.stringify(regressions),
    'report-path': reportDir,
    ...(score ? { 'diff-score': percent(score.change), 'diff-score-low': percent(score.low), 'diff-score-high': percent(score.high) } : {}),
  };
}

export function regressedKeys(report: Report): string[] {
  return report.comparison.findings.filter((f) => f.outcome === 'regressed').map((f) => f.key);
}

/** Annotations on the source lines of regressed functions, most important first. */
export function emitAnnotations(report: Report, reportDir: string, config: Pick<Config, 'root'>, workspace: string, level: 'error' | 'warning'): number {
  // Reports carry each function's first line; older ones only in their profiles.
  const lines = report.functionLines ? new Map(Object.entries(report.functionLines)) : functionStartLines(profilePathsOf(reportDir, report.profiles));
  const annotations = regressionAnnotations(report, { level, locate: locator(lines, config.root, workspace) });
  for (const a of annotations) {
    const properties = { title: a.title, file: a.file, startLine: a.startLine };
    if (a.level === 'error') core.error(a.message, properties);
    else core.warning(a.message, properties);
  }
  return annotations.length;
}

/**
 * Posts or updates the sticky comment. A token without write access (a fork's PR, or a
 * workflow without `pull-requests: write`) is reported, not fatal: the summary and the
 * artifact still carry the result, and the comment workflow can post it.
 */
export async function postComment(
  client: GitHubClient,
  context: EventContext,
  issueNumber: number,
  body: (marker: string) => string,
  settings: Pick<CommentSettings, 'commentId' | 'commentAuthor'>,
  log: Log,
): Promise<StickyResult | null> {
  const marker = stickyMarker(settings.commentId);
  try {
    const author = await tokenIdentity(client, settings.commentAuthor);
    const result = await upsertStickyComment(client, { repo: context.repo, issueNumber, marker, author }, body(marker));
    log.info(`perfgate: ${result.action} the PR comment ${result.url}`);
    return result;
  } catch (error) {
    if (isPermissionError(error)) {
      log.warning(
        `perfgate: this token may not comment on #${issueNumber} (${describeApiError(error)}); the result is in the job summary and the report artifact. ` +
          'Give the job `permissions: pull-requests: write`, or for PRs from forks use the perfgate-comment workflow.',
      );
      return null;
    }
    throw error;
  }
}

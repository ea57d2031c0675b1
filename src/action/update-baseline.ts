import { isAbsolute, relative, sep } from 'node:path';
import * as core from '@actions/core';
import { baselineAllocationProfilePath, baselineProfilePath } from '../baseline/index.js';
import { loadConfig } from '../config/index.js';
import { PerfgateError } from '../errors.js';
import { readBaselineArtifact } from '../github/baseline-artifact.js';
import { describeApiError, type GitHubClient } from '../github/client.js';
import { branchHead, commitFile, headMovedError } from '../github/commit-file.js';
import type { EventContext, PullRequestRef } from '../github/event-context.js';
import { requireWritePermission } from '../github/permissions.js';
import { neutraliseMarkers } from '../github/github-limits.js';
import { renderBaselineChange } from '../report/baseline-change.js';
import type { ActionInputs } from './action-inputs.js';
import type { EmitOutputs, ModeOutcome } from './mode-outcome.js';
import { actionLog, githubClient, postComment, writeJobSummary } from './publish.js';

/**
 * The event the accept flow acts on, or null (with a notice) for any other: only a
 * `pull_request` event whose action is `labeled` with the accept label. A workflow wired
 * to plain `pull_request` must not commit a baseline on every push, open or unlabel.
 */
export function acceptEvent(context: EventContext | null, inputs: Pick<ActionInputs, 'acceptLabel'>, mode: string): PullRequestRef | null {
  const pr = context?.pullRequest;
  if (!context || !pr || context.eventName !== 'pull_request') {
    throw new PerfgateError('USAGE', `mode ${mode} runs on a pull_request "labeled" event (got ${JSON.stringify(context?.eventName || 'no event')})`);
  }
  if (context.action !== 'labeled' || context.label !== inputs.acceptLabel) {
    const what = context.action === 'labeled' ? `the label added was ${JSON.stringify(context.label)}` : `the event's action is ${JSON.stringify(context.action)}`;
    core.notice(`perfgate: ${what}, not the label ${JSON.stringify(inputs.acceptLabel)} being added; nothing to do`);
    return null;
  }
  if (pr.fromFork) {
    throw new PerfgateError(
      'PERMISSION_DENIED',
      `${mode}: #${pr.number} comes from the fork ${pr.headRepo ?? '(deleted)'}; perfgate only updates baselines on branches of ${context.repo.owner}/${context.repo.repo}, because a fork's code must never run with a write token. A maintainer can push the branch here, or run \`perfgate baseline\` and commit the file.`,
    );
  }
  return pr;
}

/** The baseline's paths inside the repository, from the config: the only files the artifact may carry. */
export function baselineRepositoryPaths(configPath: string, workspace: string): { baseline: string; profiles: string[] } {
  const config = loadConfig(configPath);
  return {
    baseline: repositoryPath(workspace, config.baselinePath),
    profiles: [baselineProfilePath(config.baselinePath), baselineAllocationProfilePath(config.baselinePath)].map((p) => repositoryPath(workspace, p)),
  };
}

/**
 * `update-baseline`, the write half of the accept flow: runs in a job with `contents: write`
 * and `pull-requests: write` that checks out no PR code. It checks the event, who labelled
 * (and, with accept-own-pr false, that it is not the PR's author) and that the branch has
 * not moved, then validates the baseline artifact that the read-only `measure-baseline` job
 * uploaded, commits it to the PR branch as a reviewable commit, comments what changed and
 * removes the label.
 */
export async function runUpdateBaseline(inputs: ActionInputs, context: EventContext | null, workspace: string, emit: EmitOutputs): Promise<ModeOutcome> {
  const pr = acceptEvent(context, inputs, 'update-baseline');
  if (!context || !pr) return { failure: null };
  if (inputs.token === '') throw new PerfgateError('USAGE', 'update-baseline needs github-token with contents: write and pull-requests: write');
  const client = githubClient(context, inputs, actionLog);
  const sender = context.sender;
  if (!sender) throw new PerfgateError('USAGE', 'update-baseline: the event names no sender, so whoever added the label cannot be checked');

  try {
    if (!inputs.acceptOwnPr && pr.author !== null && pr.author.toLowerCase() === sender.toLowerCase()) {
      throw new PerfgateError(
        'PERMISSION_DENIED',
        `the label ${inputs.acceptLabel}: @${sender} opened #${pr.number} and may not accept its own performance change (accept-own-pr: false); ask another maintainer to add the label`,
      );
    }
    await requireWritePermission(client, context.repo, sender, `the label ${inputs.acceptLabel}`);
    const before = await branchHead(client, context.repo, pr.headRef);
    if (before !== pr.headSha) throw headMovedError(pr.headRef, pr.headSha, before);

    const paths = baselineRepositoryPaths(inputs.config, workspace);
    const artifact = readBaselineArtifact(inputs.artifact, paths.baseline, paths.profiles);
    if (artifact.baseline.commit !== pr.headSha) {
      throw new PerfgateError(
        'ARTIFACT_INVALID',
        `${inputs.artifact}: the baseline was measured on ${artifact.baseline.commit ?? 'no commit'}, not on ${pr.headSha}, the head that was labelled; nothing was committed`,
      );
    }
    const commit = await commitFile(client, {
      repo: context.repo,
      branch: pr.headRef,
      expectedHead: pr.headSha,
      files: artifact.files,
      message: `perfgate: update ${paths.baseline}\n\nRe-measured ${pr.headSha.slice(0, 12)} (${artifact.baseline.trials.length} trials) after ${sender} added the label ${inputs.acceptLabel}.`,
    });
    core.info(`perfgate: committed ${artifact.files.map((f) => f.path).join(', ')} to ${pr.headRef} as ${commit}`);
    emit({ 'baseline-commit': commit });
    const body = neutraliseMarkers(
      renderBaselineChange({ previous: artifact.previous, next: artifact.baseline, path: paths.baseline, commit, branch: pr.headRef, requestedBy: sender, label: inputs.acceptLabel }),
    );
    await writeJobSummary(body);
    await postComment(client, context, pr.number, () => body, { commentId: `${inputs.commentId}-baseline`, commentAuthor: inputs.commentAuthor }, actionLog);
    return { failure: null };
  } catch (error) {
    if (error instanceof PerfgateError && (error.code === 'PERMISSION_DENIED' || error.code === 'HEAD_MOVED' || error.code === 'ARTIFACT_INVALID')) {
      await writeJobSummary(`## perfgate: baseline not updated\n\n${error.message.replace(/[<>]/g, '')}\n`);
    }
    throw error;
  } finally {
    // Whatever happened, the label has been acted on; adding it again retries.
    await removeLabel(client, context, pr, inputs.acceptLabel);
  }
}

async function removeLabel(client: GitHubClient, context: EventContext, pr: PullRequestRef, label: string): Promise<void> {
  try {
    await client.rest.issues.removeLabel({ ...context.repo, issue_number: pr.number, name: label });
  } catch (error) {
    if ((error as { status?: unknown }).status !== 404) actionLog.warning(`perfgate: could not remove the label ${label} from #${pr.number} (${describeApiError(error)})`);
  }
}

/** A path inside the repository, with `/`; outside it there is nothing to commit. */
export function repositoryPath(workspace: string, absolute: string): string {
  const inside = relative(workspace, absolute);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new PerfgateError('CONFIG_INVALID', `update-baseline: the baseline ${absolute} is outside the repository checkout ${workspace}; it cannot be committed`);
  }
  return inside.split(sep).join('/');
}

import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import * as core from '@actions/core';
import { baselineProfilePath, readBaseline, type Baseline } from '../baseline/index.js';
import { loadConfig } from '../config/index.js';
import { PerfgateError, describeError } from '../errors.js';
import { describeApiError, type GitHubClient } from '../github/client.js';
import { branchHead, commitFile, headMovedError } from '../github/commit-file.js';
import type { EventContext, PullRequestRef } from '../github/event-context.js';
import { requireWritePermission } from '../github/permissions.js';
import { neutraliseMarkers } from '../github/github-limits.js';
import { renderBaselineChange } from '../report/baseline-change.js';
import { runBaseline } from '../gate/gate.js';
import { currentCommit } from '../gate/git.js';
import type { ActionInputs } from './action-inputs.js';
import type { ModeOutcome } from './mode-outcome.js';
import { actionLog, actionProgress, githubClient, postComment, writeJobSummary } from './publish.js';

/**
 * `update-baseline`: a maintainer's label on a PR accepts its performance. perfgate checks
 * who labelled, pins the head commit the label was put on, re-measures it, commits the new
 * baseline to the PR branch as a reviewable commit, comments what changed and removes the
 * label. Same-repository PRs only: a fork's code never runs next to a write token.
 */
export async function runUpdateBaseline(inputs: ActionInputs, context: EventContext | null, agentPath: string, workspace: string): Promise<ModeOutcome> {
  const pr = context?.pullRequest;
  if (!context || !pr) throw new PerfgateError('USAGE', `mode update-baseline runs on a pull_request "labeled" event (got ${JSON.stringify(context?.eventName ?? 'no event')})`);
  if (context.action === 'labeled' && context.label !== inputs.acceptLabel) {
    core.info(`perfgate: the label added was ${JSON.stringify(context.label)}, not ${JSON.stringify(inputs.acceptLabel)}; nothing to do`);
    return { failure: null, outputs: {} };
  }
  if (pr.fromFork) {
    throw new PerfgateError(
      'PERMISSION_DENIED',
      `update-baseline: #${pr.number} comes from the fork ${pr.headRepo ?? '(deleted)'}; perfgate only updates baselines on branches of ${context.repo.owner}/${context.repo.repo}, because a fork's code must never run with a write token. A maintainer can push the branch here, or run \`perfgate baseline\` and commit the file.`,
    );
  }
  if (inputs.token === '') throw new PerfgateError('USAGE', 'update-baseline needs github-token with contents: write and pull-requests: write');
  const client = githubClient(context, inputs, actionLog);
  const sender = context.sender;
  if (!sender) throw new PerfgateError('USAGE', 'update-baseline: the event names no sender, so whoever added the label cannot be checked');

  try {
    await requireWritePermission(client, context.repo, sender, `the label ${inputs.acceptLabel}`);
    // The event's head SHA is what the labeller saw; the checkout and the branch must both still be there.
    const checkedOut = currentCommit(workspace);
    if (checkedOut !== pr.headSha) {
      throw new PerfgateError(
        'USAGE',
        `update-baseline: the workspace has ${checkedOut ?? 'no git checkout'} checked out, not the PR head ${pr.headSha} that was labelled; check out with \`ref: \${{ github.event.pull_request.head.sha }}\``,
      );
    }
    const before = await branchHead(client, context.repo, pr.headRef);
    if (before !== pr.headSha) throw headMovedError(pr.headRef, pr.headSha, before);

    const config = loadConfig(inputs.config, inputs.trials !== undefined ? { trials: inputs.trials } : {});
    const baselineFile = repositoryPath(workspace, config.baselinePath);
    const previous = readPrevious(config.baselinePath);
    const next = await runBaseline({ config, agentPath, progress: actionProgress, runId: randomUUID() });
    const files = [{ path: baselineFile, content: readFileSync(config.baselinePath) }];
    const profile = baselineProfilePath(config.baselinePath);
    if (existsSync(profile)) files.push({ path: repositoryPath(workspace, profile), content: readFileSync(profile) });

    const commit = await commitFile(client, {
      repo: context.repo,
      branch: pr.headRef,
      expectedHead: pr.headSha,
      files,
      message: `perfgate: update ${baselineFile}\n\nRe-measured ${pr.headSha.slice(0, 12)} (${next.trials.length} trials) after ${sender} added the label ${inputs.acceptLabel}.`,
    });
    core.info(`perfgate: committed ${files.map((f) => f.path).join(', ')} to ${pr.headRef} as ${commit}`);
    const body = neutraliseMarkers(
      renderBaselineChange({ previous, next, path: baselineFile, commit, branch: pr.headRef, requestedBy: sender, label: inputs.acceptLabel }),
    );
    await writeJobSummary(body);
    await postComment(client, context, pr.number, () => body, { commentId: `${inputs.commentId}-baseline`, commentAuthor: inputs.commentAuthor }, actionLog);
    return { failure: null, outputs: { 'baseline-commit': commit } };
  } catch (error) {
    if (error instanceof PerfgateError && (error.code === 'PERMISSION_DENIED' || error.code === 'HEAD_MOVED')) {
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

function readPrevious(path: string): Baseline | null {
  if (!existsSync(path)) return null;
  try {
    return readBaseline(path);
  } catch (error) {
    actionLog.warning(`perfgate: the previous baseline ${path} cannot be read (${describeError(error)}); it is replaced`);
    return null;
  }
}

/** The baseline's path inside the repository; outside it there is nothing to commit. */
function repositoryPath(workspace: string, absolute: string): string {
  const inside = relative(workspace, absolute);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new PerfgateError('CONFIG_INVALID', `update-baseline: the baseline ${absolute} is outside the repository checkout ${workspace}; it cannot be committed`);
  }
  return inside.split(sep).join('/');
}

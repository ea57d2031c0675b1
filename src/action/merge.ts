import * as core from '@actions/core';
import { readdirSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PerfgateError, describeError } from '../errors.js';
import type { EventContext } from '../github/event-context.js';
import { mergeShards } from '../gate/shard-merge.js';
import type { ShardResult } from '../gate/shard-run.js';
import { SHARD_FILE } from '../gate/shard-folder.js';
import { shardName } from '../gate/shard-plan.js';
import type { ActionInputs } from './action-inputs.js';
import { verdictFailure, type ModeOutcome } from './mode-outcome.js';
import { actionLog, commentMarkdown, githubClient, markdownRenderer, postComment, reportOutputs, summaryMarkdown, writeJobSummary } from './publish.js';

/**
 * `merge`: the job after a matrix of sharded checks. It has the only write token of the
 * workflow and checks out nothing: the shard folders are data (read size-capped and
 * validated by gate/shard-folder.ts), merged into one report, published as the job
 * summary and one sticky comment.
 */
export async function runMerge(inputs: ActionInputs, context: EventContext | null, workspace: string): Promise<ModeOutcome> {
  const dirs = shardFolders(resolve(workspace, inputs.shards));
  core.info(`perfgate: merging ${dirs.length} shard folder(s) from ${inputs.shards}`);
  const outputDir = resolve(workspace, 'perfgate-report');
  const result = mergeShards(dirs, outputDir);
  const report = result.report;
  const failure = verdictFailure(report.comparison.verdict, inputs.failOnRegression, 'perfgate');
  const outputs = reportOutputs(report, result.reportDir);
  const render = markdownRenderer(context, context?.runId ?? null);
  await writeJobSummary(summaryMarkdown(report, render));
  const pr = context?.pullRequest;
  if (context && pr && inputs.comment && inputs.token !== '') {
    if (pr.fromFork) {
      actionLog.notice(`perfgate: #${pr.number} comes from a fork; this run has a read-only token, so the merged result is in the job summary only`);
    } else {
      const posted = await postComment(githubClient(context, inputs, actionLog), context, pr.number, (marker) => commentMarkdown(report, marker, render), inputs, actionLog);
      if (posted) outputs['comment-url'] = posted.url;
    }
  }
  return { failure, outputs };
}

/**
 * The shard step of `check` with `shard`: its folder is the report-path to upload, the
 * verdict waits for the merge. A shard that fails still hands over its folder (its
 * shard.json says why), so the merge names it instead of finding it missing.
 */
export async function shardStep(dir: string, run: () => Promise<ShardResult>): Promise<ModeOutcome> {
  try {
    const result = await run();
    core.info(`perfgate: shard ${shardName(result.manifest.shard)} wrote pairs ${result.manifest.pairs.join(', ')} to ${result.dir}; upload it for the merge job`);
    return { failure: null, outputs: { 'report-path': result.dir } };
  } catch (error) {
    return { failure: `perfgate: this shard failed: ${describeError(error)}`, outputs: { 'report-path': dir } };
  }
}

/** The sub-folders of `root` that hold a shard.json (download-artifact writes one per artifact); symbolic links are not followed. */
function shardFolders(root: string): string[] {
  let entries;
  try {
    entries = readdirSync(realpathSync(root), { withFileTypes: true });
  } catch (error) {
    throw new PerfgateError('SHARD_INVALID', `input shards: ${root} cannot be read (${describeError(error)}); did the download-artifact step run?`);
  }
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => join(root, e.name))
    .filter((dir) => readdirSync(dir).includes(SHARD_FILE))
    .sort();
  if (dirs.length === 0) throw new PerfgateError('SHARD_INVALID', `input shards: no folder under ${root} holds a ${SHARD_FILE}; download the shard artifacts there (actions/download-artifact with pattern: perfgate-shard-*)`);
  return dirs;
}

import * as core from '@actions/core';
import { readdirSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PerfgateError, describeError } from '../errors.js';
import type { EventContext } from '../github/event-context.js';
import { mergeServices, type MergedService } from '../gate/services-merge.js';
import { fitReport, GITHUB_LIMITS, neutraliseMarkers, type Limit } from '../github/github-limits.js';
import { renderServicesMarkdown } from '../report/services-markdown.js';
import type { ShardResult } from '../gate/shard-run.js';
import { SHARD_FILE } from '../gate/shard-folder.js';
import { shardName } from '../gate/shard-plan.js';
import type { ActionInputs } from './action-inputs.js';
import { verdictFailure, type EmitOutputs, type ModeOutcome } from './mode-outcome.js';
import { actionLog, githubClient, markdownRenderer, postComment, regressedKeys, reportOutputs, writeJobSummary } from './publish.js';

/**
 * `merge`: the job after a matrix of sharded checks. It has the only write token of the
 * workflow and checks out nothing: the shard folders are data (read size-capped and
 * validated by gate/shard-folder.ts), merged into one report, published as the job
 * summary and one sticky comment.
 */
export async function runMerge(inputs: ActionInputs, context: EventContext | null, workspace: string, emit: EmitOutputs): Promise<ModeOutcome> {
  const dirs = shardFolders(resolve(workspace, inputs.shards));
  core.info(`perfgate: merging ${dirs.length} shard folder(s) from ${inputs.shards}`);
  const result = mergeServices(dirs, resolve(workspace, 'perfgate-report'));
  const render = markdownRenderer(context, context?.runId ?? null);
  const only = result.services.length === 1 ? result.services[0]! : null;
  // One service: its report, as check publishes it. Several: a verdict per service and one overall, each report fitted into its share.
  const fitted = (limit: Limit, room: number) =>
    only
      ? fitReport(only.report, render, limit, room).markdown
      : renderServicesMarkdown(result.services.map((s) => ({ ...s, markdown: fitReport(s.report, render, limit, limit.max - Math.floor((limit.max * 0.9) / result.services.length)).markdown })));
  await writeJobSummary(fitted(GITHUB_LIMITS.summary, 0));
  const failure = only ? verdictFailure(only.report.comparison.verdict, inputs.failOnRegression, 'perfgate') : servicesFailure(result.services, inputs.failOnRegression);
  emit(
    only
      ? reportOutputs(only.report, only.reportDir)
      : { verdict: result.outcome, regressions: JSON.stringify(result.services.flatMap((s) => regressedKeys(s.report).map((key) => `${s.service}:${key}`))), 'report-path': result.reportDir },
  );
  const pr = context?.pullRequest;
  if (context && pr && inputs.comment && inputs.token !== '') {
    if (pr.fromFork) {
      actionLog.notice(`perfgate: #${pr.number} comes from a fork; this run has a read-only token, so the merged result is in the job summary only`);
    } else {
      const posted = await postComment(githubClient(context, inputs, actionLog), context, pr.number, (marker) => neutraliseMarkers(fitted(GITHUB_LIMITS.comment, marker.length + 1)), inputs, actionLog);
      if (posted) emit({ 'comment-url': posted.url });
    }
  }
  return { failure };
}

/** Why several services fail the step: any inconclusive one always, any regression with fail-on-regression; each named. */
function servicesFailure(services: readonly MergedService[], failOnRegression: boolean): string | null {
  const reasons = services.flatMap((s) => {
    const why = verdictFailure(s.report.comparison.verdict, failOnRegression, s.service);
    return why === null ? [] : [why];
  });
  return reasons.length === 0 ? null : `perfgate: ${reasons.join('; ')}`;
}

/**
 * The shard step of `check` with `shard`: its folder is the report-path to upload, the
 * verdict waits for the merge. A shard that fails still hands over its folder (its
 * shard.json says why), so the merge names it instead of finding it missing.
 */
export async function shardStep(dir: string, emit: EmitOutputs, run: () => Promise<ShardResult>): Promise<ModeOutcome> {
  try {
    const result = await run();
    core.info(`perfgate: shard ${shardName(result.manifest.shard)} wrote pairs ${result.manifest.pairs.join(', ')} to ${result.dir}; upload it for the merge job`);
    emit({ 'report-path': result.dir });
    return { failure: null };
  } catch (error) {
    emit({ 'report-path': dir });
    return { failure: `perfgate: this shard failed: ${describeError(error)}` };
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

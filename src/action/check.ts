import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';
import * as core from '@actions/core';
import { loadConfig } from '../config/index.js';
import type { EventContext } from '../github/event-context.js';
import { readReportFile } from '../github/report-artifact.js';
import type { Report } from '../report/index.js';
import { runGate } from '../gate/gate.js';
import type { ActionInputs } from './action-inputs.js';
import { pullRequestBase } from '../gate/base-commit.js';
import { verdictFailure, type EmitOutputs, type ModeOutcome } from './mode-outcome.js';
import { runHistory } from './history.js';
import { runShard } from '../gate/shard-run.js';
import { shardStep } from './merge.js';
import { actionLog, actionProgress, commentMarkdown, emitAnnotations, githubClient, markdownRenderer, postComment, reportOutputs, summaryMarkdown, writeJobSummary } from './publish.js';

/**
 * `check`: run the gate (or take the report an earlier step wrote), then publish it where
 * people look: job summary, annotations, outputs and, on a PR, the sticky comment.
 */
export async function runCheck(inputs: ActionInputs, context: EventContext | null, agentPath: string, workspace: string, emit: EmitOutputs): Promise<ModeOutcome> {
  let report: Report;
  let reportDir: string;
  // Annotations need the folder that report paths are relative to: the config's root.
  let root = workspace;
  if (inputs.report !== '') {
    if (existsSync(inputs.config)) root = loadConfig(inputs.config).root;
    report = readReportFile(inputs.report);
    reportDir = dirname(inputs.report);
    core.info(`perfgate: publishing the report ${inputs.report} (input report); nothing is measured`);
  } else {
    const baseRef = checkBaseRef(inputs, context, workspace);
    const config = loadConfig(inputs.config, { ...(inputs.trials !== undefined ? { trials: inputs.trials } : {}), ...(baseRef !== undefined ? { baseRef } : {}) });
    root = config.root;
    if (inputs.shard !== null) {
      const reproduce = `npx perfgate run --config ${inputs.config}${baseRef !== undefined ? ` --base-ref ${baseRef}` : ''} --shard ${inputs.shard.index}/${inputs.shard.count}`;
      return shardStep(config.outputDir, emit, () => runShard({ config, agentPath, progress: actionProgress, runId: randomUUID(), reproduce, shard: inputs.shard!, service: inputs.config }));
    }
    const result = await runGate({
      config,
      agentPath,
      progress: actionProgress,
      runId: randomUUID(),
      reproduce: `npx perfgate run --config ${inputs.config}${inputs.trials !== undefined ? ` --trials ${inputs.trials}` : ''}${baseRef !== undefined ? ` --base-ref ${baseRef}` : ''}`,
    });
    report = result.report;
    reportDir = result.reportDir;
  }
  const failure = verdictFailure(report.comparison.verdict, inputs.failOnRegression, 'perfgate');
  emit(reportOutputs(report, reportDir));

  const history = await runHistory(report, context, inputs, root, actionLog);
  if (history.svg !== null) writeFileAtomic(join(reportDir, 'trend.svg'), `<?xml version="1.0" encoding="UTF-8"?>\n${history.svg}\n`);
  const plain = markdownRenderer(context, context?.runId ?? null);
  // The trend goes inside what is fitted to GitHub's size limits, not after it.
  const render = (r: Report) => plain(r) + history.comment;
  await writeJobSummary(summaryMarkdown(report, (r) => plain(r) + history.summary));
  if (inputs.annotations) emitAnnotations(report, reportDir, { root }, workspace, failure !== null ? 'error' : 'warning');

  const pr = context?.pullRequest;
  if (context && pr && inputs.comment) {
    if (pr.fromFork) {
      // GitHub gives `pull_request` runs from forks a read-only token: by design, not a failure.
      actionLog.notice(
        `perfgate: #${pr.number} comes from the fork ${pr.headRepo ?? '(deleted)'}; this run has a read-only token, so the result is in the job summary and the report artifact, and the perfgate-comment workflow posts the comment.`,
      );
    } else if (inputs.token === '') {
      actionLog.warning('perfgate: no github-token, so no PR comment; the result is in the job summary.');
    } else {
      const client = githubClient(context, inputs, actionLog);
      const posted = await postComment(client, context, pr.number, (marker) => commentMarkdown(report, marker, render), inputs, actionLog);
      if (posted) emit({ 'comment-url': posted.url });
    }
  }

  return { failure };
}

/**
 * What the check measures as its base: the input when given; on a pull request, the PR's
 * base measured on this runner beside the head (a stored baseline was measured on another
 * machine, at another time), unless the config insists on the stored one.
 */
function checkBaseRef(inputs: ActionInputs, context: EventContext | null, workspace: string): string | undefined {
  if (inputs.baseRef !== '') return inputs.baseRef;
  const pr = context?.pullRequest;
  if (!pr || !existsSync(inputs.config) || loadConfig(inputs.config).compare.baseline === 'stored') return undefined;
  const base = pullRequestBase(workspace, pr);
  core.info(`perfgate: measuring the PR's base ${base.commit.slice(0, 12)} (${base.why}, ${pr.baseRef}) on this runner, interleaved with what is checked out`);
  return base.commit;
}

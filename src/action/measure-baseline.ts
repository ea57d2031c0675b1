import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as core from '@actions/core';
import { readBaseline } from '../baseline/index.js';
import { loadConfig } from '../config/index.js';
import { PerfgateError, describeError } from '../errors.js';
import { PREVIOUS_BASELINE_FOLDER } from '../github/baseline-artifact.js';
import type { EventContext } from '../github/event-context.js';
import { runBaseline } from '../gate/gate.js';
import { currentCommit } from '../gate/git.js';
import type { ActionInputs } from './action-inputs.js';
import type { EmitOutputs, ModeOutcome } from './mode-outcome.js';
import { actionProgress } from './publish.js';
import { acceptEvent, baselineRepositoryPaths } from './update-baseline.js';

/**
 * `measure-baseline`, the half of the accept flow that runs the PR's code: in a job with a
 * read-only token, it re-measures the labelled head and writes the new baseline (and the
 * previous one, for the comment) into the folder `artifact` at their repository paths.
 * It calls no GitHub API: the `update-baseline` job checks who labelled before committing.
 */
export async function runMeasureBaseline(inputs: ActionInputs, context: EventContext | null, agentPath: string, workspace: string, emit: EmitOutputs): Promise<ModeOutcome> {
  const pr = acceptEvent(context, inputs, 'measure-baseline');
  if (!pr) return { failure: null };
  // The event's head SHA is what the labeller saw; the checkout must be that commit.
  const checkedOut = currentCommit(workspace);
  if (checkedOut !== pr.headSha) {
    throw new PerfgateError(
      'USAGE',
      `measure-baseline: the workspace has ${checkedOut ?? 'no git checkout'} checked out, not the PR head ${pr.headSha} that was labelled; check out with \`ref: \${{ github.event.pull_request.head.sha }}\``,
    );
  }
  // Everything in the folder is uploaded and then refused if it is not the baseline: so it
  // must start empty, and perfgate will not empty a folder someone named by mistake.
  const out = resolve(inputs.artifact);
  if (existsSync(out) && readdirSync(out).length > 0) {
    throw new PerfgateError('USAGE', `input artifact: ${out} is not empty; measure-baseline writes the baseline into a new folder (for example \${{ runner.temp }}/perfgate-baseline)`);
  }
  const config = loadConfig(inputs.config, inputs.trials !== undefined ? { trials: inputs.trials } : {});
  const paths = baselineRepositoryPaths(inputs.config, workspace);
  const copy = (from: string, to: string) => {
    mkdirSync(dirname(join(out, to)), { recursive: true });
    copyFileSync(from, join(out, to));
  };
  if (existsSync(config.baselinePath)) {
    try {
      readBaseline(config.baselinePath);
      copy(config.baselinePath, `${PREVIOUS_BASELINE_FOLDER}/${paths.baseline}`);
    } catch (error) {
      core.warning(`perfgate: the previous baseline ${config.baselinePath} cannot be read (${describeError(error)}); it is replaced`);
    }
  }
  const next = await runBaseline({ config, agentPath, progress: actionProgress, runId: randomUUID() });
  for (const path of [paths.baseline, ...paths.profiles]) {
    const from = join(workspace, path);
    if (existsSync(from)) copy(from, path);
  }
  core.info(`perfgate: measured ${pr.headSha.slice(0, 12)} (${next.trials.length} trials); the baseline is in ${out} for the update-baseline job`);
  emit({ 'report-path': out });
  return { failure: null };
}

import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import { PerfgateError, describeError, isPerfgateError } from './errors.js';
import { describeApiError } from './github/client.js';
import { readEventContext, type EventContext } from './github/event-context.js';
import { readActionInputs, type ActionInputs } from './action/action-inputs.js';
import { runCanary } from './action/canary.js';
import { runCheck } from './action/check.js';
import { runMerge } from './action/merge.js';
import { runComment } from './action/comment.js';
import { prTrend } from './action/history.js';
import type { EmitOutputs, ModeOutcome } from './action/mode-outcome.js';
import { setOutputs, type ActionOutputs } from './action/outputs.js';
import { actionLog } from './action/publish.js';
import { runMeasureBaseline } from './action/measure-baseline.js';
import { runUpdateBaseline } from './action/update-baseline.js';

/**
 * The GitHub Action: reads the inputs and the event, runs the chosen mode, and turns the
 * outcome into the step's status. Every mode lives in src/action/.
 */
async function main(): Promise<void> {
  const inputs = readActionInputs();
  // Outside a workflow (a local run, the Node 24 smoke test) there is no event: check and canary still work.
  const context: EventContext | null = process.env.GITHUB_REPOSITORY ? await readEventContext() : null;
  const agentPath = fileURLToPath(new URL('./agent.cjs', import.meta.url));
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const outputs: ActionOutputs = {};
  try {
    const outcome = await runMode(inputs, context, agentPath, workspace, (more) => Object.assign(outputs, more));
    if (outcome.failure) core.setFailed(outcome.failure);
  } finally {
    // Whatever a mode learnt before it failed (the verdict, the report folder) still reaches the workflow.
    setOutputs(outputs);
  }
}

async function runMode(inputs: ActionInputs, context: EventContext | null, agentPath: string, workspace: string, emit: EmitOutputs): Promise<ModeOutcome> {
  switch (inputs.mode) {
    case 'check':
      return runCheck(inputs, context, agentPath, workspace, emit);
    case 'measure-baseline':
      return runMeasureBaseline(inputs, context, agentPath, workspace, emit);
    case 'update-baseline':
      return runUpdateBaseline(inputs, context, workspace, emit);
    case 'canary':
      return runCanary(inputs, emit);
    case 'merge':
      return runMerge(inputs, context, workspace, emit);
    case 'comment': {
      if (!context) throw new PerfgateError('USAGE', 'mode comment needs GITHUB_REPOSITORY and GITHUB_EVENT_PATH (it runs on workflow_run)');
      const result = await runComment(context, inputs.artifact, inputs, actionLog, async (report) => (await prTrend(report, context, inputs, actionLog)).comment);
      emit({ ...(result.pullRequest !== null ? { 'pull-request': String(result.pullRequest) } : {}), ...(result.url ? { 'comment-url': result.url } : {}) });
      return { failure: null };
    }
    default: {
      const unreachable: never = inputs.mode;
      throw new PerfgateError('USAGE', `unknown mode ${String(unreachable)}`);
    }
  }
}

main().catch((error: unknown) => core.setFailed(failureMessage(error)));

/** What the step says when it cannot finish: GitHub's own answer for API errors, a stack only for bugs. */
function failureMessage(error: unknown): string {
  if (isPerfgateError(error)) return `perfgate: ${error.message}`;
  const api = error as { status?: unknown; request?: { method?: string; url?: string } } | null;
  if (api && typeof api.status === 'number') {
    const request = api.request?.method && api.request.url ? ` (${api.request.method} ${api.request.url})` : '';
    return `perfgate: a GitHub API request failed${request}: ${describeApiError(error)}; the result is in the job summary and the report artifact`;
  }
  return `perfgate: internal error: ${error instanceof Error ? (error.stack ?? error.message) : describeError(error)}`;
}

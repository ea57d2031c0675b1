import { loadConfig } from '../config/index.js';
import { runCanary as runCanaryGate } from '../gate/canary.js';
import { canaryTargets, type ActionInputs } from './action-inputs.js';
import { verdictFailure, type EmitOutputs, type ModeOutcome } from './mode-outcome.js';
import { actionProgress, reportOutputs, summaryMarkdown, writeJobSummary } from './publish.js';

/**
 * `canary`: for release pipelines. The recorded traffic is replayed against `url` (and
 * `baseline-url`, the stable version, when given) and compared (src/gate/canary.ts); the
 * outputs tell the pipeline to promote or roll back.
 */
export async function runCanary(inputs: ActionInputs, emit: EmitOutputs): Promise<ModeOutcome> {
  const targets = canaryTargets(inputs);
  const config = loadConfig(inputs.config, inputs.trials !== undefined ? { trials: inputs.trials } : {});
  const result = await runCanaryGate(config, targets, actionProgress);
  emit(reportOutputs(result.report, result.reportDir, result.regressed));
  await writeJobSummary(summaryMarkdown(result.report, result.render));
  return { failure: verdictFailure(result.report.comparison.verdict, inputs.failOnRegression, 'perfgate canary') };
}

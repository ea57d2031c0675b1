import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import { loadConfig } from './config/index.js';
import { isPerfgateError } from './errors.js';
import { runGate } from './run/gate.js';
import type { Progress } from './run/progress.js';

/**
 * The GitHub Action, first version: `check` mode only. Runs the gate, writes the job
 * summary and outputs, and fails the step on a regression (unless told not to).
 */
async function main(): Promise<void> {
  const mode = core.getInput('mode') || 'check';
  if (mode !== 'check') throw new Error(`mode: expected "check" (got "${mode}"); update-baseline and canary come in a later version`);
  const configPath = core.getInput('config') || 'perfgate.config.json';
  const trialsInput = core.getInput('trials');
  const failOnRegression = core.getBooleanInput('fail-on-regression', { required: false });
  const trials = trialsInput === '' ? undefined : Number(trialsInput);
  if (trials !== undefined && (!Number.isInteger(trials) || trials < 2)) throw new Error(`trials: expected an integer >= 2 (got "${trialsInput}")`);
  const config = loadConfig(configPath, trials !== undefined ? { trials } : {});
  const progress: Progress = {
    phase: (title, work) => core.group(title, work),
    line: (text) => core.info(text),
    status: () => undefined,
  };
  const result = await runGate({
    config,
    agentPath: fileURLToPath(new URL('./agent.cjs', import.meta.url)),
    progress,
    runId: randomUUID(),
    reproduce: `npx perfgate run --config ${configPath}`,
  });
  await core.summary.addRaw(result.markdown).write();
  const verdict = result.report.comparison.verdict;
  const regressions = result.report.comparison.findings.filter((f) => f.outcome === 'regressed').map((f) => f.key);
  core.setOutput('verdict', verdict.outcome);
  core.setOutput('regressions', JSON.stringify(regressions));
  core.setOutput('report-path', result.reportDir);
  if (verdict.outcome === 'inconclusive') core.setFailed(`perfgate: inconclusive: ${verdict.rule}`);
  else if (verdict.outcome !== 'pass' && failOnRegression) core.setFailed(`perfgate: ${verdict.rule}`);
}

main().catch((error: unknown) => {
  core.setFailed(isPerfgateError(error) ? `perfgate: ${error.message}` : error instanceof Error ? error.message : String(error));
});

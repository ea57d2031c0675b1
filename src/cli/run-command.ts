import { randomUUID } from 'node:crypto';
import { renderTerminal } from '../report/index.js';
import { runGate } from '../gate/gate.js';
import { consoleProgress } from '../gate/progress.js';
import { exitCodeOf, type Command } from './command.js';
import { configFromOptions, MEASURE_OPTIONS, MEASURE_USAGE } from './shared-options.js';
import { appendToHistory, HISTORY_OPTIONS, HISTORY_USAGE } from './history-option.js';

export const runCommand: Command = {
  name: 'run',
  summary: 'measure the service, compare with the baseline, report; exit 0 pass, 1 regression, 2 error',
  usage: `${MEASURE_USAGE}\n${HISTORY_USAGE}`,
  options: { ...MEASURE_OPTIONS, ...HISTORY_OPTIONS },
  async run(values, _positionals, io) {
    const { config, configPath } = configFromOptions(values);
    const progress = io.progress ?? consoleProgress(io.stderr);
    const reproduce = `npx perfgate run --config ${configPath}${values.trials !== undefined ? ` --trials ${config.trials}` : ''}`;
    const result = await runGate({ config, agentPath: io.agentPath, progress, runId: randomUUID(), reproduce, ...(io.signal ? { signal: io.signal } : {}) });
    io.stdout.write(renderTerminal(result.report));
    const history = appendToHistory(values, result.report, config.root);
    if (history) io.stdout.write(`${history}\n`);
    io.stdout.write(`report: ${result.reportDir}/report.html (flame graph), report.md, report.json; profiles: ${result.reportDir}/profiles/\n`);
    return exitCodeOf(result.report.comparison.verdict.outcome);
  },
};

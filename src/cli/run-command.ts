import { randomUUID } from 'node:crypto';
import type { Command } from './command.js';
import { configFromOptions, MEASURE_OPTIONS, MEASURE_USAGE } from './shared-options.js';
import { writeVerdict } from './verdict-output.js';
import { appendToHistory, HISTORY_OPTIONS, HISTORY_USAGE } from './history-option.js';

export const runCommand: Command = {
  name: 'run',
  summary: 'measure the service, compare with the baseline, report; exit 0 pass, 1 regression, 2 error',
  usage: `${MEASURE_USAGE}\n${HISTORY_USAGE}`,
  options: { ...MEASURE_OPTIONS, ...HISTORY_OPTIONS },
  async run(values, _positionals, io) {
    const { config, configPath } = await configFromOptions(values);
    const [{ runGate }, { consoleProgress }] = await Promise.all([import('../gate/gate.js'), import('../gate/progress.js')]);
    const progress = io.progress ?? consoleProgress(io.stderr);
    const reproduce = `npx perfgate run --config ${configPath}${values.trials !== undefined ? ` --trials ${config.trials}` : ''}`;
    const result = await runGate({ config, agentPath: io.agentPath, progress, runId: randomUUID(), reproduce, ...(io.signal ? { signal: io.signal } : {}) });
    const history = appendToHistory(values, result.report, config.root);
    return writeVerdict(io, values, result.report, result.reportDir, `${history ? `${history}\n` : ''}report: ${result.reportDir}/report.html (flame graph), report.md, report.json; profiles: ${result.reportDir}/profiles/\n`);
  },
};

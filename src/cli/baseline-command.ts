import { randomUUID } from 'node:crypto';
import { EXIT, type Command } from './command.js';
import { configFromOptions, MEASURE_OPTIONS, MEASURE_USAGE } from './shared-options.js';

export const baselineCommand: Command = {
  name: 'baseline',
  summary: 'measure the service and write the baseline file (refused if any request failed)',
  usage: MEASURE_USAGE,
  options: MEASURE_OPTIONS,
  async run(values, _positionals, io) {
    const { config } = await configFromOptions(values);
    const [{ runBaseline }, { consoleProgress }] = await Promise.all([import('../gate/gate.js'), import('../gate/progress.js')]);
    const progress = io.progress ?? consoleProgress(io.stderr);
    const baseline = await runBaseline({ config, agentPath: io.agentPath, progress, runId: randomUUID(), ...(io.signal ? { signal: io.signal } : {}) });
    const written = `perfgate: wrote the baseline ${config.baselinePath} (${baseline.trials.length} trials, commit ${baseline.commit ?? 'none'})\n`;
    if (values.json) {
      io.stderr.write(written);
      io.stdout.write(`${JSON.stringify({ baseline: config.baselinePath, trials: baseline.trials.length, commit: baseline.commit ?? null }, null, 2)}\n`);
    } else {
      io.stdout.write(written);
    }
    return EXIT.pass;
  },
};

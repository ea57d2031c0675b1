import { randomUUID } from 'node:crypto';
import { renderTerminal } from '../report/index.js';
import { runGate } from '../gate/gate.js';
import { consoleProgress } from '../gate/progress.js';
import { EXIT, exitCodeOf, type Command } from './command.js';
import { configFromOptions, MEASURE_OPTIONS, MEASURE_USAGE, stringOption } from './shared-options.js';
import { runShard } from '../gate/shard-run.js';
import { parseShard } from '../gate/shard-plan.js';

export const runCommand: Command = {
  name: 'run',
  summary: 'measure the service, compare with the baseline, report; exit 0 pass, 1 regression, 2 error',
  usage: `${MEASURE_USAGE}
      --shard I/N       run only the I-th of N shares of the pairs and write them to the output folder
                        for \`perfgate merge\` (no verdict; docs/sharding.md)`,
  options: { ...MEASURE_OPTIONS, shard: { type: 'string' } },
  async run(values, _positionals, io) {
    const { config, configPath } = configFromOptions(values);
    const progress = io.progress ?? consoleProgress(io.stderr);
    const reproduce = `npx perfgate run --config ${configPath}${values.trials !== undefined ? ` --trials ${config.trials}` : ''}`;
    const shard = stringOption(values, 'shard');
    if (shard !== undefined) {
      const result = await runShard({ config, agentPath: io.agentPath, progress, runId: randomUUID(), reproduce: `${reproduce} --shard ${shard}`, shard: parseShard('--shard', shard), service: configPath, ...(io.signal ? { signal: io.signal } : {}) });
      io.stdout.write(`shard ${shard}: pairs ${result.manifest.pairs.join(', ')} written to ${result.dir}/ (merge every shard's folder with \`perfgate merge\`)\n`);
      return EXIT.pass;
    }
    const result = await runGate({ config, agentPath: io.agentPath, progress, runId: randomUUID(), reproduce, ...(io.signal ? { signal: io.signal } : {}) });
    io.stdout.write(renderTerminal(result.report));
    io.stdout.write(`report: ${result.reportDir}/report.html (flame graph), report.md, report.json; profiles: ${result.reportDir}/profiles/\n`);
    return exitCodeOf(result.report.comparison.verdict.outcome);
  },
};

import { randomUUID } from 'node:crypto';
import { EXIT, type Command } from './command.js';
import { configFromOptions, MEASURE_OPTIONS, MEASURE_USAGE, stringOption } from './shared-options.js';
import { writeVerdict } from './verdict-output.js';
import { appendToHistory, HISTORY_OPTIONS, HISTORY_USAGE } from './history-option.js';

export const runCommand: Command = {
  name: 'run',
  summary: 'measure the service, compare with the baseline, report; exit 0 pass, 1 regression, 2 error',
  usage: `${MEASURE_USAGE}
      --shard I/N       run only the I-th of N shares of the pairs and write them to the output folder
                        for \`perfgate merge\` (no verdict; docs/sharding.md)
${HISTORY_USAGE}`,
  options: { ...MEASURE_OPTIONS, ...HISTORY_OPTIONS, shard: { type: 'string' } },
  async run(values, _positionals, io) {
    const { config, configPath } = await configFromOptions(values);
    const [{ runGate }, { consoleProgress }] = await Promise.all([import('../gate/gate.js'), import('../gate/progress.js')]);
    const progress = io.progress ?? consoleProgress(io.stderr);
    const baseRef = stringOption(values, 'base-ref');
    const reproduce = `npx perfgate run --config ${configPath}${values.trials !== undefined ? ` --trials ${config.trials}` : ''}${baseRef !== undefined ? ` --base-ref ${baseRef}` : ''}`;
    const shard = stringOption(values, 'shard');
    if (shard !== undefined) {
      const [{ runShard }, { parseShard }] = await Promise.all([import('../gate/shard-run.js'), import('../gate/shard-plan.js')]);
      const result = await runShard({ config, agentPath: io.agentPath, progress, runId: randomUUID(), reproduce: `${reproduce} --shard ${shard}`, shard: parseShard('--shard', shard), service: configPath, ...(io.signal ? { signal: io.signal } : {}) });
      io.stdout.write(`shard ${shard}: pairs ${result.manifest.pairs.join(', ')} written to ${result.dir}/ (merge every shard's folder with \`perfgate merge\`)\n`);
      return EXIT.pass;
    }
    const result = await runGate({ config, agentPath: io.agentPath, progress, runId: randomUUID(), reproduce, ...(io.signal ? { signal: io.signal } : {}) });
    const history = appendToHistory(values, result.report, config.root);
    return writeVerdict(io, values, result.report, result.reportDir, `${history ? `${history}\n` : ''}report: ${result.reportDir}/report.html (flame graph), report.md, report.json; profiles: ${result.reportDir}/profiles/\n`);
  },
};

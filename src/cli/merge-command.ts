import { resolve } from 'node:path';
import { renderTerminal } from '../report/index.js';
import { mergeShards } from '../gate/shard-merge.js';
import { exitCodeOf, type Command } from './command.js';
import { stringOption } from './shared-options.js';

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'combine the folders of `perfgate run --shard I/N` into one comparison, verdict and report',
  usage: `  -o, --output DIR      report folder (default: perfgate-report)
DIR… are the shard folders (each holds a shard.json); a failed or missing shard makes the
verdict inconclusive, and shards of other commits or settings are refused.`,
  options: { output: { type: 'string', short: 'o' } },
  positionals: { min: 1, max: 999, name: 'DIR…' },
  async run(values, positionals, io) {
    const output = resolve(stringOption(values, 'output') ?? 'perfgate-report');
    const result = mergeShards(positionals, output);
    io.stdout.write(renderTerminal(result.report));
    io.stdout.write(`report: ${result.reportDir}/report.html (flame graph), report.md, report.json; profiles: ${result.reportDir}/profiles/\n`);
    return exitCodeOf(result.report.comparison.verdict.outcome);
  },
};

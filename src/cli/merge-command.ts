import { resolve } from 'node:path';
import { exitCodeOf, type Command } from './command.js';
import { stringOption } from './shared-options.js';

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'combine the folders of `perfgate run --shard I/N` into one comparison, verdict and report (per service, and overall)',
  usage: `  -o, --output DIR      report folder (default: perfgate-report)
DIR… are the shard folders (each holds a shard.json); a failed or missing shard makes the
verdict inconclusive, and shards of other commits or settings are refused. Shards of several
services (configs) are merged per service into DIR/<service>/, with one report.md giving a
verdict per service and one overall; the exit code is the overall one.`,
  options: { output: { type: 'string', short: 'o' } },
  positionals: { min: 1, max: 999, name: 'DIR…' },
  async run(values, positionals, io) {
    const output = resolve(stringOption(values, 'output') ?? 'perfgate-report');
    // The gate's parts (autocannon among them) load when the command runs, not when perfgate starts.
    const [{ mergeServices }, { renderTerminal }] = await Promise.all([import('../gate/services-merge.js'), import('../report/index.js')]);
    const result = mergeServices(positionals, output);
    const several = result.services.length > 1;
    for (const s of result.services) {
      if (several) io.stdout.write(`\n== ${s.service} ==\n`);
      io.stdout.write(renderTerminal(s.report));
    }
    if (several) io.stdout.write(`\noverall (${result.services.length} services): ${result.outcome}\n`);
    io.stdout.write(`report: ${result.reportDir}/${several ? '<service>/' : ''}report.html (flame graph), report.md, report.json\n`);
    return exitCodeOf(result.outcome);
  },
};

import { resolve } from 'node:path';
import type { Command } from './command.js';
import { writeVerdict } from './verdict-output.js';

export const diffCommand: Command = {
  name: 'diff',
  summary: 'compare two pprof files (or two folders of trial profiles) with the gate\'s statistics and report',
  usage: `  BASELINE, CANDIDATE    a pprof file (.pb.gz), a folder with one file per trial, or a quoted
                         pattern such as 'perfgate-report/profiles/candidate-trial-*.pb.gz'
  -o, --output DIR       report folder (default: perfgate-diff)
      --sample-type T    sample type to compare (default: pprof's, the profile's default or last)
  -c, --config FILE      take the compare settings (alpha, floors, ignore) from this config
      --json             print the verdict as JSON on stdout (the report goes to stderr)

Exit code 0 pass, 1 regression, 2 error or inconclusive (always with one profile per side:
statistics need several trials).`,
  options: {
    output: { type: 'string', short: 'o' },
    'sample-type': { type: 'string' },
    config: { type: 'string', short: 'c' },
    json: { type: 'boolean' },
  },
  positionals: { min: 2, max: 2, name: 'BASELINE CANDIDATE' },
  async run(values, positionals, io) {
    const [baseline, candidate] = positionals as [string, string];
    const [{ loadConfig }, { compareSchema }, { runProfileDiff }] = await Promise.all([import('../config/index.js'), import('../config/schema.js'), import('../gate/profile-diff.js')]);
    const configPath = typeof values.config === 'string' ? values.config : undefined;
    const settings = configPath ? loadConfig(configPath).compare : compareSchema.parse({});
    const outputDir = resolve(typeof values.output === 'string' ? values.output : 'perfgate-diff');
    const sampleType = typeof values['sample-type'] === 'string' ? values['sample-type'] : undefined;
    const quote = (s: string) => (/^[\w./*@:+-]+$/.test(s) && !s.includes('*') ? s : `'${s.replace(/'/g, `'\\''`)}'`);
    const reproduce = ['npx perfgate diff', quote(baseline), quote(candidate), ...(sampleType ? ['--sample-type', quote(sampleType)] : []), ...(configPath ? ['--config', quote(configPath)] : [])].join(' ');
    const result = runProfileDiff({ baseline, candidate, outputDir, compare: settings, reproduce, ...(sampleType ? { sampleType } : {}) });
    return writeVerdict(
      io,
      values,
      result.report,
      result.reportDir,
      `report: ${result.reportDir}/report.md, report.json; merged profiles: ${result.reportDir}/profiles/ (go tool pprof -diff_base profiles/baseline.pb.gz profiles/candidate.pb.gz)\n`,
    );
  },
};

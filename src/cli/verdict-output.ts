import type { Report } from '../report/index.js';
import { colourEnabled, colourReport } from './colour.js';
import { exitCodeOf, type CliIo, type ExitCode, type OptionValues } from './command.js';

/**
 * What `run` and `diff` print: the terminal report (coloured on a terminal) and where the
 * files are; with --json, that goes to stderr and stdout carries only the verdict as JSON
 * (`{ verdict, exitCode, report }`), for scripts.
 */
export async function writeVerdict(io: CliIo, values: OptionValues, report: Report, reportDir: string, filesLine: string): Promise<ExitCode> {
  const { jsonText, renderTerminal } = await import('../report/index.js');
  const exitCode = exitCodeOf(report.comparison.verdict.outcome);
  const human = values.json ? io.stderr : io.stdout;
  human.write(colourReport(renderTerminal(report), report.comparison.verdict.outcome, colourEnabled(human, io.env ?? process.env)));
  human.write(filesLine);
  if (values.json) io.stdout.write(jsonText({ verdict: report.comparison.verdict, exitCode, report: `${reportDir}/report.json` }));
  return exitCode;
}

import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig, type ConfigOverrides } from './config/index.js';
import { PerfgateError, describeError, isPerfgateError } from './errors.js';
import { renderTerminal } from './report/index.js';
import { consoleProgress, type Progress } from './run/progress.js';
import { runBaseline, runGate } from './run/gate.js';
import { PERFGATE_VERSION } from './version.js';

export const EXIT = { pass: 0, regression: 1, error: 2 } as const;

const USAGE = `usage: perfgate <command> [options]

commands:
  run        measure the service, compare with the baseline, report; exit 0 pass, 1 regression, 2 error
  baseline   measure the service and write the baseline file

options:
  -c, --config FILE     perfgate.config.json (default: ./perfgate.config.json)
      --trials N        trials (fresh service processes) per side
      --requests N      measured requests per trial
      --warmup N        warm-up requests per trial
      --output DIR      report folder
      --baseline FILE   baseline file
  -h, --help            this help
  -v, --version         perfgate's version
`;

export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly agentPath: string;
  readonly signal?: AbortSignal;
  readonly progress?: Progress;
}

/** Parses the arguments, runs the command, and maps the outcome to an exit code. */
export async function cli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        config: { type: 'string', short: 'c' },
        trials: { type: 'string' },
        requests: { type: 'string' },
        warmup: { type: 'string' },
        output: { type: 'string' },
        baseline: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    io.stderr.write(`perfgate: ${describeError(error)}\n\n${USAGE}`);
    return EXIT.error;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout.write(`${PERFGATE_VERSION}\n`);
    return EXIT.pass;
  }
  const command = positionals[0];
  if (values.help || command === undefined || command === 'help') {
    (values.help || command === 'help' ? io.stdout : io.stderr).write(USAGE);
    return values.help || command === 'help' ? EXIT.pass : EXIT.error;
  }
  if (command !== 'run' && command !== 'baseline') {
    io.stderr.write(`perfgate: unknown command "${command}" (expected run or baseline)\n\n${USAGE}`);
    return EXIT.error;
  }
  if (positionals.length > 1) {
    io.stderr.write(`perfgate: unexpected argument "${positionals[1]}"\n`);
    return EXIT.error;
  }
  try {
    const overrides: ConfigOverrides = {
      ...(values.trials !== undefined ? { trials: integerOption('--trials', values.trials, 2) } : {}),
      ...(values.requests !== undefined ? { measureRequests: integerOption('--requests', values.requests, 1) } : {}),
      ...(values.warmup !== undefined ? { warmupRequests: integerOption('--warmup', values.warmup, 0) } : {}),
      ...(values.output !== undefined ? { output: values.output } : {}),
      ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
    };
    const configPath = values.config ?? 'perfgate.config.json';
    const config = loadConfig(configPath, overrides);
    const progress = io.progress ?? consoleProgress(io.stderr);
    const common = { config, agentPath: io.agentPath, progress, runId: randomUUID(), ...(io.signal ? { signal: io.signal } : {}) };
    if (command === 'baseline') {
      const baseline = await runBaseline(common);
      io.stdout.write(`perfgate: wrote the baseline ${config.baselinePath} (${baseline.trials.length} trials, commit ${baseline.commit ?? 'none'})\n`);
      return EXIT.pass;
    }
    const reproduce = `npx perfgate run --config ${configPath}${argv.includes('--trials') ? ` --trials ${config.trials}` : ''}`;
    const result = await runGate({ ...common, reproduce });
    io.stdout.write(renderTerminal(result.report));
    io.stdout.write(`report: ${result.reportDir}/report.md, report.json; profiles: ${result.reportDir}/profiles/\n`);
    switch (result.report.comparison.verdict.outcome) {
      case 'pass':
        return EXIT.pass;
      case 'fail':
      case 'fail-errors':
        return EXIT.regression;
      case 'inconclusive':
        return EXIT.error;
    }
  } catch (error) {
    if (isPerfgateError(error)) {
      io.stderr.write(`perfgate: ${error.message}\n`);
    } else {
      io.stderr.write(`perfgate: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    return EXIT.error;
  }
}

function integerOption(flag: string, raw: string, min: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min) {
    throw new PerfgateError('USAGE', `${flag} must be an integer >= ${min} (got "${raw}")`);
  }
  return value;
}

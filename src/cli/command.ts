import type { ParseArgsConfig } from 'node:util';
import type { Verdict } from '../analysis/index.js';
import type { Progress } from '../gate/progress.js';

export const EXIT = { pass: 0, regression: 1, error: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A verdict's exit code: 0 pass, 1 regression (in speed or in correctness), 2 inconclusive. */
export function exitCodeOf(outcome: Verdict['outcome']): ExitCode {
  switch (outcome) {
    case 'pass':
      return EXIT.pass;
    case 'fail':
    case 'fail-errors':
      return EXIT.regression;
    case 'inconclusive':
      return EXIT.error;
    default: {
      const unreachable: never = outcome;
      return unreachable;
    }
  }
}

export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** The environment colour follows (NO_COLOR, FORCE_COLOR, TERM); process.env when absent. */
  readonly env?: NodeJS.ProcessEnv;
  /** Absolute path of the agent bundle (dist/agent.cjs). */
  readonly agentPath: string;
  readonly signal?: AbortSignal;
  readonly progress?: Progress;
}

type Options = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

/** One `perfgate <name>` command: its flags, its help, and what it does. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Lines of help for its own options, shown by `perfgate <name> --help`. */
  readonly usage: string;
  readonly options: Options;
  /** Whether positional arguments (for example files) are accepted. */
  readonly positionals?: { readonly min: number; readonly max: number; readonly name: string };
  run(values: OptionValues, positionals: readonly string[], io: CliIo): Promise<ExitCode>;
}

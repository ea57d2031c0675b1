import { parseArgs } from 'node:util';
import { COMMANDS, EXIT, type CliIo } from './cli/index.js';
import { describeError, isPerfgateError } from './errors.js';
import { PERFGATE_VERSION } from './version.js';

export { EXIT, type CliIo };

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: perfgate <command> [options]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'perfgate <command> --help shows its options. -v, --version prints the version.',
    '',
  ].join('\n');
}

/** Picks the command, parses its flags, runs it, and maps every error to exit code 2. */
export async function cli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '-v' || name === '--version') {
    io.stdout.write(`${PERFGATE_VERSION}\n`);
    return EXIT.pass;
  }
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(usage());
    return name === undefined ? EXIT.error : EXIT.pass;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`perfgate: unknown command "${name}" (expected one of ${COMMANDS.map((c) => c.name).join(', ')})\n\n${usage()}`);
    return EXIT.error;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: { ...command.options, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    io.stderr.write(`perfgate ${command.name}: ${describeError(error)}\n\nusage: perfgate ${command.name} [options]\n${command.usage}\n`);
    return EXIT.error;
  }
  if (parsed.values.help) {
    io.stdout.write(`usage: perfgate ${command.name} [options]${command.positionals ? ` ${command.positionals.name}` : ''}\n\n${command.summary}\n\n${command.usage}\n`);
    return EXIT.pass;
  }
  const allowed = command.positionals ?? { min: 0, max: 0, name: '' };
  if (parsed.positionals.length < allowed.min || parsed.positionals.length > allowed.max) {
    io.stderr.write(
      `perfgate ${command.name}: expected ${allowed.min === allowed.max ? allowed.min : `${allowed.min} to ${allowed.max}`} argument(s)${allowed.name ? ` (${allowed.name})` : ''}, got ${parsed.positionals.length}\n`,
    );
    return EXIT.error;
  }
  try {
    return await command.run(parsed.values, parsed.positionals, io);
  } catch (error) {
    if (isPerfgateError(error)) io.stderr.write(`perfgate: ${error.message}\n`);
    else io.stderr.write(`perfgate: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.error;
  }
}

import { baselineCommand } from './baseline.js';
import type { Command } from './command.js';
import { commentCommand } from './comment.js';
import { diffCommand } from './diff.js';
import { importHarCommand } from './import-har.js';
import { recordCommand } from './record.js';
import { replayCommand } from './replay.js';
import { runCommand } from './run.js';

/** Every `perfgate <command>`, in the order `perfgate --help` lists them. */
export const COMMANDS: readonly Command[] = [runCommand, baselineCommand, diffCommand, recordCommand, importHarCommand, replayCommand, commentCommand];

export { EXIT, type CliIo, type Command, type ExitCode } from './command.js';

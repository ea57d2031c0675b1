import { baselineCommand } from './baseline-command.js';
import type { Command } from './command.js';
import { commentCommand } from './comment-command.js';
import { diffCommand } from './diff-command.js';
import { historyCommand } from './history-command.js';
import { importHarCommand } from './import-har-command.js';
import { mergeCommand } from './merge-command.js';
import { recordCommand } from './record-command.js';
import { replayCommand } from './replay-command.js';
import { runCommand } from './run-command.js';

/** Every `perfgate <command>`, in the order `perfgate --help` lists them. */
export const COMMANDS: readonly Command[] = [runCommand, baselineCommand, mergeCommand, diffCommand, recordCommand, importHarCommand, replayCommand, commentCommand, historyCommand];

export { EXIT, type CliIo, type Command, type ExitCode } from './command.js';

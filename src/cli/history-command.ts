import { join, resolve } from 'node:path';
import { PerfgateError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { branchRecords, historyPage, historySteps, historySvg, readHistoryFile, unflaggedRises } from '../history/index.js';
import { EXIT, type Command } from './command.js';

export const historyCommand: Command = {
  name: 'history',
  summary: 'the trend of a history file (perfgate run --history): history.html, history.svg and the steps found',
  usage: `  FILE                   an NDJSON history written by perfgate run --history
  -o, --output DIR       where history.html and history.svg go (default: perfgate-history)
      --branch NAME      the branch to chart (default: the one most runs belong to)

Exit code 0, or 2 when the file cannot be read.`,
  options: {
    output: { type: 'string', short: 'o' },
    branch: { type: 'string' },
  },
  positionals: { min: 1, max: 1, name: 'FILE' },
  async run(values, positionals, io) {
    const file = resolve(positionals[0]!);
    const all = readHistoryFile(file);
    if (all.length === 0) throw new PerfgateError('HISTORY_INVALID', `${positionals[0]}: no runs in it (or no such file); write one with perfgate run --history ${positionals[0]}`);
    const { branch, records } = branchRecords(all, typeof values.branch === 'string' ? values.branch : undefined);
    if (records.length === 0) throw new PerfgateError('USAGE', `--branch ${String(values.branch)}: no run of that branch in ${positionals[0]} (branches: ${[...new Set(all.map((r) => r.branch ?? '(none)'))].join(', ')})`);
    const steps = historySteps(records);
    const dir = resolve(typeof values.output === 'string' ? values.output : 'perfgate-history');
    writeFileAtomic(join(dir, 'history.svg'), `<?xml version="1.0" encoding="UTF-8"?>\n${historySvg(records, steps)}\n`);
    writeFileAtomic(join(dir, 'history.html'), historyPage(records, steps, branch));
    io.stdout.write(`${records.length} run(s)${branch ? ` of ${branch}` : ''}; ${steps.length === 0 ? 'no step found' : `${steps.length} step(s)`}\n`);
    for (const s of steps) {
      io.stdout.write(`step: CPU per request ${s.change >= 0 ? '+' : ''}${(s.change * 100).toFixed(1)}% from ${s.commit ?? `run ${s.index + 1}`} (p ${s.p.toFixed(3)})${s.gateFailed ? '' : ', which the gate did not fail'}\n`);
    }
    if (unflaggedRises(steps).length > 0) io.stdout.write('warning: CPU per request rose in a step no gate run failed: a regression that crept in below the per-PR threshold\n');
    io.stdout.write(`history: ${join(dir, 'history.html')}, ${join(dir, 'history.svg')}\n`);
    return EXIT.pass;
  },
};

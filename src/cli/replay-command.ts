import { PerfgateError } from '../errors.js';
import type { ReplayStats } from '../replay/index.js';
import type { textTable as TextTable } from '../report/text-table.js';
import { EXIT, type Command } from './command.js';
import { count } from './count.js';

const SUBCOMMANDS = ['validate', 'stats'] as const;

export const replayCommand: Command = {
  name: 'replay',
  summary: 'check a replay file (validate FILE: every bad line) or show its mix (stats FILE: by method and route)',
  usage: `  validate FILE   list every bad line (line number, field, what was expected); exit 0 when valid, 2 when not
  stats FILE      requests by method and by route, recorded statuses, redaction placeholders
      --json      stats as JSON`,
  options: { json: { type: 'boolean' } },
  positionals: { min: 2, max: 2, name: `${SUBCOMMANDS.join('|')} FILE` },
  async run(values, positionals, io) {
    const [sub, file] = positionals as [string, string];
    if (!(SUBCOMMANDS as readonly string[]).includes(sub)) {
      throw new PerfgateError('USAGE', `replay: unknown subcommand "${sub}" (expected one of ${SUBCOMMANDS.join(', ')})`);
    }
    const [{ checkReplay, readReplayText, replayStats }, { textTable }] = await Promise.all([import('../replay/index.js'), import('../report/text-table.js')]);
    const check = checkReplay(readReplayText(file), file);
    for (const warning of check.warnings) io.stderr.write(`warning: ${warning}\n`);
    if (sub === 'validate') {
      for (const problem of check.problems) io.stdout.write(`${file}:${problem.line}: ${problem.message}\n`);
      if (check.problems.length > 0) {
        io.stdout.write(`${file}: ${count(check.problems.length, 'bad line')}, ${check.requests.length} good\n`);
        return EXIT.error;
      }
      if (check.requests.length === 0) throw new PerfgateError('REPLAY_INVALID', `${file}: no requests (the file is empty; expected one JSON request per line)`);
      io.stdout.write(`${file}: valid, ${count(check.requests.length, 'request')}\n`);
      return EXIT.pass;
    }
    if (check.problems.length > 0) {
      throw new PerfgateError('REPLAY_INVALID', `${file}: ${check.problems.length} bad lines (the first: line ${check.problems[0]!.line}: ${check.problems[0]!.message}); run \`perfgate replay validate ${file}\``);
    }
    const stats = replayStats(check.requests);
    io.stdout.write(values.json ? `${JSON.stringify(stats, null, 2)}\n` : renderStats(file, stats, textTable));
    return EXIT.pass;
  },
};

function renderStats(file: string, stats: ReplayStats, textTable: typeof TextTable): string {
  const share = (n: number) => `${((n / Math.max(1, stats.requests)) * 100).toFixed(1)}%`;
  const out = [`${file}: ${count(stats.requests, 'request')}`, ''];
  out.push(
    ...textTable(
      ['method', 'requests', 'share'],
      Object.entries(stats.methods)
        .sort((a, b) => b[1] - a[1])
        .map(([method, n]) => [method, String(n), share(n)]),
      { alignNumbers: true },
    ),
    '',
  );
  out.push(
    ...textTable(
      ['route', 'requests', 'share', 'recorded status', 'body bytes', 'median recorded ms'],
      stats.routes.map((r) => [
        r.route,
        String(r.requests),
        share(r.requests),
        Object.entries(r.statuses)
          .sort((a, b) => b[1] - a[1])
          .map(([status, n]) => `${status} ×${n}`)
          .join(', '),
        String(r.bodyBytes),
        r.medianDurationMs === undefined ? '' : r.medianDurationMs.toFixed(1),
      ]),
      { alignNumbers: true },
    ),
    '',
  );
  out.push(`${stats.withStatus} of ${stats.requests} requests carry a recorded status (checked on replay).`);
  if (stats.withPlaceholders > 0) {
    out.push(`${stats.withPlaceholders} requests carry redaction placeholders; map them to test credentials with redaction.substitute (docs/redaction.md).`);
  }
  return `${out.join('\n')}\n`;
}

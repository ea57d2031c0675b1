import { readFileSync } from 'node:fs';
import { PerfgateError, describeError } from '../errors.js';
import type { HarFilter, ReplayRecord } from '../replay/index.js';
import { EXIT, type Command } from './command.js';
import { count } from './count.js';
import { REDACTION_OPTIONS, REDACTION_USAGE, listOption, redactionFromOptions, refuseExisting } from './redaction-options.js';

export const importHarCommand: Command = {
  name: 'import-har',
  summary: 'convert HAR 1.2 files (browser dev tools, Playwright, proxies) into a replay file, secrets redacted',
  usage: `  -o, --out FILE          the replay file to write (NDJSON)
      --host NAME         only entries for this host (repeatable; *.example.com, host:port)
      --method M          only these methods (repeatable or comma-separated)
      --path-prefix P     only paths starting with P (repeatable)
      --path-pattern RE   only paths (with query) matching the regular expression RE (repeatable)
      --status S          only responses with this status: 200, 2xx or 200-299 (repeatable or comma-separated)
      --force             overwrite FILE if it exists
${REDACTION_USAGE}`,
  options: {
    out: { type: 'string', short: 'o' },
    host: { type: 'string', multiple: true },
    method: { type: 'string', multiple: true },
    'path-prefix': { type: 'string', multiple: true },
    'path-pattern': { type: 'string', multiple: true },
    status: { type: 'string', multiple: true },
    force: { type: 'boolean' },
    ...REDACTION_OPTIONS,
  },
  positionals: { min: 1, max: 1000, name: 'FILE.har…' },
  async run(values, positionals, io) {
    const out = typeof values.out === 'string' ? values.out : undefined;
    if (out === undefined) throw new PerfgateError('USAGE', 'import-har: --out FILE is required (the replay file to write)');
    if (!values.force) refuseExisting(out, '--force');
    const [{ writeFileAtomic }, { createRedactor, formatReplayLine, importHar, parseReplay, statusMatcher }] = await Promise.all([import('../fs/atomic-write.js'), import('../replay/index.js')]);
    const filter: HarFilter = {
      hosts: listOption(values.host),
      methods: listOption(values.method),
      pathPrefixes: listOption(values['path-prefix']),
      pathPatterns: listOption(values['path-pattern']).map((source) => {
        try {
          return new RegExp(source);
        } catch (error) {
          throw new PerfgateError('USAGE', `--path-pattern: not a regular expression (${describeError(error)}; got ${JSON.stringify(source)})`);
        }
      }),
      statuses: listOption(values.status).map((s) => (statusMatcher(s), s)),
    };
    const redactor = createRedactor(await redactionFromOptions(values));
    const records: ReplayRecord[] = [];
    let skipped = 0;
    for (const file of positionals) {
      const imported = importHar(readHar(file), file, filter);
      for (const warning of imported.warnings) io.stderr.write(`warning: ${warning}\n`);
      skipped += imported.skipped.length;
      for (const record of imported.records) records.push(redactor.redact(record));
    }
    if (records.length === 0) {
      throw new PerfgateError('HAR_INVALID', `no entries to import from ${positionals.join(', ')} (${skipped} left out by the filters or not replayable); nothing written`);
    }
    const text = records.map(formatReplayLine).join('');
    // What we write must read back: a bug here should stop the import, not a later gate run.
    parseReplay(text, out);
    writeFileAtomic(out, text);
    io.stdout.write(
      `perfgate: wrote ${count(records.length, 'request')} to ${out}` +
        (skipped > 0 ? ` (${count(skipped, 'entry', 'entries')} left out)` : '') +
        `; ${count(redactor.replaced, 'secret value')} redacted as ${count(redactor.placeholders, 'placeholder')}\n`,
    );
    return EXIT.pass;
  },
};

function readHar(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PerfgateError('HAR_INVALID', `${file}: cannot read the HAR file (${describeError(error)})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new PerfgateError('HAR_INVALID', `${file}: not valid JSON (${describeError(error)}); a HAR file is one JSON document`);
  }
}

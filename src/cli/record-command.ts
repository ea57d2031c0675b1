import { PerfgateError } from '../errors.js';
import type { RecordingProxy } from '../replay/index.js';
import { EXIT, type Command } from './command.js';
import { count } from './count.js';
import { REDACTION_OPTIONS, REDACTION_USAGE, redactionFromOptions, refuseExisting } from './redaction-options.js';
import { integerOption, stringOption } from './shared-options.js';

const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
// Long enough for ordinary requests in flight to finish after Ctrl-C, short enough not to hang.
const STOP_GRACE_MS = 5_000;

export const recordCommand: Command = {
  name: 'record',
  summary: 'a recording reverse proxy: forwards traffic to the service and appends each exchange to a replay file',
  usage: `      --upstream URL      the service to forward to, such as http://127.0.0.1:3000 (required)
      --listen HOST:PORT  where the proxy listens (default 127.0.0.1:8080; port 0 picks a free one)
  -o, --out FILE          the replay file to append to (required)
      --max-requests N    stop after recording N exchanges
      --duration SECONDS  stop after this long
      --max-body BYTES    record request bodies up to this size (default ${DEFAULT_MAX_BODY_BYTES}); larger ones are forwarded, not recorded
      --append            add to an existing FILE
      --force             replace an existing FILE
${REDACTION_USAGE}
Ctrl-C (SIGINT) or SIGTERM also stops it; the file is complete and valid whichever way it ends.`,
  options: {
    upstream: { type: 'string' },
    listen: { type: 'string' },
    out: { type: 'string', short: 'o' },
    'max-requests': { type: 'string' },
    duration: { type: 'string' },
    'max-body': { type: 'string' },
    append: { type: 'boolean' },
    force: { type: 'boolean' },
    ...REDACTION_OPTIONS,
  },
  async run(values, _positionals, io) {
    const text = (name: string) => stringOption(values, name);
    const upstreamText = text('upstream');
    const out = text('out');
    if (upstreamText === undefined) throw new PerfgateError('USAGE', 'record: --upstream URL is required (the service to forward to, such as http://127.0.0.1:3000)');
    if (out === undefined) throw new PerfgateError('USAGE', 'record: --out FILE is required (the replay file to write)');
    if (values.append && values.force) throw new PerfgateError('USAGE', 'record: --append and --force contradict each other; pick one');
    const upstream = parseUpstream(upstreamText);
    const { host, port } = parseListen(text('listen') ?? '127.0.0.1:8080');
    const maxRequests = text('max-requests') !== undefined ? integerOption('--max-requests', text('max-requests')!, 1) : undefined;
    const durationMs = text('duration') !== undefined ? secondsOption('--duration', text('duration')!) : undefined;
    const maxBodyBytes = text('max-body') !== undefined ? integerOption('--max-body', text('max-body')!, 0) : DEFAULT_MAX_BODY_BYTES;
    const [{ createRedactor, formatReplayLine, RecordingProxy, ReplayAppender }, { consoleProgress }] = await Promise.all([import('../replay/index.js'), import('../gate/progress.js')]);
    const redactor = createRedactor(await redactionFromOptions(values));
    if (!values.append && !values.force) refuseExisting(out, '--append (add to it) or --force');

    const progress = io.progress ?? consoleProgress(io.stderr);
    const appender = ReplayAppender.open(out, { truncate: Boolean(values.force), onWarning: (w) => progress.line(`warning: ${w}`) });
    const skipReasons = new Map<string, number>();
    let stop: (why: string) => void = () => undefined;
    const stopped = new Promise<string>((resolve) => (stop = resolve));
    let proxy: RecordingProxy;
    try {
      proxy = await RecordingProxy.start({
        upstream,
        host,
        port,
        maxBodyBytes,
        ...(maxRequests !== undefined ? { maxRequests } : {}),
        onRecord: (record) => {
          appender.append(formatReplayLine(redactor.redact(record)));
          progress.status(`recorded ${count(appender.lines, 'exchange')}`);
        },
        onSkip: (reason) => skipReasons.set(reason, (skipReasons.get(reason) ?? 0) + 1),
        onLimit: () => stop(`recorded ${count(maxRequests ?? 0, 'exchange')} (--max-requests)`),
      });
    } catch (error) {
      appender.close();
      throw error;
    }
    progress.line(`perfgate record: listening on ${proxy.origin.origin}, forwarding to ${upstream.origin}${upstream.pathname === '/' ? '' : upstream.pathname}; appending to ${out} (Ctrl-C to stop)`);
    const timer = durationMs !== undefined ? setTimeout(() => stop(`${durationMs / 1000} s passed (--duration)`), durationMs) : undefined;
    const onAbort = () => stop(`${String(io.signal?.reason ?? 'signal')} received`);
    if (io.signal?.aborted) onAbort();
    io.signal?.addEventListener('abort', onAbort, { once: true });
    const why = await stopped;
    if (timer) clearTimeout(timer);
    io.signal?.removeEventListener('abort', onAbort);
    try {
      await proxy.stop(STOP_GRACE_MS);
    } finally {
      appender.close();
    }
    const notRecorded = [...skipReasons].map(([reason, n]) => `${n} × ${reason}`);
    io.stdout.write(
      `perfgate: stopped (${why}); recorded ${count(appender.lines, 'exchange')} to ${out}; ` +
        `${count(redactor.replaced, 'secret value')} redacted as ${count(redactor.placeholders, 'placeholder')}` +
        (notRecorded.length > 0 ? `; not recorded: ${notRecorded.join('; ')}` : '') +
        '\n',
    );
    return EXIT.pass;
  },
};

function parseUpstream(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new PerfgateError('USAGE', `--upstream: expected a URL such as http://127.0.0.1:3000 (got ${JSON.stringify(text)})`);
  }
  if (url.search !== '' || url.hash !== '') throw new PerfgateError('USAGE', `--upstream: expected no query or fragment (got ${JSON.stringify(text)})`);
  return url;
}

function parseListen(text: string): { host: string; port: number } {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:]+)):(\d{1,5})$/.exec(text) ?? /^()()(\d{1,5})$/.exec(text);
  const port = match ? Number(match[3]) : NaN;
  if (!match || port > 65535) throw new PerfgateError('USAGE', `--listen: expected HOST:PORT such as 127.0.0.1:8080 (got ${JSON.stringify(text)})`);
  return { host: match[1] || match[2] || '127.0.0.1', port };
}

function secondsOption(flag: string, raw: string): number {
  const seconds = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || !(seconds > 0)) throw new PerfgateError('USAGE', `${flag} must be a number of seconds > 0 (got "${raw}")`);
  return seconds * 1000;
}

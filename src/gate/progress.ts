/**
 * Where perfgate tells people what it is doing. Progress goes to stderr so stdout stays
 * the report; inside GitHub Actions each phase is a collapsible log group.
 */
export interface Progress {
  phase<T>(title: string, work: () => Promise<T>): Promise<T>;
  line(text: string): void;
  /** Overwrites the current line on a terminal; throttled to a line every few seconds elsewhere. */
  status(text: string): void;
}

export function consoleProgress(stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr, env: NodeJS.ProcessEnv = process.env): Progress {
  const inActions = env.GITHUB_ACTIONS === 'true';
  const tty = Boolean(stream.isTTY) && !inActions;
  let lastStatusAt = 0;
  let statusShown = false;
  const clearStatus = () => {
    if (tty && statusShown) stream.write('\r\x1b[2K');
    statusShown = false;
  };
  return {
    async phase(title, work) {
      clearStatus();
      stream.write(inActions ? `::group::${title}\n` : `▸ ${title}\n`);
      try {
        return await work();
      } finally {
        clearStatus();
        if (inActions) stream.write('::endgroup::\n');
      }
    },
    line(text) {
      clearStatus();
      stream.write(`${text}\n`);
    },
    status(text) {
      if (tty) {
        stream.write(`\r\x1b[2K  ${text}`);
        statusShown = true;
        return;
      }
      const now = Date.now();
      if (now - lastStatusAt >= 2_000) {
        lastStatusAt = now;
        stream.write(`  ${text}\n`);
      }
    },
  };
}

export const silentProgress: Progress = {
  phase: (_title, work) => work(),
  line: () => undefined,
  status: () => undefined,
};

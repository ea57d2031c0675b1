import { closeSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { PerfgateError, describeError } from '../errors.js';

/**
 * Appends whole lines to a replay file. The file is opened with O_APPEND and each line
 * goes out in one write call, so a crash or a kill can leave at most one cut-off last
 * line (which the reader skips with a warning), never a line spliced into another.
 */
export class ReplayAppender {
  private fd: number | undefined;
  lines = 0;

  private constructor(
    readonly path: string,
    fd: number,
  ) {
    this.fd = fd;
  }

  /**
   * Opens `path` for appending, creating it (and its folder) if needed. `truncate` empties
   * it first. A file whose last line was cut off is trimmed back to its last newline, and
   * `onWarning` says so.
   */
  static open(path: string, options: { truncate: boolean; onWarning?: (warning: string) => void }): ReplayAppender {
    let fd: number;
    try {
      mkdirSync(dirname(path), { recursive: true });
      fd = openSync(path, 'a+');
      if (options.truncate) ftruncateSync(fd, 0);
      else trimPartialLine(fd, path, options.onWarning);
    } catch (error) {
      throw new PerfgateError('RECORD_FAILED', `${path}: cannot open the replay file for appending (${describeError(error)})`);
    }
    return new ReplayAppender(path, fd);
  }

  /** Appends one line (which must end with "\n"). */
  append(line: string): void {
    if (this.fd === undefined) throw new PerfgateError('RECORD_FAILED', `${this.path}: written after it was closed`);
    const bytes = Buffer.from(line, 'utf8');
    let written = writeSync(this.fd, bytes);
    // Regular files take the whole buffer in one write; loop only for the exotic short write.
    while (written < bytes.length) written += writeSync(this.fd, bytes, written);
    this.lines += 1;
  }

  /** Flushes to disk and closes; safe to call twice. */
  close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

function trimPartialLine(fd: number, path: string, onWarning?: (warning: string) => void): void {
  const size = fstatSync(fd).size;
  if (size === 0) return;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  if (last[0] === 0x0a) return;
  // Read backwards in blocks until the last newline: the length to keep.
  const block = Buffer.alloc(64 * 1024);
  let end = size;
  let keep = 0;
  while (end > 0) {
    const start = Math.max(0, end - block.length);
    const read = readSync(fd, block, 0, end - start, start);
    const at = block.subarray(0, read).lastIndexOf(0x0a);
    if (at >= 0) {
      keep = start + at + 1;
      break;
    }
    end = start;
  }
  ftruncateSync(fd, keep);
  onWarning?.(`${path}: its last line was cut off (${size - keep} bytes without a newline); removed before appending`);
}

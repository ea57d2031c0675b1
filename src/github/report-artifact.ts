import { lstatSync, openSync, readSync, closeSync, realpathSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { PerfgateError, describeError } from '../errors.js';
import { untrustedReportSchema, type Report } from '../report/index.js';
import { valueAt } from '../value-at.js';

/** A report.json is a few hundred KiB even for large services; anything far bigger is refused unread. */
export const MAX_ARTIFACT_REPORT_BYTES = 8 * 1024 * 1024;
export const ARTIFACT_REPORT_FILE = 'report.json';

/**
 * Reads report.json from a downloaded artifact folder, refusing symlinks, anything that
 * resolves outside the folder, files over the size cap and content that fails the schema.
 */
export function readReportArtifact(folder: string): Report {
  let realFolder: string;
  try {
    realFolder = realpathSync(folder);
  } catch (error) {
    throw new PerfgateError('ARTIFACT_INVALID', `${folder}: the artifact folder cannot be read (${describeError(error)}); did the download step run?`);
  }
  return readReportFile(join(folder, ARTIFACT_REPORT_FILE), realFolder);
}

/** Reads and validates a report.json; with `within`, the file must resolve inside that folder. */
export function readReportFile(path: string, within?: string): Report {
  let stat;
  try {
    stat = lstatSync(path);
  } catch (error) {
    throw new PerfgateError('ARTIFACT_INVALID', `${path}: cannot read the report (${describeError(error)})`);
  }
  if (!stat.isFile()) throw new PerfgateError('ARTIFACT_INVALID', `${path}: expected a regular file (got a ${stat.isSymbolicLink() ? 'symbolic link' : 'folder or device'}); refusing to follow it`);
  if (within !== undefined) {
    const inside = relative(within, realpathSync(path));
    if (inside.startsWith('..') || isAbsolute(inside)) throw new PerfgateError('ARTIFACT_INVALID', `${path}: resolves outside the artifact folder`);
  }
  if (stat.size > MAX_ARTIFACT_REPORT_BYTES) {
    throw new PerfgateError('ARTIFACT_INVALID', `${path}: ${stat.size} bytes, over the ${MAX_ARTIFACT_REPORT_BYTES}-byte cap for a report`);
  }
  const text = readCappedBytes(path, MAX_ARTIFACT_REPORT_BYTES).toString('utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new PerfgateError('ARTIFACT_INVALID', `${path}: not valid JSON (${describeError(error)})`);
  }
  const parsed = untrustedReportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const found = valueAt(raw, issue.path);
    const got = typeof found === 'object' && found !== null ? undefined : found;
    const shown = got === undefined ? '' : ` (got ${JSON.stringify(got)?.slice(0, 80) ?? String(got)})`;
    throw new PerfgateError('ARTIFACT_INVALID', `${path}: ${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}${shown}`);
  }
  return parsed.data;
}

/** Reads at most `max` bytes, however the file changes between stat and read. */
export function readCappedBytes(path: string, max: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(max + 1);
    let length = 0;
    while (length <= max) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > max) throw new PerfgateError('ARTIFACT_INVALID', `${path}: over the ${max}-byte cap for an artifact file`);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { HistoryRecord } from './history-record.js';
import { parseHistory, serializeHistory } from './history-schema.js';

/** The default bound of a history file: about four years of daily runs, under a megabyte a hundred records. */
export const DEFAULT_MAX_RECORDS = 1000;

/** The records of a history file; none when it does not exist yet. */
export function readHistoryFile(path: string): HistoryRecord[] {
  return existsSync(path) ? parseHistory(readFileSync(path, 'utf8'), path) : [];
}

/** The records after one more, the oldest dropped beyond `maxRecords`, and how many were dropped. */
export function appendRecord(records: readonly HistoryRecord[], record: HistoryRecord, maxRecords: number): { records: HistoryRecord[]; dropped: number } {
  const all = [...records, record];
  const dropped = Math.max(0, all.length - maxRecords);
  return { records: all.slice(dropped), dropped };
}

/**
 * Appends a run to a history file, rewriting it atomically (a reader or a crash sees the
 * old file or the new one, never half a line), and drops the oldest records beyond
 * `maxRecords`. Returns how many there are now and how many were dropped.
 */
export function appendHistoryFile(path: string, record: HistoryRecord, maxRecords = DEFAULT_MAX_RECORDS): { count: number; dropped: number } {
  const next = appendRecord(readHistoryFile(path), record, maxRecords);
  writeFileAtomic(path, serializeHistory(next.records));
  return { count: next.records.length, dropped: next.dropped };
}

import { resolve } from 'node:path';
import { appendHistoryFile, currentRunContext, DEFAULT_MAX_RECORDS, historyRecord } from '../history/index.js';
import type { Report } from '../report/index.js';
import type { OptionValues } from './command.js';
import { integerOption } from './shared-options.js';

export const HISTORY_OPTIONS = {
  history: { type: 'string' },
  'history-max': { type: 'string' },
} as const;

export const HISTORY_USAGE = `      --history FILE    append this run to an NDJSON history (perfgate history FILE charts it)
      --history-max N   runs the history keeps, the oldest dropped (default: ${DEFAULT_MAX_RECORDS})`;

/** Appends the run to --history FILE when given; returns the line to print, or null. */
export function appendToHistory(values: OptionValues, report: Report, root: string): string | null {
  if (typeof values.history !== 'string') return null;
  const max = typeof values['history-max'] === 'string' ? integerOption('--history-max', values['history-max'], 1) : DEFAULT_MAX_RECORDS;
  const path = resolve(values.history);
  const { count, dropped } = appendHistoryFile(path, historyRecord(report, currentRunContext(root)), max);
  return `history: run ${count} of ${values.history}${dropped > 0 ? `; dropped the ${dropped} oldest (keeps ${max}: --history-max)` : ''}`;
}

import { z } from 'zod';
import { PerfgateError } from '../errors.js';
import { HISTORY_SCHEMA, HISTORY_VERSION, type HistoryRecord } from './history-record.js';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
// JSON has no Infinity: a minimum detectable change that no run could reach is written as the string.
const relative = z.union([finite, z.literal('Infinity').transform(() => Number.POSITIVE_INFINITY)]);
const estimate = z.object({ change: relative, low: relative, high: relative, minimumDetectable: relative });
const record = z.object({
  schema: z.literal(HISTORY_SCHEMA),
  version: z.literal(HISTORY_VERSION),
  commit: z.string().max(64).nullable(),
  parent: z.string().max(64).nullable(),
  branch: z.string().max(300).nullable(),
  date: z.iso.datetime(),
  verdict: z.enum(['pass', 'fail', 'fail-errors', 'inconclusive']),
  diffScore: z.object({ cpu: estimate, allocatedBytes: estimate.nullable() }).nullable(),
  cpuMicrosPerRequest: z.object({ median: finite, low: finite, high: finite, coverage: finite }),
  allocatedBytesPerRequest: finite.nullable(),
  throughputRps: finite,
  latencyP95Ms: finite,
  functions: z.array(z.object({ key: z.string().max(4096), name: z.string().max(4096), file: z.string().max(4096), selfNanosPerRequest: finite, totalNanosPerRequest: finite })).max(100),
  environment: z.object({
    nodeVersion: z.string(),
    v8Version: z.string(),
    platform: z.string(),
    arch: z.string(),
    cpuModel: z.string(),
    cpuCount: z.number().int(),
    perfgateVersion: z.string(),
  }),
  runUrl: z.string().max(2000).nullable(),
});

// Breaks the build when HistoryRecord gains a field this schema does not check.
const assignable: (r: z.output<typeof record>) => HistoryRecord = (r) => r;
void assignable;

/**
 * The records of a history file (NDJSON, one run a line; blank lines allowed). A line that
 * is not a record stops the read with its line number and the field at fault: a history is
 * appended to, and appending after a line nobody can read would bury it.
 */
export function parseHistory(text: string, source: string): HistoryRecord[] {
  const records: HistoryRecord[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new PerfgateError('HISTORY_INVALID', `${source}:${i + 1}: not JSON (${(error as Error).message})`);
    }
    const parsed = record.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new PerfgateError('HISTORY_INVALID', `${source}:${i + 1}: ${issue.path.join('.') || '(record)'}: ${issue.message}`);
    }
    records.push(parsed.data);
  });
  return records;
}

/** NDJSON, one record a line, Infinity written as a string. */
export function serializeHistory(records: readonly HistoryRecord[]): string {
  return records.map((r) => JSON.stringify(r, (_key, value: unknown) => (value === Number.POSITIVE_INFINITY ? 'Infinity' : value)) + '\n').join('');
}

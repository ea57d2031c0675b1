import { lstatSync, openSync, readSync, closeSync, realpathSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { z } from 'zod';
import { compareSchema } from '../config/schema.js';
import { PerfgateError, describeError } from '../errors.js';
import { REPORT_SCHEMA, REPORT_VERSION, type Report } from '../report/index.js';

/** A report.json is a few hundred KiB even for large services; anything far bigger is refused unread. */
export const MAX_ARTIFACT_REPORT_BYTES = 8 * 1024 * 1024;
export const ARTIFACT_REPORT_FILE = 'report.json';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
// report.json writes ±Infinity as strings (JSON has no such numbers) and NaN as null.
const ratio = z.union([finite, z.literal('Infinity').transform(() => Number.POSITIVE_INFINITY), z.literal('-Infinity').transform(() => Number.NEGATIVE_INFINITY)]);
const count = z.number().int().min(0);
const share = finite;
const outcome = z.enum(['regressed', 'improved', 'unchanged', 'inconclusive']);
// Text that the markdown puts outside escaping (code spans, plain figures) is held to a narrow alphabet.
const commit = z.string().regex(/^[0-9a-f]{7,64}$/, 'expected a hex commit id').nullable();
const plainText = (max: number) => z.string().max(max).regex(/^[^`<>@\r\n\\[\]|]*$/, 'expected plain text without `, <, >, @, [, ], |, \\ or line breaks');
const freeText = (max: number) => z.string().max(max);

// Keys of records are function keys from profiles: any text, but never one that would set a prototype.
const functionKey = z.string().max(4096).refine((key) => key !== '__proto__', 'expected a function key');
const requestCounts = z.object({ requests: count, errors: count, statusMismatches: count, non2xx: count });
const metric = z.object({
  baseline: z.array(finite).max(1000),
  candidate: z.array(finite).max(1000),
  baselineMedian: finite,
  candidateMedian: finite,
  ratio,
  ci: z.object({ low: ratio, high: ratio }),
  p: finite,
  q: finite,
  outcome,
  widenedBy: finite.optional(),
  attributionJumps: z.literal(true).optional(),
});
const finding = z.object({
  key: freeText(4096),
  name: freeText(4096),
  file: freeText(4096),
  presence: z.enum(['both', 'added', 'gone']),
  outcome,
  self: metric,
  total: metric,
  perRequestNanos: z.object({ baseline: z.object({ self: finite, total: finite }), candidate: z.object({ self: finite, total: finite }) }),
  allocations: metric.optional(),
  allocationsPerRequest: z.object({ baseline: z.object({ bytes: finite, objects: finite }), candidate: z.object({ bytes: finite, objects: finite }) }).optional(),
});
const paired = z.object({ metric: z.literal('cpuMicrosPerRequest'), ratios: z.array(finite).max(1000), ratio, ci: z.object({ low: ratio, high: ratio }), p: finite, outcome });
const routeMismatch = z.object({
  side: z.enum(['baseline', 'candidate']),
  route: freeText(500),
  count: count,
  responses: count,
  statuses: z.record(z.string().regex(/^(\d{3}|any)→\d{3}$/, 'expected recorded→got statuses'), count),
});
const errorCounts = z.object({ trial: count, side: z.enum(['baseline', 'candidate']), requests: count, errors: count, statusMismatches: count, non2xx: count });
const verdict = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('pass'), rule: freeText(2000) }),
  z.object({ outcome: z.literal('fail'), rule: freeText(2000), blocking: z.array(finding).max(20_000), blockingService: paired.optional() }),
  z.object({ outcome: z.literal('fail-errors'), rule: freeText(2000), errors: z.array(errorCounts).max(1000) }),
  z.object({ outcome: z.literal('inconclusive'), rule: freeText(2000) }),
]);
const environment = z.object({
  nodeVersion: plainText(40),
  v8Version: plainText(60),
  platform: plainText(40),
  arch: plainText(40),
  cpuModel: freeText(200),
  cpuCount: count,
  perfgateVersion: plainText(40),
});
const settings = z.object({
  configSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  trials: count,
  warmupRequests: count,
  measureRequests: count,
  connections: count,
  cpuSamplingIntervalUs: count,
  allocationSamplingIntervalBytes: count.optional(),
  replaySha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a hex sha256'),
});
const serviceMetric = z.enum(['cpuMicrosPerRequest', 'throughputRps', 'latencyP50Ms', 'latencyP95Ms', 'latencyP99Ms', 'maxRssBytes']);

/**
 * report.json as an untrusted input: in the fork-safe flow it comes from an artifact that
 * a fork's code could have written. Unknown keys are dropped, sizes are bounded, and text
 * that the markdown does not escape is held to a narrow alphabet.
 */
export const untrustedReportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA),
  version: z.literal(REPORT_VERSION),
  createdAt: z.iso.datetime(),
  comparison: z.object({
    verdict,
    findings: z.array(finding).max(20_000),
    service: z.array(z.object({ metric: serviceMetric, higherIsWorse: z.boolean(), comparison: metric })).max(20),
    paired: paired.optional(),
    trials: z.object({ baseline: count, candidate: count }),
    tests: count,
    untested: count,
    // The config's own schema: the settings a report states are the config's compare section.
    settings: compareSchema,
    statusMismatches: z.array(routeMismatch).max(1000).optional(),
    warnings: z.array(freeText(2000)).max(50),
  }),
  baselineSource: z.object({ kind: z.enum(['stored', 'same-runner', 'files']), why: freeText(2000) }),
  baseline: z.object({ commit, createdAt: z.iso.datetime(), environment, settings }),
  candidate: z.object({ commit, environment, settings }),
  environmentDifferences: z.array(freeText(400)).max(20),
  reproduce: plainText(500),
  profiles: z.array(freeText(300)).max(1000),
  merged: z.object({ candidate: freeText(300), baseline: freeText(300).nullable() }),
  allocationProfiles: z.array(freeText(300)).max(1000).optional(),
  mergedAllocations: z.object({ candidate: freeText(300), baseline: freeText(300).nullable() }).optional(),
  hotLines: z.record(functionKey, z.array(z.object({ line: count, share: finite })).max(100)).optional(),
  inputs: z
    .object({ sampleType: freeText(200), unit: freeText(200), baseline: z.array(freeText(300)).max(1000), candidate: z.array(freeText(300)).max(1000) })
    .optional(),
  functionLines: z.record(functionKey, count).optional(),
  requests: z.object({ baseline: z.array(requestCounts).max(1000), candidate: z.array(requestCounts).max(1000) }).optional(),
  timingsMs: z.record(z.string().regex(/^[A-Za-z]{1,40}$/, 'expected a phase name'), finite).optional(),
});


// Breaks the build when Report gains a required field this schema does not check; optional
// ones are caught by the gate-action test, which compares a real report's keys with what survives.
type Checked = z.output<typeof untrustedReportSchema>;
const assignable: (report: Checked) => Report = (report) => report;
void assignable;

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
  const text = readCapped(path, MAX_ARTIFACT_REPORT_BYTES);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new PerfgateError('ARTIFACT_INVALID', `${path}: not valid JSON (${describeError(error)})`);
  }
  const parsed = untrustedReportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const got = valueAt(raw, issue.path);
    const shown = got === undefined ? '' : ` (got ${JSON.stringify(got)?.slice(0, 80) ?? String(got)})`;
    throw new PerfgateError('ARTIFACT_INVALID', `${path}: ${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}${shown}`);
  }
  return parsed.data;
}

/** Reads at most `max` bytes, however the file changes between stat and read. */
function readCapped(path: string, max: number): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(max + 1);
    let length = 0;
    while (length <= max) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > max) throw new PerfgateError('ARTIFACT_INVALID', `${path}: over the ${max}-byte cap for an artifact report`);
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return typeof value === 'object' && value !== null ? undefined : value;
}

import { z } from 'zod';
import { compareSchema } from '../config/schema.js';
import { REPORT_SCHEMA, REPORT_VERSION, type Report } from './report.js';

// The schema of report.json as an untrusted input, kept beside the Report type so that a new
// field cannot be forgotten here: report-schema.test.ts fails on any key of Report this lacks.

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
// report.json writes ±Infinity as strings (JSON has no such numbers) and NaN as null.
// A test that was not run has p and q NaN, which report.json writes as null.
const probability = z.union([finite, z.null().transform(() => Number.NaN)]);
const ratio = z.union([finite, z.literal('Infinity').transform(() => Number.POSITIVE_INFINITY), z.literal('-Infinity').transform(() => Number.NEGATIVE_INFINITY)]);
const count = z.number().int().min(0);
const outcome = z.enum(['regressed', 'improved', 'unchanged', 'inconclusive']);
const commit = z.string().regex(/^[0-9a-f]{7,64}$/, 'expected a hex commit id').nullable();
const freeText = (max: number) => z.string().max(max);
// Fields with a known shape are held to it rather than escaped: a version, a platform, a unit.
const pattern = (max: number, re: RegExp, expected: string) => z.string().max(max).regex(re, expected);
const version = pattern(60, /^v?\d+(\.\d+){0,3}([-+][0-9A-Za-z.-]+)?$/, 'expected a version such as v20.11.1 or 11.3.244.8-node.19');
const word = pattern(40, /^[a-z0-9_]+$/, 'expected a lower-case word such as linux or x64');
const unitName = pattern(40, /^[A-Za-z][A-Za-z0-9_]*$/, 'expected a pprof sample type or unit such as cpu or nanoseconds');
// perfgate writes this command itself (run, diff, or the canary's description); a carried
// command is accepted only in those shapes, with arguments of path, glob and flag characters
// (shown in a code span, where `@` and `*` are inert).
const reproduce = pattern(
  500,
  /^(npx perfgate (run|diff)|perfgate canary mode:)( [A-Za-z0-9_.,/:='+*@~-]+)*$/,
  'expected a perfgate command such as "npx perfgate run --config perfgate.config.json"',
);

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
  p: probability,
  q: probability,
  outcome,
  driftSd: finite.optional(),
  costCi: z.object({ low: finite, high: finite }).optional(),
  attributionJumps: z.literal(true).optional(),
  movedFromCallees: z.literal(true).optional(),
  leaning: z.literal(true).optional(),
  relative: z.object({ ratio, ci: z.object({ low: ratio, high: ratio }), p: probability, q: probability, outcome, leaning: z.literal(true).optional() }).optional(),
  decidedRelative: z.literal(true).optional(),
});
const replaces = z.object({ unit: freeText(400), outcome, baselineMedian: finite, candidateMedian: finite, ratio, ci: z.object({ low: ratio, high: ratio }) });
const finding = z.object({
  key: freeText(4096),
  name: freeText(4096),
  file: freeText(4096),
  presence: z.enum(['both', 'added', 'gone']),
  outcome,
  decidedBy: z.enum(['self', 'total', 'allocations']).optional(),
  package: z.object({ name: freeText(300), baselineVersion: freeText(100).optional(), candidateVersion: freeText(100).optional() }).optional(),
  renamedFrom: freeText(4096).optional(),
  replaces: replaces.optional(),
  self: metric,
  total: metric,
  perRequestNanos: z.object({ baseline: z.object({ self: finite, total: finite }), candidate: z.object({ self: finite, total: finite }) }),
  allocations: metric.optional(),
  allocationsPerRequest: z.object({ baseline: z.object({ bytes: finite, objects: finite }), candidate: z.object({ bytes: finite, objects: finite }) }).optional(),
});
const packageFinding = z.object({
  name: freeText(300),
  baselineVersions: z.array(freeText(100)).max(20),
  candidateVersions: z.array(freeText(100)).max(20),
  presence: z.enum(['both', 'added', 'gone']),
  outcome,
  self: metric,
  perRequestNanos: z.object({ baseline: finite, candidate: finite }),
  replaces: replaces.optional(),
});
const paired = z.object({ metric: z.literal('cpuMicrosPerRequest'), ratios: z.array(finite).max(1000), ratio, ci: z.object({ low: ratio, high: ratio }), p: probability, outcome });
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
  z.object({ outcome: z.literal('fail'), rule: freeText(2000), blocking: z.array(finding).max(20_000), blockingPackages: z.array(packageFinding).max(5000).optional(), blockingService: paired.optional() }),
  z.object({ outcome: z.literal('fail-errors'), rule: freeText(2000), errors: z.array(errorCounts).max(1000) }),
  z.object({ outcome: z.literal('inconclusive'), rule: freeText(2000) }),
]);
const environment = z.object({
  nodeVersion: version,
  v8Version: version,
  platform: word,
  arch: word,
  cpuModel: freeText(200),
  cpuCount: count,
  perfgateVersion: version,
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
  lockfileSha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a hex sha256').optional(),
});
const serviceMetric = z.enum(['cpuMicrosPerRequest', 'throughputRps', 'latencyP50Ms', 'latencyP95Ms', 'latencyP99Ms', 'maxRssBytes']);

/**
 * report.json as an untrusted input: in the fork-safe flow it comes from an artifact that
 * a fork's code could have written. Unknown keys are dropped, sizes are bounded, lists that
 * a renderer reads the first of are never empty, fields with a known shape (commits,
 * versions, units, the reproduce command) are held to it, and every other string is
 * escaped where it is rendered (format.ts for markdown, html-escape.ts for HTML);
 * untrusted-report.test.ts puts hostile text into every string field and checks both.
 */
const minimumDetectable = z.object({ relative: ratio, alpha: finite, power: finite, test: z.enum(['mann-whitney', 'sign-flip']), noise: finite, simulations: count });
const changeEstimate = z.object({ change: ratio, low: ratio, high: ratio, design: z.enum(['paired', 'independent']), baselineMedian: finite, candidateMedian: finite, minimumDetectable });
const symbolication = z.object({
  sampleType: unitName,
  rate: finite,
  symbolized: finite,
  total: finite,
  nativeShare: finite,
  sourceMappedShare: finite,
  vmShare: finite,
  largestUnsymbolized: z.array(z.object({ name: freeText(4096), cause: z.enum(['stripped-binary', 'unknown-address', 'eval', 'native-code', 'no-line']), share: finite })).max(5),
  // Reports written before compiled code without a source map was told apart have neither.
  compiledWithoutMapShare: finite.default(0),
  largestCompiledWithoutMap: z.array(z.object({ name: freeText(4096), file: freeText(4096), share: finite })).max(5).default([]),
});

export const untrustedReportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA),
  version: z.literal(REPORT_VERSION),
  createdAt: z.iso.datetime(),
  comparison: z.object({
    verdict,
    findings: z.array(finding).max(20_000),
    packages: z.array(packageFinding).max(5000).optional(),
    basis: z.enum(['share', 'nanos-per-request']).optional(),
    commonFactor: finite.optional(),
    sharesContest: z.object({ precise: finite, coarse: finite, limit: finite, contested: z.boolean() }).optional(),
    pairFactors: z.object({ factors: z.array(finite).max(1000), shift: z.object({ ratio, low: ratio, high: ratio }).nullable(), centreSe: finite, applied: z.boolean() }).optional(),
    drift: z.object({ cpu: finite, allocations: finite }).optional(),
    service: z.array(z.object({ metric: serviceMetric, higherIsWorse: z.boolean(), comparison: metric })).max(20),
    paired: paired.optional(),
    changedCode: z.object({ cpu: metric, allocations: metric.optional() }).optional(),
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
  reproduce,
  profiles: z.array(freeText(300)).max(1000),
  merged: z.object({ candidate: freeText(300), baseline: freeText(300).nullable() }),
  allocationProfiles: z.array(freeText(300)).max(1000).optional(),
  mergedAllocations: z.object({ candidate: freeText(300), baseline: freeText(300).nullable() }).optional(),
  hotLines: z.record(functionKey, z.array(z.object({ line: count, share: finite })).max(100)).optional(),
  totalRises: z.record(functionKey, z.array(z.object({ callee: z.object({ name: freeText(4096), file: freeText(4096) }).nullable(), baselineNanos: finite, candidateNanos: finite })).max(100)).optional(),
  inputs: z
    .object({ sampleType: unitName, unit: unitName, baseline: z.array(freeText(300)).min(1, 'expected at least one file').max(1000), candidate: z.array(freeText(300)).min(1, 'expected at least one file').max(1000) })
    .optional(),
  functionLines: z.record(functionKey, count).optional(),
  requests: z.object({ baseline: z.array(requestCounts).max(1000), candidate: z.array(requestCounts).max(1000) }).optional(),
  timingsMs: z.record(z.string().regex(/^[A-Za-z]{1,40}$/, 'expected a phase name'), finite).optional(),
  diffScore: z.object({ cpuPerRequest: changeEstimate, allocatedBytesPerRequest: changeEstimate.optional() }).optional(),
  symbolication: z.array(symbolication).max(10).optional(),
  detectable: z
    .object({
      cpuPerRequest: ratio.nullable(),
      functions: z.array(z.object({ key: functionKey, name: freeText(4096), relative: ratio })).max(20),
      limit: finite,
      blind: freeText(2000).nullable(),
    })
    .optional(),
  shards: z
    .object({
      count: count.max(999),
      method: z.enum(['stratified-sign-flip', 'stored']),
      detectableByShards: z.array(finite.nullable()).max(999),
      shards: z
        .array(
          z.object({
            index: count.max(999),
            status: z.enum(['complete', 'failed', 'missing']),
            pairs: z.array(count).max(10_000),
            cpuModel: freeText(200).optional(),
            ratio: finite.optional(),
            weight: finite.optional(),
            error: freeText(2000).optional(),
          }),
        )
        .max(999),
    })
    .optional(),
});


// Breaks the build when Report gains a required field this schema does not check; the
// optional ones are checked key by key in report-schema.test.ts.
export type CheckedReport = z.output<typeof untrustedReportSchema>;
const assignable: (report: CheckedReport) => Report = (report) => report;
void assignable;

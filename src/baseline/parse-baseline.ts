import { z } from 'zod';
import type { FunctionCost, TrialMetrics } from '../analysis/trial.js';
import { PerfgateError } from '../errors.js';
import { BASELINE_SCHEMA, BASELINE_VERSION, type Baseline } from './baseline.js';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const nonNegative = finite.refine((n) => n >= 0, 'must be >= 0');

// Allocation fields are optional: baselines written before allocations were profiled stay valid (version 1).
const functionCost = z.strictObject({ name: z.string(), file: z.string(), selfNanos: nonNegative, totalNanos: nonNegative, allocBytes: nonNegative.optional(), allocObjects: nonNegative.optional() });
const trial = z.strictObject({
  requests: nonNegative,
  sampledCpuNanos: nonNegative,
  // Optional: baselines written before it was recorded stay valid (compare.ts then infers it).
  cpuSampleNanos: finite.refine((n) => n > 0, 'must be > 0').optional(),
  allocatedBytes: nonNegative.optional(),
  allocatedObjects: nonNegative.optional(),
  // Checked entry by entry below, so that keys like "__proto__" stay plain data.
  functions: z.record(z.string(), z.unknown()),
  service: z.strictObject({
    cpuMicrosPerRequest: nonNegative,
    throughputRps: nonNegative,
    latencyMs: z.strictObject({ p50: nonNegative, p95: nonNegative, p99: nonNegative }),
    errors: nonNegative,
    non2xx: nonNegative,
    statusMismatches: nonNegative,
    statusMismatchesByRoute: z
      .record(z.string(), z.strictObject({ count: nonNegative, responses: nonNegative, statuses: z.record(z.string(), nonNegative) }))
      .optional(),
    maxRssBytes: nonNegative,
  }),
});
const baselineSchema = z.strictObject({
  schema: z.literal(BASELINE_SCHEMA),
  version: z.literal(BASELINE_VERSION),
  createdAt: z.string(),
  commit: z.string().nullable(),
  environment: z.strictObject({
    nodeVersion: z.string(),
    v8Version: z.string(),
    platform: z.string(),
    arch: z.string(),
    cpuModel: z.string(),
    cpuCount: nonNegative,
    perfgateVersion: z.string(),
  }),
  settings: z.strictObject({
    configSha256: z.string().optional(),
    trials: nonNegative,
    warmupRequests: nonNegative,
    measureRequests: nonNegative,
    connections: nonNegative,
    cpuSamplingIntervalUs: nonNegative,
    allocationSamplingIntervalBytes: nonNegative.optional(),
    replaySha256: z.string(),
    lockfileSha256: z.string().optional(),
  }),
  trials: z.array(trial).min(1),
});

/** Validates a baseline file's text; errors name the file and the field. */
export function parseBaseline(text: string, source: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new PerfgateError('BASELINE_INVALID', `${source}: not valid JSON (${(error as Error).message})`);
  }
  if (raw && typeof raw === 'object' && 'version' in raw && typeof raw.version === 'number' && raw.version > BASELINE_VERSION) {
    throw new PerfgateError('BASELINE_INVALID', `${source}: baseline version ${raw.version} is newer than this perfgate understands (${BASELINE_VERSION}); upgrade perfgate`);
  }
  // zod copies records by assignment, which would turn a "__proto__" key into a prototype;
  // the function maps are taken out first and checked entry by entry below.
  const rawFunctions: unknown[] = [];
  if (raw && typeof raw === 'object' && Array.isArray((raw as { trials?: unknown }).trials)) {
    const trials = (raw as { trials: unknown[] }).trials;
    raw = {
      ...(raw as object),
      trials: trials.map((t) => {
        if (!t || typeof t !== 'object' || !('functions' in t)) return t;
        rawFunctions.push((t as { functions: unknown }).functions);
        return { ...(t as object), functions: {} };
      }),
    };
  }
  const parsed = baselineSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PerfgateError('BASELINE_INVALID', `${source}: ${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}`);
  }
  const trials: TrialMetrics[] = parsed.data.trials.map((t, index) => {
    const functions: Record<string, FunctionCost> = Object.create(null) as Record<string, FunctionCost>;
    const entries = rawFunctions[index];
    if (!entries || typeof entries !== 'object' || Array.isArray(entries)) {
      throw new PerfgateError('BASELINE_INVALID', `${source}: trials.${index}.functions: expected an object of functions`);
    }
    for (const [key, value] of Object.entries(entries)) {
      const cost = functionCost.safeParse(value);
      if (!cost.success) {
        throw new PerfgateError('BASELINE_INVALID', `${source}: trials.${index}.functions[${JSON.stringify(key)}]: ${cost.error.issues[0]!.message}`);
      }
      Object.defineProperty(functions, key, { value: cost.data, enumerable: true });
    }
    return { ...t, functions };
  });
  return { ...parsed.data, trials } as Baseline;
}

import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-L7LVZID3.js";

// src/config/schema.ts
var positiveInt = (min) => external_exports.number().int().min(min);
var serviceSchema = external_exports.strictObject({
  /** Shell command run once, in `cwd`, before any trial. */
  build: external_exports.string().min(1).optional(),
  /** Shell command that starts the service; it must run node (directly, via npm or a script). */
  start: external_exports.string().min(1),
  cwd: external_exports.string().min(1).default("."),
  env: external_exports.record(external_exports.string(), external_exports.string()).default({}),
  /** Port the service must listen on; 0 lets perfgate pick a free one and pass it in `portEnv`. */
  port: external_exports.number().int().min(0).max(65535).default(0),
  portEnv: external_exports.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be an environment variable name").default("PORT"),
  /** When set, readiness also needs a 2xx/3xx answer to GET readyPath. */
  readyPath: external_exports.string().startsWith("/").optional(),
  readyTimeoutMs: positiveInt(100).default(2e4),
  stopGraceMs: positiveInt(0).default(5e3)
});
var DEFAULT_TRIALS = 20;
var DEFAULT_MEASURE_REQUESTS = 4e3;
var loadSchema = external_exports.strictObject({
  warmupRequests: positiveInt(0).default(500),
  measureRequests: positiveInt(1).default(DEFAULT_MEASURE_REQUESTS),
  connections: positiveInt(1).max(1024).default(8),
  requestTimeoutMs: positiveInt(100).default(1e4),
  /**
   * closed (the default): each connection keeps one request in flight, throughput-bound.
   * open: requests go out at `ratePerSecond`, the right model for latency comparisons.
   * No default value is filled in, so configs that do not set it keep their fingerprint.
   */
  mode: external_exports.enum(["closed", "open"]).optional(),
  ratePerSecond: positiveInt(1).max(1e6).optional()
}).refine((load) => load.mode !== "open" || load.ratePerSecond !== void 0, {
  message: 'load.mode "open" needs load.ratePerSecond (requests per second across all connections)',
  path: ["ratePerSecond"]
}).refine((load) => load.mode === "open" || load.ratePerSecond === void 0, {
  message: 'load.ratePerSecond only applies with load.mode "open" (closed loop sends as fast as the service answers)',
  path: ["ratePerSecond"]
});
var redactionSchema = external_exports.strictObject({
  /** Header names added to the default list (`*` wildcards). */
  headers: external_exports.array(external_exports.string().min(1)).default([]),
  /** Query, form and JSON field names added to the default list. */
  fields: external_exports.array(external_exports.string().min(1)).default([]),
  /** Names exempt from redaction. */
  keep: external_exports.array(external_exports.string().min(1)).default([]),
  /** Placeholder (`<redacted:authorization:1>`) or header name → environment variable holding the test value. */
  substitute: external_exports.record(external_exports.string().min(1), external_exports.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be an environment variable name")).default({})
});
var profileSchema = external_exports.strictObject({
  /** V8's default is 1000 µs; finer sampling costs the service more. */
  cpuSamplingIntervalUs: positiveInt(50).max(1e5).default(1e3),
  /** Mean bytes between allocation samples; V8's default is 512 KiB. Smaller sees small allocators better, at a little more cost. */
  allocationSamplingIntervalBytes: positiveInt(1024).max(64 * 1024 * 1024).default(524288),
  /**
   * Where profiles come from: "agent" (perfgate's agent preloaded into a Node service) or
   * "pprof-http" (a service of any language serving Go's net/http/pprof endpoints). Unset
   * means "agent", and no default is filled in, so older configs keep their fingerprint.
   */
  source: external_exports.enum(["agent", "pprof-http"]).optional(),
  /** pprof-http: the endpoints' base, a path on the service ("/debug/pprof", the default) or a loopback http URL. */
  pprofUrl: external_exports.string().refine((url) => url.startsWith("/") || /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/.test(url), {
    message: 'expected a path such as "/debug/pprof" or a loopback URL such as "http://127.0.0.1:6060/debug/pprof" (perfgate only talks to loopback)'
  }).optional(),
  /** pprof-http: the CPU window in whole seconds (default: load.measureRequests at the rate the warm-up reached). */
  pprofSeconds: positiveInt(1).max(300).optional()
}).refine((profile) => profile.source === "pprof-http" || profile.pprofUrl === void 0 && profile.pprofSeconds === void 0, {
  message: 'profile.pprofUrl and profile.pprofSeconds only apply with profile.source "pprof-http"',
  path: ["source"]
});
var compareSchema = external_exports.strictObject({
  alpha: external_exports.number().gt(0).lt(1).default(0.05),
  /** The effect floor: a change smaller than this ratio never fails the gate. */
  minEffect: external_exports.number().gt(0).lt(10).default(0.05),
  /** The absolute floor, as a share of all CPU: tiny functions cannot fail the gate alone. */
  minShareOfTotal: external_exports.number().min(0).lt(1).default(5e-3),
  /** Functions (`file#name`, `*` wildcards) left out of the verdict. */
  ignore: external_exports.array(external_exports.string().min(1)).default([]),
  /**
   * Per-function budgets, keyed by `file#name` (`*` wildcards): the function fails once it
   * grows past its own budget, with no absolute floor (the owner asked to watch it).
   */
  budgets: external_exports.record(
    external_exports.string().min(1),
    external_exports.strictObject({ maxRegression: external_exports.string().regex(/^\d+(\.\d+)?%$/, 'must be a percentage such as "3%"') })
  ).default({}),
  /** Where the baseline comes from: the stored file, this machine (same-runner A/B), or the stored one when the environment matches. */
  baseline: external_exports.enum(["auto", "stored", "same-runner"]).default("auto"),
  /** The commit same-runner mode builds as the baseline (default: the stored baseline's commit). */
  baseRef: external_exports.string().min(1).optional(),
  /**
   * How the base commit's worktree gets its dependencies in same-runner mode: "auto" links the
   * working tree's node_modules where the lockfile is unchanged and runs `npm ci` where it
   * changed; "none" leaves it to service.build; anything else is a shell command run in the
   * base's service folder instead (gate/base-dependencies.ts).
   */
  baseInstall: external_exports.string().min(1).default("auto"),
  /**
   * The largest change a run may be blind to and still pass: when its own noise says it could
   * not have seen a rise of this size in CPU per request or in its largest functions (80%
   * power), a stored comparison re-measures the base here and anything else ends
   * inconclusive. 0.25: the gate promises to catch a +25% regression (docs/statistics.md).
   */
  maxDetectable: external_exports.number().gt(0).max(10).default(0.25),
  /**
   * Same-runner: pairs added, once, when a function leans towards a regression that the first
   * `trials` pairs cannot decide (analysis/leaning.ts); 0 never adds any, and such a run ends
   * inconclusive. 10 adds half the default run's 20 pairs, only when there is something to
   * decide (docs/statistics.md).
   */
  extendTrials: external_exports.number().int().min(0).max(100).default(10),
  /** Share of a candidate trial's requests that may fail (no response, or a status other than the recorded one) before the run fails. */
  maxErrorRate: external_exports.number().min(0).lt(1).default(0.01),
  bootstrapResamples: positiveInt(100).max(1e5).default(2e3),
  seed: external_exports.number().int().default(1)
});
var configSchema = external_exports.strictObject({
  $schema: external_exports.string().optional(),
  /** Folder that file names in reports are made relative to (default: the config file's folder). */
  root: external_exports.string().min(1).default("."),
  service: serviceSchema,
  replay: external_exports.string().min(1),
  baseline: external_exports.string().min(1),
  output: external_exports.string().min(1).default("perfgate-report"),
  trials: positiveInt(2).max(100).default(DEFAULT_TRIALS),
  load: loadSchema.default(() => loadSchema.parse({})),
  profile: profileSchema.default(() => profileSchema.parse({})),
  compare: compareSchema.default(() => compareSchema.parse({})),
  redaction: redactionSchema.default(() => redactionSchema.parse({}))
});

export {
  serviceSchema,
  DEFAULT_TRIALS,
  DEFAULT_MEASURE_REQUESTS,
  loadSchema,
  redactionSchema,
  profileSchema,
  compareSchema,
  configSchema
};

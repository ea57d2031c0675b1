import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  BASELINE_SCHEMA,
  BASELINE_VERSION,
  baselineAllocationProfilePath,
  baselineProfilePath,
  commitExists,
  currentCommit,
  currentEnvironment,
  environmentDifferences,
  measure,
  measureInterleaved,
  measurementSettings,
  planBaseline,
  profileSourceFor,
  readBaseline,
  writeBaseline
} from "./chunk-4XCFXYA7.js";
import {
  allocationsProfiled,
  bootstrapMedianRatio,
  compare,
  functionLinesOf,
  normalUpperTail,
  sideProfiles,
  signFlipTest,
  symbolicationOf,
  writeMergedPair,
  writeReportFiles
} from "./chunk-BD47XC5D.js";
import {
  encodePprofGzip
} from "./chunk-BPI7REON.js";
import {
  seededRandom
} from "./chunk-RADQ4DZD.js";
import {
  writeFileAtomic
} from "./chunk-BKLRVJWE.js";
import {
  REPORT_SCHEMA,
  REPORT_VERSION,
  renderMarkdown,
  requestCounts
} from "./chunk-REH7SQXM.js";
import {
  functionKey,
  mergeProfiles
} from "./chunk-TPCATKFW.js";
import {
  median,
  probit
} from "./chunk-SB6TE77W.js";
import {
  PerfgateError
} from "./chunk-RXSKCGKU.js";

// src/gate/gate.ts
import { existsSync } from "node:fs";
import { relative as relative2 } from "node:path";

// src/analysis/hot-lines.ts
function hotLines(profile, source, keys, limit = 3, valueType = "cpu") {
  const wanted = new Set(keys);
  const strings = profile.stringTable.strings;
  const valueIndex = profile.sampleType.findIndex((t) => strings[Number(t.type)] === valueType);
  const result = /* @__PURE__ */ Object.create(null);
  if (valueIndex < 0 || wanted.size === 0) return result;
  const keyOfFunction = /* @__PURE__ */ new Map();
  for (const fn of profile.function) keyOfFunction.set(String(fn.id), functionKey({ name: strings[Number(fn.name)] ?? "", file: strings[Number(fn.filename)] ?? "" }));
  const leafOfLocation = /* @__PURE__ */ new Map();
  for (const location of profile.location) {
    const innermost = location.line[0];
    if (!innermost) continue;
    const key = keyOfFunction.get(String(innermost.functionId));
    if (key === void 0) throw new PerfgateError("PROFILE_INVALID", `${source}: location ${location.id} refers to unknown function ${innermost.functionId}`);
    leafOfLocation.set(String(location.id), { key, line: Number(innermost.line) });
  }
  const byFunction = /* @__PURE__ */ new Map();
  for (const sample of profile.sample) {
    const leaf = leafOfLocation.get(String(sample.locationId[0]));
    if (!leaf || !wanted.has(leaf.key) || leaf.line <= 0) continue;
    const value = Number(sample.value[valueIndex] ?? 0);
    if (!(value > 0)) continue;
    const lines = byFunction.get(leaf.key) ?? /* @__PURE__ */ new Map();
    lines.set(leaf.line, (lines.get(leaf.line) ?? 0) + value);
    byFunction.set(leaf.key, lines);
  }
  for (const [key, lines] of byFunction) {
    const total = [...lines.values()].reduce((a, b) => a + b, 0);
    result[key] = [...lines].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit).map(([line, value]) => ({ line, share: value / total }));
  }
  return result;
}

// src/analysis/minimum-detectable-change.ts
var MAX_LOG_SHIFT = Math.log(10);
function minimumDetectableChange(samples, options) {
  const power = options.power ?? 0.8;
  const simulations = options.simulations ?? 400;
  const random = seededRandom(options.seed);
  const base = { alpha: options.alpha, power, simulations };
  if (samples.kind === "paired") {
    const logs = samples.ratios.filter((r) => r > 0 && Number.isFinite(r)).map(Math.log);
    const residuals2 = centred(logs);
    const draws2 = drawIndices(simulations, logs.length, residuals2.length, random);
    const rejects2 = (shift) => draws2.filter((d) => {
      const differences = d.map((i) => residuals2[i] + shift);
      return differences.reduce((a, b) => a + b, 0) > 0 && signFlipP(differences) <= options.alpha;
    }).length;
    return { ...base, test: "sign-flip", noise: spread(residuals2), relative: search(rejects2, simulations, power) };
  }
  const x = samples.baseline.filter((v) => v > 0).map(Math.log);
  const y = samples.candidate.filter((v) => v > 0).map(Math.log);
  const residuals = [...centred(x), ...centred(y)];
  const draws = drawIndices(simulations, x.length + y.length, residuals.length, random);
  const critical = criticalU(x.length, y.length, options.alpha);
  const rejects = (shift) => draws.filter((d) => {
    let u = 0;
    for (let j = x.length; j < d.length; j++) {
      const yj = residuals[d[j]] + shift;
      for (let i = 0; i < x.length; i++) {
        const xi = residuals[d[i]];
        u += yj > xi ? 1 : yj === xi ? 0.5 : 0;
      }
    }
    return u >= critical;
  }).length;
  return { ...base, test: "mann-whitney", noise: spread(residuals), relative: search(rejects, simulations, power) };
}
function search(rejects, simulations, power) {
  const needed = Math.ceil(power * simulations);
  if (simulations === 0 || rejects(MAX_LOG_SHIFT) < needed) return Number.POSITIVE_INFINITY;
  let low = 0;
  let high = MAX_LOG_SHIFT;
  while (high - low > 5e-4) {
    const mid = (low + high) / 2;
    if (rejects(mid) >= needed) high = mid;
    else low = mid;
  }
  return Math.expm1(high);
}
function drawIndices(simulations, size, from, random) {
  if (from === 0) return [];
  return Array.from({ length: simulations }, () => Array.from({ length: size }, () => Math.floor(random() * from)));
}
function centred(values) {
  if (values.length === 0) return [];
  const m = median([...values]);
  const inflate = values.length > 1 ? Math.sqrt(values.length / (values.length - 1)) : 1;
  return values.map((v) => (v - m) * inflate);
}
function spread(residuals) {
  if (residuals.length < 2) return 0;
  const mean = residuals.reduce((a, b) => a + b, 0) / residuals.length;
  return Math.sqrt(residuals.reduce((a, r) => a + (r - mean) ** 2, 0) / (residuals.length - 1));
}
function criticalU(n, m, alpha) {
  if (n === 0 || m === 0) return Number.POSITIVE_INFINITY;
  let previous = Array.from({ length: m + 1 }, () => [1]);
  for (let i = 1; i <= n; i++) {
    const current = [[1]];
    for (let j = 1; j <= m; j++) {
      const size = i * j + 1;
      const row = new Array(size).fill(0);
      const largestX = previous[j];
      const largestY = current[j - 1];
      for (let u = 0; u < size; u++) row[u] = (largestX[u] ?? 0) + (u >= i ? largestY[u - i] ?? 0 : 0);
      current.push(row);
    }
    previous = current;
  }
  const counts = previous[m];
  const total = counts.reduce((a, b) => a + b, 0);
  let tail = 0;
  for (let u = counts.length - 1; u >= 0; u--) {
    if ((tail + counts[u]) / total > alpha) return u === counts.length - 1 ? Number.POSITIVE_INFINITY : u + 1;
    tail += counts[u];
  }
  return 0;
}
function signFlipP(differences) {
  if (differences.length <= 12) return signFlipTest(differences).p;
  const sum = Math.abs(differences.reduce((a, b) => a + b, 0));
  const variance = differences.reduce((a, d) => a + d * d, 0);
  return variance === 0 ? sum > 0 ? 0 : 1 : Math.min(1, 2 * normalUpperTail(sum / Math.sqrt(variance)));
}

// src/analysis/diff-score.ts
function diffScore(baseline, candidate, comparison, settings) {
  const mdc = { alpha: settings.alpha, seed: settings.seed };
  const cpuOf = (t) => t.service.cpuMicrosPerRequest;
  const paired = comparison.paired;
  const service = comparison.service.find((s) => s.metric === "cpuMicrosPerRequest")?.comparison;
  const medians = { baselineMedian: median(baseline.map(cpuOf)), candidateMedian: median(candidate.map(cpuOf)) };
  const cpuPerRequest = paired ? { ...relative(paired.ratio, paired.ci), ...medians, design: "paired", minimumDetectable: minimumDetectableChange({ kind: "paired", ratios: paired.ratios }, mdc) } : {
    ...service ? relative(service.ratio, service.ci) : relative(1, { low: 0, high: Number.POSITIVE_INFINITY }),
    ...medians,
    design: "independent",
    minimumDetectable: minimumDetectableChange({ kind: "independent", baseline: baseline.map(cpuOf), candidate: candidate.map(cpuOf) }, mdc)
  };
  if (!allocationsProfiled(baseline) || !allocationsProfiled(candidate)) return { cpuPerRequest };
  const bytesOf = (trials) => trials.filter((t) => t.requests > 0).map((t) => (t.allocatedBytes ?? 0) / t.requests);
  const x = bytesOf(baseline);
  const y = bytesOf(candidate);
  const ci = bootstrapMedianRatio(x, y, { resamples: settings.bootstrapResamples, confidence: 0.95, random: seededRandom(settings.seed) });
  return {
    cpuPerRequest,
    allocatedBytesPerRequest: {
      ...relative(median(y) / median(x), ci),
      baselineMedian: median(x),
      candidateMedian: median(y),
      design: "independent",
      minimumDetectable: minimumDetectableChange({ kind: "independent", baseline: x, candidate: y }, mdc)
    }
  };
}
function relative(ratio, ci) {
  return { change: ratio - 1, low: ci.low - 1, high: ci.high - 1 };
}

// src/analysis/detectability.ts
var LARGEST_FUNCTIONS = 5;
function detectability(comparison, cpuPerRequest, limit, alpha) {
  const largest = comparison.findings.filter((f) => f.presence === "both" && f.self.candidate.length > 0).sort((a, b) => b.self.candidateMedian - a.self.candidateMedian).slice(0, LARGEST_FUNCTIONS);
  const z = probit(1 - alpha) + probit(0.8);
  const functions = largest.map((f) => ({ key: f.key, name: f.name, relative: fromInterval(f.self.ci.low, f.self.ci.high, z) }));
  const typical = functions.length > 0 ? median(functions.map((f) => f.relative)) : null;
  const percent = (x) => Number.isFinite(x) ? `+${(x * 100).toFixed(1)}%` : "no change up to \xD710";
  const reasons = [];
  if (cpuPerRequest !== null && cpuPerRequest > limit) reasons.push(`CPU per request could only have shown ${percent(cpuPerRequest)}`);
  if (typical !== null && typical > limit) reasons.push(`its ${functions.length} largest functions could only have shown ${percent(typical)} (median)`);
  return {
    cpuPerRequest,
    functions,
    limit,
    blind: reasons.length > 0 ? `this run could not have seen a +${(limit * 100).toFixed(0)}% regression (compare.maxDetectable): ${reasons.join("; ")}` : null
  };
}
function fromInterval(low, high, z) {
  if (!(low > 0) || !Number.isFinite(high) || high <= 0) return Number.POSITIVE_INFINITY;
  const se = (Math.log(high) - Math.log(low)) / 2 / 1.959964;
  const relative3 = Math.expm1(z * se);
  return relative3 > 9 ? Number.POSITIVE_INFINITY : relative3;
}

// src/gate/phase-timings.ts
var PHASES = ["build", "start", "warmup", "measure", "profiles", "teardown", "analysis", "report"];
var PhaseTimings = class {
  constructor(now = () => performance.now()) {
    this.now = now;
  }
  now;
  spent = /* @__PURE__ */ new Map();
  stopwatch() {
    let last = this.now();
    return {
      lap: (phase) => {
        const at = this.now();
        this.spent.set(phase, (this.spent.get(phase) ?? 0) + (at - last));
        last = at;
      }
    };
  }
  /** Milliseconds per phase, summed over every trial of both sides; every phase is present. */
  milliseconds() {
    return Object.fromEntries(PHASES.map((phase) => [phase, Math.round(this.spent.get(phase) ?? 0)]));
  }
};

// src/gate/regressed-hot-lines.ts
function regressedHotLines(comparison, sides) {
  const cpu = sides.candidate[0];
  const keys = comparison.findings.filter((f) => f.outcome === "regressed").map((f) => f.key);
  return cpu ? hotLines(cpu.profile, cpu.source, keys) : {};
}

// src/gate/gate.ts
async function runGate(options) {
  const { config, progress } = options;
  const timings = options.timings ?? new PhaseTimings();
  const run = { ...options, timings };
  const stored = readBaselineIfPresent(config.baselinePath);
  const plan = planBaseline(config.compare, stored, hereFingerprint(config, options.agentPath), config.baselinePath);
  progress.line(`baseline: ${plan.source === "stored" ? `stored (${config.baselinePath})` : `same-runner, commit ${plan.ref}`}: ${plan.why}`);
  let sides = plan.source === "stored" ? await storedSides(run, plan.baseline, plan.why) : await sameRunnerSides(run, plan.ref, plan.why);
  let judged = await analyse(run, sides);
  let doubt = plan.source === "stored" ? storedDoubt(plan.notComparable, judged.comparison, judged.seen.blind) : null;
  if (doubt !== null && plan.source === "stored" && judged.comparison.verdict.outcome !== "fail-errors") {
    const ref = config.compare.baseline === "stored" ? null : escalationRef(config, plan.baseline);
    if (ref !== null) {
      progress.line(`baseline: escalating to same-runner, commit ${ref}: ${doubt}`);
      sides = await sameRunnerSides(run, ref, `escalated from the stored baseline: ${doubt}`);
      judged = await analyse(run, sides);
      doubt = null;
    }
  }
  const { comparison, score, seen } = judged;
  const verdict = (
    // Failed requests fail the candidate whatever the baseline: they need no comparison to be wrong.
    comparison.verdict.outcome === "fail-errors" ? comparison.verdict : doubt !== null ? {
      outcome: "inconclusive",
      rule: `${doubt}. Measure the base on this machine instead: \`perfgate run --base-ref <commit>\` (the action's base-ref input${config.compare.baseline === "stored" ? ', with compare.baseline "auto"' : ""})`
    } : comparison.verdict.outcome === "pass" && seen.blind !== null ? (
      // A pass means "looked, and would have seen it".
      { outcome: "inconclusive", rule: `${seen.blind}. More trials (--trials) or requests per trial (--requests), or a quieter runner, narrow what a run can see` }
    ) : comparison.verdict
  );
  const analysisWatch = timings.stopwatch();
  const measured = sides.candidate;
  const cpu = writeMergedPair(config.outputDir, "", measured.pprofs, sides.baselinePprofs ? { trials: sides.baselinePprofs.cpu } : { stored: baselineProfilePath(config.baselinePath) });
  const allocations = measured.allocationPprofs.length > 0 ? writeMergedPair(config.outputDir, ".alloc", measured.allocationPprofs, sides.baselinePprofs ? { trials: sides.baselinePprofs.allocations } : { stored: baselineAllocationProfilePath(config.baselinePath) }) : null;
  const profiles = sideProfiles(cpu, allocations);
  const symbolication = symbolicationOf(cpu.candidate, allocations?.candidate ?? null);
  analysisWatch.lap("report");
  const baseline = sides.baseline;
  const report = {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    createdAt: (/* @__PURE__ */ new Date()).toISOString(),
    comparison: { ...comparison, verdict, warnings: [...comparison.warnings, ...symbolication.warnings] },
    baselineSource: { kind: sides.kind, why: sides.why },
    baseline: { commit: baseline.commit, createdAt: baseline.createdAt, environment: baseline.environment, settings: baseline.settings },
    candidate: { commit: currentCommit(config.root), environment: measured.environment, settings: measured.settings },
    environmentDifferences: environmentDifferences(baseline.environment, measured.environment),
    reproduce: options.reproduce,
    profiles: measured.profiles.map((p) => relative2(config.outputDir, p)),
    merged: cpu.paths,
    allocationProfiles: measured.allocationProfiles.map((p) => relative2(config.outputDir, p)),
    ...allocations ? { mergedAllocations: allocations.paths } : {},
    hotLines: regressedHotLines(comparison, profiles),
    functionLines: functionLinesOf(profiles),
    requests: { baseline: requestCounts(baseline.trials), candidate: requestCounts(measured.trials) },
    timingsMs: timings.milliseconds(),
    diffScore: score,
    detectable: seen,
    symbolication: symbolication.rates
  };
  const markdown = renderMarkdown(report);
  writeReportFiles(config.outputDir, report, markdown, profiles);
  return { report, markdown, reportDir: config.outputDir };
}
async function storedSides(options, baseline, why) {
  const candidate = await measure(options);
  return { kind: "stored", why, baseline: { ...baseline, trials: baseline.trials }, candidate };
}
async function sameRunnerSides(options, ref, why) {
  const both = await measureInterleaved(options, ref);
  return {
    kind: "same-runner",
    why,
    baseline: { commit: both.baseCommit, createdAt: (/* @__PURE__ */ new Date()).toISOString(), environment: both.baseline.environment, settings: both.baseline.settings, trials: both.baseline.trials },
    baselinePprofs: { cpu: both.baseline.pprofs, allocations: both.baseline.allocationPprofs },
    candidate: both.candidate
  };
}
async function analyse(options, sides) {
  const watch = options.timings.stopwatch();
  const settings = options.config.compare;
  const judged = await options.progress.phase("analysis", async () => {
    const comparison = compare(sides.baseline.trials, sides.candidate.trials, settings, { paired: sides.kind === "same-runner" });
    const score = diffScore(sides.baseline.trials, sides.candidate.trials, comparison, settings);
    const cpuMeasured = score.cpuPerRequest.baselineMedian > 0 && score.cpuPerRequest.candidateMedian > 0;
    const seen = detectability(comparison, cpuMeasured ? score.cpuPerRequest.minimumDetectable.relative : null, settings.maxDetectable, settings.alpha);
    return { comparison, score, seen };
  });
  watch.lap("analysis");
  return judged;
}
function storedDoubt(notComparable, comparison, blind) {
  if (notComparable.length > 0) return `the stored baseline does not match this run: ${notComparable.join("; ")}`;
  if (blind !== null && comparison.verdict.outcome === "pass") return blind;
  const cpu = comparison.service.find((s) => s.metric === "cpuMicrosPerRequest");
  if (cpu?.comparison.outcome === "regressed" && comparison.verdict.outcome !== "fail") {
    const c = cpu.comparison;
    return `the service's CPU per request regressed against the stored baseline (\xD7${c.ratio.toFixed(2)}, 95% CI \xD7${c.ci.low.toFixed(2)}\u2013\xD7${c.ci.high.toFixed(2)}), and a stored baseline cannot tell slower code from a slower machine`;
  }
  return null;
}
function escalationRef(config, stored) {
  const ref = config.compare.baseRef ?? stored.commit;
  return ref !== null && commitExists(config.root, ref) ? ref : null;
}
function readBaselineIfPresent(path) {
  return existsSync(path) ? readBaseline(path) : void 0;
}
function hereFingerprint(config, agentPath) {
  return { environment: currentEnvironment(profileSourceFor(config, agentPath).expectedRuntime), settings: measurementSettings(config) };
}
async function runBaseline(options) {
  const { config } = options;
  const measured = await measure({ ...options, label: "baseline" });
  const failing = measured.trials.map((t, i) => ({ trial: i + 1, failed: t.service.errors + t.service.statusMismatches, requests: t.requests })).filter((t) => t.failed > 0);
  if (failing.length > 0) {
    throw new PerfgateError(
      "LOAD_FAILED",
      `not writing a baseline from a run with failed requests: ${failing.map((t) => `trial ${t.trial}: ${t.failed} of ${t.requests}`).join(", ")} (no response, or a status other than the recorded one)`
    );
  }
  const baseline = {
    schema: BASELINE_SCHEMA,
    version: BASELINE_VERSION,
    createdAt: (/* @__PURE__ */ new Date()).toISOString(),
    commit: currentCommit(config.root),
    environment: measured.environment,
    settings: measured.settings,
    trials: measured.trials
  };
  writeBaseline(config.baselinePath, baseline);
  writeFileAtomic(baselineProfilePath(config.baselinePath), encodePprofGzip(mergeProfiles(measured.pprofs, config.baselinePath)));
  writeFileAtomic(baselineAllocationProfilePath(config.baselinePath), encodePprofGzip(mergeProfiles(measured.allocationPprofs, config.baselinePath)));
  return baseline;
}

export {
  regressedHotLines,
  runGate,
  storedDoubt,
  runBaseline
};

import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  runShard
} from "./chunk-BQ2J3RX7.js";
import {
  GITHUB_LIMITS,
  MAX_ARTIFACT_REPORT_BYTES,
  actionLog,
  actionProgress,
  commentMarkdown,
  describeApiError,
  emitAnnotations,
  fitReport,
  getBooleanInput,
  getInput,
  githubClient,
  info,
  markdownRenderer,
  neutraliseMarkers,
  notice,
  postComment,
  readCappedBytes,
  readReportFile,
  regressedKeys,
  reportOutputs,
  runComment,
  setFailed,
  setOutput,
  setSecret,
  summaryMarkdown,
  warning,
  writeJobSummary
} from "./chunk-G45VHSIQ.js";
import "./chunk-CTH6ZA3R.js";
import {
  readEventContext
} from "./chunk-GJT2B7T6.js";
import {
  mergeServices,
  renderServicesMarkdown
} from "./chunk-7L3U7N7P.js";
import {
  SHARD_FILE
} from "./chunk-QMALCRGF.js";
import {
  baselineAllocationProfilePath,
  baselineProfilePath,
  currentCommit,
  currentEnvironment,
  loadForSeconds,
  measurePprofHttpWindow,
  measurementSettings,
  parseBaseline,
  pprofBase,
  pprofHttpTrialProfiles,
  pprofWindowSeconds,
  readBaseline,
  replayLoad,
  runBaseline,
  runGate,
  trialMetrics
} from "./chunk-CX6DI6OH.js";
import {
  allocationsProfiled,
  benjaminiHochberg,
  compare,
  functionLinesOf,
  mannWhitney,
  sideProfiles,
  writeMergedPair,
  writeReportFiles
} from "./chunk-RWPTTPB6.js";
import {
  DEFAULT_PROFILE_LIMITS,
  decodePprof
} from "./chunk-RSJDVD32.js";
import {
  parseShard,
  shardName
} from "./chunk-DQ57QZL7.js";
import {
  DEFAULT_MAX_RECORDS,
  appendRecord,
  branchRecords,
  currentRunContext,
  historyRecord,
  historySteps,
  historySvg,
  parseHistory,
  parseWholeNumber,
  serializeHistory,
  unflaggedRises
} from "./chunk-CDD5MUXY.js";
import "./chunk-K7LC2DK3.js";
import "./chunk-RADQ4DZD.js";
import "./chunk-6KH3PXZ3.js";
import {
  loadConfig
} from "./chunk-JP6TJ44H.js";
import {
  writeFileAtomic
} from "./chunk-BKLRVJWE.js";
import {
  REPORT_SCHEMA,
  REPORT_VERSION,
  SERVICE_METRICS,
  functionTable,
  topTable
} from "./chunk-UE2XNEGO.js";
import "./chunk-46DMX2E3.js";
import "./chunk-PRMFOBU2.js";
import "./chunk-5USVVHII.js";
import {
  change,
  codeSpanText,
  escapeMarkdown,
  formatQ,
  nanosAsTime,
  percent
} from "./chunk-S6SIRFXG.js";
import {
  readReplayFile
} from "./chunk-TUUKDTNG.js";
import "./chunk-MD65PPN2.js";
import {
  median
} from "./chunk-SB6TE77W.js";
import "./chunk-HHDVV6HW.js";
import {
  PerfgateError,
  describeError,
  isPerfgateError
} from "./chunk-RXSKCGKU.js";
import "./chunk-L7LVZID3.js";
import "./chunk-45BS2XPL.js";

// src/action.ts
import { fileURLToPath } from "node:url";

// src/action/action-inputs.ts
var MODES = ["check", "measure-baseline", "update-baseline", "canary", "comment", "merge"];
function readActionInputs() {
  const text = (name, fallback = "") => getInput(name) || fallback;
  const mode = text("mode", "check");
  if (!MODES.includes(mode)) throw new PerfgateError("USAGE", `input mode: expected one of ${MODES.join(", ")} (got ${JSON.stringify(mode)})`);
  const trialsText = text("trials");
  const trials = trialsText === "" ? void 0 : integer("trials", trialsText, 2);
  const token = text("github-token");
  if (token !== "") setSecret(token);
  return {
    mode,
    config: text("config", "perfgate.config.json"),
    trials,
    baseRef: text("base-ref"),
    failOnRegression: boolean("fail-on-regression", true),
    token,
    comment: boolean("comment", true),
    commentId: text("comment-id", "perfgate"),
    commentAuthor: text("comment-author"),
    annotations: boolean("annotations", true),
    acceptLabel: text("accept-label", "perfgate:accept"),
    acceptOwnPr: boolean("accept-own-pr", true),
    report: text("report"),
    url: text("url"),
    baselineUrl: text("baseline-url"),
    pprofUrl: text("pprof-url"),
    baselinePprofUrl: text("baseline-pprof-url"),
    artifact: text("artifact", "perfgate-report"),
    maxApiWrites: integer("max-api-writes", text("max-api-writes", "20"), 1),
    history: boolean("history", false),
    historyBranch: text("history-branch", "perfgate-data"),
    historyFile: text("history-file", "history.ndjson"),
    historyBranches: text("history-branches").split(",").map((b) => b.trim()).filter((b) => b !== ""),
    shard: text("shard") === "" ? null : parseShard("input shard", text("shard")),
    shards: text("shards", "perfgate-shards")
  };
}
function boolean(name, fallback) {
  if (getInput(name) === "") return fallback;
  try {
    return getBooleanInput(name);
  } catch {
    throw new PerfgateError("USAGE", `input ${name}: expected true or false (got ${JSON.stringify(getInput(name))})`);
  }
}
function integer(name, raw, min) {
  return parseWholeNumber(`input ${name}`, raw, min);
}
function canaryTargets(inputs) {
  if (inputs.url === "") throw new PerfgateError("USAGE", "input url: required in canary mode (the deployment to replay against, for example https://canary.internal.example)");
  const canary = httpUrl("url", inputs.url);
  const stable = inputs.baselineUrl === "" ? null : httpUrl("baseline-url", inputs.baselineUrl);
  if (inputs.baselinePprofUrl !== "" && inputs.pprofUrl === "") {
    throw new PerfgateError("USAGE", "input baseline-pprof-url: given without pprof-url; the stable deployment's profiles are compared with the canary's, so give pprof-url (the canary's pprof endpoints) too, or leave baseline-pprof-url empty");
  }
  if (inputs.baselinePprofUrl !== "" && stable === null) {
    throw new PerfgateError("USAGE", "input baseline-pprof-url: given without baseline-url; it profiles the stable deployment, which is measured only when baseline-url names it (without baseline-url the canary's profiles are compared with the stored baseline's)");
  }
  return {
    canary,
    stable,
    canaryPprof: inputs.pprofUrl === "" ? null : pprofUrl("pprof-url", inputs.pprofUrl, canary),
    stablePprof: inputs.baselinePprofUrl === "" || stable === null ? null : pprofUrl("baseline-pprof-url", inputs.baselinePprofUrl, stable)
  };
}
function httpUrl(input, raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    url = void 0;
  }
  if (url?.protocol !== "http:" && url?.protocol !== "https:") throw new PerfgateError("USAGE", `input ${input}: expected an http(s) URL (got ${JSON.stringify(raw)})`);
  return url;
}
function pprofUrl(input, raw, deployment) {
  const expected = `input ${input}: expected the http(s) URL of Go's net/http/pprof endpoints, such as https://canary.internal:6060/debug/pprof/, or a path on the deployment's origin, such as /debug/pprof (got ${JSON.stringify(raw)})`;
  if (raw.startsWith("/") && !raw.startsWith("//")) return pprofBase(raw, deployment);
  try {
    httpUrl(input, raw);
  } catch {
    throw new PerfgateError("USAGE", expected);
  }
  return pprofBase(raw, deployment);
}

// src/gate/canary.ts
import { relative } from "node:path";

// src/analysis/canary-verdict.ts
var CANARY_METRICS = ["latencyP50Ms", "latencyP95Ms", "latencyP99Ms", "throughputRps"];
function canaryVerdict(comparison, judging = { functions: false }) {
  const service = comparison.service.filter((s) => CANARY_METRICS.includes(s.metric));
  if (comparison.verdict.outcome === "fail-errors") return { verdict: comparison.verdict, service, regressed: [] };
  const { alpha } = comparison.settings;
  const q = benjaminiHochberg(service.map((s) => s.comparison.p));
  const adjusted = service.map((s, i) => ({ ...s, comparison: { ...s.comparison, q: q[i] } }));
  const metrics = adjusted.filter((s) => s.comparison.outcome === "regressed" && s.comparison.q <= alpha);
  const functions = judging.functions && comparison.verdict.outcome === "fail" ? comparison.verdict.blocking : [];
  if (metrics.length > 0 || functions.length > 0) {
    const rules = [
      // compare()'s own rule for the functions, so the canary states the gate's criteria word for word.
      ...functions.length > 0 ? [comparison.verdict.rule] : [],
      ...metrics.length > 0 ? [`${metrics.map((s) => s.metric).join(", ")} regressed: Mann\u2013Whitney q <= ${alpha} (Benjamini\u2013Hochberg over ${service.length} metrics), CI of the median ratio beyond ${1 + comparison.settings.minEffect}`] : []
    ];
    return {
      verdict: { outcome: "fail", rule: rules.join("; "), blocking: functions },
      service: adjusted,
      regressed: [...functions.map((f) => f.key), ...metrics.map((s) => s.metric)]
    };
  }
  const { baseline, candidate } = comparison.trials;
  const minimumP = mannWhitney(
    Array.from({ length: baseline }, (_, i) => i),
    Array.from({ length: candidate }, (_, i) => i + baseline)
  ).minimumP;
  if (minimumP > alpha / Math.max(1, service.length)) {
    return { verdict: { outcome: "inconclusive", rule: `${baseline} vs ${candidate} rounds cannot reach significance over ${service.length} metrics; use more trials` }, service: adjusted, regressed: [] };
  }
  if (judging.functions && comparison.verdict.outcome === "inconclusive") {
    return { verdict: { outcome: "inconclusive", rule: `${comparison.verdict.rule}; use more trials` }, service: adjusted, regressed: [] };
  }
  const what = judging.functions ? "no function or client-side metric regressed" : "no client-side metric regressed";
  return { verdict: { outcome: "pass", rule: `${what} (q <= ${alpha}, effect beyond ${1 + comparison.settings.minEffect})` }, service: adjusted, regressed: [] };
}

// src/report/canary-markdown.ts
var TOP_ROWS = 10;
function renderCanaryMarkdown(report, context) {
  const { comparison } = report;
  const verdict = comparison.verdict;
  const headline = verdict.outcome === "pass" ? "\u2705 canary: no regression" : verdict.outcome === "inconclusive" ? "\u26A0\uFE0F canary: inconclusive" : verdict.outcome === "fail-errors" ? "\u274C canary: requests failed" : "\u274C canary: regressed";
  const reference = context.stable ? `the stable deployment ${escapeMarkdown(context.stable)}, in alternating rounds` : "the stored baseline";
  const out = [`## perfgate: ${headline}`, ""];
  out.push(`**Rule:** ${escapeMarkdown(verdict.rule)}.`, "");
  out.push(`Replayed the recorded traffic against ${escapeMarkdown(context.canary)} (${comparison.trials.candidate} rounds) and compared it with ${reference} (${comparison.trials.baseline} rounds).`, "");
  if (verdict.outcome === "fail-errors") {
    out.push("| side | round | requests | no response | wrong status | non-2xx |", "|---|---:|---:|---:|---:|---:|");
    for (const e of verdict.errors) out.push(`| ${e.side === "candidate" ? "canary" : "reference"} | ${e.trial} | ${e.requests} | ${e.errors} | ${e.statusMismatches} | ${e.non2xx} |`);
    out.push("");
  }
  out.push("| metric | reference | canary | change (95% CI) | q |", "|---|---:|---:|---|---:|");
  for (const s of comparison.service) {
    if (!CANARY_METRICS.includes(s.metric)) continue;
    const { label, format } = SERVICE_METRICS[s.metric];
    const c = s.comparison;
    out.push(`| ${c.outcome === "regressed" ? "\u{1F534} " : ""}${label} | ${format(c.baselineMedian)} | ${format(c.candidateMedian)} | ${change(c)} | ${formatQ(c.q)} |`);
  }
  out.push("");
  const profiled2 = context.profiled ?? { canary: false, reference: false };
  if (profiled2.canary && profiled2.reference) {
    out.push(...functionsSection(report));
    out.push("<sub>Functions are compared by their share of busy CPU in the pprof profiles of each round (in the tables, baseline is the reference and candidate the canary); CPU and memory totals of a deployment are not measured.</sub>", "");
  } else {
    out.push(`<sub>CPU, memory and per-function costs are not measured: a deployed service is observed from outside${profiled2.canary ? "" : " (give pprof-url to profile it through its pprof endpoints)"}.</sub>`, "");
  }
  for (const warning2 of comparison.warnings) out.push(`> [!WARNING]
> ${escapeMarkdown(warning2)}`, "");
  return out.join("\n");
}
function functionsSection(report) {
  const { findings } = report.comparison;
  const changed = [...findings.filter((f) => f.outcome === "regressed").slice(0, TOP_ROWS), ...findings.filter((f) => f.outcome === "improved").slice(0, TOP_ROWS)];
  const out = ["### Functions", ""];
  if (changed.length > 0) out.push(...topTable(changed, report.functionLines ?? {}, nanosAsTime), "");
  else out.push("No function changed significantly.", "");
  const tested = findings.filter((f) => f.presence === "both");
  out.push(`<details><summary>All ${tested.length} tested functions</summary>`, "", ...functionTable(tested, nanosAsTime), "", "</details>", "");
  return out;
}

// src/gate/canary-rounds.ts
import { mkdirSync } from "node:fs";
import { join } from "node:path";
async function measureCanary(config, requests, targets, progress, signal) {
  const profileDir = join(config.outputDir, "profiles");
  const load = (origin, amount, startAt2, windowEnd) => {
    const signals = [...signal ? [signal] : [], ...windowEnd ? [windowEnd] : []];
    return replayLoad(origin, requests, { amount, startAt: startAt2, connections: config.load.connections, timeoutMs: config.load.requestTimeoutMs, ...signals.length > 0 ? { signal: AbortSignal.any(signals) } : {} });
  };
  const side = (name, origin, pprof, setting) => ({
    name,
    origin,
    pprof,
    setting,
    rounds: [],
    profiles: { cpu: [], allocations: [], pprofs: [], allocationPprofs: [] },
    warmup: void 0
  });
  const canary = side("canary", targets.canary, targets.canaryPprof, "input pprof-url");
  const stable = targets.stable ? side("stable", targets.stable, targets.stablePprof, "input baseline-pprof-url") : null;
  const sides = stable ? [stable, canary] : [canary];
  if (sides.some((s) => s.pprof)) mkdirSync(profileDir, { recursive: true });
  if (config.load.warmupRequests > 0) {
    for (const s of sides) s.warmup = await progress.phase(`${s.name} warm-up`, () => load(s.origin, config.load.warmupRequests, 0));
  }
  const startAt = config.load.warmupRequests % requests.length;
  const windowSeconds = sides.some((s) => s.pprof) ? Math.max(...sides.map((s) => pprofWindowSeconds(config.profile.pprofSeconds, config.load.measureRequests, s.warmup))) : null;
  const windowConfig = windowSeconds === null ? config : { ...config, profile: { ...config.profile, pprofSeconds: windowSeconds } };
  for (let round = 1; round <= config.trials; round++) {
    const order = round % 2 === 1 ? sides : [...sides].reverse();
    for (const s of order) {
      if (signal?.aborted) throw new PerfgateError("INTERRUPTED", "interrupted during the canary rounds");
      const metrics = await progress.phase(`${s.name} round ${round} of ${config.trials}`, async () => {
        const runLoad = (amount, windowEnd) => load(s.origin, amount, startAt, windowEnd);
        if (!s.pprof) {
          const result = windowSeconds === null ? await load(s.origin, config.load.measureRequests, startAt) : await loadForSeconds(windowSeconds, config.load.measureRequests, s.warmup, runLoad);
          return trialMetrics(checked(result, s.name, s.origin, round), void 0, void 0);
        }
        const window = await measurePprofHttpWindow({ base: s.pprof, setting: s.setting }, windowConfig, s.warmup, runLoad, signal);
        checked(window.load, s.name, s.origin, round);
        if (round === 1 && !window.allocationsServed) progress.line(`  ${s.name}: its pprof endpoints have no allocs profile (HTTP 404); allocations are not profiled`);
        const out = { cpu: join(profileDir, `${s.name}-round-${round}.pb.gz`), allocations: join(profileDir, `${s.name}-round-${round}.alloc.pb.gz`) };
        s.profiles.cpu.push(out.cpu);
        s.profiles.allocations.push(out.allocations);
        const profiled2 = pprofHttpTrialProfiles(window, out, config);
        s.profiles.pprofs.push(profiled2.cpu);
        if (window.allocationsServed) s.profiles.allocationPprofs.push(profiled2.allocations);
        return trialMetrics(window.load, profiled2, void 0);
      });
      s.rounds.push(metrics);
      progress.line(`  ${s.name} round ${round}: ${metrics.requests} responses, ${metrics.service.throughputRps.toFixed(0)} req/s, p95 ${metrics.service.latencyMs.p95.toFixed(1)} ms`);
    }
  }
  const none = { cpu: [], allocations: [], pprofs: [], allocationPprofs: [] };
  return { canary: canary.rounds, stable: stable?.rounds ?? [], profiles: { canary: canary.profiles, stable: stable?.profiles ?? none } };
}
function checked(result, side, origin, round) {
  if (result.responses === 0) {
    throw new PerfgateError("LOAD_FAILED", `${side} ${origin.origin}: no request got a response in round ${round} (${result.errors} errors, ${result.timeouts} timeouts)`);
  }
  return result;
}
function clientSideOnly(trials) {
  return trials.map((t) => ({ ...withoutAllocationTotals(t), sampledCpuNanos: 0, functions: {}, service: { ...t.service, cpuMicrosPerRequest: 0, maxRssBytes: 0 } }));
}
function withoutServiceUsage(trials) {
  return trials.map((t) => ({ ...t, service: { ...t.service, cpuMicrosPerRequest: 0, maxRssBytes: 0 } }));
}
function allocationsOnBothOrNeither(reference, canary) {
  const both = allocationsProfiled(reference) && allocationsProfiled(canary);
  if (both || !allocationsProfiled(reference) && !allocationsProfiled(canary)) return { reference: [...reference], canary: [...canary], dropped: false };
  return { reference: reference.map(withoutAllocationTotals), canary: canary.map(withoutAllocationTotals), dropped: true };
}
function withoutAllocationTotals({ allocatedBytes: _bytes, allocatedObjects: _objects, ...trial }) {
  return trial;
}
function profiled(trials) {
  return trials.length > 0 && trials.every((t) => t.sampledCpuNanos > 0 && Object.keys(t.functions).length > 0);
}

// src/gate/canary.ts
async function runCanary(config, targets, progress) {
  const { canary, stable } = targets;
  const requests = readReplayFile(config.replayPath);
  const stored = stable ? null : readBaseline(config.baselinePath);
  const measured = await measureCanary(config, requests, targets, progress);
  const canaryProfiled = targets.canaryPprof !== null;
  const referenceProfiled = stable ? targets.stablePprof !== null : profiled(stored.trials);
  const functions = canaryProfiled && referenceProfiled;
  const referenceTrials = stable ? measured.stable : functions ? withoutServiceUsage(stored.trials) : stored.trials;
  const sides = functions ? allocationsOnBothOrNeither(referenceTrials, measured.canary) : { reference: clientSideOnly(referenceTrials), canary: clientSideOnly(measured.canary), dropped: false };
  const comparison = compare(sides.reference, sides.canary, config.compare);
  const judged = canaryVerdict(comparison, { functions });
  const warnings = functions ? [...comparison.warnings] : comparison.warnings.filter((w) => !/no function can be flagged/.test(w));
  if (canaryProfiled && !referenceProfiled) {
    warnings.push(
      stable ? "The canary was profiled (pprof-url) but the stable deployment was not (no baseline-pprof-url): functions were not compared, only client-side metrics. Give baseline-pprof-url to compare them." : `The canary was profiled (pprof-url) but the stored baseline ${config.baselinePath} has no function tables: functions were not compared, only client-side metrics.`
    );
  }
  if (sides.dropped) {
    warnings.push("Allocations were not compared: only one side has allocation profiles (pprof endpoints without /allocs, or a stored baseline without allocations). CPU shares were compared.");
  }
  if (!stable) {
    warnings.push("The reference is the stored baseline, measured on another machine against a locally started service: network and hardware differ. Give baseline-url (the stable deployment) for a like-for-like comparison.");
  }
  if (functions && !stable) {
    warnings.push("The canary's function shares are compared with the stored baseline's, profiled on another machine: shares of busy CPU cancel the machine's speed, but hardware, runtime version and build flags can still move them.");
  }
  const dir = config.outputDir;
  const rounds = measured.profiles;
  const cpu = canaryProfiled ? writeMergedPair(dir, "", rounds.canary.pprofs, stable ? { trials: rounds.stable.pprofs } : { stored: baselineProfilePath(config.baselinePath) }) : null;
  const allocations = canaryProfiled && rounds.canary.allocationPprofs.length > 0 ? writeMergedPair(dir, ".alloc", rounds.canary.allocationPprofs, stable ? { trials: rounds.stable.allocationPprofs } : { stored: baselineAllocationProfilePath(config.baselinePath) }) : null;
  const profiles = sideProfiles(cpu, allocations);
  const settings = measurementSettings(config);
  const environment = currentEnvironment({ nodeVersion: process.version, v8Version: process.versions.v8 });
  const now = (/* @__PURE__ */ new Date()).toISOString();
  const report = {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    createdAt: now,
    comparison: { ...comparison, verdict: judged.verdict, service: judged.service, findings: functions ? comparison.findings : [], warnings },
    baselineSource: stable ? { kind: "same-runner", why: `canary: the stable deployment ${stable.origin} measured in alternating rounds` } : { kind: "stored", why: `canary: the stored baseline ${config.baselinePath}` },
    baseline: stable ? { commit: null, createdAt: now, environment, settings } : { commit: stored.commit, createdAt: stored.createdAt, environment: stored.environment, settings: stored.settings },
    candidate: { commit: null, environment, settings },
    environmentDifferences: [],
    reproduce: `perfgate canary mode: url ${canary.origin}${stable ? `, baseline-url ${stable.origin}` : ""}${targets.canaryPprof ? `, pprof-url ${targets.canaryPprof.origin}` : ""}${targets.stablePprof ? `, baseline-pprof-url ${targets.stablePprof.origin}` : ""}`,
    profiles: rounds.canary.cpu.map((p) => relative(dir, p)),
    merged: cpu?.paths ?? { candidate: "", baseline: null },
    allocationProfiles: rounds.canary.allocations.map((p) => relative(dir, p)),
    ...allocations ? { mergedAllocations: allocations.paths } : {},
    ...functions ? { functionLines: functionLinesOf(profiles) } : {}
  };
  const render = (r) => renderCanaryMarkdown(r, { canary: canary.origin, stable: stable?.origin ?? null, profiled: { canary: canaryProfiled, reference: referenceProfiled } });
  writeReportFiles(dir, report, render(report), profiles);
  return { report, render, reportDir: dir, regressed: judged.regressed };
}

// src/action/mode-outcome.ts
function verdictFailure(verdict, failOnRegression, who) {
  switch (verdict.outcome) {
    case "pass":
      return null;
    case "inconclusive":
      return `${who}: inconclusive: ${verdict.rule}`;
    case "fail":
    case "fail-errors":
      return failOnRegression ? `${who}: ${verdict.rule}` : null;
    default: {
      const unreachable = verdict;
      throw new Error(`unknown verdict ${JSON.stringify(unreachable)}`);
    }
  }
}

// src/action/canary.ts
async function runCanary2(inputs, emit) {
  const targets = canaryTargets(inputs);
  const config = loadConfig(inputs.config, inputs.trials !== void 0 ? { trials: inputs.trials } : {});
  const result = await runCanary(config, targets, actionProgress);
  emit(reportOutputs(result.report, result.reportDir, result.regressed));
  await writeJobSummary(summaryMarkdown(result.report, result.render));
  return { failure: verdictFailure(result.report.comparison.verdict, inputs.failOnRegression, "perfgate canary") };
}

// src/action/check.ts
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { dirname, join as join3 } from "node:path";

// src/gate/base-commit.ts
import { execFileSync } from "node:child_process";
function pullRequestBase(folder, ends) {
  const git = (args) => execFileSync("git", args, { cwd: folder, stdio: ["ignore", "pipe", "pipe"] }).toString().trim();
  const parents = safe(() => git(["rev-list", "--parents", "-n", "1", "HEAD"]))?.split(" ").slice(1) ?? [];
  if (parents.length === 2 && parents[0] === ends.baseSha && parents[1] === ends.headSha) {
    return { commit: ends.baseSha, why: "the base branch's tip, the first parent of the PR's test merge that is checked out" };
  }
  return { commit: mergeBaseOf(folder, git, ends), why: "the merge base of the base branch and the head" };
}
function mergeBaseOf(folder, git, ends) {
  const mergeBase = () => {
    try {
      return git(["merge-base", ends.baseSha, ends.headSha]);
    } catch {
      return null;
    }
  };
  const found = mergeBase();
  if (found) return found;
  const attempts = [];
  const fetch = (args) => {
    try {
      git(["fetch", "--no-tags", "--quiet", ...args]);
      return true;
    } catch (error) {
      attempts.push(`git fetch ${args.join(" ")}: ${firstLine(error)}`);
      return false;
    }
  };
  fetch(["origin", ends.baseSha]);
  const shallow = safe(() => git(["rev-parse", "--is-shallow-repository"])) === "true";
  if (shallow) fetch(["--unshallow", "origin", ends.baseSha, ends.headSha]);
  const after = mergeBase();
  if (after) return after;
  throw new PerfgateError(
    "USAGE",
    `the PR's base cannot be found: no merge base of ${ends.baseSha.slice(0, 12)} (the base branch) and ${ends.headSha.slice(0, 12)} (the head) in ${folder}${attempts.length > 0 ? ` (${attempts.join("; ")})` : ""}. Check out the whole history: actions/checkout with \`fetch-depth: 0\`.`
  );
}
function safe(run) {
  try {
    return run();
  } catch {
    return null;
  }
}
function firstLine(error) {
  const stderr = error.stderr?.toString().trim();
  return (stderr || String(error)).split("\n")[0];
}

// src/github/data-branch.ts
var ATTEMPTS = 5;
async function readDataFile(client, at) {
  try {
    const response = await client.rest.repos.getContent({ ...at.repo, path: at.path, ref: at.branch });
    const data = response.data;
    if (Array.isArray(data) || data.type !== "file" || !("content" in data)) {
      throw new PerfgateError("GITHUB_FAILED", `${at.branch}:${at.path} in ${at.repo.owner}/${at.repo.repo} is a ${Array.isArray(data) ? "directory" : data.type}, not a file`);
    }
    if (data.encoding !== "base64") throw new PerfgateError("GITHUB_FAILED", `${at.branch}:${at.path}: the contents API returned it without content (encoding ${JSON.stringify(data.encoding)}); is it over 1 MB?`);
    return { text: Buffer.from(data.content, "base64").toString("utf8"), sha: data.sha };
  } catch (error) {
    if (error.status === 404) return null;
    if (error instanceof PerfgateError) throw error;
    throw new PerfgateError("GITHUB_FAILED", `cannot read ${at.branch}:${at.path} of ${at.repo.owner}/${at.repo.repo} (${describeApiError(error)})`);
  }
}
async function updateDataFile(client, at, change2, message) {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const current = await readDataFile(client, at);
    const content = Buffer.from(change2(current?.text ?? null), "utf8").toString("base64");
    try {
      if (current === null && !await branchExists(client, at)) {
        return { commit: await createDataBranch(client, at, content, message), attempts: attempt };
      }
      const written = await client.rest.repos.createOrUpdateFileContents({ ...at.repo, path: at.path, branch: at.branch, message, content, ...current ? { sha: current.sha } : {}, request: { retries: 0 } });
      return { commit: written.data.commit.sha ?? "", attempts: attempt };
    } catch (error) {
      const status = error.status;
      if ((status === 409 || status === 422) && attempt < ATTEMPTS) continue;
      if (error instanceof PerfgateError) throw error;
      throw new PerfgateError(
        "GITHUB_FAILED",
        `cannot write ${at.branch}:${at.path} of ${at.repo.owner}/${at.repo.repo}${status === 409 || status === 422 ? ` after ${ATTEMPTS} attempts: other runs kept writing first` : ""} (${describeApiError(error)})`
      );
    }
  }
  throw new PerfgateError("GITHUB_FAILED", `cannot write ${at.branch}:${at.path}: no attempt left`);
}
async function branchExists(client, at) {
  try {
    await client.rest.git.getRef({ ...at.repo, ref: `heads/${at.branch}` });
    return true;
  } catch (error) {
    if (error.status === 404) return false;
    throw new PerfgateError("GITHUB_FAILED", `cannot read branch ${at.branch} of ${at.repo.owner}/${at.repo.repo} (${describeApiError(error)})`);
  }
}
async function createDataBranch(client, at, base64, message) {
  const blob = await client.rest.git.createBlob({ ...at.repo, content: base64, encoding: "base64" });
  const tree = await client.rest.git.createTree({ ...at.repo, tree: [{ path: at.path, mode: "100644", type: "blob", sha: blob.data.sha }] });
  const commit = await client.rest.git.createCommit({ ...at.repo, message, tree: tree.data.sha, parents: [] });
  await client.rest.git.createRef({ ...at.repo, ref: `refs/heads/${at.branch}`, sha: commit.data.sha });
  return commit.data.sha;
}

// src/history/trend-markdown.ts
var BARS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
var TREND_RUNS = 20;
function sparkline(values, scale = values) {
  const low = Math.min(...scale);
  const high = Math.max(...scale);
  return values.map((v) => BARS[high > low ? Math.max(0, Math.min(7, Math.round((v - low) / (high - low) * 7))) : 3]).join("");
}
function trendMarkdown(records, steps, branch, here, options = {}) {
  const last = records.slice(-TREND_RUNS);
  if (last.length === 0) return "";
  const values = last.map((r) => r.cpuMicrosPerRequest.median);
  const out = [`### Trend of ${branch} (last ${last.length} run${last.length === 1 ? "" : "s"}, \xB5s CPU per request)`, ""];
  const scale = here ? [...values, here.cpuMicrosPerRequest] : values;
  let line = `\`${sparkline(values, scale)}\` ${values.at(-1).toFixed(1)}`;
  if (here) {
    const below = values.filter((v) => v < here.cpuMicrosPerRequest).length;
    line += ` \u2192 this PR \`${sparkline([here.cpuMicrosPerRequest], scale)}\` ${here.cpuMicrosPerRequest.toFixed(1)}: above ${below} of the last ${values.length} runs of ${branch}`;
  }
  out.push(line, "");
  if (options.mermaid) {
    out.push("```mermaid", "xychart-beta", `  x-axis "runs of ${branch.replace(/"/g, "")}" 1 --> ${last.length + (here ? 1 : 0)}`, '  y-axis "\xB5s CPU per request"', `  line [${[...values, ...here ? [here.cpuMicrosPerRequest] : []].map((v) => v.toFixed(1)).join(", ")}]`, "```", "");
  }
  for (const step of unflaggedRises(steps)) {
    const at = records[step.index];
    out.push(
      `> [!WARNING]
> CPU per request of ${branch} rose ${(step.change * 100).toFixed(1)}% from ${at?.commit ? `\`${at.commit.slice(0, 12)}\`` : `run ${step.index + 1}`}${at?.date ? ` (${at.date.slice(0, 10)})` : ""} in a step no gate run failed: a regression that crept in below the per-PR threshold (E-divisive means, p = ${step.p.toFixed(3)}).`,
      ""
    );
  }
  return out.join("\n");
}

// src/action/history.ts
var NOTHING = { comment: "", summary: "", recorded: null, svg: null };
async function runHistory(report, context, inputs, root, log, env = process.env) {
  if (!inputs.history) return NOTHING;
  if (!context || inputs.token === "") {
    log.warning("perfgate: history needs the workflow event and a github-token; nothing was recorded or read.");
    return NOTHING;
  }
  const client = githubClient(context, inputs, log);
  const at = { repo: context.repo, branch: inputs.historyBranch, path: inputs.historyFile };
  const recordedBranches = inputs.historyBranches.length > 0 ? inputs.historyBranches : context.defaultBranch ? [context.defaultBranch] : [];
  const source = `${at.branch}:${at.path}`;
  if (context.pullRequest === null) {
    const branch = env.GITHUB_REF_NAME ?? "";
    if (!recordedBranches.includes(branch)) {
      log.info(`perfgate: not recording history for ${branch || "this ref"} (history-branches: ${recordedBranches.join(", ") || "the default branch, unknown in this event"})`);
      return NOTHING;
    }
    const run = currentRunContext(root, env);
    const runUrl = context.runId ? `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}` : null;
    const record = historyRecord(report, { ...run, branch, runUrl });
    let dropped = 0;
    const written = await updateDataFile(
      client,
      at,
      (text) => {
        const next = appendRecord(text === null ? [] : parseHistory(text, source), record, DEFAULT_MAX_RECORDS);
        dropped = next.dropped;
        return serializeHistory(next.records);
      },
      `perfgate: history of ${branch} at ${(report.candidate.commit ?? "unknown").slice(0, 12)}`
    );
    log.info(`perfgate: recorded this run in ${source} (commit ${written.commit.slice(0, 12)}, ${written.attempts} attempt(s))${dropped > 0 ? `; dropped the ${dropped} oldest runs (keeps ${DEFAULT_MAX_RECORDS})` : ""}`);
    return { ...NOTHING, recorded: written.commit };
  }
  return readTrend(report, client, at, recordedBranches, source);
}
async function prTrend(report, context, inputs, log) {
  if (!inputs.history || inputs.token === "") return NOTHING;
  const at = { repo: context.repo, branch: inputs.historyBranch, path: inputs.historyFile };
  const recordedBranches = inputs.historyBranches.length > 0 ? inputs.historyBranches : context.defaultBranch ? [context.defaultBranch] : [];
  return readTrend(report, githubClient(context, inputs, log), at, recordedBranches, `${at.branch}:${at.path}`);
}
async function readTrend(report, client, at, recordedBranches, source) {
  const file = await readDataFile(client, at);
  if (file === null) return NOTHING;
  const trendBranch = recordedBranches[0];
  const { branch, records } = branchRecords(parseHistory(file.text, source), trendBranch);
  const steps = historySteps(records);
  const here = report.diffScore ? { cpuMicrosPerRequest: report.diffScore.cpuPerRequest.candidateMedian } : null;
  const name = branch ?? "the default branch";
  return {
    comment: trendMarkdown(records, steps, name, here),
    summary: trendMarkdown(records, steps, name, here, { mermaid: true }) + "The whole history as a chart: `trend.svg` in the report artifact.\n",
    recorded: null,
    svg: records.length > 0 ? historySvg(records, steps) : null
  };
}

// src/action/merge.ts
import { readdirSync, realpathSync } from "node:fs";
import { join as join2, resolve } from "node:path";
async function runMerge(inputs, context, workspace, emit) {
  const dirs = shardFolders(resolve(workspace, inputs.shards));
  info(`perfgate: merging ${dirs.length} shard folder(s) from ${inputs.shards}`);
  const result = mergeServices(dirs, resolve(workspace, "perfgate-report"));
  const render = markdownRenderer(context, context?.runId ?? null);
  const only = result.services.length === 1 ? result.services[0] : null;
  const fitted = (limit, room) => only ? fitReport(only.report, render, limit, room).markdown : renderServicesMarkdown(result.services.map((s) => ({ ...s, markdown: fitReport(s.report, render, limit, limit.max - Math.floor(limit.max * 0.9 / result.services.length)).markdown })));
  await writeJobSummary(fitted(GITHUB_LIMITS.summary, 0));
  const failure = only ? verdictFailure(only.report.comparison.verdict, inputs.failOnRegression, "perfgate") : servicesFailure(result.services, inputs.failOnRegression);
  emit(
    only ? reportOutputs(only.report, only.reportDir) : { verdict: result.outcome, regressions: JSON.stringify(result.services.flatMap((s) => regressedKeys(s.report).map((key) => `${s.service}:${key}`))), "report-path": result.reportDir }
  );
  const pr = context?.pullRequest;
  if (context && pr && inputs.comment && inputs.token !== "") {
    if (pr.fromFork) {
      actionLog.notice(`perfgate: #${pr.number} comes from a fork; this run has a read-only token, so the merged result is in the job summary only`);
    } else {
      const posted = await postComment(githubClient(context, inputs, actionLog), context, pr.number, (marker) => neutraliseMarkers(fitted(GITHUB_LIMITS.comment, marker.length + 1)), inputs, actionLog);
      if (posted) emit({ "comment-url": posted.url });
    }
  }
  return { failure };
}
function servicesFailure(services, failOnRegression) {
  const reasons = services.flatMap((s) => {
    const why = verdictFailure(s.report.comparison.verdict, failOnRegression, s.service);
    return why === null ? [] : [why];
  });
  return reasons.length === 0 ? null : `perfgate: ${reasons.join("; ")}`;
}
async function shardStep(dir, emit, run) {
  try {
    const result = await run();
    info(`perfgate: shard ${shardName(result.manifest.shard)} wrote pairs ${result.manifest.pairs.join(", ")} to ${result.dir}; upload it for the merge job`);
    emit({ "report-path": result.dir });
    return { failure: null };
  } catch (error) {
    emit({ "report-path": dir });
    return { failure: `perfgate: this shard failed: ${describeError(error)}` };
  }
}
function shardFolders(root) {
  let entries;
  try {
    entries = readdirSync(realpathSync(root), { withFileTypes: true });
  } catch (error) {
    throw new PerfgateError("SHARD_INVALID", `input shards: ${root} cannot be read (${describeError(error)}); did the download-artifact step run?`);
  }
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => join2(root, e.name)).filter((dir) => readdirSync(dir).includes(SHARD_FILE)).sort();
  if (dirs.length === 0) throw new PerfgateError("SHARD_INVALID", `input shards: no folder under ${root} holds a ${SHARD_FILE}; download the shard artifacts there (actions/download-artifact with pattern: perfgate-shard-*)`);
  return dirs;
}

// src/action/check.ts
async function runCheck(inputs, context, agentPath, workspace, emit) {
  let report;
  let reportDir;
  let root = workspace;
  if (inputs.report !== "") {
    if (existsSync(inputs.config)) root = loadConfig(inputs.config).root;
    report = readReportFile(inputs.report);
    reportDir = dirname(inputs.report);
    info(`perfgate: publishing the report ${inputs.report} (input report); nothing is measured`);
  } else {
    const baseRef = checkBaseRef(inputs, context, workspace);
    const config = loadConfig(inputs.config, { ...inputs.trials !== void 0 ? { trials: inputs.trials } : {}, ...baseRef !== void 0 ? { baseRef } : {} });
    root = config.root;
    if (inputs.shard !== null) {
      const reproduce = `npx perfgate run --config ${inputs.config}${baseRef !== void 0 ? ` --base-ref ${baseRef}` : ""} --shard ${inputs.shard.index}/${inputs.shard.count}`;
      return shardStep(config.outputDir, emit, () => runShard({ config, agentPath, progress: actionProgress, runId: randomUUID(), reproduce, shard: inputs.shard, service: inputs.config }));
    }
    const result = await runGate({
      config,
      agentPath,
      progress: actionProgress,
      runId: randomUUID(),
      reproduce: `npx perfgate run --config ${inputs.config}${inputs.trials !== void 0 ? ` --trials ${inputs.trials}` : ""}${baseRef !== void 0 ? ` --base-ref ${baseRef}` : ""}`
    });
    report = result.report;
    reportDir = result.reportDir;
  }
  const failure = verdictFailure(report.comparison.verdict, inputs.failOnRegression, "perfgate");
  emit(reportOutputs(report, reportDir));
  const history = await runHistory(report, context, inputs, root, actionLog);
  if (history.svg !== null) writeFileAtomic(join3(reportDir, "trend.svg"), `<?xml version="1.0" encoding="UTF-8"?>
${history.svg}
`);
  const plain = markdownRenderer(context, context?.runId ?? null);
  const render = (r) => plain(r) + history.comment;
  await writeJobSummary(summaryMarkdown(report, (r) => plain(r) + history.summary));
  if (inputs.annotations) emitAnnotations(report, reportDir, { root }, workspace, failure !== null ? "error" : "warning");
  const pr = context?.pullRequest;
  if (context && pr && inputs.comment) {
    if (pr.fromFork) {
      actionLog.notice(
        `perfgate: #${pr.number} comes from the fork ${pr.headRepo ?? "(deleted)"}; this run has a read-only token, so the result is in the job summary and the report artifact, and the perfgate-comment workflow posts the comment.`
      );
    } else if (inputs.token === "") {
      actionLog.warning("perfgate: no github-token, so no PR comment; the result is in the job summary.");
    } else {
      const client = githubClient(context, inputs, actionLog);
      const posted = await postComment(client, context, pr.number, (marker) => commentMarkdown(report, marker, render), inputs, actionLog);
      if (posted) emit({ "comment-url": posted.url });
    }
  }
  return { failure };
}
function checkBaseRef(inputs, context, workspace) {
  if (inputs.baseRef !== "") return inputs.baseRef;
  const pr = context?.pullRequest;
  if (!pr || !existsSync(inputs.config) || loadConfig(inputs.config).compare.baseline === "stored") return void 0;
  const base = pullRequestBase(workspace, pr);
  info(`perfgate: measuring the PR's base ${base.commit.slice(0, 12)} (${base.why}, ${pr.baseRef}) on this runner, interleaved with what is checked out`);
  return base.commit;
}

// src/action/outputs.ts
var OUTPUT_NAMES = ["verdict", "regressions", "report-path", "comment-url", "baseline-commit", "pull-request", "diff-score", "diff-score-low", "diff-score-high"];
function setOutputs(outputs) {
  for (const name of OUTPUT_NAMES) {
    const value = outputs[name];
    if (value !== void 0) setOutput(name, value);
  }
}

// src/action/measure-baseline.ts
import { randomUUID as randomUUID2 } from "node:crypto";
import { copyFileSync, existsSync as existsSync2, mkdirSync as mkdirSync2, readdirSync as readdirSync3 } from "node:fs";
import { dirname as dirname2, join as join5, resolve as resolve2 } from "node:path";

// src/github/baseline-artifact.ts
import { lstatSync, readdirSync as readdirSync2, realpathSync as realpathSync2 } from "node:fs";
import { join as join4, posix } from "node:path";
var PREVIOUS_BASELINE_FOLDER = "previous";
var MAX_ENTRIES = 64;
function readBaselineArtifact(folder, baselinePath, profilePaths) {
  const previousPath = posix.join(PREVIOUS_BASELINE_FOLDER, baselinePath);
  const allowed = /* @__PURE__ */ new Set([baselinePath, ...profilePaths, previousPath]);
  const found = listFiles(folder);
  for (const path of found) {
    if (!allowed.has(path)) {
      throw new PerfgateError("ARTIFACT_INVALID", `${join4(folder, path)}: not a file of the baseline; the artifact may hold only ${[...allowed].join(", ")}; refusing all of it`);
    }
  }
  if (!found.includes(baselinePath)) throw new PerfgateError("ARTIFACT_INVALID", `${folder}: the artifact has no ${baselinePath}; did the measuring job upload it?`);
  const readJson = (path) => parseBaseline(readCappedBytes(join4(folder, path), MAX_ARTIFACT_REPORT_BYTES).toString("utf8"), join4(folder, path));
  const baseline = readJson(baselinePath);
  const files = [{ path: baselinePath, content: readCappedBytes(join4(folder, baselinePath), MAX_ARTIFACT_REPORT_BYTES) }];
  for (const path of profilePaths.filter((p) => found.includes(p))) {
    const content = readCappedBytes(join4(folder, path), DEFAULT_PROFILE_LIMITS.maxCompressedBytes);
    decodePprof(content, join4(folder, path));
    files.push({ path, content });
  }
  return { files, baseline, previous: found.includes(previousPath) ? readJson(previousPath) : null };
}
function listFiles(folder) {
  let root;
  try {
    root = realpathSync2(folder);
  } catch (error) {
    throw new PerfgateError("ARTIFACT_INVALID", `${folder}: the artifact folder cannot be read (${describeError(error)}); did the download step run?`);
  }
  const files = [];
  let entries = 0;
  const walk = (relative3) => {
    for (const name of readdirSync2(join4(root, relative3))) {
      if (++entries > MAX_ENTRIES) throw new PerfgateError("ARTIFACT_INVALID", `${folder}: more than ${MAX_ENTRIES} entries; a baseline artifact holds at most four files`);
      const path = relative3 === "" ? name : `${relative3}/${name}`;
      const stat = lstatSync(join4(root, path));
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) files.push(path);
      else throw new PerfgateError("ARTIFACT_INVALID", `${join4(folder, path)}: expected a regular file (got a ${stat.isSymbolicLink() ? "symbolic link" : "device or socket"}); refusing to follow it`);
    }
  };
  walk("");
  return files;
}

// src/action/update-baseline.ts
import { isAbsolute, relative as relative2, sep } from "node:path";

// src/github/commit-file.ts
async function branchHead(client, repo, branch) {
  try {
    const ref = await client.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
    return ref.data.object.sha;
  } catch (error) {
    throw new PerfgateError("GITHUB_FAILED", `cannot read branch ${branch} of ${repo.owner}/${repo.repo} (${describeApiError(error)})`);
  }
}
function headMovedError(branch, expected, actual) {
  return new PerfgateError(
    "HEAD_MOVED",
    `branch ${branch} moved from ${expected.slice(0, 12)} (the commit that was labelled and measured) to ${actual.slice(0, 12)}; nothing was committed. Add the label again to measure the new head.`
  );
}
async function commitFile(client, change2) {
  const { repo } = change2;
  const current = await branchHead(client, repo, change2.branch);
  if (current !== change2.expectedHead) throw headMovedError(change2.branch, change2.expectedHead, current);
  const parent = await client.rest.git.getCommit({ ...repo, commit_sha: change2.expectedHead });
  const entries = [];
  for (const file of change2.files) {
    const blob = await client.rest.git.createBlob({ ...repo, content: Buffer.from(file.content).toString("base64"), encoding: "base64" });
    entries.push({ path: file.path, mode: "100644", type: "blob", sha: blob.data.sha });
  }
  const tree = await client.rest.git.createTree({ ...repo, base_tree: parent.data.tree.sha, tree: entries });
  const commit = await client.rest.git.createCommit({ ...repo, message: change2.message, tree: tree.data.sha, parents: [change2.expectedHead] });
  try {
    await client.rest.git.updateRef({ ...repo, ref: `heads/${change2.branch}`, sha: commit.data.sha, force: false });
  } catch (error) {
    if (error.status === 422) {
      const now = await branchHead(client, repo, change2.branch);
      throw headMovedError(change2.branch, change2.expectedHead, now);
    }
    throw new PerfgateError("GITHUB_FAILED", `cannot move branch ${change2.branch} to the new commit (${describeApiError(error)})`);
  }
  return commit.data.sha;
}

// src/github/permissions.ts
var ALLOWED = /* @__PURE__ */ new Set(["admin", "write"]);
async function requireWritePermission(client, repo, login, what) {
  let permission;
  try {
    const response = await client.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: login });
    permission = response.data.permission;
  } catch (error) {
    const status = error.status;
    if (status === 404) permission = "none";
    else throw new PerfgateError("GITHUB_FAILED", `cannot check ${login}'s permission on ${repo.owner}/${repo.repo} (${describeApiError(error)})`);
  }
  if (!ALLOWED.has(permission)) {
    throw new PerfgateError(
      "PERMISSION_DENIED",
      `${what}: @${login} has "${permission}" permission on ${repo.owner}/${repo.repo}; it needs "write" or "admin" (collaborators permission API). Ask a maintainer to add the label.`
    );
  }
  return permission;
}

// src/report/baseline-change.ts
var TOP_FUNCTIONS = 10;
function renderBaselineChange(change2) {
  const { previous, next } = change2;
  const out = [];
  out.push("## perfgate: baseline updated", "");
  out.push(
    `${escapeMarkdown(change2.requestedBy)} added the label \`${codeSpanText(change2.label)}\`; perfgate measured ${next.commit ? `\`${codeSpanText(next.commit.slice(0, 12))}\`` : "the PR head"} (${next.trials.length} trials, Node ${escapeMarkdown(next.environment.nodeVersion)}) and committed \`${codeSpanText(change2.path)}\` to \`${codeSpanText(change2.branch)}\` as \`${codeSpanText(change2.commit.slice(0, 12))}\`. Review it like any other change.`,
    ""
  );
  if (!previous) {
    out.push("There was no previous baseline at this path.", "");
    return out.join("\n");
  }
  out.push("| metric (median over trials) | previous | new | change |", "|---|---:|---:|---:|");
  const rows = [
    ["CPU per request (OS)", (t) => t.service.cpuMicrosPerRequest, (v) => `${v.toFixed(0)} \xB5s`],
    ["throughput", (t) => t.service.throughputRps, (v) => `${v.toFixed(0)} req/s`],
    ["latency p95", (t) => t.service.latencyMs.p95, (v) => `${v.toFixed(2)} ms`],
    ["latency p99", (t) => t.service.latencyMs.p99, (v) => `${v.toFixed(2)} ms`]
  ];
  for (const [label, read, format] of rows) {
    const before = median2(previous.trials.map(read));
    const after = median2(next.trials.map(read));
    out.push(`| ${label} | ${format(before)} | ${format(after)} | ${before > 0 ? `${after >= before ? "+" : ""}${((after - before) / before * 100).toFixed(1)}%` : "\u2014"} |`);
  }
  out.push("");
  const moves = shareMoves(previous.trials, next.trials).slice(0, TOP_FUNCTIONS);
  if (moves.length > 0) {
    out.push(`### Largest moves in share of busy CPU (total, top ${moves.length})`, "", "| function | file | previous | new |", "|---|---|---:|---:|");
    for (const m of moves) out.push(`| ${escapeMarkdown(m.name)} | ${escapeMarkdown(m.file || "(native)")} | ${m.before === null ? "absent" : percent(m.before)} | ${m.after === null ? "absent" : percent(m.after)} |`);
    out.push("");
  }
  if (previous.settings.replaySha256 !== next.settings.replaySha256) out.push("> [!NOTE]\n> The replay file changed since the previous baseline.", "");
  return out.join("\n");
}
function shareMoves(before, after) {
  const shares = (trials) => {
    const byKey = /* @__PURE__ */ new Map();
    for (const t of trials) {
      for (const [key, cost] of Object.entries(t.functions)) {
        const entry = byKey.get(key) ?? { name: cost.name, file: cost.file, values: [] };
        entry.values.push(t.sampledCpuNanos > 0 ? cost.totalNanos / t.sampledCpuNanos : 0);
        byKey.set(key, entry);
      }
    }
    return byKey;
  };
  const a = shares(before);
  const b = shares(after);
  const moves = [];
  for (const key of /* @__PURE__ */ new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    moves.push({ name: (x ?? y).name, file: (x ?? y).file, before: x ? median2(x.values) : null, after: y ? median2(y.values) : null });
  }
  const size = (m) => Math.abs((m.after ?? 0) - (m.before ?? 0));
  return moves.filter((m) => size(m) > 0).sort((p, q) => size(q) - size(p));
}
function median2(values) {
  return values.length === 0 ? 0 : median([...values]);
}

// src/action/update-baseline.ts
function acceptEvent(context, inputs, mode) {
  const pr = context?.pullRequest;
  if (!context || !pr || context.eventName !== "pull_request") {
    throw new PerfgateError("USAGE", `mode ${mode} runs on a pull_request "labeled" event (got ${JSON.stringify(context?.eventName || "no event")})`);
  }
  if (context.action !== "labeled" || context.label !== inputs.acceptLabel) {
    const what = context.action === "labeled" ? `the label added was ${JSON.stringify(context.label)}` : `the event's action is ${JSON.stringify(context.action)}`;
    notice(`perfgate: ${what}, not the label ${JSON.stringify(inputs.acceptLabel)} being added; nothing to do`);
    return null;
  }
  if (pr.fromFork) {
    throw new PerfgateError(
      "PERMISSION_DENIED",
      `${mode}: #${pr.number} comes from the fork ${pr.headRepo ?? "(deleted)"}; perfgate only updates baselines on branches of ${context.repo.owner}/${context.repo.repo}, because a fork's code must never run with a write token. A maintainer can push the branch here, or run \`perfgate baseline\` and commit the file.`
    );
  }
  return pr;
}
function baselineRepositoryPaths(configPath, workspace) {
  const config = loadConfig(configPath);
  return {
    baseline: repositoryPath(workspace, config.baselinePath),
    profiles: [baselineProfilePath(config.baselinePath), baselineAllocationProfilePath(config.baselinePath)].map((p) => repositoryPath(workspace, p))
  };
}
async function runUpdateBaseline(inputs, context, workspace, emit) {
  const pr = acceptEvent(context, inputs, "update-baseline");
  if (!context || !pr) return { failure: null };
  if (inputs.token === "") throw new PerfgateError("USAGE", "update-baseline needs github-token with contents: write and pull-requests: write");
  const client = githubClient(context, inputs, actionLog);
  const sender = context.sender;
  if (!sender) throw new PerfgateError("USAGE", "update-baseline: the event names no sender, so whoever added the label cannot be checked");
  try {
    if (!inputs.acceptOwnPr && pr.author !== null && pr.author.toLowerCase() === sender.toLowerCase()) {
      throw new PerfgateError(
        "PERMISSION_DENIED",
        `the label ${inputs.acceptLabel}: @${sender} opened #${pr.number} and may not accept its own performance change (accept-own-pr: false); ask another maintainer to add the label`
      );
    }
    await requireWritePermission(client, context.repo, sender, `the label ${inputs.acceptLabel}`);
    const before = await branchHead(client, context.repo, pr.headRef);
    if (before !== pr.headSha) throw headMovedError(pr.headRef, pr.headSha, before);
    const paths = baselineRepositoryPaths(inputs.config, workspace);
    const artifact = readBaselineArtifact(inputs.artifact, paths.baseline, paths.profiles);
    if (artifact.baseline.commit !== pr.headSha) {
      throw new PerfgateError(
        "ARTIFACT_INVALID",
        `${inputs.artifact}: the baseline was measured on ${artifact.baseline.commit ?? "no commit"}, not on ${pr.headSha}, the head that was labelled; nothing was committed`
      );
    }
    const commit = await commitFile(client, {
      repo: context.repo,
      branch: pr.headRef,
      expectedHead: pr.headSha,
      files: artifact.files,
      message: `perfgate: update ${paths.baseline}

Re-measured ${pr.headSha.slice(0, 12)} (${artifact.baseline.trials.length} trials) after ${sender} added the label ${inputs.acceptLabel}.`
    });
    info(`perfgate: committed ${artifact.files.map((f) => f.path).join(", ")} to ${pr.headRef} as ${commit}`);
    emit({ "baseline-commit": commit });
    const body = neutraliseMarkers(
      renderBaselineChange({ previous: artifact.previous, next: artifact.baseline, path: paths.baseline, commit, branch: pr.headRef, requestedBy: sender, label: inputs.acceptLabel })
    );
    await writeJobSummary(body);
    await postComment(client, context, pr.number, () => body, { commentId: `${inputs.commentId}-baseline`, commentAuthor: inputs.commentAuthor }, actionLog);
    return { failure: null };
  } catch (error) {
    if (error instanceof PerfgateError && (error.code === "PERMISSION_DENIED" || error.code === "HEAD_MOVED" || error.code === "ARTIFACT_INVALID")) {
      await writeJobSummary(`## perfgate: baseline not updated

${error.message.replace(/[<>]/g, "")}
`);
    }
    throw error;
  } finally {
    await removeLabel(client, context, pr, inputs.acceptLabel);
  }
}
async function removeLabel(client, context, pr, label) {
  try {
    await client.rest.issues.removeLabel({ ...context.repo, issue_number: pr.number, name: label });
  } catch (error) {
    if (error.status !== 404) actionLog.warning(`perfgate: could not remove the label ${label} from #${pr.number} (${describeApiError(error)})`);
  }
}
function repositoryPath(workspace, absolute) {
  const inside = relative2(workspace, absolute);
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) {
    throw new PerfgateError("CONFIG_INVALID", `update-baseline: the baseline ${absolute} is outside the repository checkout ${workspace}; it cannot be committed`);
  }
  return inside.split(sep).join("/");
}

// src/action/measure-baseline.ts
async function runMeasureBaseline(inputs, context, agentPath, workspace, emit) {
  const pr = acceptEvent(context, inputs, "measure-baseline");
  if (!pr) return { failure: null };
  const checkedOut = currentCommit(workspace);
  if (checkedOut !== pr.headSha) {
    throw new PerfgateError(
      "USAGE",
      `measure-baseline: the workspace has ${checkedOut ?? "no git checkout"} checked out, not the PR head ${pr.headSha} that was labelled; check out with \`ref: \${{ github.event.pull_request.head.sha }}\``
    );
  }
  const out = resolve2(inputs.artifact);
  if (existsSync2(out) && readdirSync3(out).length > 0) {
    throw new PerfgateError("USAGE", `input artifact: ${out} is not empty; measure-baseline writes the baseline into a new folder (for example \${{ runner.temp }}/perfgate-baseline)`);
  }
  const config = loadConfig(inputs.config, inputs.trials !== void 0 ? { trials: inputs.trials } : {});
  const paths = baselineRepositoryPaths(inputs.config, workspace);
  const copy = (from, to) => {
    mkdirSync2(dirname2(join5(out, to)), { recursive: true });
    copyFileSync(from, join5(out, to));
  };
  if (existsSync2(config.baselinePath)) {
    try {
      readBaseline(config.baselinePath);
      copy(config.baselinePath, `${PREVIOUS_BASELINE_FOLDER}/${paths.baseline}`);
    } catch (error) {
      warning(`perfgate: the previous baseline ${config.baselinePath} cannot be read (${describeError(error)}); it is replaced`);
    }
  }
  const next = await runBaseline({ config, agentPath, progress: actionProgress, runId: randomUUID2() });
  for (const path of [paths.baseline, ...paths.profiles]) {
    const from = join5(workspace, path);
    if (existsSync2(from)) copy(from, path);
  }
  info(`perfgate: measured ${pr.headSha.slice(0, 12)} (${next.trials.length} trials); the baseline is in ${out} for the update-baseline job`);
  emit({ "report-path": out });
  return { failure: null };
}

// src/action.ts
async function main() {
  const inputs = readActionInputs();
  const context = process.env.GITHUB_REPOSITORY ? await readEventContext() : null;
  const agentPath = fileURLToPath(new URL("./agent.cjs", import.meta.url));
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const outputs = {};
  try {
    const outcome = await runMode(inputs, context, agentPath, workspace, (more) => Object.assign(outputs, more));
    if (outcome.failure) setFailed(outcome.failure);
  } finally {
    setOutputs(outputs);
  }
}
async function runMode(inputs, context, agentPath, workspace, emit) {
  switch (inputs.mode) {
    case "check":
      return runCheck(inputs, context, agentPath, workspace, emit);
    case "measure-baseline":
      return runMeasureBaseline(inputs, context, agentPath, workspace, emit);
    case "update-baseline":
      return runUpdateBaseline(inputs, context, workspace, emit);
    case "canary":
      return runCanary2(inputs, emit);
    case "merge":
      return runMerge(inputs, context, workspace, emit);
    case "comment": {
      if (!context) throw new PerfgateError("USAGE", "mode comment needs GITHUB_REPOSITORY and GITHUB_EVENT_PATH (it runs on workflow_run)");
      const result = await runComment(context, inputs.artifact, inputs, actionLog, async (report) => (await prTrend(report, context, inputs, actionLog)).comment);
      emit({ ...result.pullRequest !== null ? { "pull-request": String(result.pullRequest) } : {}, ...result.url ? { "comment-url": result.url } : {} });
      return { failure: null };
    }
    default: {
      const unreachable = inputs.mode;
      throw new PerfgateError("USAGE", `unknown mode ${String(unreachable)}`);
    }
  }
}
main().catch((error) => setFailed(failureMessage(error)));
function failureMessage(error) {
  if (isPerfgateError(error)) return `perfgate: ${error.message}`;
  const api = error;
  if (api && typeof api.status === "number") {
    const request = api.request?.method && api.request.url ? ` (${api.request.method} ${api.request.url})` : "";
    return `perfgate: a GitHub API request failed${request}: ${describeApiError(error)}; the result is in the job summary and the report artifact`;
  }
  return `perfgate: internal error: ${error instanceof Error ? error.stack ?? error.message : describeError(error)}`;
}

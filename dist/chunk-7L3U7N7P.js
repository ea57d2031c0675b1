import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  readShardFolder,
  readShardProfile
} from "./chunk-QMALCRGF.js";
import {
  environmentDifferences,
  regressedHotLines
} from "./chunk-CX6DI6OH.js";
import {
  compare,
  functionLinesOf,
  mean,
  normalUpperTail,
  pairedOutcome,
  regressedTotalRises,
  sideProfiles,
  signedSumsReaching,
  storedDoubt,
  writeMergedPair,
  writeReportFiles
} from "./chunk-RWPTTPB6.js";
import {
  shardName
} from "./chunk-DQ57QZL7.js";
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
  requestCounts,
  verdictHeadline
} from "./chunk-UE2XNEGO.js";
import {
  escapeMarkdown
} from "./chunk-S6SIRFXG.js";
import {
  PerfgateError
} from "./chunk-RXSKCGKU.js";

// src/gate/services-merge.ts
import { join as join2 } from "node:path";

// src/report/services-markdown.ts
var SEVERITY = { "fail-errors": 0, fail: 1, inconclusive: 2, pass: 3 };
function overallOutcome(services) {
  let worst = "pass";
  for (const s of services) if (SEVERITY[s.report.comparison.verdict.outcome] < SEVERITY[worst]) worst = s.report.comparison.verdict.outcome;
  return worst;
}
var OVERALL = { pass: "\u2705 no performance regression", fail: "\u274C regression", "fail-errors": "\u274C requests failed", inconclusive: "\u26A0\uFE0F inconclusive" };
function renderServicesMarkdown(services) {
  const out = [`## perfgate: ${OVERALL[overallOutcome(services)]} (${services.length} services)`, "", "| service | verdict | rule |", "|---|---|---|"];
  for (const s of services) {
    const headline = verdictHeadline(s.report.comparison.verdict);
    const rule = s.report.comparison.verdict.rule;
    out.push(`| ${escapeMarkdown(s.service)} | ${headline.icon} ${headline.text} | ${escapeMarkdown(rule.length > 300 ? `${rule.slice(0, 299)}\u2026` : rule)} |`);
  }
  out.push("");
  for (const s of services) {
    const headline = verdictHeadline(s.report.comparison.verdict);
    const body = s.markdown.replace(/^(#{2,5}) /gm, "#$1 ");
    out.push(`<details${s.report.comparison.verdict.outcome === "pass" ? "" : " open"}><summary><b>${escapeMarkdown(s.service)}</b>: ${headline.icon} ${headline.text}</summary>`, "", body.trimEnd(), "", "</details>", "");
  }
  return out.join("\n");
}

// src/gate/shard-merge.ts
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";

// src/analysis/stratified-verdict.ts
function withStratifiedService(comparison, stratified) {
  const paired = { metric: "cpuMicrosPerRequest", ratios: stratified.ratios, ratio: stratified.ratio, ci: stratified.ci, p: stratified.p, outcome: stratified.outcome };
  const { alpha, minEffect } = comparison.settings;
  const regressed = stratified.outcome === "regressed";
  const serviceRule = `the service's CPU per request rose ${((stratified.ratio - 1) * 100).toFixed(1)}% over interleaved pairs combined across ${stratified.shards.length} shards: stratified sign-flip p <= ${alpha}, CI above ${1 + minEffect}`;
  const serviceFail = (functionRule, blocking) => ({
    outcome: "fail",
    rule: [...functionRule !== null ? [functionRule] : [], serviceRule].join("; "),
    blocking,
    blockingService: paired
  });
  const verdict = comparison.verdict;
  let merged;
  switch (verdict.outcome) {
    case "fail-errors":
      merged = verdict;
      break;
    case "fail": {
      const functionRule = verdict.blocking.length > 0 ? verdict.rule.split("; the service's CPU per request")[0] : null;
      if (regressed) merged = serviceFail(functionRule, verdict.blocking);
      else if (functionRule !== null) merged = { outcome: "fail", rule: functionRule, blocking: verdict.blocking };
      else merged = { outcome: "pass", rule: `no function met every rule for a regression, and ${serviceDecision(stratified)}` };
      break;
    }
    case "pass":
      merged = regressed ? serviceFail(null, []) : verdict;
      break;
    case "inconclusive":
      merged = regressed ? serviceFail(null, []) : verdict;
      break;
    default: {
      const unreachable = verdict;
      throw new Error(`unknown verdict ${JSON.stringify(unreachable)}`);
    }
  }
  const { paired: _pooled, ...rest } = comparison;
  return { ...rest, paired, verdict: merged, warnings: [...comparison.warnings, ...stratified.warnings] };
}
function serviceDecision(stratified) {
  return `the service's CPU per request over the shards' pairs is \xD7${stratified.ratio.toFixed(3)} (95% CI \xD7${stratified.ci.low.toFixed(3)}\u2013\xD7${stratified.ci.high.toFixed(3)}, stratified sign-flip p = ${stratified.p.toFixed(3)}): ${stratified.outcome}`;
}

// src/analysis/stratified.ts
var SHRINK_PAIRS = 2;
var POWER = 0.8;
var EXACT_UP_TO = 20;
var MONTE_CARLO_FLIPS = 2e4;
function stratifiedPairedTest(shards, settings) {
  const used = shards.filter((s) => s.logRatios.length > 0);
  const all = used.flatMap((s) => s.logRatios);
  const warnings = [];
  if (all.length === 0) {
    return {
      method: "stratified-sign-flip",
      shards: [],
      ratios: [],
      ratio: 1,
      ci: { low: 0, high: Number.POSITIVE_INFINITY },
      p: 1,
      pMethod: "exact",
      minimumDetectableChange: Number.POSITIVE_INFINITY,
      outcome: "inconclusive",
      warnings: ["no pairs to compare"]
    };
  }
  const weights = shardWeights(used.map((s) => s.logRatios), "zero");
  const terms = used.flatMap((s, k) => s.logRatios.map((d) => weights[k] / s.logRatios.length * d));
  const estimateWeights = shardWeights(used.map((s) => s.logRatios), "mean");
  const totalWeight = estimateWeights.reduce((a, b) => a + b, 0);
  const estimate = used.reduce((a, s, k) => a + estimateWeights[k] * mean(s.logRatios), 0) / totalWeight;
  const { p, method } = signFlipP(terms, settings.seed);
  const ci = stratifiedBootstrap(used.map((s) => s.logRatios), settings);
  const minimumDetectableChange = detectableChange(used.map((s) => s.logRatios), settings.alpha);
  if (!Number.isFinite(minimumDetectableChange)) {
    warnings.push(`${all.length} pairs cannot reach p <= ${settings.alpha} with a sign-flip test (the smallest possible p is 2 / 2^${all.length}); run more pairs or more shards`);
  }
  const outcome = pairedOutcome(all.length, p, ci, settings);
  return {
    method: "stratified-sign-flip",
    shards: used.map((s, k) => ({ shard: s.shard, pairs: s.logRatios.length, ratio: Math.exp(mean(s.logRatios)), weight: estimateWeights[k] / totalWeight })),
    ratios: all.map(Math.exp),
    ratio: Math.exp(estimate),
    ci,
    p,
    pMethod: method,
    minimumDetectableChange,
    outcome,
    warnings
  };
}
function shardWeights(shards, about) {
  const lost = about === "mean" ? 1 : 0;
  const squares = shards.map((d) => {
    const centre = about === "mean" ? mean(d) : 0;
    return d.reduce((a, x) => a + (x - centre) ** 2, 0);
  });
  const degrees = shards.reduce((a, d) => a + Math.max(0, d.length - lost), 0);
  const pooled = degrees > 0 ? squares.reduce((a, b) => a + b, 0) / degrees : 0;
  return shards.map((d, k) => {
    const variance = (squares[k] + SHRINK_PAIRS * pooled) / (Math.max(0, d.length - lost) + SHRINK_PAIRS);
    return variance > 0 ? d.length / variance : d.length;
  });
}
function signFlipP(terms, seed) {
  const observed = Math.abs(terms.reduce((a, t) => a + t, 0));
  if (observed === 0) return { p: 1, method: "exact" };
  const tolerance = observed * 1e-12;
  if (terms.length <= EXACT_UP_TO) return { p: signedSumsReaching(terms.map(Math.abs), observed - tolerance) / 2 ** terms.length, method: "exact" };
  const random = seededRandom(seed);
  let extreme = 0;
  for (let r = 0; r < MONTE_CARLO_FLIPS; r++) {
    if (Math.abs(terms.reduce((a, t) => a + t * (random() < 0.5 ? -1 : 1), 0)) >= observed - tolerance) extreme++;
  }
  return { p: (extreme + 1) / (MONTE_CARLO_FLIPS + 1), method: "monte-carlo" };
}
function stratifiedBootstrap(shards, settings) {
  const random = seededRandom(settings.seed + 1);
  const estimates = [];
  for (let r = 0; r < settings.bootstrapResamples; r++) {
    const resampled = shards.map((d) => d.map(() => d[Math.floor(random() * d.length)]));
    const weights = shardWeights(resampled, "mean");
    const total = weights.reduce((a, b) => a + b, 0);
    estimates.push(resampled.reduce((a, d, k) => a + weights[k] * mean(d), 0) / total);
  }
  estimates.sort((a, b) => a - b);
  const at = (q) => Math.exp(estimates[Math.min(estimates.length - 1, Math.floor(q * estimates.length))]);
  return { low: at(0.025), high: at(0.975) };
}
function detectableChange(shards, alpha) {
  return detectableChangeByShards(shards, alpha).at(-1) ?? Number.POSITIVE_INFINITY;
}
function detectableChangeByShards(shards, alpha) {
  const degrees = shards.reduce((a, d) => a + Math.max(0, d.length - 1), 0);
  if (degrees === 0) return shards.map(() => Number.POSITIVE_INFINITY);
  const weights = shardWeights(shards, "mean");
  const z = normalQuantile(1 - alpha / 2) + normalQuantile(POWER);
  let information = 0;
  let pairs = 0;
  return shards.map((d, k) => {
    information += weights[k];
    pairs += d.length;
    if (pairs === 0 || 2 / 2 ** pairs > alpha) return Number.POSITIVE_INFINITY;
    return Math.exp(z / Math.sqrt(information)) - 1;
  });
}
function normalQuantile(probability) {
  let low = -40;
  let high = 40;
  for (let i = 0; i < 200 && high - low > 1e-10; i++) {
    const mid = (low + high) / 2;
    if (1 - normalUpperTail(mid) < probability) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

// src/gate/shard-merge.ts
function mergeShardFolders(folders, outputDir) {
  const first = folders[0].manifest;
  const count = first.shard.count;
  const seen = /* @__PURE__ */ new Map();
  for (const f of folders) {
    const m = f.manifest;
    const name = `shard ${shardName(m.shard)} (${f.dir})`;
    if (m.shard.count !== count) throw refuse(`${name} is one of ${m.shard.count} shards, ${folders[0].dir} one of ${count}`);
    if (m.service !== first.service) throw refuse(`${name} measured service ${JSON.stringify(m.service)}, ${folders[0].dir} ${JSON.stringify(first.service)}; merge each service's shards separately`);
    if (m.candidateCommit !== first.candidateCommit) throw refuse(`${name} measured commit ${m.candidateCommit ?? "(none)"}, ${folders[0].dir} ${first.candidateCommit ?? "(none)"}`);
    if (m.candidateEnvSha256 !== first.candidateEnvSha256) throw refuse(`${name} ran the candidate with other --candidate-env variables than ${folders[0].dir}`);
    const twin = seen.get(m.shard.index);
    if (twin !== void 0) throw refuse(`shard ${shardName(m.shard)} is given twice: ${twin} and ${f.dir}`);
    seen.set(m.shard.index, f.dir);
  }
  const complete = folders.filter((f) => f.manifest.status === "complete").sort((a, b) => a.manifest.shard.index - b.manifest.shard.index);
  const lead = complete[0];
  const failed = folders.flatMap((f) => f.manifest.status === "failed" ? [{ index: f.manifest.shard.index, error: f.manifest.error }] : []);
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (!lead) {
    throw new PerfgateError("SHARD_INVALID", `no shard completed, nothing to compare: ${[...failed.map((f) => `shard ${f.index}/${count} failed (${f.error.split("\n")[0]})`), ...missing.map((i) => `shard ${i}/${count} is missing`)].join("; ")}`);
  }
  for (const s of complete.slice(1)) checkSameRun(lead, s);
  const sameRunner = lead.manifest.kind === "same-runner";
  const baselineTrials = sameRunner ? complete.flatMap((s) => s.sides.baseline.trials) : [...lead.sides.baseline.trials];
  const candidateTrials = complete.flatMap((s) => s.sides.candidate.trials);
  let comparison = compare(baselineTrials, candidateTrials, lead.manifest.compare, { paired: sameRunner, leaning: "warns" });
  let stratified = null;
  if (sameRunner) {
    const settings = lead.manifest.compare;
    const strata = complete.map((s) => ({ shard: shardName(s.manifest.shard), logRatios: pairLogRatios(s) }));
    stratified = stratifiedPairedTest(strata, settings);
    comparison = withStratifiedService(comparison, stratified);
  }
  const doubt = sameRunner ? null : storedDoubt(lead.manifest.notComparable, comparison, null, false);
  const gaps = [...failed.map((f) => `shard ${f.index}/${count} failed (${f.error.split("\n")[0].slice(0, 300)})`), ...missing.map((i) => `shard ${i}/${count} is missing`)];
  const verdict = gaps.length > 0 ? { outcome: "inconclusive", rule: `${gaps.join("; ")}: ${complete.length} of ${count} shards were merged, and a verdict needs them all (re-run the missing shards, then merge again)` } : doubt !== null ? { outcome: "inconclusive", rule: `${doubt}. Shard a same-runner run instead (\`--base-ref <commit>\`, or compare.baseline "auto" on a pull request)` } : comparison.verdict;
  mkdirSync(join(outputDir, "profiles"), { recursive: true });
  const load = (files, from) => {
    const paths = [];
    const profiles2 = [];
    for (const s of from) {
      for (const file of files(s)) {
        profiles2.push(readShardProfile(s.dir, file));
        if (!existsSync(join(outputDir, file))) copyFileSync(join(s.dir, file), join(outputDir, file));
        paths.push(file);
      }
    }
    return { paths, profiles: profiles2 };
  };
  const baselineFrom = sameRunner ? complete : [lead];
  const cpu = { candidate: load((s) => s.manifest.profiles.candidate, complete), baseline: load((s) => s.manifest.profiles.baseline, baselineFrom) };
  const alloc = { candidate: load((s) => s.manifest.profiles.candidateAllocations, complete), baseline: load((s) => s.manifest.profiles.baselineAllocations, baselineFrom) };
  const cpuPair = writeMergedPair(outputDir, "", cpu.candidate.profiles, { trials: cpu.baseline.profiles });
  const allocPair = alloc.candidate.profiles.length > 0 ? writeMergedPair(outputDir, ".alloc", alloc.candidate.profiles, { trials: alloc.baseline.profiles }) : null;
  const profiles = sideProfiles(cpuPair, allocPair);
  const baseline = lead.sides.baseline;
  const candidate = lead.sides.candidate;
  const report = {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    createdAt: (/* @__PURE__ */ new Date()).toISOString(),
    comparison: { ...comparison, verdict },
    baselineSource: { kind: lead.manifest.kind, why: `${lead.manifest.why} (${complete.length} shards merged)` },
    baseline: { commit: baseline.commit, createdAt: baseline.createdAt, environment: baseline.environment, settings: baseline.settings },
    candidate: { commit: candidate.commit, environment: candidate.environment, settings: candidate.settings },
    environmentDifferences: environmentDifferences(baseline.environment, candidate.environment),
    reproduce: `${lead.manifest.reproduce} (one shard of ${count}; \`perfgate merge\` combines them)`,
    profiles: cpu.candidate.paths,
    merged: cpuPair.paths,
    allocationProfiles: alloc.candidate.paths,
    ...allocPair ? { mergedAllocations: allocPair.paths } : {},
    hotLines: regressedHotLines(comparison, profiles),
    totalRises: regressedTotalRises(comparison, profiles),
    functionLines: functionLinesOf(profiles),
    requests: { baseline: requestCounts(baselineTrials), candidate: requestCounts(candidateTrials) },
    shards: {
      count,
      method: sameRunner ? "stratified-sign-flip" : "stored",
      detectableByShards: sameRunner ? detectableChangeByShards(complete.map(pairLogRatios), lead.manifest.compare.alpha).map(finiteOrNull) : [],
      shards: shardSummaries(count, folders, stratified)
    }
  };
  const markdown = renderMarkdown(report);
  writeReportFiles(outputDir, report, markdown, profiles);
  return { report, markdown, reportDir: outputDir };
}
function pairLogRatios(shard) {
  const base = shard.sides.baseline.trials;
  return shard.sides.candidate.trials.map((c, i) => {
    const b = base[i].service.cpuMicrosPerRequest;
    return b > 0 && c.service.cpuMicrosPerRequest > 0 ? Math.log(c.service.cpuMicrosPerRequest / b) : 0;
  });
}
function checkSameRun(lead, other) {
  const a = `shard ${shardName(lead.manifest.shard)} (${lead.dir})`;
  const b = `shard ${shardName(other.manifest.shard)} (${other.dir})`;
  const differ = (what, x, y) => {
    if (JSON.stringify(x) !== JSON.stringify(y)) throw refuse(`${b} and ${a} differ in ${what}: ${JSON.stringify(y)} against ${JSON.stringify(x)}`);
  };
  differ("how the baseline was measured", lead.manifest.kind, other.manifest.kind);
  differ("the base commit", lead.sides.baseline.commit, other.sides.baseline.commit);
  differ("the measurement settings (trials, load, profiling, replay file, service command)", lead.sides.candidate.settings, other.sides.candidate.settings);
  differ("the comparison settings (compare)", lead.manifest.compare, other.manifest.compare);
  if (lead.manifest.kind === "stored") differ("the stored baseline", lead.sides.baseline.createdAt, other.sides.baseline.createdAt);
}
function shardSummaries(count, folders, stratified) {
  return Array.from({ length: count }, (_, i) => {
    const folder = folders.find((f) => f.manifest.shard.index === i + 1);
    if (!folder) return { index: i + 1, status: "missing", pairs: [] };
    const m = folder.manifest;
    if (m.status === "failed") return { index: i + 1, status: "failed", pairs: m.pairs, error: m.error.slice(0, 2e3) };
    const contribution = stratified?.shards.find((s) => s.shard === shardName(m.shard));
    return {
      index: i + 1,
      status: "complete",
      pairs: m.pairs,
      cpuModel: folder.sides.candidate.environment.cpuModel,
      ...contribution ? { ratio: contribution.ratio, weight: contribution.weight } : {}
    };
  });
}
function finiteOrNull(value) {
  return Number.isFinite(value) ? value : null;
}
function refuse(why) {
  return new PerfgateError("SHARD_INVALID", `not merging shards of different runs: ${why}`);
}

// src/gate/services-merge.ts
function mergeServices(dirs, outputDir) {
  if (dirs.length === 0) throw new PerfgateError("USAGE", "merge: expected at least one shard folder (written by `perfgate run --shard I/N`)");
  const groups = /* @__PURE__ */ new Map();
  for (const folder of dirs.map(readShardFolder)) {
    const group = groups.get(folder.manifest.service) ?? [];
    group.push(folder);
    groups.set(folder.manifest.service, group);
  }
  if (groups.size === 1) {
    const [service, folders] = [...groups][0];
    const result = mergeShardFolders(folders, outputDir);
    const merged = { service: serviceLabel(service), report: result.report, markdown: result.markdown, reportDir: outputDir };
    return { services: [merged], outcome: result.report.comparison.verdict.outcome, markdown: result.markdown, reportDir: outputDir };
  }
  const used = /* @__PURE__ */ new Set();
  const services = [...groups.keys()].sort().map((service) => {
    let folder = serviceLabel(service).replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+/, "") || "service";
    while (used.has(folder)) folder = `${folder}-2`;
    used.add(folder);
    const dir = join2(outputDir, folder);
    const result = mergeShardFolders(groups.get(service), dir);
    return { service: serviceLabel(service), report: result.report, markdown: result.markdown, reportDir: dir };
  });
  const markdown = renderServicesMarkdown(services);
  writeFileAtomic(join2(outputDir, "report.md"), markdown);
  return { services, outcome: overallOutcome(services), markdown, reportDir: outputDir };
}
function serviceLabel(configPath) {
  const match = /^(?:\.\/)?(.+)\/perfgate\.config\.json$/.exec(configPath);
  return match ? match[1] : configPath;
}

export {
  renderServicesMarkdown,
  mergeServices,
  serviceLabel
};

import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  compare,
  functionLinesOf,
  functionTable,
  regressedTotalRises,
  sideProfiles,
  symbolicationOf,
  writeMergedPair,
  writeReportFiles
} from "./chunk-RWPTTPB6.js";
import {
  checkProfileFileSize,
  decodePprof
} from "./chunk-RSJDVD32.js";
import "./chunk-RADQ4DZD.js";
import {
  PERFGATE_VERSION
} from "./chunk-6KH3PXZ3.js";
import "./chunk-BKLRVJWE.js";
import {
  REPORT_SCHEMA,
  REPORT_VERSION,
  renderMarkdown,
  requestsOf
} from "./chunk-UE2XNEGO.js";
import "./chunk-46DMX2E3.js";
import "./chunk-PRMFOBU2.js";
import "./chunk-5USVVHII.js";
import "./chunk-S6SIRFXG.js";
import {
  globToRegExp
} from "./chunk-MD65PPN2.js";
import "./chunk-SB6TE77W.js";
import {
  PerfgateError,
  describeError
} from "./chunk-RXSKCGKU.js";
import "./chunk-L7LVZID3.js";
import "./chunk-45BS2XPL.js";

// src/gate/profile-diff.ts
import { relative } from "node:path";

// src/analysis/profile-trial.ts
var NOT_MEASURED = { cpuMicrosPerRequest: 0, throughputRps: 0, latencyMs: { p50: 0, p95: 0, p99: 0 }, errors: 0, non2xx: 0, statusMismatches: 0, maxRssBytes: 0 };
function defaultSampleType(profile) {
  const s = profile.stringTable.strings;
  const types = profile.sampleType.map((t) => ({ type: s[Number(t.type)] ?? "", unit: s[Number(t.unit)] ?? "" }));
  const named = s[Number(profile.defaultSampleType)];
  return types.find((t) => named && t.type === named) ?? types.at(-1) ?? { type: "", unit: "" };
}
function sampleTypeOf(profile, type, source) {
  const s = profile.stringTable.strings;
  const types = profile.sampleType.map((t) => ({ type: s[Number(t.type)] ?? "", unit: s[Number(t.unit)] ?? "" }));
  const found = types.find((t) => t.type === type);
  if (!found) throw new PerfgateError("PROFILE_INVALID", `${source}: no sample type "${type}" (it has ${types.map((t) => `${t.type}/${t.unit}`).join(", ") || "none"})`);
  return found;
}
function trialFromProfile(profile, source, type) {
  sampleTypeOf(profile, type, source);
  const table = functionTable(profile, source, type);
  return { requests: requestsOf(profile) ?? 1, sampledCpuNanos: table.total, ...table.sampleValue ? { cpuSampleNanos: table.sampleValue } : {}, functions: table.functions, service: NOT_MEASURED };
}

// src/gate/diff-sides.ts
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
var PROFILE_FILE = /\.(pb\.gz|pb|pprof|prof)$/;
var TRIAL_FILE = /^(.*)-trial-\d+\.pb\.gz$/;
function readProfileSide(argument, role) {
  const files = profileFiles(argument, role);
  return {
    files,
    profiles: files.map((file) => {
      let size;
      try {
        size = statSync(file).size;
      } catch (error) {
        throw new PerfgateError("USAGE", `${role}: cannot read ${file} (${describeError(error)})`);
      }
      checkProfileFileSize(size, file);
      return decodePprof(readFileSync(file), file);
    })
  };
}
function profileFiles(argument, role) {
  const path = resolve(argument);
  if (basename(path).includes("*")) {
    const folder = dirname(path);
    const pattern = globToRegExp(basename(path));
    const found = listFolder(folder, role).filter((f) => pattern.test(f));
    if (found.length === 0) throw new PerfgateError("USAGE", `${role}: no file in ${folder} matches ${basename(path)}`);
    return sortTrials(found).map((f) => join(folder, f));
  }
  let isFolder;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    throw new PerfgateError("USAGE", `${role}: ${argument} does not exist (expected a pprof file, a folder of them, or a pattern such as 'profiles/candidate-trial-*.pb.gz')`);
  }
  if (!isFolder) return [path];
  const profiles = listFolder(path, role).filter((f) => PROFILE_FILE.test(f));
  const trials = profiles.filter((f) => TRIAL_FILE.test(f));
  const sides = [...new Set(trials.map((f) => TRIAL_FILE.exec(f)[1]))];
  if (sides.length > 1) {
    throw new PerfgateError(
      "USAGE",
      `${role}: ${argument} holds the trials of ${sides.map((s) => `"${s}"`).join(" and ")}; pick one with a pattern such as '${join(argument, `${sides[0]}-trial-*.pb.gz`)}'`
    );
  }
  const chosen = trials.length > 0 ? trials : profiles;
  if (chosen.length === 0) throw new PerfgateError("USAGE", `${role}: ${argument} holds no pprof files (*.pb.gz, *.pb, *.pprof, *.prof)`);
  return sortTrials(chosen).map((f) => join(path, f));
}
function listFolder(folder, role) {
  try {
    return readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch (error) {
    throw new PerfgateError("USAGE", `${role}: cannot list ${folder} (${describeError(error)})`);
  }
}
function sortTrials(names) {
  return [...names].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

// src/gate/profile-diff.ts
function runProfileDiff(options) {
  const base = readProfileSide(options.baseline, "baseline");
  const cand = readProfileSide(options.candidate, "candidate");
  const type = options.sampleType ?? defaultSampleType(cand.profiles[0]).type;
  const unit = commonUnit(type, [...base.files.map((f, i) => [f, base.profiles[i]]), ...cand.files.map((f, i) => [f, cand.profiles[i]])]);
  const trials = (side) => side.profiles.map((p, i) => trialFromProfile(p, side.files[i], type));
  const comparison = compare(trials(base), trials(cand), options.compare);
  const warnings = [...comparison.warnings];
  if (base.profiles.length === 1 || cand.profiles.length === 1) {
    warnings.unshift(
      `One profile per side (${base.profiles.length} baseline, ${cand.profiles.length} candidate): the changes shown are the difference between single profiles, with no test of significance. Statistics need several trials per side: pass a folder (or a pattern) with one profile per trial for each side.`
    );
  }
  const withoutCounts = [...base.profiles, ...cand.profiles].filter((p) => requestsOf(p) === void 0).length;
  if (withoutCounts > 0) warnings.push(`${withoutCounts} profile(s) carry no request count (perfgate writes "perfgate: requests=N" as a comment): "per request" figures are per profile.`);
  const dir = options.outputDir;
  const merged = writeMergedPair(dir, "", cand.profiles, { trials: base.profiles });
  const sides = sideProfiles(merged, null);
  const symbolication = symbolicationOf(merged.candidate, null, type);
  warnings.push(...symbolication.warnings);
  const files = (list) => list.map((f) => relative(dir, f).startsWith("../..") ? f : relative(dir, f));
  const report = {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    createdAt: (/* @__PURE__ */ new Date()).toISOString(),
    // Files carry no service measurements, so there is nothing to compare there.
    comparison: { ...comparison, service: [], warnings },
    baselineSource: { kind: "files", why: "pprof files given to perfgate diff" },
    baseline: { commit: null, createdAt: (/* @__PURE__ */ new Date()).toISOString(), environment: NOT_MEASURED2, settings: settingsOf(base.profiles.length) },
    candidate: { commit: null, environment: NOT_MEASURED2, settings: settingsOf(cand.profiles.length) },
    environmentDifferences: [],
    reproduce: options.reproduce,
    profiles: [...files(base.files), ...files(cand.files)],
    merged: { candidate: "profiles/candidate.pb.gz", baseline: "profiles/baseline.pb.gz" },
    functionLines: functionLinesOf(sides),
    totalRises: regressedTotalRises({ ...comparison, warnings }, sides, type),
    inputs: { sampleType: type, unit, baseline: files(base.files), candidate: files(cand.files) },
    symbolication: symbolication.rates
  };
  const markdown = renderMarkdown(report);
  writeReportFiles(dir, report, markdown, sides);
  return { report, markdown, reportDir: dir };
}
function commonUnit(type, profiles) {
  const [firstFile, first] = profiles[0];
  const unit = sampleTypeOf(first, type, firstFile).unit;
  for (const [file, profile] of profiles) {
    const other = sampleTypeOf(profile, type, file).unit;
    if (other !== unit) throw new PerfgateError("PROFILE_INVALID", `${file}: sample type "${type}" is in ${other}, but in ${firstFile} it is in ${unit}; only like can be compared`);
  }
  return unit;
}
var NOT_MEASURED2 = { nodeVersion: "unknown", v8Version: "unknown", platform: "unknown", arch: "unknown", cpuModel: "unknown", cpuCount: 0, perfgateVersion: PERFGATE_VERSION };
function settingsOf(trials) {
  return { trials, warmupRequests: 0, measureRequests: 0, connections: 0, cpuSamplingIntervalUs: 0, replaySha256: "" };
}
export {
  runProfileDiff
};

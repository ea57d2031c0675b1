import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  escapeHtml,
  jsonForScript
} from "./chunk-46DMX2E3.js";
import {
  compareSchema
} from "./chunk-PRMFOBU2.js";
import {
  textTable
} from "./chunk-5USVVHII.js";
import {
  change,
  codeSpanText,
  cpuValue,
  escapeMarkdown,
  formatQ,
  nanosAsTime,
  percent,
  signedPercent,
  visibleText
} from "./chunk-S6SIRFXG.js";
import {
  PerfgateError
} from "./chunk-RXSKCGKU.js";
import {
  external_exports
} from "./chunk-L7LVZID3.js";

// src/report/shards-markdown.ts
function shardsSection(report) {
  const summary = report.shards;
  if (!summary) return [];
  const out = ["### Shards", ""];
  const method = summary.method === "stratified-sign-flip" ? "Each pair compared on its own runner; pairs combined across shards, each shard weighted by its noise (stratified sign-flip test)." : "The candidate's trials shared out among shards and compared with the stored baseline.";
  out.push(method, "", "| shard | status | pairs | runner | CPU/request (own pairs) | weight |", "|---|---|---|---|---:|---:|");
  for (const s of summary.shards) {
    const status = s.status === "failed" ? `failed: ${escapeMarkdown((s.error ?? "").split("\n")[0].slice(0, 200))}` : s.status;
    const ratio2 = s.ratio !== void 0 ? `\xD7${s.ratio.toFixed(3)}` : "";
    const weight = s.weight !== void 0 ? `${(s.weight * 100).toFixed(0)}%` : "";
    out.push(`| ${s.index}/${summary.count} | ${status} | ${s.pairs.join(", ")} | ${escapeMarkdown(s.cpuModel ?? "")} | ${ratio2} | ${weight} |`);
  }
  out.push("");
  if (summary.detectableByShards.length > 0) {
    const steps = summary.detectableByShards.map((d, i) => `${i + 1}: ${d === null ? "none (too few pairs)" : `\xB1${(d * 100).toFixed(1)}%`}`);
    out.push(`Minimum detectable change of CPU per request (80% power) with the first k shards: ${steps.join(" \xB7 ")}.`, "");
  }
  return out;
}

// src/report/allocation-cells.ts
function bytesAsSize(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(2)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes.toFixed(0)} B`;
}
function allocationCell(f) {
  if (!f.allocations || !f.allocationsPerRequest) return "\u2014";
  const { baseline, candidate } = f.allocationsPerRequest;
  return `${bytesAsSize(baseline.bytes)} \u2192 ${bytesAsSize(candidate.bytes)}, ${change(f.allocations)}`;
}
function hotLinesSection(report, regressed) {
  const lines = report.hotLines ?? {};
  const rows = regressed.filter((f) => (lines[f.key]?.length ?? 0) > 0).map((f) => `- **${escapeMarkdown(f.name)}** (${escapeMarkdown(f.file || "(native)")}): ${lines[f.key].map((l) => `line ${l.line} (${percent(l.share, 0)})`).join(", ")}`);
  if (rows.length === 0) return [];
  return ["Hot lines of the regressed functions (share of their own CPU time, candidate):", "", ...rows, ""];
}

// src/report/diff-inputs.ts
function inputsSentence(inputs) {
  const files = (list) => list.length === 1 ? `\`${codeSpanText(list[0] ?? "")}\`` : `${list.length} profiles (\`${codeSpanText(list[0] ?? "")}\` \u2026)`;
  return `Baseline: ${files(inputs.baseline)}; candidate: ${files(inputs.candidate)}. Compared: sample type \`${codeSpanText(inputs.sampleType)}\` (${escapeMarkdown(inputs.unit)}); "busy CPU" above means that sample type's total, and "per request" means per profile when the profiles carry no request count.`;
}
function perRequestFormatter(inputs) {
  const unit = inputs?.unit;
  switch (unit) {
    case void 0:
    case "nanoseconds":
      return nanosAsTime;
    case "bytes":
      return (v) => Math.abs(v) >= 1024 * 1024 ? `${(v / (1024 * 1024)).toFixed(2)} MiB` : Math.abs(v) >= 1024 ? `${(v / 1024).toFixed(1)} KiB` : `${v.toFixed(0)} B`;
    default: {
      const shown = unit.replace(/[^A-Za-z0-9]/g, "").slice(0, 40) || "units";
      return (v) => `${Number(v.toPrecision(4))} ${shown}`;
    }
  }
}

// src/report/total-rises.ts
var heading = (report, text) => `Where the regressed totals rose (${report.inputs ? text(report.inputs.sampleType) : "CPU"} per request, each side's median total split as its merged profile splits it: an estimate, not a test)`;
function part(rise, name, value) {
  const what = rise.callee === null ? "its own time" : name(rise.callee.name);
  return `${what} +${value(rise.candidateNanos - rise.baselineNanos)} (${value(rise.baselineNanos)} \u2192 ${value(rise.candidateNanos)})`;
}
function entries(report, regressed) {
  const rises = report.totalRises ?? {};
  return regressed.filter((f) => (rises[f.key]?.length ?? 0) > 0).map((f) => [f, rises[f.key]]);
}
function totalRisesSection(report, regressed) {
  const rows = entries(report, regressed).map(([f, rises]) => `- **${escapeMarkdown(f.name)}** (${escapeMarkdown(f.file || "(native)")}): ${rises.map((r) => part(r, (n) => `\`${codeSpanText(n)}\``, perRequestFormatter(report.inputs))).join(", ")}`);
  return rows.length === 0 ? [] : [`${heading(report, escapeMarkdown)}:`, "", ...rows, ""];
}
function totalRisesLines(report, regressed) {
  const rows = entries(report, regressed).map(([f, rises]) => `  ${visibleText(f.name)}: ${rises.map((r) => part(r, visibleText, perRequestFormatter(report.inputs))).join(", ")}`);
  return rows.length === 0 ? [] : [`${heading(report, visibleText)}:`, ...rows, ""];
}

// src/report/decisive-metric.ts
function decisiveMetric(finding2) {
  if (finding2.decidedBy === "allocations" && finding2.allocations) return { name: "allocations", metric: finding2.allocations };
  if (finding2.decidedBy === "self" || finding2.decidedBy === "total") return { name: finding2.decidedBy, metric: finding2[finding2.decidedBy] };
  const all = [
    { name: "self", metric: finding2.self },
    { name: "total", metric: finding2.total },
    ...finding2.allocations ? [{ name: "allocations", metric: finding2.allocations }] : []
  ];
  const deciding = all.filter((m) => m.metric.outcome === finding2.outcome);
  const size = (m) => Number.isFinite(m.ratio) && m.ratio > 0 ? Math.abs(Math.log(m.ratio)) : Number.POSITIVE_INFINITY;
  return (deciding.length > 0 ? deciding : all.slice(0, 2)).reduce((a, b) => size(b.metric) > size(a.metric) ? b : a);
}

// src/report/function-rows.ts
function topTable(findings, lines, perRequest) {
  const rows = ["| function | file:line | decided by | per request, baseline \u2192 candidate | measured, baseline \u2192 candidate | change (95% CI) | q |", "|---|---|---|---:|---:|---|---:|"];
  for (const f of findings) {
    const { name, metric: metric2 } = decisiveMetric(f);
    const line = lines[f.key];
    const where = f.file === "" ? "(native)" : line ? `${f.file}:${line}` : f.file;
    const perRequestCell = name === "allocations" && f.allocationsPerRequest ? `${bytesAsSize(f.allocationsPerRequest.baseline.bytes)} \u2192 ${bytesAsSize(f.allocationsPerRequest.candidate.bytes)}` : `${perRequest(f.perRequestNanos.baseline[name === "allocations" ? "self" : name])} \u2192 ${perRequest(f.perRequestNanos.candidate[name === "allocations" ? "self" : name])}`;
    rows.push(
      `| ${mark(f)}${escapeMarkdown(f.name)}${tags(f)} | ${escapeMarkdown(where)} | ${DECIDED_BY[name]} | ${perRequestCell} | ${values(metric2)} | ${metricChange(metric2)} | ${formatQ(metric2.q)} |`
    );
  }
  return rows;
}
function functionTable(findings, perRequest) {
  const rows = [
    "| function | file | self | total | self per request | change self (95% CI) | change total (95% CI) | q (self / total) | allocated per request, change (95% CI) |",
    "|---|---|---:|---:|---:|---|---|---:|---|"
  ];
  for (const f of findings) {
    rows.push(
      `| ${mark(f)}${escapeMarkdown(f.name)}${tags(f)} | ${escapeMarkdown(f.file || "(native)")} | ${values(f.self)} | ${values(f.total)} | ${perRequest(f.perRequestNanos.baseline.self)} \u2192 ${perRequest(f.perRequestNanos.candidate.self)} | ${metricChange(f.self)} | ${metricChange(f.total)} | ${formatQ(f.self.q)} / ${formatQ(f.total.q)} | ${allocationCell(f)} |`
    );
  }
  return rows;
}
function codeChangesSection(comparison) {
  const packages = (comparison.packages ?? []).filter((p) => p.presence !== "both" || p.baselineVersions.join() !== p.candidateVersions.join() || p.outcome === "regressed" || p.outcome === "improved");
  const oneSided = comparison.findings.filter((f) => f.presence !== "both" || f.renamedFrom !== void 0 || f.replaces !== void 0);
  if (packages.length === 0 && oneSided.length === 0) return [];
  const out = ["### What changed in the code that ran", ""];
  const changed = comparison.changedCode?.cpu;
  if (changed) {
    out.push(
      `All code that came, went or was upgraded, as one unit (own time; code that moved nets out): ${values(changed)}, ${metricChange(changed)}, ${changed.outcome}. New code, or a changed package's code, that regressed alone is blamed only when this rose too.`,
      ""
    );
  }
  if (packages.length > 0) {
    out.push("| package | version, baseline \u2192 candidate | own CPU per request | change (95% CI) | q |", "|---|---|---:|---|---:|");
    for (const p of packages) {
      const versions = `${p.baselineVersions.join(", ") || "\u2014"} \u2192 ${p.candidateVersions.join(", ") || "\u2014"}`;
      out.push(
        `| ${outcomeMark(p.outcome)}${escapeMarkdown(p.name)} | ${escapeMarkdown(versions)} | ${nanosAsTime(p.perRequestNanos.baseline)} \u2192 ${nanosAsTime(p.perRequestNanos.candidate)} | ${metricChange(p.self)}${p.replaces ? `; ${replacesText(p.replaces, p.presence, escapeMarkdown)}` : ""} | ${formatQ(p.self.q)} |`
      );
    }
    out.push("");
  }
  if (oneSided.length > 0) {
    out.push("| function | file | | total, baseline \u2192 candidate | outcome |", "|---|---|---|---:|---|");
    for (const f of oneSided) {
      const what = f.renamedFrom !== void 0 ? `renamed from ${escapeMarkdown(f.renamedFrom)}` : f.presence === "added" ? "new" : f.presence === "gone" ? "gone" : "changed";
      out.push(`| ${mark(f)}${escapeMarkdown(f.name)} | ${escapeMarkdown(f.file || "(native)")} | ${what}${f.replaces ? `, ${replacesText(f.replaces, f.presence, escapeMarkdown)}` : ""} | ${values(f.total)} | ${f.outcome} |`);
    }
    out.push("");
  }
  return out;
}
function replacesText(r, presence, escape = (text) => text) {
  const net = `net ${signedPercent(r.ratio)} (${signedPercent(r.ci.low)} \u2026 ${signedPercent(r.ci.high)}${r.outcome === "inconclusive" ? ", inconclusive" : ""})`;
  if (r.unit.startsWith("package ")) return `moved within ${escape(r.unit)}: ${net}`;
  return `${presence === "added" ? "replaces code that went" : "code moved"}: ${net}`;
}
var DECIDED_BY = { self: "own time", total: "total time", allocations: "allocations" };
function tags(f) {
  const parts = [];
  if (f.presence === "added") parts.push("new");
  if (f.presence === "gone") parts.push("gone");
  if (f.renamedFrom !== void 0) parts.push("renamed");
  const pkg = f.package;
  if (pkg && pkg.baselineVersion && pkg.candidateVersion && pkg.baselineVersion !== pkg.candidateVersion) parts.push(`${pkg.name} ${pkg.baselineVersion} \u2192 ${pkg.candidateVersion}`);
  return parts.length === 0 ? "" : ` (${escapeMarkdown(parts.join(", "))})`;
}
function mark(f) {
  return outcomeMark(f.outcome);
}
function outcomeMark(outcome2) {
  switch (outcome2) {
    case "regressed":
      return "\u{1F534} ";
    case "improved":
      return "\u{1F535} ";
    case "inconclusive":
      return "\u26AA ";
    case "unchanged":
      return "";
  }
}
function values(metric2) {
  const show = (v) => cpuValue(v, Math.max(metric2.baselineMedian, metric2.candidateMedian));
  return `${show(metric2.baselineMedian)} \u2192 ${show(metric2.candidateMedian)}`;
}
function metricChange(metric2) {
  if (metric2.costCi) {
    const show = (v) => cpuValue(v, metric2.costCi.high);
    const side = Number.isFinite(metric2.ratio) ? "gone" : "new";
    return `${side} (${show(metric2.costCi.low)} \u2026 ${show(metric2.costCi.high)})`;
  }
  return change(metric2);
}
function inlineCode(text) {
  return codeSpanText(text);
}

// src/report/methods.ts
function methodsSentence(comparison) {
  const s = comparison.settings;
  const paired2 = comparison.basis === "nanos-per-request";
  const basis = paired2 ? "each function's CPU nanoseconds per request (self and total), compared pair by pair over interleaved pairs (the ratio of the sides' means, a paired t-test on each pair's residual)" : "each function's share of busy CPU (self and total; each trial's native frames counted at the run's typical share), the candidate's shares divided by the factor every share moved by together" + (comparison.commonFactor !== void 0 && Math.abs(comparison.commonFactor - 1) >= 5e-3 ? ` (${comparison.commonFactor.toFixed(3)})` : "") + ", tested with a t-test on the log ratio of medians and an exact one-sided Mann\u2013Whitney U (the larger p counts)";
  const drift = comparison.drift?.cpu ?? 0;
  const pairs2 = comparison.pairFactors;
  const shift = pairs2?.shift;
  const moved = shift ? `${signedPercent(shift.ratio)}, 95% CI ${signedPercent(shift.low)} \u2026 ${signedPercent(shift.high)}` : "";
  const relative = !shift ? "" : pairs2.applied ? `; and again relative to the run's unchanged code (each pair's candidate trial divided by the factor its unchanged functions moved by, which takes out each trial's machine; that code moved ${moved} over the run, and where it lies adds ${(pairs2.centreSe * 100).toFixed(1)}% to those intervals), which can only find a regression` : `; not relative to the unchanged code, which moved as a whole (${moved})`;
  return `One-sided tests (does the candidate take more?) on ${basis}` + (comparison.findings.some((f) => f.allocations) ? ` and on allocated bytes per request (self)` : "") + relative + `; functions on one side only tested against zero, and each package of node_modules as one unit; ${comparison.trials.baseline} baseline vs ${comparison.trials.candidate} candidate trials, Benjamini\u2013Hochberg over ${comparison.tests} tests at \u03B1 = ${s.alpha}; regressed only if q \u2264 \u03B1, the 95% CI of the ratio` + (drift > 0 ? ` (with the sides' drift, ${(drift * 100).toFixed(1)}% per function, added as a variance)` : "") + ` lies above ${(1 + s.minEffect).toFixed(2)} and the change is at least ${(s.minShareOfTotal * 100).toFixed(2)}% of ${paired2 ? "the baseline's CPU per request" : "the total"}` + (comparison.untested > 0 ? ` (${comparison.untested} functions below half that floor were left out, and metrics whose trials all lie within it of each other were not tested)` : "") + `; a metric with p \u2264 \u03B1 \xD7 its function's share of the whole before that control and an estimate above both floors, but not regressed, leans towards a regression, and no run passes beside one` + (paired2 ? ` (same-runner adds ${s.extendTrials} pairs once to decide it)` : "") + ".";
}

// src/report/service-metrics.ts
var SERVICE_METRICS = {
  cpuMicrosPerRequest: { label: "CPU per request (OS)", format: (v) => `${v.toFixed(0)} \xB5s` },
  throughputRps: { label: "throughput", format: (v) => `${v.toFixed(0)} req/s` },
  latencyP50Ms: { label: "latency p50", format: (v) => `${v.toFixed(2)} ms` },
  latencyP95Ms: { label: "latency p95", format: (v) => `${v.toFixed(2)} ms` },
  latencyP99Ms: { label: "latency p99", format: (v) => `${v.toFixed(2)} ms` },
  maxRssBytes: { label: "peak RSS", format: (v) => `${(v / 1048576).toFixed(0)} MiB` }
};

// src/report/status-mismatches.ts
var MAX_ROUTES = 15;
function pairs(m) {
  return Object.entries(m.statuses).sort((a, b) => b[1] - a[1]).map(([pair, n]) => `${pair} \xD7${n}`).join(", ");
}
function statusMismatchSection(comparison) {
  const rows = comparison.statusMismatches ?? [];
  if (rows.length === 0) return [];
  const out = [
    "### Status mismatches by route",
    "",
    "Responses whose status differed from the recorded one (or a 5xx where none was recorded), summed over each side's trials.",
    "",
    "| side | route | wrong | of responses | recorded \u2192 got |",
    "|---|---|---:|---:|---|"
  ];
  for (const m of rows.slice(0, MAX_ROUTES)) {
    out.push(`| ${m.side} | ${escapeMarkdown(m.route)} | ${m.count} | ${m.responses} (${percent(m.count / Math.max(1, m.responses), 1)}) | ${pairs(m)} |`);
  }
  if (rows.length > MAX_ROUTES) out.push("", `\u2026 and ${rows.length - MAX_ROUTES} more routes in report.json (comparison.statusMismatches).`);
  out.push("");
  return out;
}
function statusMismatchLines(comparison) {
  const rows = comparison.statusMismatches ?? [];
  if (rows.length === 0) return [];
  return [
    "Status mismatches by route:",
    ...rows.slice(0, MAX_ROUTES).map((m) => `  ${m.side}  ${m.route}: ${m.count} of ${m.responses} (${pairs(m)})`),
    ...rows.length > MAX_ROUTES ? [`  \u2026 and ${rows.length - MAX_ROUTES} more routes (report.json)`] : [],
    ""
  ];
}

// src/report/verdict-line.ts
function verdictHeadline(verdict2) {
  switch (verdict2.outcome) {
    case "pass":
      return { icon: "\u2705", text: "no performance regression" };
    case "fail":
      return { icon: "\u274C", text: `${verdict2.blocking.length} function${verdict2.blocking.length === 1 ? "" : "s"} regressed` };
    case "fail-errors":
      return { icon: "\u274C", text: "requests failed: correctness before speed" };
    case "inconclusive":
      return { icon: "\u26A0\uFE0F", text: "inconclusive" };
    default: {
      const unreachable = verdict2;
      return unreachable;
    }
  }
}

// src/report/diff-score-line.ts
function signedChange(change2, digits = 1) {
  if (change2 === Number.POSITIVE_INFINITY) return "+\u221E";
  return `${change2 >= 0 ? "+" : ""}${(change2 * 100).toFixed(digits)}%`;
}
function bareTest(e) {
  const mdc = e.minimumDetectable;
  return Number.isFinite(mdc.relative) ? `a bare ${mdc.test} test at \u03B1 ${mdc.alpha} would see ${signedChange(mdc.relative)} with ${Math.round(mdc.power * 100)}% power` : `no rise was detectable with these trials (${mdc.test}, \u03B1 ${mdc.alpha})`;
}
function estimate(label, e, detectable) {
  return `${label} ${signedChange(e.change)} (95% CI ${signedChange(e.low)} \u2026 ${signedChange(e.high)}${detectable === null ? "" : `; ${detectable}`})`;
}
function diffScoreLine(score, seen) {
  const gated = seen !== void 0 && seen.cpuPerRequest !== null;
  const cpu = estimate("CPU per request", score.cpuPerRequest, gated ? null : bareTest(score.cpuPerRequest));
  const bytes = score.allocatedBytesPerRequest ? [estimate("allocated bytes per request", score.allocatedBytesPerRequest, `not gated as a whole; ${bareTest(score.allocatedBytesPerRequest)}`)] : [];
  return [cpu, ...bytes].join("; ");
}
function detectableLine(seen) {
  const fn = seen.functions.map((f) => `${f.name} ${Number.isFinite(f.relative) ? signedChange(f.relative) : "none"}`).join(", ");
  const cpu = seen.cpuPerRequest === null ? "" : `CPU per request ${Number.isFinite(seen.cpuPerRequest) ? signedChange(seen.cpuPerRequest) : "none up to \xD710"}; `;
  return `${cpu}largest functions ${fn || "(none)"}; limit ${signedChange(seen.limit, 0)} (compare.maxDetectable, 80% power)${seen.blind ? " \u2014 blind" : ""}`;
}

// src/report/symbolication-line.ts
function symbolicationLine(rates) {
  const what = (s) => s.sampleType === "cpu" ? "CPU" : s.sampleType === "alloc_space" ? "allocated bytes" : s.sampleType;
  const mapped = rates[0] && rates[0].sourceMappedShare > 0 ? `; ${(rates[0].sourceMappedShare * 100).toFixed(1)}% of ${what(rates[0])} reached its original source through a source map` : "";
  const unmapped = rates.filter((s) => s.compiledWithoutMapShare > 0).map((s) => `${(s.compiledWithoutMapShare * 100).toFixed(1)}% of ${what(s)}`);
  const compiled = unmapped.length > 0 ? `; ${unmapped.join(", ")} in compiled code with no source map (generated lines)` : "";
  return `symbolicated: ${rates.map((s) => `${(s.rate * 100).toFixed(1)}% of ${what(s)}`).join(", ")} (leaf frame with a source file and line; target 95%)${mapped}${compiled}`;
}

// src/report/markdown.ts
var TOP_ROWS = 10;
function renderMarkdown(report, options = {}) {
  const { comparison } = report;
  const headline = verdictHeadline(comparison.verdict);
  const perRequest = perRequestFormatter(report.inputs);
  const out = [];
  out.push(`## perfgate: ${headline.icon} ${headline.text}${blamed(comparison.verdict)}`, "");
  out.push(`**Rule:** ${escapeMarkdown(comparison.verdict.rule)}.`, "");
  if (report.diffScore) out.push(`**Diff score:** ${escapeMarkdown(diffScoreLine(report.diffScore, report.detectable))}.`, "");
  if (report.detectable) out.push(`**Smallest rise this run could see:** ${escapeMarkdown(detectableLine(report.detectable))}.`, "");
  if (comparison.verdict.outcome === "fail-errors") {
    out.push("| side | trial | requests | no response | wrong status | non-2xx |", "|---|---:|---:|---:|---:|---:|");
    for (const e of comparison.verdict.errors) out.push(`| ${e.side} | ${e.trial} | ${e.requests} | ${e.errors} | ${e.statusMismatches} | ${e.non2xx} |`);
    out.push("");
  }
  out.push(...statusMismatchSection(comparison));
  const regressed = comparison.findings.filter((f) => f.outcome === "regressed");
  const improved = comparison.findings.filter((f) => f.outcome === "improved");
  const top = [...regressed.slice(0, TOP_ROWS), ...improved.slice(0, TOP_ROWS)];
  if (top.length > 0) {
    const title = regressed.length > 0 && improved.length > 0 ? "Regressions and improvements" : regressed.length > 0 ? "Regressions" : "Improvements";
    out.push(`### ${title}`, "", ...topTable(top, report.functionLines ?? {}, perRequest), "", ...hotLinesSection(report, regressed.slice(0, TOP_ROWS)), ...totalRisesSection(report, regressed.slice(0, TOP_ROWS)));
    const more = regressed.length + improved.length - top.length;
    if (more > 0) out.push(`<sub>${more} more changed functions under \u201CDetails\u201D.</sub>`, "");
  } else {
    out.push("No function changed significantly.", "");
  }
  out.push(...codeChangesSection(comparison));
  if (comparison.service.length > 0) {
    out.push("### Service", "", "| metric | baseline | candidate | change (95% CI) |", "|---|---:|---:|---|");
    for (const s of comparison.service) out.push(serviceRow(s));
    if (report.requests) out.push(failedRow(report.requests.baseline, report.requests.candidate));
    out.push("");
  }
  if (report.symbolication) out.push(`<sub>${escapeMarkdown(symbolicationLine(report.symbolication))}</sub>`, "");
  out.push(...shardsSection(report));
  for (const warning of [...comparison.warnings, ...environmentWarning(report)]) out.push(`> [!WARNING]
> ${escapeMarkdown(warning)}`, "");
  out.push(
    options.artifactUrl ? `**[Differential flame graph and full report](${encodeURI(options.artifactUrl)})** (report.html in the artifact).` : "**Differential flame graph:** `report.html` beside this report (with `flamegraph.svg` and the pprof files).",
    "",
    `Reproduce locally: \`${codeSpanText(report.reproduce)}\``,
    ""
  );
  const rest = comparison.findings.filter((f) => f.presence === "both");
  const changedPresence = comparison.findings.filter((f) => f.presence !== "both");
  out.push(`<details><summary>Details: all ${rest.length} tested functions${changedPresence.length > 0 ? `, ${changedPresence.length} on one side only` : ""}, the test, the sides</summary>`, "");
  out.push(...functionTable(rest, perRequest), "");
  if (changedPresence.length > 0) {
    out.push("Functions on one side only:", "", "| function | file | | share of busy CPU (total) |", "|---|---|---|---:|");
    for (const f of changedPresence) {
      const share = f.presence === "added" ? f.total.candidateMedian : f.total.baselineMedian;
      out.push(`| ${escapeMarkdown(f.name)} | ${escapeMarkdown(f.file)} | ${f.presence === "added" ? "new" : "gone"} | ${percent(share)} |`);
    }
    out.push("");
  }
  if (comparison.service.length > 0)
    out.push(comparison.paired ? "Service metrics were compared pair by pair; the service's CPU per request decides the verdict with the functions." : "Service metrics are shown for context; the functions decide the verdict.", "");
  out.push(methodsSentence(comparison), "");
  out.push(
    report.inputs ? inputsSentence(report.inputs) : `Baseline: ${report.baselineSource.kind === "same-runner" ? "re-measured on this machine" : "stored"}, ${escapeMarkdown(report.baselineSource.why)}; ${report.baseline.commit ? `\`${codeSpanText(report.baseline.commit.slice(0, 12))}\`` : "no commit"} (${escapeMarkdown(report.baseline.createdAt)}, Node ${escapeMarkdown(report.baseline.environment.nodeVersion)}); candidate: ${report.candidate.commit ? `\`${codeSpanText(report.candidate.commit.slice(0, 12))}\`` : "working tree"} (Node ${escapeMarkdown(report.candidate.environment.nodeVersion)}).`,
    "",
    "</details>",
    ""
  );
  return out.join("\n");
}
function blamed(verdict2) {
  if (verdict2.outcome !== "fail") return "";
  const first = verdict2.blocking[0];
  if (!first) return "";
  const { name, metric: metric2 } = decisiveMetric(first);
  return ` \u2014 \`${inlineCode(first.name)}\` ${signedPercent(metric2.ratio)} ${name} share${verdict2.blocking.length > 1 ? ` and ${verdict2.blocking.length - 1} more` : ""}`;
}
function failedRow(baseline, candidate) {
  const side = (list) => {
    const failed = list.reduce((sum, r) => sum + r.errors + r.statusMismatches, 0);
    return `${failed} of ${list.reduce((sum, r) => sum + r.requests, 0)}`;
  };
  return `| failed requests | ${side(baseline)} | ${side(candidate)} | \u2014 |`;
}
function serviceRow(s) {
  const { label, format } = SERVICE_METRICS[s.metric];
  const c = s.comparison;
  return `| ${label} | ${format(c.baselineMedian)} | ${format(c.candidateMedian)} | ${change(c)} |`;
}
function environmentWarning(report) {
  if (report.environmentDifferences.length === 0) return [];
  return [`The baseline was measured in another environment (${report.environmentDifferences.join("; ")}); absolute figures may not compare. Re-measure the baseline here.`];
}

// src/report/report.ts
var REPORT_SCHEMA = "perfgate.report";
var REPORT_VERSION = 1;

// src/report/terminal.ts
function renderTerminal(report, rows = 10) {
  const { comparison } = report;
  const headline = verdictHeadline(comparison.verdict);
  const out = ["", `perfgate: ${headline.icon} ${headline.text}`, `rule: ${comparison.verdict.rule}`, `test: ${methodsSentence(comparison)}`, ""];
  if (report.diffScore) out.push(`diff score: ${diffScoreLine(report.diffScore, report.detectable)}`, "");
  if (report.detectable) out.push(`could have seen: ${detectableLine(report.detectable)}`, "");
  out.push(...statusMismatchLines(comparison));
  const shown = comparison.findings.filter((f) => f.outcome === "regressed" || f.outcome === "improved" || f.replaces !== void 0).slice(0, rows);
  const largest = () => comparison.findings.filter((f) => f.presence === "both").toSorted((a, b) => b.self.candidateMedian - a.self.candidateMedian);
  const top = shown.length > 0 ? shown : largest().slice(0, Math.min(rows, 5));
  out.push(shown.length > 0 ? "Functions that changed:" : "Largest functions (none changed):");
  out.push(...textTable(["", "function", "file", "decided by", "baseline \u2192 candidate", "change (95% CI)", "q"], top.map(row)), "");
  out.push(...totalRisesLines(report, shown.filter((f) => f.outcome === "regressed")));
  const packages = (comparison.packages ?? []).filter((p) => p.outcome === "regressed" || p.outcome === "improved" || p.baselineVersions.join() !== p.candidateVersions.join());
  if (packages.length > 0) {
    out.push(
      "Packages (own CPU per request):",
      ...textTable(
        ["", "package", "version", "per request", "change (95% CI)", "q"],
        packages.map((p) => [
          markOf(p.outcome),
          p.name,
          `${p.baselineVersions.join(", ") || "\u2014"} \u2192 ${p.candidateVersions.join(", ") || "\u2014"}`,
          `${nanosAsTime(p.perRequestNanos.baseline)} \u2192 ${nanosAsTime(p.perRequestNanos.candidate)}`,
          `${metricChange(p.self)}${p.replaces ? `; ${replacesText(p.replaces, p.presence)}` : ""}`,
          formatQ(p.self.q)
        ])
      ),
      ""
    );
  }
  const changed = comparison.changedCode?.cpu;
  if (changed) {
    const show = (v) => cpuValue(v, Math.max(changed.baselineMedian, changed.candidateMedian));
    const replacing = comparison.findings.filter((f) => f.replaces !== void 0).length + (comparison.packages ?? []).filter((p) => p.replaces !== void 0).length;
    out.push(
      `Code that came, went or was upgraded, as one unit (own time): ${show(changed.baselineMedian)} \u2192 ${show(changed.candidateMedian)}, ${metricChange(changed)}, ${changed.outcome}` + (replacing > 0 ? `; ${replacing} function(s) and package(s) that regressed alone replace code that went, not blamed` : ""),
      ""
    );
  }
  if (comparison.service.length > 0) {
    out.push(
      ...textTable(
        ["service", "baseline", "candidate", "change (95% CI)"],
        comparison.service.map((s) => [s.metric, s.comparison.baselineMedian.toFixed(1), s.comparison.candidateMedian.toFixed(1), change(s.comparison)])
      )
    );
  }
  if (report.symbolication) out.push("", symbolicationLine(report.symbolication));
  for (const warning of [...comparison.warnings, ...environmentWarning(report)]) out.push("", `warning: ${warning}`);
  out.push("");
  return out.join("\n");
}
function row(f) {
  const { name, metric: metric2 } = decisiveMetric(f);
  const show = (v) => name === "allocations" ? percent(v) : cpuValue(v, Math.max(metric2.baselineMedian, metric2.candidateMedian));
  const figures = name === "allocations" && f.allocationsPerRequest ? `${bytesAsSize(f.allocationsPerRequest.baseline.bytes)} \u2192 ${bytesAsSize(f.allocationsPerRequest.candidate.bytes)}` : `${show(metric2.baselineMedian)} \u2192 ${show(metric2.candidateMedian)}`;
  const presence = f.presence === "added" ? " (new)" : f.presence === "gone" ? " (gone)" : f.renamedFrom ? " (renamed)" : "";
  const moved = f.replaces ? `; ${replacesText(f.replaces, f.presence)}` : "";
  return [markOf(f.outcome), truncate(f.name + presence, 40), truncate(f.file || "(native)", 40), DECIDED_BY2[name], figures, metricChange(metric2) + moved, formatQ(metric2.q)];
}
var DECIDED_BY2 = { self: "own time", total: "total time", allocations: "allocations" };
function markOf(outcome2) {
  return outcome2 === "regressed" ? "REGRESSED" : outcome2 === "improved" ? "improved" : outcome2 === "inconclusive" ? "?" : "";
}
function truncate(text, width) {
  return text.length <= width ? text : `\u2026${text.slice(text.length - width + 1)}`;
}

// node_modules/pprof-format/dist/esm/index.js
var __classPrivateFieldGet = function(receiver, state, kind, f) {
  if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a getter");
  if (typeof state === "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot read private member from an object whose class did not declare it");
  return kind === "m" ? f : kind === "a" ? f.call(receiver) : f ? f.value : state.get(receiver);
};
var _StringTable_encodings;
var _StringTable_positions;
var lowMaxBig = 2n ** 32n - 1n;
var lowMax = 2 ** 32 - 1;
var lowMaxPlus1 = lowMax + 1;
var toUtf8 = typeof Buffer === "undefined" ? (value) => new TextEncoder().encode(value) : (value) => Buffer.from(value, "utf8");
function countNumberBytes(buffer) {
  if (!buffer.length)
    return 0;
  let i = 0;
  while (i < buffer.length && buffer[i++] >= 128)
    ;
  return i;
}
function decodeBigNumber(buffer) {
  if (!buffer.length)
    return BigInt(0);
  let value = BigInt(buffer[0] & 127);
  let i = 0;
  while (buffer[i++] >= 128) {
    value |= BigInt(buffer[i] & 127) << BigInt(7 * i);
  }
  return value;
}
function makeValue(value, offset = 0) {
  return { value, offset };
}
function getValue(mode, buffer) {
  switch (mode) {
    case kTypeVarInt:
      for (let i = 0; i < buffer.length; i++) {
        if (!(buffer[i] & 128)) {
          return makeValue(buffer.subarray(0, i + 1));
        }
      }
      return makeValue(buffer);
    case kTypeLengthDelim: {
      const offset = countNumberBytes(buffer);
      const size = decodeNumber(buffer);
      return makeValue(buffer.subarray(offset, Number(size) + offset), offset);
    }
    default:
      throw new Error(`Unrecognized value type: ${mode}`);
  }
}
function lowBits(number) {
  return typeof number !== "bigint" ? (number >>> 0) % lowMaxPlus1 : Number(number & lowMaxBig);
}
function highBits(number) {
  return typeof number !== "bigint" ? number / lowMaxPlus1 >>> 0 : Number(number >> 32n & lowMaxBig);
}
function long(number) {
  const sign = number < 0;
  if (sign)
    number = -number;
  let lo = lowBits(number);
  let hi = highBits(number);
  if (sign) {
    hi = ~hi >>> 0;
    lo = ~lo >>> 0;
    if (++lo > lowMax) {
      lo = 0;
      if (++hi > lowMax) {
        hi = 0;
      }
    }
  }
  return [hi, lo];
}
var kTypeVarInt = 0;
var kTypeLengthDelim = 2;
function decodeNumber(buffer) {
  const size = countNumberBytes(buffer);
  if (size > 4)
    return decodeBigNumber(buffer);
  if (!buffer.length)
    return 0;
  let value = buffer[0] & 127;
  let i = 0;
  while (buffer[i++] >= 128) {
    value |= (buffer[i] & 127) << 7 * i;
  }
  return value;
}
function decodeNumbers(buffer) {
  const values2 = [];
  let start = 0;
  for (let i = 0; i < buffer.length; i++) {
    if ((buffer[i] & 128) === 0) {
      values2.push(decodeNumber(buffer.subarray(start, i + 1)));
      start = i + 1;
    }
  }
  return values2;
}
function push(value, list) {
  if (list == null) {
    return [value];
  }
  list.push(value);
  return list;
}
function pushAll(values2, list) {
  if (list == null) {
    return values2;
  }
  for (const value of values2) {
    list.push(value);
  }
  return list;
}
function measureNumber(number) {
  if (number === 0 || number === 0n)
    return 0;
  const [hi, lo] = long(number);
  const a = lo;
  const b = (lo >>> 28 | hi << 4) >>> 0;
  const c = hi >>> 24;
  if (c !== 0) {
    return c < 128 ? 9 : 10;
  }
  if (b !== 0) {
    if (b < 16384) {
      return b < 128 ? 5 : 6;
    }
    return b < 2097152 ? 7 : 8;
  }
  if (a < 16384) {
    return a < 128 ? 1 : 2;
  }
  return a < 2097152 ? 3 : 4;
}
function measureValue(value) {
  if (typeof value === "undefined")
    return 0;
  if (typeof value === "number" || typeof value === "bigint") {
    return measureNumber(value) || 1;
  }
  return value.length;
}
function measureArray(list) {
  let size = 0;
  for (const item of list) {
    size += measureValue(item);
  }
  return size;
}
function measureNumberField(number) {
  const length = measureNumber(number);
  return length ? 1 + length : 0;
}
function measureNumberArrayField(values2) {
  let total = 0;
  for (const value of values2) {
    total += measureNumber(value) || 1;
  }
  return total ? 1 + measureNumber(total) + total : 0;
}
function measureLengthDelimField(value) {
  const length = measureValue(value);
  return length ? 1 + measureNumber(length) + length : 0;
}
function measureLengthDelimArrayField(values2) {
  let total = 0;
  for (const value of values2) {
    total += measureLengthDelimField(value);
  }
  return total;
}
function encodeNumber(buffer, i, number) {
  if (number === 0 || number === 0n) {
    buffer[i++] = 0;
    return i;
  }
  let [hi, lo] = long(number);
  while (hi) {
    buffer[i++] = lo & 127 | 128;
    lo = (lo >>> 7 | hi << 25) >>> 0;
    hi >>>= 7;
  }
  while (lo > 127) {
    buffer[i++] = lo & 127 | 128;
    lo = lo >>> 7;
  }
  buffer[i++] = lo;
  return i;
}
var emptyTableToken = /* @__PURE__ */ Symbol();
var StringTable = class _StringTable {
  constructor(tok) {
    this.strings = new Array();
    _StringTable_encodings.set(this, new Array());
    _StringTable_positions.set(this, /* @__PURE__ */ new Map());
    if (tok !== emptyTableToken) {
      this.dedup("");
    }
  }
  get encodedLength() {
    let size = 0;
    for (const encoded of __classPrivateFieldGet(this, _StringTable_encodings, "f")) {
      size += encoded.length;
    }
    return size;
  }
  _encodeToBuffer(buffer, offset) {
    for (const encoded of __classPrivateFieldGet(this, _StringTable_encodings, "f")) {
      buffer.set(encoded, offset);
      offset += encoded.length;
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.encodedLength)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static _encodeStringFromUtf8(stringBuffer) {
    const buffer = new Uint8Array(1 + stringBuffer.length + (measureNumber(stringBuffer.length) || 1));
    let offset = 0;
    buffer[offset++] = 50;
    offset = encodeNumber(buffer, offset, stringBuffer.length);
    if (stringBuffer.length > 0) {
      buffer.set(stringBuffer, offset);
    }
    return buffer;
  }
  static _encodeString(string) {
    return _StringTable._encodeStringFromUtf8(toUtf8(string));
  }
  dedup(string) {
    if (typeof string === "number")
      return string;
    if (!__classPrivateFieldGet(this, _StringTable_positions, "f").has(string)) {
      const pos = this.strings.push(string) - 1;
      __classPrivateFieldGet(this, _StringTable_positions, "f").set(string, pos);
      __classPrivateFieldGet(this, _StringTable_encodings, "f").push(_StringTable._encodeString(string));
    }
    return __classPrivateFieldGet(this, _StringTable_positions, "f").get(string);
  }
  _decodeString(buffer) {
    const string = new TextDecoder().decode(buffer);
    __classPrivateFieldGet(this, _StringTable_positions, "f").set(string, this.strings.push(string) - 1);
    __classPrivateFieldGet(this, _StringTable_encodings, "f").push(_StringTable._encodeStringFromUtf8(buffer));
  }
};
_StringTable_encodings = /* @__PURE__ */ new WeakMap(), _StringTable_positions = /* @__PURE__ */ new WeakMap();
function decode(buffer, decoder) {
  const data = {};
  let index = 0;
  while (index < buffer.length) {
    const field = buffer[index] >> 3;
    const mode = buffer[index] & 7;
    index++;
    const { offset, value } = getValue(mode, buffer.subarray(index));
    index += value.length + offset;
    decoder(data, field, value);
  }
  return data;
}
var ValueType = class _ValueType {
  static create(data) {
    return data instanceof _ValueType ? data : new _ValueType(data);
  }
  constructor(data) {
    this.type = data.type || 0;
    this.unit = data.unit || 0;
  }
  get length() {
    let total = 0;
    total += measureNumberField(this.type);
    total += measureNumberField(this.unit);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.type) {
      buffer[offset++] = 8;
      offset = encodeNumber(buffer, offset, this.type);
    }
    if (this.unit) {
      buffer[offset++] = 16;
      offset = encodeNumber(buffer, offset, this.unit);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.type = decodeNumber(buffer);
        break;
      case 2:
        data.unit = decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Label = class _Label {
  static create(data) {
    return data instanceof _Label ? data : new _Label(data);
  }
  constructor(data) {
    this.key = data.key || 0;
    this.str = data.str || 0;
    this.num = data.num || 0;
    this.numUnit = data.numUnit || 0;
  }
  get length() {
    let total = 0;
    total += measureNumberField(this.key);
    total += measureNumberField(this.str);
    total += measureNumberField(this.num);
    total += measureNumberField(this.numUnit);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.key) {
      buffer[offset++] = 8;
      offset = encodeNumber(buffer, offset, this.key);
    }
    if (this.str) {
      buffer[offset++] = 16;
      offset = encodeNumber(buffer, offset, this.str);
    }
    if (this.num) {
      buffer[offset++] = 24;
      offset = encodeNumber(buffer, offset, this.num);
    }
    if (this.numUnit) {
      buffer[offset++] = 32;
      offset = encodeNumber(buffer, offset, this.numUnit);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.key = decodeNumber(buffer);
        break;
      case 2:
        data.str = decodeNumber(buffer);
        break;
      case 3:
        data.num = decodeNumber(buffer);
        break;
      case 4:
        data.numUnit = decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Sample = class _Sample {
  static create(data) {
    return data instanceof _Sample ? data : new _Sample(data);
  }
  constructor(data) {
    this.locationId = data.locationId || [];
    this.value = data.value || [];
    this.label = (data.label || []).map(Label.create);
  }
  get length() {
    let total = 0;
    total += measureNumberArrayField(this.locationId);
    total += measureNumberArrayField(this.value);
    total += measureLengthDelimArrayField(this.label);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.locationId.length) {
      buffer[offset++] = 10;
      offset = encodeNumber(buffer, offset, measureArray(this.locationId));
      for (const locationId of this.locationId) {
        offset = encodeNumber(buffer, offset, locationId);
      }
    }
    if (this.value.length) {
      buffer[offset++] = 18;
      offset = encodeNumber(buffer, offset, measureArray(this.value));
      for (const value of this.value) {
        offset = encodeNumber(buffer, offset, value);
      }
    }
    for (const label of this.label) {
      buffer[offset++] = 26;
      offset = encodeNumber(buffer, offset, label.length);
      offset = label._encodeToBuffer(buffer, offset);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.locationId = pushAll(decodeNumbers(buffer), data.locationId);
        break;
      case 2:
        data.value = pushAll(decodeNumbers(buffer), data.value);
        break;
      case 3:
        data.label = push(Label.decode(buffer), data.label);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Mapping = class _Mapping {
  static create(data) {
    return data instanceof _Mapping ? data : new _Mapping(data);
  }
  constructor(data) {
    this.id = data.id || 0;
    this.memoryStart = data.memoryStart || 0;
    this.memoryLimit = data.memoryLimit || 0;
    this.fileOffset = data.fileOffset || 0;
    this.filename = data.filename || 0;
    this.buildId = data.buildId || 0;
    this.hasFunctions = !!data.hasFunctions;
    this.hasFilenames = !!data.hasFilenames;
    this.hasLineNumbers = !!data.hasLineNumbers;
    this.hasInlineFrames = !!data.hasInlineFrames;
  }
  get length() {
    let total = 0;
    total += measureNumberField(this.id);
    total += measureNumberField(this.memoryStart);
    total += measureNumberField(this.memoryLimit);
    total += measureNumberField(this.fileOffset);
    total += measureNumberField(this.filename);
    total += measureNumberField(this.buildId);
    total += measureNumberField(this.hasFunctions ? 1 : 0);
    total += measureNumberField(this.hasFilenames ? 1 : 0);
    total += measureNumberField(this.hasLineNumbers ? 1 : 0);
    total += measureNumberField(this.hasInlineFrames ? 1 : 0);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.id) {
      buffer[offset++] = 8;
      offset = encodeNumber(buffer, offset, this.id);
    }
    if (this.memoryStart) {
      buffer[offset++] = 16;
      offset = encodeNumber(buffer, offset, this.memoryStart);
    }
    if (this.memoryLimit) {
      buffer[offset++] = 24;
      offset = encodeNumber(buffer, offset, this.memoryLimit);
    }
    if (this.fileOffset) {
      buffer[offset++] = 32;
      offset = encodeNumber(buffer, offset, this.fileOffset);
    }
    if (this.filename) {
      buffer[offset++] = 40;
      offset = encodeNumber(buffer, offset, this.filename);
    }
    if (this.buildId) {
      buffer[offset++] = 48;
      offset = encodeNumber(buffer, offset, this.buildId);
    }
    if (this.hasFunctions) {
      buffer[offset++] = 56;
      offset = encodeNumber(buffer, offset, 1);
    }
    if (this.hasFilenames) {
      buffer[offset++] = 64;
      offset = encodeNumber(buffer, offset, 1);
    }
    if (this.hasLineNumbers) {
      buffer[offset++] = 72;
      offset = encodeNumber(buffer, offset, 1);
    }
    if (this.hasInlineFrames) {
      buffer[offset++] = 80;
      offset = encodeNumber(buffer, offset, 1);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.id = decodeNumber(buffer);
        break;
      case 2:
        data.memoryStart = decodeNumber(buffer);
        break;
      case 3:
        data.memoryLimit = decodeNumber(buffer);
        break;
      case 4:
        data.fileOffset = decodeNumber(buffer);
        break;
      case 5:
        data.filename = decodeNumber(buffer);
        break;
      case 6:
        data.buildId = decodeNumber(buffer);
        break;
      case 7:
        data.hasFunctions = !!decodeNumber(buffer);
        break;
      case 8:
        data.hasFilenames = !!decodeNumber(buffer);
        break;
      case 9:
        data.hasLineNumbers = !!decodeNumber(buffer);
        break;
      case 10:
        data.hasInlineFrames = !!decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Line = class _Line {
  static create(data) {
    return data instanceof _Line ? data : new _Line(data);
  }
  constructor(data) {
    this.functionId = data.functionId || 0;
    this.line = data.line || 0;
    this.column = data.column || 0;
  }
  get length() {
    let total = 0;
    total += measureNumberField(this.functionId);
    total += measureNumberField(this.line);
    total += measureNumberField(this.column);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.functionId) {
      buffer[offset++] = 8;
      offset = encodeNumber(buffer, offset, this.functionId);
    }
    if (this.line) {
      buffer[offset++] = 16;
      offset = encodeNumber(buffer, offset, this.line);
    }
    if (this.column) {
      buffer[offset++] = 24;
      offset = encodeNumber(buffer, offset, this.column);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.functionId = decodeNumber(buffer);
        break;
      case 2:
        data.line = decodeNumber(buffer);
        break;
      case 3:
        data.column = decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Location = class _Location {
  static create(data) {
    return data instanceof _Location ? data : new _Location(data);
  }
  constructor(data) {
    this.id = data.id || 0;
    this.mappingId = data.mappingId || 0;
    this.address = data.address || 0;
    this.line = (data.line || []).map(Line.create);
    this.isFolded = !!data.isFolded;
  }
  get length() {
    let total = 0;
    total += measureNumberField(this.id);
    total += measureNumberField(this.mappingId);
    total += measureNumberField(this.address);
    total += measureLengthDelimArrayField(this.line);
    total += measureNumberField(this.isFolded ? 1 : 0);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.id) {
      buffer[offset++] = 8;
      offset = encodeNumber(buffer, offset, this.id);
    }
    if (this.mappingId) {
      buffer[offset++] = 16;
      offset = encodeNumber(buffer, offset, this.mappingId);
    }
    if (this.address) {
      buffer[offset++] = 24;
      offset = encodeNumber(buffer, offset, this.address);
    }
    for (const line of this.line) {
      buffer[offset++] = 34;
      offset = encodeNumber(buffer, offset, line.length);
      offset = line._encodeToBuffer(buffer, offset);
    }
    if (this.isFolded) {
      buffer[offset++] = 40;
      offset = encodeNumber(buffer, offset, 1);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.id = decodeNumber(buffer);
        break;
      case 2:
        data.mappingId = decodeNumber(buffer);
        break;
      case 3:
        data.address = decodeNumber(buffer);
        break;
      case 4:
        data.line = push(Line.decode(buffer), data.line);
        break;
      case 5:
        data.isFolded = !!decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Function = class _Function {
  static create(data) {
    return data instanceof _Function ? data : new _Function(data);
  }
  constructor(data) {
    this.id = data.id || 0;
    this.name = data.name || 0;
    this.systemName = data.systemName || 0;
    this.filename = data.filename || 0;
    this.startLine = data.startLine || 0;
  }
  get length() {
    let total = 0;
    total += measureNumberField(this.id);
    total += measureNumberField(this.name);
    total += measureNumberField(this.systemName);
    total += measureNumberField(this.filename);
    total += measureNumberField(this.startLine);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.id) {
      buffer[offset++] = 8;
      offset = encodeNumber(buffer, offset, this.id);
    }
    if (this.name) {
      buffer[offset++] = 16;
      offset = encodeNumber(buffer, offset, this.name);
    }
    if (this.systemName) {
      buffer[offset++] = 24;
      offset = encodeNumber(buffer, offset, this.systemName);
    }
    if (this.filename) {
      buffer[offset++] = 32;
      offset = encodeNumber(buffer, offset, this.filename);
    }
    if (this.startLine) {
      buffer[offset++] = 40;
      offset = encodeNumber(buffer, offset, this.startLine);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.id = decodeNumber(buffer);
        break;
      case 2:
        data.name = decodeNumber(buffer);
        break;
      case 3:
        data.systemName = decodeNumber(buffer);
        break;
      case 4:
        data.filename = decodeNumber(buffer);
        break;
      case 5:
        data.startLine = decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Profile = class {
  constructor(data = {}) {
    this.sampleType = (data.sampleType || []).map(ValueType.create);
    this.sample = (data.sample || []).map(Sample.create);
    this.mapping = (data.mapping || []).map(Mapping.create);
    this.location = (data.location || []).map(Location.create);
    this.function = (data.function || []).map(Function.create);
    this.stringTable = data.stringTable || new StringTable();
    this.dropFrames = data.dropFrames || 0;
    this.keepFrames = data.keepFrames || 0;
    this.timeNanos = data.timeNanos || 0;
    this.durationNanos = data.durationNanos || 0;
    this.periodType = data.periodType ? ValueType.create(data.periodType) : void 0;
    this.period = data.period || 0;
    this.comment = data.comment || [];
    this.defaultSampleType = data.defaultSampleType || 0;
    this.docUrl = data.docUrl || 0;
  }
  get length() {
    let total = 0;
    total += measureLengthDelimArrayField(this.sampleType);
    total += measureLengthDelimArrayField(this.sample);
    total += measureLengthDelimArrayField(this.mapping);
    total += measureLengthDelimArrayField(this.location);
    total += measureLengthDelimArrayField(this.function);
    total += this.stringTable.encodedLength;
    total += measureNumberField(this.dropFrames);
    total += measureNumberField(this.keepFrames);
    total += measureNumberField(this.timeNanos);
    total += measureNumberField(this.durationNanos);
    total += measureLengthDelimField(this.periodType);
    total += measureNumberField(this.period);
    total += measureNumberArrayField(this.comment);
    total += measureNumberField(this.defaultSampleType);
    total += measureNumberField(this.docUrl);
    return total;
  }
  _encodeSampleTypesToBuffer(buffer, offset = 0) {
    for (const sampleType of this.sampleType) {
      buffer[offset++] = 10;
      offset = encodeNumber(buffer, offset, sampleType.length);
      offset = sampleType._encodeToBuffer(buffer, offset);
    }
    return offset;
  }
  _encodeSamplesToBuffer(buffer, offset = 0) {
    for (const sample of this.sample) {
      buffer[offset++] = 18;
      offset = encodeNumber(buffer, offset, sample.length);
      offset = sample._encodeToBuffer(buffer, offset);
    }
    return offset;
  }
  _encodeMappingsToBuffer(buffer, offset = 0) {
    for (const mapping of this.mapping) {
      buffer[offset++] = 26;
      offset = encodeNumber(buffer, offset, mapping.length);
      offset = mapping._encodeToBuffer(buffer, offset);
    }
    return offset;
  }
  _encodeLocationsToBuffer(buffer, offset = 0) {
    for (const location of this.location) {
      buffer[offset++] = 34;
      offset = encodeNumber(buffer, offset, location.length);
      offset = location._encodeToBuffer(buffer, offset);
    }
    return offset;
  }
  _encodeFunctionsToBuffer(buffer, offset = 0) {
    for (const fun of this.function) {
      buffer[offset++] = 42;
      offset = encodeNumber(buffer, offset, fun.length);
      offset = fun._encodeToBuffer(buffer, offset);
    }
    return offset;
  }
  _encodeBasicValuesToBuffer(buffer, offset = 0) {
    if (this.dropFrames) {
      buffer[offset++] = 56;
      offset = encodeNumber(buffer, offset, this.dropFrames);
    }
    if (this.keepFrames) {
      buffer[offset++] = 64;
      offset = encodeNumber(buffer, offset, this.keepFrames);
    }
    if (this.timeNanos) {
      buffer[offset++] = 72;
      offset = encodeNumber(buffer, offset, this.timeNanos);
    }
    if (this.durationNanos) {
      buffer[offset++] = 80;
      offset = encodeNumber(buffer, offset, this.durationNanos);
    }
    if (typeof this.periodType !== "undefined") {
      buffer[offset++] = 90;
      offset = encodeNumber(buffer, offset, this.periodType.length);
      offset = this.periodType._encodeToBuffer(buffer, offset);
    }
    if (this.period) {
      buffer[offset++] = 96;
      offset = encodeNumber(buffer, offset, this.period);
    }
    if (this.comment.length) {
      buffer[offset++] = 106;
      offset = encodeNumber(buffer, offset, measureArray(this.comment));
      for (const comment of this.comment) {
        offset = encodeNumber(buffer, offset, comment);
      }
    }
    if (this.defaultSampleType) {
      buffer[offset++] = 112;
      offset = encodeNumber(buffer, offset, this.defaultSampleType);
    }
    if (this.docUrl) {
      buffer[offset++] = 120;
      offset = encodeNumber(buffer, offset, this.docUrl);
    }
    return offset;
  }
  _encodeToBuffer(buffer, offset = 0) {
    offset = this._encodeSampleTypesToBuffer(buffer, offset);
    offset = this._encodeSamplesToBuffer(buffer, offset);
    offset = this._encodeMappingsToBuffer(buffer, offset);
    offset = this._encodeLocationsToBuffer(buffer, offset);
    offset = this._encodeFunctionsToBuffer(buffer, offset);
    offset = this.stringTable._encodeToBuffer(buffer, offset);
    offset = this._encodeBasicValuesToBuffer(buffer, offset);
    return offset;
  }
  async _encodeToBufferAsync(buffer, offset = 0) {
    offset = this._encodeSampleTypesToBuffer(buffer, offset);
    await new Promise(setImmediate);
    offset = this._encodeSamplesToBuffer(buffer, offset);
    await new Promise(setImmediate);
    offset = this._encodeMappingsToBuffer(buffer, offset);
    await new Promise(setImmediate);
    offset = this._encodeLocationsToBuffer(buffer, offset);
    await new Promise(setImmediate);
    offset = this._encodeFunctionsToBuffer(buffer, offset);
    await new Promise(setImmediate);
    offset = this.stringTable._encodeToBuffer(buffer, offset);
    await new Promise(setImmediate);
    offset = this._encodeBasicValuesToBuffer(buffer, offset);
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  async encodeAsync(buffer = new Uint8Array(this.length)) {
    await this._encodeToBufferAsync(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.sampleType = push(ValueType.decode(buffer), data.sampleType);
        break;
      case 2:
        data.sample = push(Sample.decode(buffer), data.sample);
        break;
      case 3:
        data.mapping = push(Mapping.decode(buffer), data.mapping);
        break;
      case 4:
        data.location = push(Location.decode(buffer), data.location);
        break;
      case 5:
        data.function = push(Function.decode(buffer), data.function);
        break;
      case 6: {
        if (data.stringTable === void 0) {
          data.stringTable = new StringTable(emptyTableToken);
        }
        data.stringTable._decodeString(buffer);
        break;
      }
      case 7:
        data.dropFrames = decodeNumber(buffer);
        break;
      case 8:
        data.keepFrames = decodeNumber(buffer);
        break;
      case 9:
        data.timeNanos = decodeNumber(buffer);
        break;
      case 10:
        data.durationNanos = decodeNumber(buffer);
        break;
      case 11:
        data.periodType = ValueType.decode(buffer);
        break;
      case 12:
        data.period = decodeNumber(buffer);
        break;
      case 13:
        data.comment = pushAll(decodeNumbers(buffer), data.comment);
        break;
      case 14:
        data.defaultSampleType = decodeNumber(buffer);
        break;
      case 15:
        data.docUrl = decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};

// src/profile/merge.ts
var REQUESTS_COMMENT = /^perfgate: requests=(\d+)$/;
function mergeProfiles(profiles, source) {
  const first = profiles[0];
  if (!first) throw new PerfgateError("PROFILE_INVALID", `${source}: nothing to merge`);
  const typesOf = (p) => p.sampleType.map((t) => `${p.stringTable.strings[Number(t.type)]}/${p.stringTable.strings[Number(t.unit)]}`).join(", ");
  const expectedTypes = typesOf(first);
  profiles.forEach((p, i) => {
    if (typesOf(p) !== expectedTypes) {
      throw new PerfgateError("PROFILE_INVALID", `${source}: profile ${i + 1} has sample types [${typesOf(p)}], profile 1 has [${expectedTypes}]; only profiles of one kind can be merged`);
    }
  });
  const strings = new StringTable();
  const functions = [];
  const functionIds = /* @__PURE__ */ new Map();
  const locations = [];
  const locationIds = /* @__PURE__ */ new Map();
  const samples = /* @__PURE__ */ new Map();
  let requests = 0;
  let allHaveRequests = true;
  let durationNanos = 0;
  let timeNanos;
  for (const profile of profiles) {
    const s = profile.stringTable.strings;
    const functionById = /* @__PURE__ */ new Map();
    for (const fn of profile.function) {
      const name = s[Number(fn.name)] ?? "";
      const file = s[Number(fn.filename)] ?? "";
      const key = `${file}\0${name}`;
      let id = functionIds.get(key);
      if (id === void 0) {
        id = functions.length + 1;
        functions.push(new Function({ id, name: strings.dedup(name), systemName: strings.dedup(s[Number(fn.systemName)] ?? name), filename: strings.dedup(file), startLine: fn.startLine }));
        functionIds.set(key, id);
      }
      functionById.set(String(fn.id), id);
    }
    const locationById = /* @__PURE__ */ new Map();
    for (const location of profile.location) {
      const lines = location.line.map((line) => {
        const functionId = functionById.get(String(line.functionId));
        if (functionId === void 0) throw new PerfgateError("PROFILE_INVALID", `${source}: location ${location.id} refers to unknown function ${line.functionId}`);
        return { functionId, line: Number(line.line) };
      });
      const key = lines.map((l) => `${l.functionId}:${l.line}`).join("|");
      let id = locationIds.get(key);
      if (id === void 0) {
        id = locations.length + 1;
        locations.push(new Location({ id, line: lines.map((l) => new Line(l)) }));
        locationIds.set(key, id);
      }
      locationById.set(String(location.id), id);
    }
    for (const sample of profile.sample) {
      const stack = sample.locationId.map((locationId) => {
        const id = locationById.get(String(locationId));
        if (id === void 0) throw new PerfgateError("PROFILE_INVALID", `${source}: a sample refers to unknown location ${locationId}`);
        return id;
      });
      const key = stack.join(",");
      const existing = samples.get(key);
      if (existing) {
        existing.value = existing.value.map((v, i) => Number(v) + Number(sample.value[i] ?? 0));
      } else {
        samples.set(key, new Sample({ locationId: stack, value: sample.value.map(Number) }));
      }
    }
    const count2 = profile.comment.map((c) => REQUESTS_COMMENT.exec(s[Number(c)] ?? "")).find(Boolean);
    if (count2) requests += Number(count2[1]);
    else allHaveRequests = false;
    durationNanos += Number(profile.durationNanos);
    const started = BigInt(profile.timeNanos);
    if (timeNanos === void 0 || started < timeNanos) timeNanos = started;
  }
  const copyType = (t) => new ValueType({ type: strings.dedup(first.stringTable.strings[Number(t.type)] ?? ""), unit: strings.dedup(first.stringTable.strings[Number(t.unit)] ?? "") });
  return new Profile({
    sampleType: first.sampleType.map(copyType),
    sample: [...samples.values()],
    location: locations,
    function: functions,
    stringTable: strings,
    timeNanos: timeNanos ?? 0n,
    durationNanos,
    ...first.periodType ? { periodType: copyType(first.periodType) } : {},
    period: first.period,
    comment: allHaveRequests ? [strings.dedup(`perfgate: requests=${requests}`), strings.dedup(`perfgate: merged ${profiles.length} profiles`)] : [strings.dedup(`perfgate: merged ${profiles.length} profiles`)]
  });
}
function requestsOf(profile) {
  for (const c of profile.comment) {
    const match = REQUESTS_COMMENT.exec(profile.stringTable.strings[Number(c)] ?? "");
    if (match) return Number(match[1]);
  }
  return void 0;
}

// src/profile/function-identity.ts
import { fileURLToPath } from "node:url";

// src/profile/source-lookup.ts
var NO_SOURCES = {
  originalPosition: () => void 0,
  originalLine: () => void 0,
  compiledWithoutMap: () => false,
  packageVersion: () => void 0
};
function packagePath(path) {
  const marker = "/node_modules/";
  const at = path.lastIndexOf(marker);
  if (at < 0) return void 0;
  const rest = path.slice(at + marker.length).split("/");
  const nameParts = rest[0]?.startsWith("@") ? 2 : 1;
  if (rest.length <= nameParts || rest.slice(0, nameParts).some((part2) => part2 === "")) return void 0;
  const name = rest.slice(0, nameParts).join("/");
  return { folder: path.slice(0, at + marker.length) + name, name, inner: rest.slice(nameParts).join("/") };
}

// src/profile/function-identity.ts
function functionKey(identity) {
  return identity.file === "" ? identity.name : `${identity.file}#${identity.name}`;
}
var IDLE_FRAME = "(idle)";
var NODE_INTERNALS = { name: "(node internals)", file: "node:internal" };
var PERFGATE_AGENT = { name: "(perfgate agent)", file: "perfgate:agent" };
function resolveFrame(frame, context, enclosing) {
  if (frame.url.startsWith("node:internal/")) return groupFrame(NODE_INTERNALS);
  const scriptPath = scriptPathOf(frame.url);
  if (isAgent(scriptPath, context)) return groupFrame(PERFGATE_AGENT);
  const located = locate(frame, scriptPath, context);
  const name = frame.functionName === "" ? anonymousName(enclosing, located.line) : frame.functionName;
  const compiledWithoutMap = !located.mapped && scriptPath !== "" && context.sources.compiledWithoutMap(scriptPath);
  return { identity: { name, file: located.file }, startLine: located.line, scriptPath, mapped: located.mapped, compiledWithoutMap, grouped: false };
}
function fileOfFrame(frame, context) {
  if (frame.url.startsWith("node:internal/")) return NODE_INTERNALS.file;
  const scriptPath = scriptPathOf(frame.url);
  if (isAgent(scriptPath, context)) return PERFGATE_AGENT.file;
  return locate(frame, scriptPath, context).file;
}
function isGroup(identity) {
  return [NODE_INTERNALS, PERFGATE_AGENT].some((group) => group.name === identity.name && group.file === identity.file);
}
function isAgent(scriptPath, context) {
  return scriptPath !== "" && scriptPath === context.agentScript;
}
function groupFrame(identity) {
  return { identity, startLine: 0, scriptPath: "", mapped: false, compiledWithoutMap: false, grouped: true };
}
function namingContext(context) {
  return { root: context.root, sources: context.sources ?? NO_SOURCES, ...context.agentScript ? { agentScript: context.agentScript } : {} };
}
function anonymousName(enclosing, line = 0) {
  if (enclosing) return `(anonymous in ${enclosing})`;
  return line > 0 ? `(anonymous at line ${line})` : "(anonymous)";
}
function locate(frame, scriptPath, context) {
  if (frame.url === "" || frame.url.startsWith("node:")) return { file: frame.url, line: Math.max(0, frame.lineNumber + 1), mapped: false };
  const original = frame.lineNumber >= 0 ? context.sources.originalPosition(scriptPath, frame.lineNumber + 1, Math.max(0, frame.columnNumber)) : void 0;
  const path = original ? pathOf(original.path) : scriptPath;
  return { file: displayFile(path, context), line: original ? original.line : Math.max(0, frame.lineNumber + 1), mapped: original !== void 0 };
}
function displayFile(path, context) {
  const normalised = path.replace(/\\/g, "/");
  const pkg = packagePath(normalised);
  if (pkg) return `${pkg.name}@${context.sources.packageVersion(pkg.folder) ?? "?"}/${pkg.inner}`;
  const root = context.root.replace(/\\/g, "/").replace(/\/+$/, "");
  if (normalised.startsWith(`${root}/`)) return normalised.slice(root.length + 1);
  return normalised;
}
function scriptPathOf(url) {
  if (url === "" || url.startsWith("node:")) return url;
  return pathOf(url);
}
function pathOf(url) {
  if (!url.startsWith("file://")) return url;
  try {
    return fileURLToPath(url);
  } catch {
    return url;
  }
}

// src/profile/string-at.ts
function stringAtOf(profile, source) {
  const strings = profile.stringTable.strings;
  return (index, what) => {
    const value = strings[Number(index)];
    if (value === void 0) throw new PerfgateError("PROFILE_INVALID", `${source}: ${what} refers to string ${index}, past the end of the string table (${strings.length})`);
    return value;
  };
}

// src/profile/stacks.ts
function forEachStack(profile, source, sampleType, visit) {
  const stringAt = stringAtOf(profile, source);
  const valueIndex = sampleTypeIndex(profile, source, sampleType);
  const functions = /* @__PURE__ */ new Map();
  for (const fn of profile.function) {
    const name = stringAt(fn.name, `function ${fn.id}'s name`);
    const file = stringAt(fn.filename, `function ${fn.id}'s file name`);
    functions.set(Number(fn.id), { key: functionKey({ name, file }), name, file, line: Number(fn.startLine) });
  }
  const framesOfLocation = /* @__PURE__ */ new Map();
  for (const location of profile.location) {
    const frames = [];
    for (let i = location.line.length - 1; i >= 0; i--) {
      const fn = functions.get(Number(location.line[i].functionId));
      if (!fn) throw new PerfgateError("PROFILE_INVALID", `${source}: location ${location.id} refers to unknown function ${location.line[i].functionId}`);
      frames.push(fn);
    }
    framesOfLocation.set(Number(location.id), frames);
  }
  const stack = [];
  for (const sample of profile.sample) {
    const value = Number(sample.value[valueIndex] ?? 0);
    if (!Number.isFinite(value)) throw new PerfgateError("PROFILE_INVALID", `${source}: a sample has a non-finite ${sampleType} value`);
    if (value === 0) continue;
    stack.length = 0;
    for (let i = sample.locationId.length - 1; i >= 0; i--) {
      const frames = framesOfLocation.get(Number(sample.locationId[i]));
      if (!frames) throw new PerfgateError("PROFILE_INVALID", `${source}: a sample refers to unknown location ${sample.locationId[i]}`);
      for (const frame of frames) stack.push(frame);
    }
    visit(stack, value);
  }
}
function sampleTypes(profile) {
  return profile.sampleType.map((t) => profile.stringTable.strings[Number(t.type)] ?? "");
}
function sampleTypeIndex(profile, source, sampleType) {
  const types = sampleTypes(profile);
  const index = types.indexOf(sampleType);
  if (index < 0) throw new PerfgateError("PROFILE_INVALID", `${source}: no sample type "${sampleType}" (the profile has ${types.length > 0 ? types.map((t) => `"${t}"`).join(", ") : "none"})`);
  return index;
}
function functionLines(profiles) {
  const lines = /* @__PURE__ */ Object.create(null);
  for (const profile of profiles) {
    const strings = profile.stringTable.strings;
    for (const fn of profile.function) {
      const line = Number(fn.startLine);
      if (line <= 0) continue;
      const key = functionKey({ name: strings[Number(fn.name)] ?? "", file: strings[Number(fn.filename)] ?? "" });
      if (!(key in lines)) lines[key] = line;
    }
  }
  return lines;
}

// src/report/flame/tree.ts
var MIN_FRAME_SHARE = 5e-5;
var FlatTrie = class {
  constructor(slots) {
    this.slots = slots;
    this.values = new Float64Array(1024 * slots);
    this.fn[0] = -1;
    this.parent[0] = -1;
  }
  slots;
  fn = new Int32Array(1024);
  parent = new Int32Array(1024);
  firstChild = new Int32Array(1024).fill(-1);
  nextSibling = new Int32Array(1024).fill(-1);
  /** `[node * slots + measure * 2 + side]`, side 0 baseline, 1 candidate. */
  values;
  size = 1;
  /** Node indices by hash of (parent, function); -1 is empty. Kept at most half full. */
  table = new Int32Array(2048).fill(-1);
  child(parent, fn) {
    const mask = this.table.length - 1;
    let at = hash(parent, fn) & mask;
    for (let node2 = this.table[at]; node2 >= 0; node2 = this.table[at]) {
      if (this.parent[node2] === parent && this.fn[node2] === fn) return node2;
      at = at + 1 & mask;
    }
    if (this.size === this.fn.length) this.grow();
    const node = this.size++;
    this.fn[node] = fn;
    this.parent[node] = parent;
    this.nextSibling[node] = this.firstChild[parent];
    this.firstChild[parent] = node;
    if (this.size * 2 > this.table.length) this.rehash();
    else this.table[at] = node;
    return node;
  }
  children(node) {
    const out = [];
    for (let c = this.firstChild[node]; c >= 0; c = this.nextSibling[c]) out.push(c);
    return out;
  }
  grow() {
    const capacity = this.fn.length * 2;
    const ints = (old, fill) => {
      const next = new Int32Array(capacity).fill(fill, old.length);
      next.set(old);
      return next;
    };
    const values2 = new Float64Array(capacity * this.slots);
    values2.set(this.values);
    this.values = values2;
    this.fn = ints(this.fn, 0);
    this.parent = ints(this.parent, 0);
    this.firstChild = ints(this.firstChild, -1);
    this.nextSibling = ints(this.nextSibling, -1);
  }
  rehash() {
    this.table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = this.table.length - 1;
    for (let node = 1; node < this.size; node++) {
      let at = hash(this.parent[node], this.fn[node]) & mask;
      while (this.table[at] >= 0) at = at + 1 & mask;
      this.table[at] = node;
    }
  }
};
function hash(parent, fn) {
  return (Math.imul(parent, 2654435761) ^ Math.imul(fn + 1, 2246822507)) >>> 0;
}
var round = (value) => value === 0 ? 0 : Number(value.toPrecision(6));
function buildFlameTree(measures) {
  const functions = [];
  const functionIndex = /* @__PURE__ */ new Map();
  const slots = measures.length * 2;
  const trie = new FlatTrie(slots);
  const perRequest = [];
  measures.forEach((measure, m) => {
    const sides = [
      [measure.baseline, 0],
      [measure.candidate, 1]
    ];
    let bothCounted = true;
    for (const [side, slot] of sides) {
      if (!side) continue;
      const requests = requestsOf(side.profile);
      if (requests === void 0 || requests <= 0) bothCounted = false;
      const divisor = requests !== void 0 && requests > 0 ? requests : 1;
      const at = m * 2 + slot;
      forEachStack(side.profile, side.source, side.sampleType, (frames, value) => {
        const share = value / divisor;
        let node = 0;
        trie.values[at] += share;
        for (const frame of frames) {
          let index = functionIndex.get(frame.key);
          if (index === void 0) {
            index = functions.length;
            functions.push({ key: frame.key, name: frame.name, file: frame.file, line: frame.line });
            functionIndex.set(frame.key, index);
          }
          node = trie.child(node, index);
          trie.values[node * slots + at] += share;
        }
      });
    }
    perRequest.push(bothCounted);
  });
  const order = (a, b) => {
    const fa = functions[trie.fn[a]];
    const fb = functions[trie.fn[b]];
    return fa.name < fb.name ? -1 : fa.name > fb.name ? 1 : fa.file < fb.file ? -1 : fa.file > fb.file ? 1 : 0;
  };
  const fn = [];
  const depth = [];
  const end = [];
  const candidate = measures.map(() => []);
  const baseline = measures.map(() => []);
  const rootValues = Array.from({ length: slots }, (_, slot) => Math.abs(trie.values[slot]));
  const visible = (node) => {
    for (let slot = 0; slot < slots; slot++) {
      if (rootValues[slot] > 0 && Math.abs(trie.values[node * slots + slot]) >= MIN_FRAME_SHARE * rootValues[slot]) return true;
    }
    return false;
  };
  let leftOut = 0;
  const pending = [{ node: 0, depth: 0 }];
  while (pending.length > 0) {
    const item = pending.pop();
    if ("close" in item) {
      end[item.close] = fn.length;
      continue;
    }
    const index = fn.length;
    fn.push(trie.fn[item.node]);
    depth.push(item.depth);
    end.push(index + 1);
    for (let m = 0; m < measures.length; m++) {
      baseline[m].push(round(trie.values[item.node * slots + m * 2]));
      candidate[m].push(round(trie.values[item.node * slots + m * 2 + 1]));
    }
    pending.push({ close: index });
    const children = trie.children(item.node).filter((child) => visible(child) || (leftOut++, false)).sort(order);
    for (let i = children.length - 1; i >= 0; i--) pending.push({ node: children[i], depth: item.depth + 1 });
  }
  const kept = new Int32Array(functions.length).fill(-1);
  for (const f of fn) if (f >= 0) kept[f] = 0;
  const shown = [];
  functions.forEach((f, i) => {
    if (kept[i] === 0) kept[i] = shown.push(f) - 1;
  });
  for (let i = 0; i < fn.length; i++) if (fn[i] >= 0) fn[i] = kept[fn[i]];
  return {
    measures: measures.map((m, i) => ({ id: m.id, label: m.label, unit: m.unit, perRequest: perRequest[i], hasBaseline: m.baseline !== null })),
    functions: shown,
    fn,
    depth,
    end,
    candidate,
    baseline: measures.map((m, i) => m.baseline ? baseline[i] : null),
    leftOut: { subtrees: leftOut, belowShare: MIN_FRAME_SHARE }
  };
}

// src/report/flame/measures.ts
var KINDS = [
  { id: "cpu", sampleType: "cpu", label: "CPU", unit: "nanoseconds" },
  { id: "alloc_space", sampleType: "alloc_space", label: "allocated bytes", unit: "bytes" }
];
function flameMeasures(candidate, baseline) {
  const find = (side, sampleType) => {
    const found = side.find((p) => sampleTypes(p.profile).includes(sampleType));
    return found ? { profile: found.profile, source: found.source, sampleType } : null;
  };
  const measures = [];
  for (const kind of KINDS) {
    const cand = find(candidate, kind.sampleType);
    if (!cand) continue;
    measures.push({ id: kind.id, label: kind.label, unit: kind.unit, candidate: cand, baseline: find(baseline, kind.sampleType) });
  }
  return measures;
}

// src/report/flame/colour.ts
function frameColour(outcome2, ratio2, name) {
  let hash2 = 0;
  for (let i = 0; i < name.length; i++) hash2 = hash2 * 31 + name.charCodeAt(i) | 0;
  const jitter = (hash2 >>> 0) % 1e3 / 1e3;
  if (outcome2 === "regressed" || outcome2 === "improved") {
    const size = Number.isFinite(ratio2) && ratio2 > 0 ? Math.min(1, Math.abs(Math.log2(ratio2))) : 1;
    const intensity = 0.3 + 0.7 * size;
    const lightness = Math.round(82 - 40 * intensity);
    const hue = outcome2 === "regressed" ? 2 : 214;
    return { fill: `hsl(${hue}, ${Math.round(72 + 6 * jitter)}%, ${lightness}%)`, text: lightness < 58 ? "#ffffff" : "#1b1b1b" };
  }
  return { fill: `hsl(40, 6%, ${Math.round(76 + 12 * jitter)}%)`, text: "#1b1b1b" };
}

// src/report/flame/page.ts
function flamePageData(tree, comparison) {
  const findings = new Map(comparison.findings.map((f) => [f.key, f]));
  const floor = percent(comparison.settings.minShareOfTotal / 2);
  const look = tree.functions.map((fn) => {
    const finding2 = findings.get(fn.key);
    if (!finding2) {
      return { ...frameColour(null, 1, fn.name), outcome: null, summary: [`Not tested: below ${floor} of busy CPU on both sides, or ignored by the config.`] };
    }
    return { ...frameColour(finding2.outcome, decisiveMetric(finding2).metric.ratio, fn.name), outcome: finding2.outcome, summary: summaryOf(finding2) };
  });
  return { tree, look };
}
var VERDICT = {
  regressed: "regressed",
  improved: "improved",
  unchanged: "no change beyond the floors",
  inconclusive: "inconclusive (the data cannot tell)"
};
function summaryOf(f) {
  const { baseline, candidate } = f.perRequestNanos;
  const share = (label, m) => `${label} share of busy CPU ${percent(m.baselineMedian)} \u2192 ${percent(m.candidateMedian)}, change ${change(m, "95% CI ")}, q ${formatQ(m.q)}`;
  const presence = f.presence === "added" ? " (new in the candidate)" : f.presence === "gone" ? " (gone in the candidate)" : "";
  return [
    `The function on all paths, median of trials: self ${nanosAsTime(baseline.self)} \u2192 ${nanosAsTime(candidate.self)}, total ${nanosAsTime(baseline.total)} \u2192 ${nanosAsTime(candidate.total)} per request`,
    share("Self", f.self),
    share("Total", f.total),
    `Verdict: ${VERDICT[f.outcome]}${presence}`
  ];
}

// src/report/html.ts
import { createHash } from "node:crypto";

// src/report/flame/client.ts
function flameClient(model) {
  const byId = (id) => {
    const element = document.getElementById(id);
    if (!element) throw new Error(`report.html: element #${id} is missing`);
    return element;
  };
  const dataNode = document.getElementById("perfgate-flame-data");
  if (!dataNode) return;
  const parsed = JSON.parse(dataNode.textContent ?? "null");
  if (!parsed) return;
  const data = parsed;
  const ROW2 = 18;
  const MIN_WIDTH2 = 0.5;
  const canvas = byId("flame-canvas");
  const box = byId("flame-box");
  const tooltip = byId("flame-tooltip");
  const searchInput = byId("flame-search");
  const resetButton = byId("flame-reset");
  const status = byId("flame-status");
  const crumbs = byId("flame-crumbs");
  const context = canvas.getContext("2d");
  if (!context) return;
  const ctx = context;
  byId("flame-static").hidden = true;
  byId("flame-live").hidden = false;
  const { tree } = data;
  const parent = model.parents(tree.end);
  const rootLook = { fill: "hsl(40, 6%, 70%)", text: "#1b1b1b" };
  let measure = 0;
  let zoom = 0;
  let matched = null;
  let matchCount = 0;
  let laid = { node: [], x: [], w: [] };
  let rows = [];
  let ancestorCount = 0;
  let charWidth = 7;
  const nameOf = (node) => {
    const f = tree.fn[node];
    return f < 0 ? "all" : tree.functions[f].name;
  };
  function draw() {
    const width = Math.max(200, box.clientWidth);
    const values2 = tree.candidate[measure];
    laid = model.layout(tree.end, parent, values2, zoom, width, MIN_WIDTH2);
    rows = model.rowsOf(laid, tree.depth);
    ancestorCount = model.ancestors(parent, zoom).length;
    const height = Math.max(1, rows.length) * ROW2;
    const ratio2 = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio2);
    canvas.height = Math.round(height * ratio2);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    ctx.setTransform(ratio2, 0, 0, ratio2, 0, 0);
    ctx.globalAlpha = 1;
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
    ctx.font = '12px system-ui, -apple-system, "Segoe UI", sans-serif';
    ctx.textBaseline = "middle";
    charWidth = ctx.measureText("abcdefghijklmnopqrstuvwxyz").width / 26;
    for (let i = 0; i < laid.node.length; i++) {
      const node = laid.node[i];
      const x = laid.x[i];
      const w = laid.w[i];
      const y = tree.depth[node] * ROW2;
      const f = tree.fn[node];
      const look = f >= 0 ? data.look[f] : rootLook;
      const dimmed = matched !== null && matched[node] !== 1;
      ctx.globalAlpha = dimmed ? 0.25 : i < ancestorCount ? 0.7 : 1;
      ctx.fillStyle = look.fill;
      ctx.fillRect(x, y, Math.max(MIN_WIDTH2, w - (w > 3 ? 1 : 0)), ROW2 - 1);
      if (matched !== null && matched[node] === 1) {
        ctx.globalAlpha = 1;
        ctx.strokeStyle = "#7b1fa2";
        ctx.lineWidth = 2;
        ctx.strokeRect(x + 1, y + 1, Math.max(0, w - 3), ROW2 - 3);
      }
      const fits = Math.floor((w - 8) / charWidth);
      if (fits >= 3) {
        const name = nameOf(node);
        ctx.fillStyle = look.text;
        ctx.fillText(name.length <= fits ? name : `${name.slice(0, fits - 1)}\u2026`, x + 4, y + ROW2 / 2);
      }
    }
    ctx.globalAlpha = 1;
    canvas.dataset["frames"] = String(laid.node.length);
    canvas.dataset["zoom"] = nameOf(zoom);
    drawCrumbs();
  }
  function drawCrumbs() {
    crumbs.textContent = "";
    const path = [...model.ancestors(parent, zoom), zoom];
    path.forEach((node, i) => {
      if (i > 0) crumbs.append(" \u203A ");
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = nameOf(node);
      button.disabled = node === zoom;
      button.addEventListener("click", () => zoomTo(node));
      crumbs.append(button);
    });
    resetButton.disabled = zoom === 0;
  }
  function zoomTo(node) {
    zoom = node;
    hideTooltip();
    draw();
  }
  function updateSearch() {
    const query = searchInput.value;
    const values2 = tree.candidate[measure];
    const result = model.search(tree.functions, tree.fn, tree.end, values2, query);
    matched = query.trim() === "" ? null : result.matched;
    matchCount = result.count;
    const total = values2[0] ?? 0;
    status.textContent = matched === null ? "" : `${result.count} frame${result.count === 1 ? "" : "s"} match, ${total > 0 ? (result.covered / total * 100).toFixed(1) : "0.0"}% of the candidate's ${tree.measures[measure].label}`;
    draw();
  }
  function nodeAt(event) {
    const rect = canvas.getBoundingClientRect();
    return model.hit(laid, rows, Math.floor((event.clientY - rect.top) / ROW2), event.clientX - rect.left);
  }
  function showTooltip(node, event) {
    const details = model.details(data, node, measure);
    tooltip.textContent = "";
    const title = document.createElement("div");
    title.className = "tt-title";
    title.textContent = details.title;
    const location = document.createElement("div");
    location.className = "tt-location";
    location.textContent = details.location;
    const list = document.createElement("ul");
    for (const line of details.lines) {
      const item = document.createElement("li");
      item.textContent = line;
      list.append(item);
    }
    tooltip.append(title, location, list);
    tooltip.hidden = false;
    tooltip.dataset["node"] = String(node);
    const gap = 14;
    const { innerWidth, innerHeight } = window;
    const tw = tooltip.offsetWidth;
    const th = tooltip.offsetHeight;
    const left = event.clientX + gap + tw > innerWidth ? Math.max(4, event.clientX - gap - tw) : event.clientX + gap;
    const top = event.clientY + gap + th > innerHeight ? Math.max(4, event.clientY - gap - th) : event.clientY + gap;
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${top}px`;
  }
  function hideTooltip() {
    tooltip.hidden = true;
    delete tooltip.dataset["node"];
  }
  canvas.addEventListener("mousemove", (event) => {
    const node = nodeAt(event);
    canvas.style.cursor = node >= 0 ? "pointer" : "default";
    if (node >= 0) showTooltip(node, event);
    else hideTooltip();
  });
  canvas.addEventListener("mouseleave", hideTooltip);
  canvas.addEventListener("click", (event) => {
    const node = nodeAt(event);
    if (node >= 0) zoomTo(node);
  });
  resetButton.addEventListener("click", () => zoomTo(0));
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || zoom === 0 || event.target === searchInput) return;
    zoomTo(Math.max(0, parent[zoom]));
  });
  searchInput.addEventListener("input", updateSearch);
  for (const input of Array.from(document.querySelectorAll('input[name="flame-measure"]'))) {
    input.addEventListener("change", () => {
      if (!input.checked) return;
      measure = Number(input.value);
      if (!((tree.candidate[measure][zoom] ?? 0) > 0)) zoom = 0;
      hideTooltip();
      updateSearch();
    });
  }
  let resizeTimer = 0;
  window.addEventListener("resize", () => {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(draw, 100);
  });
  const hook = {
    framesOf(name) {
      const rect = canvas.getBoundingClientRect();
      const found = [];
      for (let i = 0; i < laid.node.length; i++) {
        const node = laid.node[i];
        if (nameOf(node) !== name) continue;
        found.push({ node, x: rect.left + laid.x[i], y: rect.top + tree.depth[node] * ROW2, width: laid.w[i], height: ROW2 - 1 });
      }
      return found;
    },
    state() {
      return { zoom: nameOf(zoom), measure: tree.measures[measure].id, frames: laid.node.length, matches: matched === null ? 0 : matchCount };
    }
  };
  window.perfgateFlame = hook;
  draw();
}

// src/report/flame/model.ts
function flameModel() {
  function parents(end) {
    const parent = new Int32Array(end.length).fill(-1);
    const open = [];
    for (let i = 0; i < end.length; i++) {
      while (open.length > 0 && end[open[open.length - 1]] <= i) open.pop();
      parent[i] = open.length > 0 ? open[open.length - 1] : -1;
      open.push(i);
    }
    return parent;
  }
  function ancestors(parent, node) {
    const path = [];
    for (let p = parent[node]; p >= 0; p = parent[p]) path.unshift(p);
    return path;
  }
  function layout(end, parent, values2, zoom, width, minWidth) {
    const out = { node: [], x: [], w: [] };
    const total = values2[zoom] ?? 0;
    if (!(total > 0) || !(width > 0)) return out;
    for (const a of ancestors(parent, zoom)) {
      out.node.push(a);
      out.x.push(0);
      out.w.push(width);
    }
    const scale = width / total;
    const stack = [[zoom, 0, width]];
    while (stack.length > 0) {
      const [node, x, w] = stack.pop();
      out.node.push(node);
      out.x.push(x);
      out.w.push(w);
      const children = [];
      let cx = x;
      for (let c = node + 1; c < end[node]; c = end[c]) {
        const cw = Math.min((values2[c] ?? 0) * scale, x + w - cx);
        if (cw >= minWidth) children.push([c, cx, cw]);
        cx += Math.max(0, cw);
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
    return out;
  }
  function rowsOf(laid, depth) {
    const rows = [];
    for (let i = 0; i < laid.node.length; i++) {
      const d = depth[laid.node[i]];
      (rows[d] ??= []).push(i);
    }
    return rows;
  }
  function hit(laid, rows, row2, x) {
    const positions = rows[row2];
    if (!positions) return -1;
    let low = 0;
    let high = positions.length - 1;
    while (low <= high) {
      const mid = low + high >> 1;
      const i = positions[mid];
      if (x < laid.x[i]) high = mid - 1;
      else if (x >= laid.x[i] + laid.w[i]) low = mid + 1;
      else return laid.node[i];
    }
    return -1;
  }
  function search(functions, fn, end, values2, query) {
    const matched = new Uint8Array(fn.length);
    const needle = query.trim().toLowerCase();
    if (needle === "") return { matched, count: 0, covered: 0 };
    const hits = functions.map((f) => f.name.toLowerCase().includes(needle) || f.file.toLowerCase().includes(needle));
    let count2 = 0;
    let covered = 0;
    let coveredUntil = 0;
    for (let i = 0; i < fn.length; i++) {
      if (fn[i] < 0 || !hits[fn[i]]) continue;
      matched[i] = 1;
      count2 += 1;
      if (i >= coveredUntil) {
        covered += values2[i] ?? 0;
        coveredUntil = end[i];
      }
    }
    return { matched, count: count2, covered };
  }
  function formatQuantity(value, unit) {
    if (unit === "bytes") {
      if (value >= 1048576) return `${(value / 1048576).toFixed(2)} MiB`;
      if (value >= 1024) return `${(value / 1024).toFixed(1)} KiB`;
      return `${value.toFixed(0)} B`;
    }
    if (value >= 1e9) return `${(value / 1e9).toFixed(2)} s`;
    if (value >= 1e6) return `${(value / 1e6).toFixed(2)} ms`;
    if (value >= 1e3) return `${(value / 1e3).toFixed(1)} \xB5s`;
    return `${value.toFixed(0)} ns`;
  }
  function relativeChange(baseline, candidate) {
    if (baseline === 0) return candidate === 0 ? "\xB10%" : "new";
    if (candidate === 0) return "gone";
    const change2 = (candidate / baseline - 1) * 100;
    return `${change2 >= 0 ? "+" : ""}${change2.toFixed(1)}%`;
  }
  function selfValue(end, values2, node) {
    let rest = values2[node] ?? 0;
    for (let c = node + 1; c < end[node]; c = end[c]) rest -= values2[c] ?? 0;
    return Math.max(0, rest);
  }
  function details(data, node, measure) {
    const { tree } = data;
    const m = tree.measures[measure];
    const cand = tree.candidate[measure];
    const base = tree.baseline[measure] ?? null;
    const pair = (value) => base ? `${formatQuantity(value(base), m.unit)} \u2192 ${formatQuantity(value(cand), m.unit)} (${relativeChange(value(base), value(cand))})` : `${formatQuantity(value(cand), m.unit)} (no baseline profile)`;
    const lines = [
      `${m.label} ${m.perRequest ? "per request" : "in the whole run"} on this call path: ${pair((v) => v[node] ?? 0)}`,
      `of which in the function itself: ${pair((v) => selfValue(tree.end, v, node))}`
    ];
    const f = tree.fn[node];
    if (f < 0) return { title: "all", location: "every sampled stack", lines };
    const fn = tree.functions[f];
    const location = fn.file === "" ? "(native)" : fn.line > 0 ? `${fn.file}:${fn.line}` : fn.file;
    return { title: fn.name, location, lines: [...lines, ...data.look[f].summary] };
  }
  return { parents, ancestors, layout, rowsOf, hit, search, formatQuantity, relativeChange, selfValue, details };
}

// src/report/flame/svg.ts
var ROW = 18;
var TOP = 44;
var FONT = 11;
var CHAR_WIDTH = 6.4;
var MIN_WIDTH = 0.5;
function renderFlameSvg(data, options = {}) {
  const width = options.width ?? 1200;
  const measure = options.measure ?? 0;
  const model = flameModel();
  const { tree } = data;
  const values2 = tree.candidate[measure] ?? [];
  const parent = model.parents(tree.end);
  const laid = model.layout(tree.end, parent, values2, 0, width, MIN_WIDTH);
  let maxDepth = 0;
  for (const node of laid.node) maxDepth = Math.max(maxDepth, tree.depth[node]);
  const height = TOP + (laid.node.length > 0 ? (maxDepth + 1) * ROW : ROW) + 8;
  const label = tree.measures[measure]?.label ?? "CPU";
  const out = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="flame-static" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="${FONT}" role="img" aria-label="Flame graph of the candidate, coloured by change">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="4" y="16" font-size="14" font-weight="600" fill="#1b1b1b">Candidate ${escapeHtml(label)}, coloured by change${tree.measures[measure]?.hasBaseline ? "" : " (no baseline profile: colours from the comparison only)"}</text>`,
    legend(4, 32)
  );
  if (laid.node.length === 0) out.push(`<text x="4" y="${TOP + 12}" fill="#555">No samples.</text>`);
  for (let i = 0; i < laid.node.length; i++) {
    const node = laid.node[i];
    const x = laid.x[i];
    const w = laid.w[i];
    const y = TOP + tree.depth[node] * ROW;
    const f = tree.fn[node];
    const look = f >= 0 ? data.look[f] : { fill: "hsl(40, 6%, 70%)", text: "#1b1b1b" };
    const details = model.details(data, node, measure);
    const tooltip = [details.title, details.location, ...details.lines].join("\n");
    out.push(
      `<g><title>${escapeHtml(tooltip)}</title><rect x="${x.toFixed(2)}" y="${y}" width="${Math.max(0, w - 0.5).toFixed(2)}" height="${ROW - 1}" fill="${look.fill}"/>${textIn(details.title, x, y, w, look.text)}</g>`
    );
  }
  out.push("</svg>");
  return out.join("\n");
}
function textIn(name, x, y, width, colour) {
  const fits = Math.floor((width - 6) / CHAR_WIDTH);
  if (fits < 3) return "";
  const text = name.length <= fits ? name : `${name.slice(0, fits - 1)}\u2026`;
  return `<text x="${(x + 3).toFixed(2)}" y="${y + ROW - 5}" fill="${colour}">${escapeHtml(text)}</text>`;
}
function legend(x, y) {
  const items = [
    [frameColour("regressed", 2, "").fill, "slower (significant)"],
    [frameColour("improved", 0.5, "").fill, "faster (significant)"],
    [frameColour(null, 1, "").fill, "no significant change"]
  ];
  let cx = x;
  const parts = [];
  for (const [fill, text] of items) {
    parts.push(`<rect x="${cx}" y="${y - 9}" width="10" height="10" fill="${fill}"/><text x="${cx + 14}" y="${y}" fill="#333">${text}</text>`);
    cx += 14 + text.length * CHAR_WIDTH + 16;
  }
  return parts.join("");
}

// src/report/html-style.ts
var REPORT_STYLE = `
:root { color-scheme: light; --fg: #1b1b1b; --muted: #5b5f66; --line: #d9dce1; --bg: #ffffff; --soft: #f5f6f8;
  --red: #c62828; --blue: #1f5fbf; --amber: #9a6700; --green: #1a7f37; --base: #6b7280; --cand: #d9480f; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header, main, footer { max-width: 1500px; margin: 0 auto; padding: 0 20px; }
header.verdict { margin-top: 16px; padding: 14px 20px; border-left: 6px solid var(--muted); background: var(--soft); border-radius: 4px; }
header.verdict.pass { border-color: var(--green); }
header.verdict.fail { border-color: var(--red); }
header.verdict.unsure { border-color: var(--amber); }
h1 { font-size: 22px; margin: 0 0 6px; display: flex; align-items: center; gap: 10px; }
.mark { display: inline-flex; width: 28px; height: 28px; border-radius: 50%; align-items: center; justify-content: center; color: #fff; background: var(--muted); font-size: 17px; }
.pass .mark { background: var(--green); }
.fail .mark { background: var(--red); }
.unsure .mark { background: var(--amber); }
h2 { font-size: 18px; margin: 28px 0 6px; }
h3 { font-size: 15px; margin: 12px 0 6px; }
p { margin: 4px 0; }
.methods, .note { color: var(--muted); font-size: 13px; }
.warning { background: #fff8c5; border: 1px solid #e9d27a; padding: 6px 10px; border-radius: 4px; }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--soft); padding: 1px 4px; border-radius: 3px; word-break: break-all; }
.legend { font-size: 13px; display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: center; }
.swatch { display: inline-block; width: 12px; height: 12px; margin-right: 5px; vertical-align: -1px; border-radius: 2px; }
.controls { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin: 8px 0; }
.controls fieldset { border: 1px solid var(--line); border-radius: 4px; padding: 2px 8px; margin: 0; }
.controls legend { font-size: 12px; color: var(--muted); padding: 0 4px; }
#flame-search { width: 280px; padding: 5px 8px; border: 1px solid var(--line); border-radius: 4px; font: inherit; }
button { font: inherit; padding: 4px 10px; border: 1px solid var(--line); border-radius: 4px; background: var(--bg); cursor: pointer; }
button:disabled { cursor: default; color: var(--muted); }
#flame-status { color: #7b1fa2; font-size: 13px; }
#flame-crumbs { font-size: 13px; margin: 4px 0 6px; color: var(--muted); min-height: 26px; }
#flame-crumbs button { padding: 1px 6px; margin: 1px 0; font-size: 13px; max-width: 28ch; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: middle; }
#flame-box { width: 100%; border: 1px solid var(--line); border-radius: 4px; overflow: hidden; background: var(--bg); }
#flame-canvas { display: block; }
#flame-tooltip { position: fixed; z-index: 10; max-width: 560px; background: #ffffff; border: 1px solid #9aa0a6; border-radius: 4px;
  box-shadow: 0 4px 14px rgba(0, 0, 0, 0.18); padding: 8px 10px; font-size: 12.5px; pointer-events: none; }
#flame-tooltip .tt-title { font-weight: 600; font-size: 14px; word-break: break-all; }
#flame-tooltip .tt-location { color: var(--muted); font-family: ui-monospace, Menlo, Consolas, monospace; word-break: break-all; margin-bottom: 4px; }
#flame-tooltip ul { margin: 0; padding-left: 16px; }
#flame-static { overflow-x: auto; }
#flame-static svg { max-width: 100%; height: auto; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: 13px; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: middle; }
thead th { position: sticky; top: 0; background: var(--soft); white-space: nowrap; }
thead th button { border: 0; background: none; padding: 0; font-weight: 600; }
thead th[aria-sort="ascending"] button::after { content: " \u25B2"; }
thead th[aria-sort="descending"] button::after { content: " \u25BC"; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.name { font-weight: 600; white-space: nowrap; }
td.file { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; white-space: nowrap; }
td.trials { white-space: nowrap; }
td.change.regressed { color: var(--red); font-weight: 600; }
td.change.improved { color: var(--blue); font-weight: 600; }
.badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 12px; background: #eceef1; color: var(--muted); }
.badge.regressed { background: #fde2e1; color: var(--red); }
.badge.improved { background: #dde9fb; color: var(--blue); }
.badge.inconclusive { background: #fff1c2; color: var(--amber); }
.tag { font-size: 11px; font-weight: 400; color: var(--muted); border: 1px solid var(--line); border-radius: 6px; padding: 0 4px; }
.which { font-size: 11px; color: var(--muted); margin-left: 4px; vertical-align: top; }
svg.strip { vertical-align: middle; }
svg.strip .axis { stroke: var(--line); }
svg.strip circle.base { fill: var(--base); fill-opacity: 0.75; }
svg.strip circle.cand { fill: var(--cand); fill-opacity: 0.75; }
svg.strip line.base { stroke: var(--base); stroke-width: 2; }
svg.strip line.cand { stroke: var(--cand); stroke-width: 2; }
tr.differs td { background: #fff8c5; }
.columns { display: flex; flex-wrap: wrap; gap: 24px; }
footer { margin: 28px auto 40px; color: var(--muted); font-size: 13px; }
`;

// src/report/strip-plot.ts
var WIDTH = 150;
var HEIGHT = 30;
var PAD = 5;
function stripPlot(baseline, candidate, format) {
  const finite2 = [...baseline, ...candidate].filter(Number.isFinite);
  if (finite2.length === 0) return "";
  let low = Math.min(...finite2);
  let high = Math.max(...finite2);
  if (high === low) {
    low -= 1;
    high += 1;
  }
  const xOf = (value) => PAD + (value - low) / (high - low) * (WIDTH - 2 * PAD);
  const row2 = (values2, y, cls) => {
    const sorted = values2.filter(Number.isFinite).sort((a, b) => a - b);
    const median = sorted.length === 0 ? NaN : sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    const dots = sorted.map((v) => `<circle cx="${xOf(v).toFixed(1)}" cy="${y}" r="2.6" class="${cls}"/>`).join("");
    const tick = Number.isFinite(median) ? `<line x1="${xOf(median).toFixed(1)}" x2="${xOf(median).toFixed(1)}" y1="${y - 6}" y2="${y + 6}" class="${cls} median"/>` : "";
    return tick + dots;
  };
  const title = `baseline: ${baseline.map(format).join(", ")}
candidate: ${candidate.map(format).join(", ")}`;
  return `<svg class="strip" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title><line x1="${PAD}" x2="${WIDTH - PAD}" y1="${HEIGHT / 2}" y2="${HEIGHT / 2}" class="axis"/>` + row2(baseline, 8, "base") + row2(candidate, HEIGHT - 8, "cand") + "</svg>";
}

// src/report/table-client.ts
function tableClient() {
  for (const table of Array.from(document.querySelectorAll("table.sortable"))) {
    const body = table.tBodies[0];
    if (!body) continue;
    const headers = Array.from(table.querySelectorAll("thead th"));
    headers.forEach((header, column) => {
      const button = header.querySelector("button");
      if (!button) return;
      button.addEventListener("click", () => {
        const ascending = header.getAttribute("aria-sort") !== "ascending";
        for (const other of headers) other.removeAttribute("aria-sort");
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const key = (row2) => {
          const cell = row2.cells[column];
          const raw = cell?.dataset["sort"] ?? cell?.textContent ?? "";
          const number = Number(raw);
          return raw !== "" && Number.isFinite(number) ? number : raw.toLowerCase();
        };
        const rows = Array.from(body.rows);
        rows.sort((a, b) => {
          const ka = key(a);
          const kb = key(b);
          const order = typeof ka === "number" && typeof kb === "number" ? ka - kb : String(ka).localeCompare(String(kb));
          return ascending ? order : -order;
        });
        body.append(...rows);
      });
    });
  }
  const filter = document.getElementById("function-filter");
  const functions = document.getElementById("function-table");
  if (filter && functions) {
    filter.hidden = false;
    filter.addEventListener("change", () => {
      for (const row2 of Array.from(functions.tBodies[0]?.rows ?? [])) {
        row2.hidden = filter.value !== "all" && row2.dataset["outcome"] !== filter.value;
      }
    });
  }
}

// src/report/html.ts
function renderHtml(report, flame) {
  const { comparison } = report;
  const headline = verdictHeadline(comparison.verdict);
  const svg = flame ? renderFlameSvg(flame) : null;
  const script = clientScript();
  const csp = `default-src 'none'; script-src 'sha256-${sha256(script)}'; style-src 'sha256-${sha256(REPORT_STYLE)}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const tone = comparison.verdict.outcome === "pass" ? "pass" : comparison.verdict.outcome === "inconclusive" ? "unsure" : "fail";
  const warnings = [...comparison.warnings, ...environmentWarning(report)];
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<title>perfgate: ${escapeHtml(headline.text)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header class="verdict ${tone}">
<h1><span class="mark" aria-hidden="true">${MARKS[tone]}</span> perfgate: ${escapeHtml(headline.text)}</h1>
<p class="rule"><strong>Rule:</strong> ${escapeHtml(comparison.verdict.rule)}.</p>
<p class="methods">${escapeHtml(methodsSentence(comparison))}</p>
${warnings.map((w) => `<p class="warning"><strong>Warning:</strong> ${escapeHtml(w)}</p>`).join("\n")}
</header>
<main>
${flameSection(flame, svg)}
${functionSection(report)}
${serviceSection(report)}
${environmentSection(report)}
</main>
<footer>
<p>Reproduce locally: <code>${escapeHtml(report.reproduce)}</code></p>
<p>Written ${escapeHtml(report.createdAt)} by perfgate ${escapeHtml(report.candidate.environment.perfgateVersion)}. Beside this file: report.json, report.md, flamegraph.svg and the pprof profiles (${escapeHtml(report.merged.candidate)}${report.merged.baseline ? `, ${escapeHtml(report.merged.baseline)}` : ""}).</p>
</footer>
${flame ? `<script type="application/json" id="perfgate-flame-data">${jsonForScript(flame)}</script>` : ""}
<script>${script}</script>
</body>
</html>
`;
  return { html, svg };
}
function sha256(text) {
  return createHash("sha256").update(text, "utf8").digest("base64");
}
function clientScript() {
  const script = `"use strict";(function(){var model=(${flameModel.toString()})();(${flameClient.toString()})(model);(${tableClient.toString()})();})();`;
  if (/<\/script/i.test(script)) throw new Error('report.html: the client script contains "</script"');
  return script;
}
function flameSection(flame, svg) {
  if (!flame || !svg) {
    return `<section id="flame"><h2>Differential flame graph</h2><p class="note">No profiles were available for this report.</p></section>`;
  }
  const { tree } = flame;
  const measures = tree.measures.length > 1 ? `<fieldset class="measures"><legend>Frame width</legend>${tree.measures.map((m, i) => `<label><input type="radio" name="flame-measure" value="${i}"${i === 0 ? " checked" : ""}> ${escapeHtml(m.label)}</label>`).join(" ")}</fieldset>` : `<span class="note">Frame width: ${escapeHtml(tree.measures[0]?.label ?? "CPU")} (allocated bytes: not in these profiles)</span>`;
  const perRequest = tree.measures.every((m) => m.perRequest) ? "per request" : "for the whole run (the profiles carry no request count)";
  return `<section id="flame">
<h2>Differential flame graph</h2>
<p class="note">The candidate's call tree, callers above callees; a frame's width is its share of the candidate's ${escapeHtml(tree.measures[0]?.label ?? "CPU")} ${perRequest}, its colour its function's change against the baseline. ${tree.measures[0]?.hasBaseline ? "Hover a frame for both sides\u2019 values on that call path and the function\u2019s test; click to zoom in; Esc, the path above or \u201CReset zoom\u201D to go back." : "<strong>The baseline has no merged profile</strong> (it was written by an older perfgate): only the candidate is drawn, coloured by the comparison of the stored per-function numbers."}</p>
${legend2()}
<div id="flame-live" hidden>
<div class="controls">${measures}
<input type="search" id="flame-search" placeholder="Search functions or files" aria-label="Search functions or files" autocomplete="off">
<button type="button" id="flame-reset" disabled>Reset zoom</button>
<span id="flame-status" role="status"></span></div>
<nav id="flame-crumbs" aria-label="Zoom path"></nav>
<div id="flame-box"><canvas id="flame-canvas" role="img" aria-label="Differential flame graph; the tables below hold the same findings"></canvas></div>
<div id="flame-tooltip" role="tooltip" hidden></div>
</div>
<div id="flame-static">${svg}</div>
</section>`;
}
function legend2() {
  const swatch = (outcome2, ratio2, text) => `<span><svg class="swatch" viewBox="0 0 1 1" aria-hidden="true"><rect width="1" height="1" fill="${frameColour(outcome2, ratio2, "").fill}"/></svg>${text}</span>`;
  return `<p class="legend">${swatch("regressed", 2, "slower")} ${swatch("regressed", 1.1, "slightly slower")} ${swatch("improved", 0.5, "faster")} ${swatch(
    "improved",
    0.9,
    "slightly faster"
  )} ${swatch(null, 1, "no significant change, or not tested")}</p>`;
}
var MARKS = { pass: "\u2713", fail: "\u2717", unsure: "?" };
var OUTCOME_RANK = { regressed: 0, improved: 1, inconclusive: 2, unchanged: 3 };
function functionSection(report) {
  const { findings } = report.comparison;
  const lines = report.functionLines ?? {};
  const counts = (outcome2) => findings.filter((f) => f.outcome === outcome2).length;
  const header = [
    ["outcome", "outcome"],
    ["function", "function"],
    ["file:line", "file"],
    ["self share", "baseline \u2192 candidate, of busy CPU"],
    ["total share", "baseline \u2192 candidate, of busy CPU"],
    ["self per request", "median of trials"],
    ["total per request", "median of trials"],
    ["self change", "95% CI of the median ratio"],
    ["total change", "95% CI of the median ratio"],
    ["q self", "Benjamini\u2013Hochberg"],
    ["q total", "Benjamini\u2013Hochberg"]
  ];
  const perRequest = perRequestFormatter(report.inputs);
  const rows = findings.map((f) => functionRow(f, lines[f.key], perRequest));
  return `<section id="functions">
<h2>Functions</h2>
<p class="note">${counts("regressed")} regressed, ${counts("improved")} improved, ${counts("inconclusive")} inconclusive, ${counts("unchanged")} unchanged${report.comparison.untested > 0 ? `; ${report.comparison.untested} too small to test` : ""}. Click a heading to sort. The last column shows each trial's share (the metric that decided), baseline above, candidate below.
<select id="function-filter" aria-label="Show" hidden><option value="all">all outcomes</option><option value="regressed">regressed</option><option value="improved">improved</option><option value="inconclusive">inconclusive</option><option value="unchanged">unchanged</option></select></p>
<div class="scroll"><table id="function-table" class="sortable">
<thead><tr>${header.map(([label, hint]) => `<th title="${escapeHtml(hint)}"><button type="button">${escapeHtml(label)}</button></th>`).join("")}<th>trials</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table></div>
</section>`;
}
function functionRow(f, line, perRequest) {
  const file = f.file === "" ? "(native)" : line ? `${f.file}:${line}` : f.file;
  const { baseline, candidate } = f.perRequestNanos;
  const decisive = decisiveMetric(f);
  const presence = (f.presence === "added" ? ' <span class="tag">new</span>' : f.presence === "gone" ? ' <span class="tag">gone</span>' : "") + (f.replaces ? ` <span class="tag">${escapeHtml(replacesText(f.replaces, f.presence))}</span>` : "");
  const cells = [
    `<td data-sort="${OUTCOME_RANK[f.outcome]}"><span class="badge ${f.outcome}">${f.outcome}</span></td>`,
    `<td class="name">${escapeHtml(f.name)}${presence}</td>`,
    `<td class="file">${escapeHtml(file)}</td>`,
    shareCell(f.self),
    shareCell(f.total),
    `<td class="num" data-sort="${candidate.self}">${perRequest(baseline.self)} \u2192 ${perRequest(candidate.self)}</td>`,
    `<td class="num" data-sort="${candidate.total}">${perRequest(baseline.total)} \u2192 ${perRequest(candidate.total)}</td>`,
    changeCell(f.self),
    changeCell(f.total),
    `<td class="num" data-sort="${f.self.q}">${formatQ(f.self.q)}</td>`,
    `<td class="num" data-sort="${f.total.q}">${formatQ(f.total.q)}</td>`,
    `<td class="trials">${stripPlot(decisive.metric.baseline, decisive.metric.candidate, (v) => percent(v))}<span class="which">${decisive.name}</span></td>`
  ];
  return `<tr data-outcome="${f.outcome}">${cells.join("")}</tr>`;
}
function shareCell(m) {
  return `<td class="num" data-sort="${m.candidateMedian}">${percent(m.baselineMedian)} \u2192 ${percent(m.candidateMedian)}</td>`;
}
function changeCell(m) {
  const sortable = Number.isFinite(m.ratio) ? m.ratio : 1e9;
  return `<td class="num change ${m.outcome}" data-sort="${sortable}">${escapeHtml(change(m))}</td>`;
}
function serviceSection(report) {
  const rows = report.comparison.service.map((s) => {
    const { label, format } = SERVICE_METRICS[s.metric];
    const c = s.comparison;
    return `<tr><td>${escapeHtml(label)}</td><td class="num">${format(c.baselineMedian)}</td><td class="num">${format(c.candidateMedian)}</td>${changeCell(c)}<td class="num">${formatQ(
      c.p
    )}</td><td class="trials">${stripPlot(c.baseline, c.candidate, format)}</td></tr>`;
  });
  if (report.requests) {
    const failed = (r) => r.errors + r.statusMismatches;
    const sum = (list, pick) => list.reduce((total, r) => total + pick(r), 0);
    const side = (list) => `${sum(list, failed)} of ${sum(list, (r) => r.requests)}`;
    rows.push(
      `<tr><td>failed requests (no response or unexpected status)</td><td class="num">${side(report.requests.baseline)}</td><td class="num">${side(
        report.requests.candidate
      )}</td><td>\u2014</td><td>\u2014</td><td>${stripPlot(report.requests.baseline.map(failed), report.requests.candidate.map(failed), (v) => String(v))}</td></tr>`
    );
  }
  if (rows.length === 0) {
    return `<section id="service"><h2>Service</h2><p class="note">No service measurements: these profiles were compared as files (perfgate diff).</p></section>`;
  }
  return `<section id="service">
<h2>Service</h2>
<p class="note">Medians of the trials; change and its 95% bootstrap interval, Mann\u2013Whitney p. Shown for context: the function shares decide the verdict.</p>
<div class="scroll"><table><thead><tr><th>metric</th><th>baseline</th><th>candidate</th><th>change (95% CI)</th><th>p</th><th>trials</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table></div>
</section>`;
}
function environmentSection(report) {
  const { baseline, candidate } = report;
  const row2 = (label, a, b) => {
    const left = display(a);
    const right = display(b);
    return `<tr${left !== right ? ' class="differs"' : ""}><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(left)}</td><td>${escapeHtml(right)}</td></tr>`;
  };
  const plain = (label, a, b) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(a)}</td><td>${escapeHtml(b)}</td></tr>`;
  const environmentRows = [
    plain("commit", baseline.commit ?? "none", candidate.commit ?? "working tree"),
    plain("measured", baseline.createdAt, report.createdAt),
    ...Object.keys({ ...baseline.environment, ...candidate.environment }).map(
      (key) => row2(key, baseline.environment[key], candidate.environment[key])
    ),
    ...Object.keys({ ...baseline.settings, ...candidate.settings }).map(
      (key) => row2(key, baseline.settings[key], candidate.settings[key])
    )
  ];
  const compareRows = Object.entries(report.comparison.settings).map(
    ([key, value]) => `<tr><th scope="row">${escapeHtml(key)}</th><td>${escapeHtml(display(value))}</td></tr>`
  );
  return `<section id="environment">
<h2>Environment and settings</h2>
<div class="columns">
<div><h3>Measurement</h3><table><thead><tr><th></th><th>baseline</th><th>candidate</th></tr></thead><tbody>
${environmentRows.join("\n")}
</tbody></table>${report.environmentDifferences.length > 0 ? '<p class="note">Highlighted rows differ between the sides.</p>' : ""}</div>
<div><h3>Comparison</h3><table><tbody>
${compareRows.join("\n")}
</tbody></table></div>
</div>
</section>`;
}
function display(value) {
  if (value === void 0) return "\u2014";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

// src/report/request-counts.ts
function requestCounts(trials) {
  return trials.map((t) => ({ requests: t.requests, errors: t.service.errors, statusMismatches: t.service.statusMismatches, non2xx: t.service.non2xx }));
}

// src/report/report-json.ts
function reportJson(report) {
  return jsonText(report, 1);
}
function jsonText(value, indent = 2) {
  return `${JSON.stringify(value, jsonNumbers, indent)}
`;
}
function jsonNumbers(_key, value) {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return value > 0 ? "Infinity" : value < 0 ? "-Infinity" : null;
    if (!Number.isInteger(value)) return Number(value.toPrecision(6));
  }
  return value;
}

// src/report/report-schema.ts
var finite = external_exports.number().refine(Number.isFinite, "must be a finite number");
var probability = external_exports.union([finite, external_exports.null().transform(() => Number.NaN)]);
var ratio = external_exports.union([finite, external_exports.literal("Infinity").transform(() => Number.POSITIVE_INFINITY), external_exports.literal("-Infinity").transform(() => Number.NEGATIVE_INFINITY)]);
var count = external_exports.number().int().min(0);
var outcome = external_exports.enum(["regressed", "improved", "unchanged", "inconclusive"]);
var commit = external_exports.string().regex(/^[0-9a-f]{7,64}$/, "expected a hex commit id").nullable();
var freeText = (max) => external_exports.string().max(max);
var pattern = (max, re, expected) => external_exports.string().max(max).regex(re, expected);
var version = pattern(60, /^v?\d+(\.\d+){0,3}([-+][0-9A-Za-z.-]+)?$/, "expected a version such as v20.11.1 or 11.3.244.8-node.19");
var word = pattern(40, /^[a-z0-9_]+$/, "expected a lower-case word such as linux or x64");
var unitName = pattern(40, /^[A-Za-z][A-Za-z0-9_]*$/, "expected a pprof sample type or unit such as cpu or nanoseconds");
var reproduce = pattern(
  500,
  /^(npx perfgate (run|diff)|perfgate canary mode:)( [A-Za-z0-9_.,/:='+*@~-]+)*$/,
  'expected a perfgate command such as "npx perfgate run --config perfgate.config.json"'
);
var functionKey2 = external_exports.string().max(4096).refine((key) => key !== "__proto__", "expected a function key");
var requestCounts2 = external_exports.object({ requests: count, errors: count, statusMismatches: count, non2xx: count });
var metric = external_exports.object({
  baseline: external_exports.array(finite).max(1e3),
  candidate: external_exports.array(finite).max(1e3),
  baselineMedian: finite,
  candidateMedian: finite,
  ratio,
  ci: external_exports.object({ low: ratio, high: ratio }),
  p: probability,
  q: probability,
  outcome,
  driftSd: finite.optional(),
  costCi: external_exports.object({ low: finite, high: finite }).optional(),
  attributionJumps: external_exports.literal(true).optional(),
  movedFromCallees: external_exports.literal(true).optional(),
  leaning: external_exports.literal(true).optional(),
  relative: external_exports.object({ ratio, ci: external_exports.object({ low: ratio, high: ratio }), p: probability, q: probability, outcome, leaning: external_exports.literal(true).optional() }).optional(),
  decidedRelative: external_exports.literal(true).optional()
});
var replaces = external_exports.object({ unit: freeText(400), outcome, baselineMedian: finite, candidateMedian: finite, ratio, ci: external_exports.object({ low: ratio, high: ratio }) });
var finding = external_exports.object({
  key: freeText(4096),
  name: freeText(4096),
  file: freeText(4096),
  presence: external_exports.enum(["both", "added", "gone"]),
  outcome,
  decidedBy: external_exports.enum(["self", "total", "allocations"]).optional(),
  package: external_exports.object({ name: freeText(300), baselineVersion: freeText(100).optional(), candidateVersion: freeText(100).optional() }).optional(),
  renamedFrom: freeText(4096).optional(),
  replaces: replaces.optional(),
  self: metric,
  total: metric,
  perRequestNanos: external_exports.object({ baseline: external_exports.object({ self: finite, total: finite }), candidate: external_exports.object({ self: finite, total: finite }) }),
  allocations: metric.optional(),
  allocationsPerRequest: external_exports.object({ baseline: external_exports.object({ bytes: finite, objects: finite }), candidate: external_exports.object({ bytes: finite, objects: finite }) }).optional()
});
var packageFinding = external_exports.object({
  name: freeText(300),
  baselineVersions: external_exports.array(freeText(100)).max(20),
  candidateVersions: external_exports.array(freeText(100)).max(20),
  presence: external_exports.enum(["both", "added", "gone"]),
  outcome,
  self: metric,
  perRequestNanos: external_exports.object({ baseline: finite, candidate: finite }),
  replaces: replaces.optional()
});
var paired = external_exports.object({ metric: external_exports.literal("cpuMicrosPerRequest"), ratios: external_exports.array(finite).max(1e3), ratio, ci: external_exports.object({ low: ratio, high: ratio }), p: probability, outcome });
var routeMismatch = external_exports.object({
  side: external_exports.enum(["baseline", "candidate"]),
  route: freeText(500),
  count,
  responses: count,
  statuses: external_exports.record(external_exports.string().regex(/^(\d{3}|any)→\d{3}$/, "expected recorded\u2192got statuses"), count)
});
var errorCounts = external_exports.object({ trial: count, side: external_exports.enum(["baseline", "candidate"]), requests: count, errors: count, statusMismatches: count, non2xx: count });
var verdict = external_exports.discriminatedUnion("outcome", [
  external_exports.object({ outcome: external_exports.literal("pass"), rule: freeText(2e3) }),
  external_exports.object({ outcome: external_exports.literal("fail"), rule: freeText(2e3), blocking: external_exports.array(finding).max(2e4), blockingPackages: external_exports.array(packageFinding).max(5e3).optional(), blockingService: paired.optional() }),
  external_exports.object({ outcome: external_exports.literal("fail-errors"), rule: freeText(2e3), errors: external_exports.array(errorCounts).max(1e3) }),
  external_exports.object({ outcome: external_exports.literal("inconclusive"), rule: freeText(2e3) })
]);
var environment = external_exports.object({
  nodeVersion: version,
  v8Version: version,
  platform: word,
  arch: word,
  cpuModel: freeText(200),
  cpuCount: count,
  perfgateVersion: version
});
var settings = external_exports.object({
  configSha256: external_exports.string().regex(/^[0-9a-f]{64}$/).optional(),
  trials: count,
  warmupRequests: count,
  measureRequests: count,
  connections: count,
  cpuSamplingIntervalUs: count,
  allocationSamplingIntervalBytes: count.optional(),
  replaySha256: external_exports.string().regex(/^[0-9a-f]{64}$/, "expected a hex sha256"),
  lockfileSha256: external_exports.string().regex(/^[0-9a-f]{64}$/, "expected a hex sha256").optional()
});
var serviceMetric = external_exports.enum(["cpuMicrosPerRequest", "throughputRps", "latencyP50Ms", "latencyP95Ms", "latencyP99Ms", "maxRssBytes"]);
var minimumDetectable = external_exports.object({ relative: ratio, alpha: finite, power: finite, test: external_exports.enum(["mann-whitney", "sign-flip"]), noise: finite, simulations: count });
var changeEstimate = external_exports.object({ change: ratio, low: ratio, high: ratio, design: external_exports.enum(["paired", "independent"]), baselineMedian: finite, candidateMedian: finite, minimumDetectable });
var symbolication = external_exports.object({
  sampleType: unitName,
  rate: finite,
  symbolized: finite,
  total: finite,
  nativeShare: finite,
  sourceMappedShare: finite,
  vmShare: finite,
  largestUnsymbolized: external_exports.array(external_exports.object({ name: freeText(4096), cause: external_exports.enum(["stripped-binary", "unknown-address", "eval", "native-code", "no-line"]), share: finite })).max(5),
  // Reports written before compiled code without a source map was told apart have neither.
  compiledWithoutMapShare: finite.default(0),
  largestCompiledWithoutMap: external_exports.array(external_exports.object({ name: freeText(4096), file: freeText(4096), share: finite })).max(5).default([])
});
var untrustedReportSchema = external_exports.object({
  schema: external_exports.literal(REPORT_SCHEMA),
  version: external_exports.literal(REPORT_VERSION),
  createdAt: external_exports.iso.datetime(),
  comparison: external_exports.object({
    verdict,
    findings: external_exports.array(finding).max(2e4),
    packages: external_exports.array(packageFinding).max(5e3).optional(),
    basis: external_exports.enum(["share", "nanos-per-request"]).optional(),
    commonFactor: finite.optional(),
    sharesContest: external_exports.object({ precise: finite, coarse: finite, limit: finite, contested: external_exports.boolean() }).optional(),
    pairFactors: external_exports.object({ factors: external_exports.array(finite).max(1e3), shift: external_exports.object({ ratio, low: ratio, high: ratio }).nullable(), centreSe: finite, applied: external_exports.boolean() }).optional(),
    drift: external_exports.object({ cpu: finite, allocations: finite }).optional(),
    service: external_exports.array(external_exports.object({ metric: serviceMetric, higherIsWorse: external_exports.boolean(), comparison: metric })).max(20),
    paired: paired.optional(),
    changedCode: external_exports.object({ cpu: metric, allocations: metric.optional() }).optional(),
    trials: external_exports.object({ baseline: count, candidate: count }),
    tests: count,
    untested: count,
    // The config's own schema: the settings a report states are the config's compare section.
    settings: compareSchema,
    statusMismatches: external_exports.array(routeMismatch).max(1e3).optional(),
    warnings: external_exports.array(freeText(2e3)).max(50)
  }),
  baselineSource: external_exports.object({ kind: external_exports.enum(["stored", "same-runner", "files"]), why: freeText(2e3) }),
  baseline: external_exports.object({ commit, createdAt: external_exports.iso.datetime(), environment, settings }),
  candidate: external_exports.object({ commit, environment, settings }),
  environmentDifferences: external_exports.array(freeText(400)).max(20),
  reproduce,
  profiles: external_exports.array(freeText(300)).max(1e3),
  merged: external_exports.object({ candidate: freeText(300), baseline: freeText(300).nullable() }),
  allocationProfiles: external_exports.array(freeText(300)).max(1e3).optional(),
  mergedAllocations: external_exports.object({ candidate: freeText(300), baseline: freeText(300).nullable() }).optional(),
  hotLines: external_exports.record(functionKey2, external_exports.array(external_exports.object({ line: count, share: finite })).max(100)).optional(),
  totalRises: external_exports.record(functionKey2, external_exports.array(external_exports.object({ callee: external_exports.object({ name: freeText(4096), file: freeText(4096) }).nullable(), baselineNanos: finite, candidateNanos: finite })).max(100)).optional(),
  inputs: external_exports.object({ sampleType: unitName, unit: unitName, baseline: external_exports.array(freeText(300)).min(1, "expected at least one file").max(1e3), candidate: external_exports.array(freeText(300)).min(1, "expected at least one file").max(1e3) }).optional(),
  functionLines: external_exports.record(functionKey2, count).optional(),
  requests: external_exports.object({ baseline: external_exports.array(requestCounts2).max(1e3), candidate: external_exports.array(requestCounts2).max(1e3) }).optional(),
  timingsMs: external_exports.record(external_exports.string().regex(/^[A-Za-z]{1,40}$/, "expected a phase name"), finite).optional(),
  diffScore: external_exports.object({ cpuPerRequest: changeEstimate, allocatedBytesPerRequest: changeEstimate.optional() }).optional(),
  symbolication: external_exports.array(symbolication).max(10).optional(),
  detectable: external_exports.object({
    cpuPerRequest: ratio.nullable(),
    functions: external_exports.array(external_exports.object({ key: functionKey2, name: freeText(4096), relative: ratio })).max(20),
    limit: finite,
    blind: freeText(2e3).nullable()
  }).optional(),
  shards: external_exports.object({
    count: count.max(999),
    method: external_exports.enum(["stratified-sign-flip", "stored"]),
    detectableByShards: external_exports.array(finite.nullable()).max(999),
    shards: external_exports.array(
      external_exports.object({
        index: count.max(999),
        status: external_exports.enum(["complete", "failed", "missing"]),
        pairs: external_exports.array(count).max(1e4),
        cpuModel: freeText(200).optional(),
        ratio: finite.optional(),
        weight: finite.optional(),
        error: freeText(2e3).optional()
      })
    ).max(999)
  }).optional()
});

export {
  packagePath,
  functionKey,
  IDLE_FRAME,
  resolveFrame,
  fileOfFrame,
  isGroup,
  namingContext,
  displayFile,
  scriptPathOf,
  stringAtOf,
  forEachStack,
  sampleTypes,
  functionLines,
  topTable,
  functionTable,
  SERVICE_METRICS,
  verdictHeadline,
  renderMarkdown,
  REPORT_SCHEMA,
  REPORT_VERSION,
  renderTerminal,
  StringTable,
  ValueType,
  Sample,
  Line,
  Location,
  Function,
  Profile,
  REQUESTS_COMMENT,
  mergeProfiles,
  requestsOf,
  buildFlameTree,
  flameMeasures,
  flamePageData,
  renderHtml,
  requestCounts,
  reportJson,
  jsonText,
  untrustedReportSchema
};

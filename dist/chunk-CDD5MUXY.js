import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  seededRandom
} from "./chunk-RADQ4DZD.js";
import {
  writeFileAtomic
} from "./chunk-BKLRVJWE.js";
import {
  escapeHtml,
  jsonForScript
} from "./chunk-46DMX2E3.js";
import {
  median,
  probit
} from "./chunk-SB6TE77W.js";
import {
  PerfgateError
} from "./chunk-RXSKCGKU.js";
import {
  external_exports
} from "./chunk-L7LVZID3.js";

// src/whole-number.ts
function parseWholeNumber(what, raw, min) {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min) {
    throw new PerfgateError("USAGE", `${what} must be an integer >= ${min} (got ${JSON.stringify(raw)})`);
  }
  return value;
}

// src/history/history-record.ts
var HISTORY_SCHEMA = "perfgate.history";
var HISTORY_VERSION = 1;
var HISTORY_FUNCTIONS = 20;
function historyRecord(report, context) {
  const service = (metric) => report.comparison.service.find((s) => s.metric === metric)?.comparison;
  const cpu = service("cpuMicrosPerRequest");
  const score = report.diffScore;
  const estimate2 = (e) => ({ change: e.change, low: e.low, high: e.high, minimumDetectable: e.minimumDetectable.relative });
  const functions = report.comparison.findings.filter((f) => f.presence !== "gone").map((f) => ({ key: f.key, name: f.name, file: f.file, selfNanosPerRequest: f.perRequestNanos.candidate.self, totalNanosPerRequest: f.perRequestNanos.candidate.total })).sort((a, b) => b.selfNanosPerRequest - a.selfNanosPerRequest || a.key.localeCompare(b.key)).slice(0, HISTORY_FUNCTIONS);
  return {
    schema: HISTORY_SCHEMA,
    version: HISTORY_VERSION,
    commit: report.candidate.commit,
    parent: context.parent,
    branch: context.branch,
    date: report.createdAt,
    verdict: report.comparison.verdict.outcome,
    diffScore: score ? { cpu: estimate2(score.cpuPerRequest), allocatedBytes: score.allocatedBytesPerRequest ? estimate2(score.allocatedBytesPerRequest) : null } : null,
    cpuMicrosPerRequest: medianInterval(cpu?.candidate ?? []),
    allocatedBytesPerRequest: score?.allocatedBytesPerRequest?.candidateMedian ?? null,
    throughputRps: service("throughputRps")?.candidateMedian ?? 0,
    latencyP95Ms: service("latencyP95Ms")?.candidateMedian ?? 0,
    functions,
    environment: report.candidate.environment,
    runUrl: context.runUrl
  };
}
function medianInterval(values) {
  const sorted = values.filter(Number.isFinite).toSorted((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { median: 0, low: 0, high: 0, coverage: 0 };
  const mid = n >> 1;
  const median2 = n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const coverageOf = (k2) => 1 - 2 * binomialCdf(n, k2 - 1);
  let k = 1;
  while (k + 1 <= mid && coverageOf(k + 1) >= 0.95) k++;
  return { median: median2, low: sorted[k - 1], high: sorted[n - k], coverage: coverageOf(k) };
}
function binomialCdf(n, k) {
  let term = 0.5 ** n;
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    sum += term;
    term = term * (n - i) / (i + 1);
  }
  return sum;
}

// src/history/history-schema.ts
var finite = external_exports.number().refine(Number.isFinite, "must be a finite number");
var relative = external_exports.union([finite, external_exports.literal("Infinity").transform(() => Number.POSITIVE_INFINITY)]);
var estimate = external_exports.object({ change: relative, low: relative, high: relative, minimumDetectable: relative });
var record = external_exports.object({
  schema: external_exports.literal(HISTORY_SCHEMA),
  version: external_exports.literal(HISTORY_VERSION),
  commit: external_exports.string().max(64).nullable(),
  parent: external_exports.string().max(64).nullable(),
  branch: external_exports.string().max(300).nullable(),
  date: external_exports.iso.datetime(),
  verdict: external_exports.enum(["pass", "fail", "fail-errors", "inconclusive"]),
  diffScore: external_exports.object({ cpu: estimate, allocatedBytes: estimate.nullable() }).nullable(),
  cpuMicrosPerRequest: external_exports.object({ median: finite, low: finite, high: finite, coverage: finite }),
  allocatedBytesPerRequest: finite.nullable(),
  throughputRps: finite,
  latencyP95Ms: finite,
  functions: external_exports.array(external_exports.object({ key: external_exports.string().max(4096), name: external_exports.string().max(4096), file: external_exports.string().max(4096), selfNanosPerRequest: finite, totalNanosPerRequest: finite })).max(100),
  environment: external_exports.object({
    nodeVersion: external_exports.string(),
    v8Version: external_exports.string(),
    platform: external_exports.string(),
    arch: external_exports.string(),
    cpuModel: external_exports.string(),
    cpuCount: external_exports.number().int(),
    perfgateVersion: external_exports.string()
  }),
  runUrl: external_exports.string().max(2e3).nullable()
});
function parseHistory(text, source) {
  const records = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let json;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new PerfgateError("HISTORY_INVALID", `${source}:${i + 1}: not JSON (${error.message})`);
    }
    const parsed = record.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new PerfgateError("HISTORY_INVALID", `${source}:${i + 1}: ${issue.path.join(".") || "(record)"}: ${issue.message}`);
    }
    records.push(parsed.data);
  });
  return records;
}
function serializeHistory(records) {
  return records.map((r) => JSON.stringify(r, (_key, value) => value === Number.POSITIVE_INFINITY ? "Infinity" : value) + "\n").join("");
}

// src/history/history-file.ts
import { existsSync, readFileSync } from "node:fs";
var DEFAULT_MAX_RECORDS = 1e3;
function readHistoryFile(path) {
  return existsSync(path) ? parseHistory(readFileSync(path, "utf8"), path) : [];
}
function appendRecord(records, record2, maxRecords) {
  const all = [...records, record2];
  const dropped = Math.max(0, all.length - maxRecords);
  return { records: all.slice(dropped), dropped };
}
function appendHistoryFile(path, record2, maxRecords = DEFAULT_MAX_RECORDS) {
  const next = appendRecord(readHistoryFile(path), record2, maxRecords);
  writeFileAtomic(path, serializeHistory(next.records));
  return { count: next.records.length, dropped: next.dropped };
}

// src/history/step-location.ts
var NEIGHBOUR_COST = 0.1;
function stepLocation(y, minSegment) {
  const n = y.length;
  if (n < 2 * minSegment || minSegment < 1) return null;
  const z = normalScores(y);
  const sum = [0];
  const squares = [0];
  for (const v of z) {
    sum.push(sum[sum.length - 1] + v);
    squares.push(squares[squares.length - 1] + v * v);
  }
  const taus = [];
  const logPosterior = [];
  for (let tau = minSegment; tau <= n - minSegment; tau++) {
    const a = sum[tau];
    const b = sum[n] - a;
    const within = squares[n] - a * a / tau - b * b / (n - tau);
    taus.push(tau);
    logPosterior.push(-0.5 * Math.log(tau * (n - tau)) - (n - 2) / 2 * Math.log(Math.max(within, 1e-300)));
  }
  const top = Math.max(...logPosterior);
  const weight = logPosterior.map((l) => Math.exp(l - top));
  let best = 0;
  let bestMass = -1;
  for (let i = 0; i < taus.length; i++) {
    const neighbours = (weight[i - 1] ?? 0) + (weight[i + 1] ?? 0);
    const mass = weight[i] + (1 - NEIGHBOUR_COST) * neighbours;
    if (mass > bestMass) {
      bestMass = mass;
      best = i;
    }
  }
  return taus[best];
}
function normalScores(y) {
  const order = y.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const scores = new Array(y.length);
  for (let lo = 0; lo < order.length; ) {
    let hi = lo;
    while (hi + 1 < order.length && order[hi + 1].v === order[lo].v) hi++;
    const score = probit(((lo + hi) / 2 + 1) / (y.length + 1));
    for (let k = lo; k <= hi; k++) scores[order[k].i] = score;
    lo = hi + 1;
  }
  return scores;
}

// src/history/change-points.ts
function changePoints(series, options = {}) {
  const significance = options.significance ?? 0.01;
  const permutations = options.permutations ?? 199;
  const minSegment = Math.max(2, options.minSegment ?? 4);
  const random = seededRandom(options.seed ?? 1);
  const found = [];
  const bounds = [0, series.length];
  for (; ; ) {
    let best = null;
    for (let s = 0; s + 1 < bounds.length; s++) {
      const start = bounds[s];
      const end = bounds[s + 1];
      const split = bestSplit(series.slice(start, end), minSegment);
      if (split && (!best || split.q > best.q)) best = { start, end, index: start + split.index, q: split.q };
    }
    if (!best) break;
    const segment = series.slice(best.start, best.end);
    let asGood = 0;
    for (let r = 0; r < permutations; r++) {
      const permuted = shuffle(segment, random);
      const split = bestSplit(permuted, minSegment);
      if (split && split.q >= best.q) asGood++;
    }
    const p = (asGood + 1) / (permutations + 1);
    if (p > significance) break;
    found.push({ index: best.index, p, q: best.q });
    bounds.push(best.index);
    bounds.sort((a, b) => a - b);
  }
  found.sort((a, b) => a.index - b.index);
  const placed = [];
  for (let i = 0; i < found.length; i++) {
    const start = placed[i - 1]?.index ?? 0;
    const end = found[i + 1]?.index ?? series.length;
    const at = stepLocation(series.slice(start, end), minSegment);
    placed.push({ ...found[i], index: at === null ? found[i].index : start + at });
  }
  return placed;
}
function bestSplit(y, minSegment) {
  const n = y.length;
  if (n < 2 * minSegment) return null;
  const rowSum = y.map((a) => y.reduce((sum, b) => sum + Math.abs(a - b), 0));
  const withinAll = rowSum.reduce((a, b) => a + b, 0) / 2;
  let withinA = 0;
  let rowsA = 0;
  let best = null;
  for (let tau = 1; tau <= n - minSegment; tau++) {
    const added = tau - 1;
    for (let i = 0; i < added; i++) withinA += Math.abs(y[added] - y[i]);
    rowsA += rowSum[added];
    if (tau < minSegment) continue;
    const between = rowsA - 2 * withinA;
    const withinB = withinAll - withinA - between;
    const m = tau;
    const k = n - tau;
    const energy = 2 * between / (m * k) - withinA / (m * (m - 1) / 2) - withinB / (k * (k - 1) / 2);
    const q = m * k / (m + k) * energy;
    if (!best || q > best.q) best = { index: tau, q };
  }
  return best;
}
function shuffle(values, random) {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// src/history/steps.ts
function historySteps(records, options = {}) {
  const series = records.map((r) => Math.log(Math.max(r.cpuMicrosPerRequest.median, Number.MIN_VALUE)));
  const found = changePoints(series, options);
  const bounds = [0, ...found.map((c) => c.index), records.length];
  return found.map((c, i) => {
    const before = records.slice(bounds[i], c.index).map((r) => r.cpuMicrosPerRequest.median);
    const after = records.slice(c.index, bounds[i + 2]).map((r) => r.cpuMicrosPerRequest.median);
    return { index: c.index, commit: records[c.index].commit, change: median(after) / median(before) - 1, p: c.p, gateFailed: records[c.index].verdict === "fail" };
  });
}
function unflaggedRises(steps) {
  return steps.filter((s) => s.change > 0 && !s.gateFailed);
}
function branchRecords(records, branch) {
  if (branch !== void 0) return { branch, records: records.filter((r) => r.branch === branch) };
  const counts = /* @__PURE__ */ new Map();
  for (const r of records) counts.set(r.branch, (counts.get(r.branch) ?? 0) + 1);
  const most = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { branch: most, records: records.filter((r) => r.branch === most) };
}

// src/history/history-svg.ts
var WIDTH = 900;
var HEIGHT = 360;
var MARGIN = { left: 64, right: 180, top: 24, bottom: 40 };
var FUNCTION_LINES = 5;
var VERDICT_COLOUR = { pass: "#2da44e", fail: "#cf222e", "fail-errors": "#bc4c00", inconclusive: "#8c959f" };
var LINE_COLOURS = ["#8250df", "#bf8700", "#1f883d", "#0969da", "#d1242f"];
function historySvg(records, steps) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const latest = records.at(-1);
  const functions = (latest?.functions ?? []).slice(0, FUNCTION_LINES);
  const perRequest = (r, key) => (r.functions.find((f) => f.key === key)?.selfNanosPerRequest ?? 0) / 1e3;
  const top = Math.max(1e-9, ...records.map((r) => r.cpuMicrosPerRequest.high), ...records.flatMap((r) => functions.map((f) => perRequest(r, f.key)))) * 1.1;
  const x = (i) => MARGIN.left + (records.length <= 1 ? plotWidth / 2 : i / (records.length - 1) * plotWidth);
  const y = (v) => MARGIN.top + plotHeight - v / top * plotHeight;
  const fmt = (n) => n.toFixed(1);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, sans-serif" font-size="12" role="img" aria-label="CPU per request per run">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`
  ];
  for (let t = 0; t <= 4; t++) {
    const v = top / 4 * t;
    out.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${fmt(y(v))}" y2="${fmt(y(v))}" stroke="#eaeef2"/>`, `<text x="${MARGIN.left - 6}" y="${fmt(y(v) + 4)}" text-anchor="end" fill="#57606a">${v.toFixed(v < 10 ? 1 : 0)}</text>`);
  }
  out.push(`<text x="14" y="${MARGIN.top + plotHeight / 2}" transform="rotate(-90 14 ${MARGIN.top + plotHeight / 2})" text-anchor="middle" fill="#57606a">\xB5s CPU per request</text>`);
  if (records.length > 0) {
    const upper = records.map((r, i) => `${fmt(x(i))},${fmt(y(r.cpuMicrosPerRequest.high))}`);
    const lower = records.map((r, i) => `${fmt(x(i))},${fmt(y(r.cpuMicrosPerRequest.low))}`).reverse();
    out.push(`<polygon class="band" points="${[...upper, ...lower].join(" ")}" fill="#0969da" fill-opacity="0.15" stroke="none"/>`);
    out.push(`<polyline class="median" points="${records.map((r, i) => `${fmt(x(i))},${fmt(y(r.cpuMicrosPerRequest.median))}`).join(" ")}" fill="none" stroke="#0969da" stroke-width="2"/>`);
  }
  functions.forEach((f, k) => {
    const colour = LINE_COLOURS[k % LINE_COLOURS.length];
    out.push(`<polyline class="function" data-key="${escapeHtml(f.key)}" points="${records.map((r, i) => `${fmt(x(i))},${fmt(y(perRequest(r, f.key)))}`).join(" ")}" fill="none" stroke="${colour}" stroke-width="1.2" stroke-dasharray="4 2"/>`);
    const ly = MARGIN.top + 14 + k * 16;
    out.push(`<line x1="${WIDTH - MARGIN.right + 12}" x2="${WIDTH - MARGIN.right + 30}" y1="${ly - 4}" y2="${ly - 4}" stroke="${colour}" stroke-dasharray="4 2"/>`, `<text x="${WIDTH - MARGIN.right + 34}" y="${ly}" fill="#24292f">${escapeHtml(truncate(f.name, 22))}</text>`);
  });
  for (const step of steps) {
    const at = (x(step.index - 1) + x(step.index)) / 2;
    const label = `${step.change >= 0 ? "+" : ""}${(step.change * 100).toFixed(1)}% from ${step.commit ? step.commit.slice(0, 7) : "run " + (step.index + 1)}${step.gateFailed ? "" : " (gate passed)"}`;
    out.push(`<g class="step"><line x1="${fmt(at)}" x2="${fmt(at)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#cf222e" stroke-dasharray="6 3"/><text x="${fmt(at + 4)}" y="${MARGIN.top + 12}" fill="#cf222e">${escapeHtml(label)}</text></g>`);
  }
  records.forEach((r, i) => {
    const marker = `<circle class="point" data-index="${i}" data-verdict="${r.verdict}" cx="${fmt(x(i))}" cy="${fmt(y(r.cpuMicrosPerRequest.median))}" r="5" fill="${VERDICT_COLOUR[r.verdict]}" stroke="#ffffff" stroke-width="1.5"><title>${escapeHtml(pointTitle(r))}</title></circle>`;
    out.push(r.runUrl && /^https?:\/\//.test(r.runUrl) ? `<a href="${escapeHtml(r.runUrl)}" target="_blank" rel="noopener">${marker}</a>` : marker);
  });
  const legend = ["pass", "fail", "inconclusive"].map((v, k) => `<circle cx="${WIDTH - MARGIN.right + 20}" cy="${HEIGHT - MARGIN.bottom - 40 + k * 16}" r="5" fill="${VERDICT_COLOUR[v]}"/><text x="${WIDTH - MARGIN.right + 34}" y="${HEIGHT - MARGIN.bottom - 36 + k * 16}" fill="#24292f">${v}</text>`);
  out.push(...legend, `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 10}" text-anchor="middle" fill="#57606a">runs, oldest first (${records.length})</text>`, "</svg>");
  return out.join("\n");
}
function pointTitle(r) {
  const cpu = r.cpuMicrosPerRequest;
  const score = r.diffScore ? `, diff score ${(r.diffScore.cpu.change * 100).toFixed(1)}% (${(r.diffScore.cpu.low * 100).toFixed(1)}% \u2026 ${(r.diffScore.cpu.high * 100).toFixed(1)}%)` : "";
  return `${r.commit ? r.commit.slice(0, 12) : "no commit"} \xB7 ${r.date.slice(0, 16).replace("T", " ")} \xB7 ${cpu.median.toFixed(1)} \xB5s CPU/request (${cpu.low.toFixed(1)} \u2026 ${cpu.high.toFixed(1)}) \xB7 ${r.verdict}${score}`;
}
function truncate(text, width) {
  return text.length <= width ? text : `${text.slice(0, width - 1)}\u2026`;
}

// src/history/run-context.ts
import { execFileSync } from "node:child_process";
function currentRunContext(root, env = process.env) {
  const git = (...args) => {
    try {
      return execFileSync("git", args, { cwd: root, stdio: ["ignore", "pipe", "ignore"] }).toString().trim() || null;
    } catch {
      return null;
    }
  };
  const branch = env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || git("rev-parse", "--abbrev-ref", "HEAD");
  const runUrl = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : null;
  return { parent: git("rev-parse", "HEAD^"), branch: branch === "HEAD" ? null : branch, runUrl };
}

// src/history/history-page.ts
import { createHash } from "node:crypto";
function historyPage(records, steps, branch) {
  const title = `perfgate history${branch ? ` \xB7 ${branch}` : ""}`;
  const stepItems = steps.map((s) => {
    const size = `${s.change >= 0 ? "+" : ""}${(s.change * 100).toFixed(1)}%`;
    const where = s.commit ? `<code>${escapeHtml(s.commit.slice(0, 12))}</code>` : `run ${s.index + 1}`;
    const caught = s.gateFailed ? "the gate failed that run" : "<strong>the gate did not fail it</strong>";
    return `<li class="step-item" data-index="${s.index}">CPU per request ${size} from ${where} (E-divisive means, permutation p = ${s.p.toFixed(3)}); ${caught}.</li>`;
  });
  const rows = records.map((r, i) => {
    const link = r.runUrl && /^https?:\/\//.test(r.runUrl) ? `<a href="${escapeHtml(r.runUrl)}">run</a>` : "";
    const score = r.diffScore ? `${(r.diffScore.cpu.change * 100).toFixed(1)}% (${(r.diffScore.cpu.low * 100).toFixed(1)} \u2026 ${(r.diffScore.cpu.high * 100).toFixed(1)})` : "\u2014";
    return `<tr data-index="${i}"><td>${i + 1}</td><td><code>${escapeHtml((r.commit ?? "\u2014").slice(0, 12))}</code></td><td>${escapeHtml(r.date)}</td><td class="verdict-${r.verdict}">${r.verdict}</td><td>${r.cpuMicrosPerRequest.median.toFixed(1)}</td><td>${score}</td><td>${r.throughputRps.toFixed(0)}</td><td>${r.latencyP95Ms.toFixed(1)}</td><td>${link}</td></tr>`;
  }).reverse();
  const cards = records.map((r) => ({ title: pointTitle(r), url: r.runUrl && /^https?:\/\//.test(r.runUrl) ? r.runUrl : null }));
  const csp = `default-src 'none'; script-src 'sha256-${createHash("sha256").update(HOVER_SCRIPT, "utf8").digest("base64")}'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font-family: system-ui, sans-serif; margin: 24px; color: #24292f; }
#chart { position: relative; display: inline-block; }
#card { position: absolute; display: none; background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: 6px 8px; font-size: 12px; box-shadow: 0 2px 6px rgba(0,0,0,.15); max-width: 360px; }
table { border-collapse: collapse; font-size: 13px; margin-top: 16px; }
td, th { border-bottom: 1px solid #eaeef2; padding: 4px 8px; text-align: left; }
.verdict-fail { color: #cf222e; } .verdict-pass { color: #1a7f37; }
circle.point { cursor: pointer; }
</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${records.length} run(s). CPU per request is the service's CPU time per request, median over a run's trials, with its order-statistic interval (the band); dashed lines are the largest functions' own CPU per request.</p>
<div id="chart">${historySvg(records, steps)}<div id="card" role="tooltip"></div></div>
<h2>Steps</h2>
${steps.length > 0 ? `<ul id="steps">${stepItems.join("")}</ul>` : '<p id="steps">No step found (E-divisive means, significance 0.01).</p>'}
<h2>Runs</h2>
<table id="runs"><thead><tr><th>#</th><th>commit</th><th>date</th><th>verdict</th><th>\xB5s CPU/request</th><th>diff score % (95% CI)</th><th>req/s</th><th>p95 ms</th><th></th></tr></thead><tbody>${rows.join("")}</tbody></table>
<script id="perfgate-history" type="application/json">${jsonForScript(cards)}</script>
<script>${HOVER_SCRIPT}</script>
</body></html>
`;
}
var HOVER_SCRIPT = `
(() => {
  const cards = JSON.parse(document.getElementById('perfgate-history').textContent);
  const card = document.getElementById('card');
  const chart = document.getElementById('chart');
  for (const point of document.querySelectorAll('circle.point')) {
    point.addEventListener('mouseenter', () => {
      const c = cards[Number(point.dataset.index)];
      card.textContent = c.title;
      if (c.url) {
        const a = document.createElement('a');
        a.href = c.url;
        a.textContent = ' open the run';
        card.append(document.createElement('br'), a);
      }
      const box = point.getBoundingClientRect();
      const base = chart.getBoundingClientRect();
      card.style.left = (box.left - base.left + 10) + 'px';
      card.style.top = (box.top - base.top + 10) + 'px';
      card.style.display = 'block';
    });
  }
  chart.addEventListener('mouseleave', () => { card.style.display = 'none'; });
})();
`;

export {
  parseWholeNumber,
  historyRecord,
  parseHistory,
  serializeHistory,
  DEFAULT_MAX_RECORDS,
  readHistoryFile,
  appendRecord,
  appendHistoryFile,
  historySteps,
  unflaggedRises,
  branchRecords,
  historySvg,
  historyPage,
  currentRunContext
};

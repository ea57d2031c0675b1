import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  decodePprof,
  encodePprofGzip,
  scaledLike,
  sourceMapWarning,
  symbolication,
  symbolicationWarning
} from "./chunk-RSJDVD32.js";
import {
  seededRandom
} from "./chunk-RADQ4DZD.js";
import {
  writeFileAtomic
} from "./chunk-BKLRVJWE.js";
import {
  buildFlameTree,
  flameMeasures,
  flamePageData,
  forEachStack,
  functionKey,
  functionLines,
  mergeProfiles,
  renderHtml,
  reportJson,
  sampleTypes,
  stringAtOf
} from "./chunk-UE2XNEGO.js";
import {
  globToRegExp
} from "./chunk-MD65PPN2.js";
import {
  median,
  probit
} from "./chunk-SB6TE77W.js";
import {
  PerfgateError
} from "./chunk-RXSKCGKU.js";

// src/analysis/findings.ts
function metricWords(metric) {
  return metric === "self" ? "own time" : metric === "total" ? "total time" : "allocated bytes";
}
function metricOf(finding, metric) {
  return metric === "allocations" ? finding.allocations : finding[metric];
}

// src/analysis/first-few.ts
function firstFew(items, shown = 3, separator = "; ") {
  return `${items.slice(0, shown).join(separator)}${items.length > shown ? ` and ${items.length - shown} more` : ""}`;
}

// src/analysis/signed-change.ts
function signedChange(factor) {
  return `${factor >= 1 ? "+" : ""}${((factor - 1) * 100).toFixed(1)}%`;
}

// src/analysis/leaning.ts
var LEANING_BUDGET = 3;
function leaningWeight(share) {
  return Math.min(1, LEANING_BUDGET * share);
}
var METRICS = ["self", "total", "allocations"];
function leaningOf(findings, packages) {
  const out = [];
  for (const f of findings) {
    if (f.outcome === "regressed" || f.replaces || f.presence !== "both") continue;
    for (const metric of METRICS) {
      const m = metricOf(f, metric);
      const lean = m && !m.attributionJumps ? leaningFigures(m) : null;
      if (lean) {
        out.push({ unit: "function", key: f.key, name: f.name, metric, ...lean });
        break;
      }
    }
  }
  for (const p of packages) {
    if (p.outcome === "regressed" || p.replaces || p.presence !== "both") continue;
    const lean = leaningFigures(p.self);
    if (lean) out.push({ unit: "package", key: p.name, name: `package ${p.name}`, metric: "self", ...lean });
  }
  return out;
}
function leaningFigures(m) {
  if (m.leaning) return { relative: false, ratio: m.ratio, ci: m.ci, p: m.p, q: m.q };
  if (m.relative?.leaning) return { relative: true, ratio: m.relative.ratio, ci: m.relative.ci, p: m.relative.p, q: m.relative.q };
  return null;
}
function describeLeaning(l) {
  const what = `${metricWords(l.metric)}${l.relative ? " relative to the unchanged code" : ""}`;
  return `${l.name} (${what} ${signedChange(l.ratio)}, 95% CI ${signedChange(l.ci.low)} \u2026 ${signedChange(l.ci.high)}, p ${l.p.toPrecision(2)}, q ${l.q.toPrecision(2)})`;
}
function describeLeanings(leaning) {
  return firstFew(leaning.map(describeLeaning));
}
function leaningReason(comparison) {
  if (comparison.verdict.outcome === "fail" || comparison.verdict.outcome === "fail-errors") return null;
  const leaning = leaningOf(comparison.findings, comparison.packages ?? []);
  return leaning.length > 0 ? `${describeLeanings(leaning)} leaned towards a regression` : null;
}
function extension(comparison, extendTrials, blind = null, unconfirmed = null) {
  if (extendTrials <= 0 || comparison.verdict.outcome === "fail" || comparison.verdict.outcome === "fail-errors") return null;
  return leaningReason(comparison) ?? blind ?? unconfirmed;
}

// src/analysis/allocation-shares.ts
function allocationsProfiled(trials) {
  return trials.length > 0 && trials.every((t) => t.allocatedBytes !== void 0 && t.allocatedBytes > 0);
}
function allocationUnit(baseline) {
  const perRequest = baseline.filter((t) => t.requests > 0).map((t) => (t.allocatedBytes ?? 0) / t.requests);
  return perRequest.length === 0 ? 0 : median(perRequest);
}

// src/analysis/attribution-jumps.ts
var MIN_SAMPLES_FOR_JUMP = 30;
function sideJumps(values, samples, floor) {
  if (values.length < 2) return false;
  const max = Math.max(...values);
  return max >= 2 * floor && Math.max(...samples) >= MIN_SAMPLES_FOR_JUMP && Math.min(...values) < max / 4;
}
function absorbedByAnother(values, others) {
  return absorberOf(values, others) >= 0;
}
function absorberOf(values, others) {
  const dx = centred(values);
  const sxx = dx.reduce((a, v) => a + v * v, 0);
  if (sxx === 0) return -1;
  return others.findIndex((other) => {
    if (other.length !== values.length) return false;
    const dy = centred(other);
    const syy = dy.reduce((a, v) => a + v * v, 0);
    if (syy === 0) return false;
    const sxy = dx.reduce((a, v, i) => a + v * dy[i], 0);
    const slope = sxy / sxx;
    const correlation = sxy / Math.sqrt(sxx * syy);
    return slope <= -0.5 && slope >= -1.5 && correlation <= -0.8;
  });
}
function allocationSwapWith(values, sampleShare, others) {
  if (values.length < 4 || !(sampleShare > 0)) return -1;
  const max = Math.max(...values);
  if (max / sampleShare < MIN_SAMPLES_FOR_JUMP || Math.min(...values) > max / 2) return -1;
  return absorberOf(values, others);
}
function centred(values) {
  const mean2 = values.reduce((a, b) => a + b, 0) / values.length;
  return values.map((v) => v - mean2);
}

// src/analysis/benjamini-hochberg.ts
function benjaminiHochberg(pValues) {
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p);
  const q = new Array(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const entry = order[rank - 1];
    running = Math.min(running, entry.p * m / rank);
    q[entry.index] = Math.min(1, running);
  }
  return q;
}

// src/analysis/common-factor.ts
var MIN_FUNCTIONS = 5;
var MIN_SPREAD = 0.01;
var GRID_STEP = 1e-3;
var WINDOW = 6;
function commonFactor(selfLogRatios) {
  const usable = selfLogRatios.filter((e) => Number.isFinite(e.effect) && Number.isFinite(e.se));
  if (usable.length < MIN_FUNCTIONS) return 1;
  const spreads = usable.map((e) => Math.sqrt(e.se ** 2 + MIN_SPREAD ** 2));
  const low = Math.min(...usable.map((e) => e.effect));
  const high = Math.max(...usable.map((e) => e.effect));
  const cells = Math.floor((high - low) / GRID_STEP + 0.5) + 1;
  const density = new Float64Array(cells);
  usable.forEach((e, i) => {
    const spread2 = spreads[i];
    const from = Math.max(0, Math.ceil((e.effect - WINDOW * spread2 - low) / GRID_STEP));
    const to = Math.min(cells - 1, Math.floor((e.effect + WINDOW * spread2 - low) / GRID_STEP));
    const h = GRID_STEP / spread2;
    const z0 = (low + from * GRID_STEP - e.effect) / spread2;
    let g = Math.exp(-0.5 * z0 * z0);
    let r = Math.exp(-z0 * h - 0.5 * h * h);
    const rr = Math.exp(-h * h);
    for (let k = from; k <= to; k++) {
      density[k] = density[k] + g;
      g *= r;
      r *= rr;
    }
  });
  let best = 0;
  let bestDensity = -1;
  for (let k = 0; k < cells; k++) {
    if (density[k] > bestDensity) {
      bestDensity = density[k];
      best = low + k * GRID_STEP;
    }
  }
  return Math.exp(refine(usable, spreads, best));
}
function centreHalves(selfLogRatios) {
  return centresOf(halvesOf(selfLogRatios));
}
function contestedCentre(selfLogRatios, floor) {
  const halves = halvesOf(selfLogRatios);
  const { precise, coarse } = centresOf(halves);
  const varianceOf = (votes) => 1 / votes.reduce((sum, e) => sum + 1 / (e.se ** 2 + MIN_SPREAD ** 2), 0);
  const floorGap = Math.log1p(floor);
  if (halves.coarse.length < MIN_FUNCTIONS || halves.precise.length < MIN_FUNCTIONS) return { precise: Math.exp(precise), coarse: Math.exp(coarse), limit: floorGap, contested: false };
  const limit = Math.max(floorGap, CONTEST_Z * Math.sqrt(varianceOf(halves.precise) + varianceOf(halves.coarse)));
  return { precise: Math.exp(precise), coarse: Math.exp(coarse), limit, contested: Math.abs(precise - coarse) > limit };
}
function halvesOf(votes) {
  const byPrecision = votes.filter((e) => Number.isFinite(e.effect) && Number.isFinite(e.se)).sort((a, b) => a.se - b.se);
  const half = Math.floor(byPrecision.length / 2);
  return { precise: byPrecision.slice(0, half), coarse: byPrecision.slice(half) };
}
function centresOf(halves) {
  return { precise: Math.log(commonFactor(halves.precise)), coarse: Math.log(commonFactor(halves.coarse)) };
}
var CONTEST_Z = 3.5;
function clusterCentre(votes) {
  const usable = votes.filter((e) => Number.isFinite(e.effect) && Number.isFinite(e.se));
  if (usable.length === 0) return 0;
  const spreads = usable.map((e) => Math.sqrt(e.se ** 2 + MIN_SPREAD ** 2));
  const order = usable.map((_, i) => i).sort((a, b) => usable[a].effect - usable[b].effect);
  const weights = spreads.map((s) => 1 / s ** 2);
  const total = weights.reduce((a, b) => a + b, 0);
  let seen = 0;
  let median3 = usable[order[0]].effect;
  for (const i of order) {
    seen += weights[i];
    median3 = usable[i].effect;
    if (seen >= total / 2) break;
  }
  return refine(usable, spreads, median3);
}
function refine(votes, spreads, start) {
  let centre = start;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let sum = 0;
    let weights = 0;
    votes.forEach((e, i) => {
      const z = (e.effect - centre) / spreads[i] / BIWEIGHT_TUNING;
      if (Math.abs(z) >= 1) return;
      const weight = (1 - z * z) ** 2 / spreads[i] ** 2;
      sum += weight * e.effect;
      weights += weight;
    });
    if (weights === 0) return centre;
    const next = sum / weights;
    if (Math.abs(next - centre) < 1e-9) return next;
    centre = next;
  }
  return centre;
}
var BIWEIGHT_TUNING = 3;
var MAX_ITERATIONS = 100;

// src/analysis/drift-variance.ts
var MIN_METRICS_FOR_DRIFT = 12;
var NO_DRIFT = { sd: 0, df: Number.POSITIVE_INFINITY };
function driftSd(estimates, centre) {
  const usable = estimates.filter((e) => Number.isFinite(e.effect) && Number.isFinite(e.se));
  if (usable.length < MIN_METRICS_FOR_DRIFT) return NO_DRIFT;
  const z = (e, tau) => Math.abs(e.effect - centre) / Math.sqrt(e.se ** 2 + tau ** 2 || Number.MIN_VALUE);
  const first = solve((tau) => median(usable.map((e) => z(e, tau))), HALF_NORMAL_MEDIAN);
  const kept = usable.filter((e) => z(e, first) <= TRIM);
  if (kept.length < MIN_METRICS_FOR_DRIFT) return { sd: first, df: Number.POSITIVE_INFINITY };
  return { sd: likelihoodUpperBound(kept, centre), df: Number.POSITIVE_INFINITY };
}
function likelihoodUpperBound(kept, centre) {
  const logLikelihood = (tau) => {
    let sum = 0;
    for (const e of kept) {
      const variance2 = e.se ** 2 + tau ** 2 || Number.MIN_VALUE;
      sum -= 0.5 * (Math.log(variance2) + (e.effect - centre) ** 2 / (TRIMMED_MEAN_SQUARE * variance2));
    }
    return sum;
  };
  let bestTau = 0;
  let best = logLikelihood(0);
  for (let tau = 1e-3; tau <= 1; tau *= 1.05) {
    const value = logLikelihood(tau);
    if (value > best) {
      best = value;
      bestTau = tau;
    }
  }
  const target = best - Z_UPPER * Z_UPPER / 2;
  return bestTau + solve((step) => logLikelihood(bestTau + step) - target, 0);
}
function solve(statistic, target) {
  if (statistic(0) <= target) return 0;
  let low = 0;
  let high = 1;
  while (statistic(high) > target && high < 64) high *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (statistic(mid) > target) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
var TRIM = 2.5;
var Z_UPPER = 1;
var HALF_NORMAL_MEDIAN = 0.6744897501960817;
var TRIMMED_MEAN_SQUARE = 1 - 2 * 2.5 * Math.exp(-(2.5 ** 2) / 2) / Math.sqrt(2 * Math.PI) / 0.9875806693484477;

// src/analysis/package-identity.ts
var PACKAGE_FILE = /^((?:@[^/@]+\/)?[^/@]+)@([^/]+)\/(.*)$/;
function packageOf(file) {
  const match = PACKAGE_FILE.exec(file);
  return match ? { name: match[1], version: match[2] } : void 0;
}
function versionlessKey(key, file) {
  let prefix = versionlessFiles.get(file);
  if (prefix === void 0) {
    const found = PACKAGE_FILE.exec(file);
    prefix = found ? `${found[1]}/${found[3]}` : null;
    if (versionlessFiles.size >= KEPT_FILES) versionlessFiles.clear();
    versionlessFiles.set(file, prefix);
  }
  return prefix === null ? key : `${prefix}${key.slice(file.length)}`;
}
var versionlessFiles = /* @__PURE__ */ new Map();
var KEPT_FILES = 1e4;
function isLibraryFile(file) {
  return file === "" || file.startsWith("node:") || packageOf(file) !== void 0 || file.startsWith("/") || /^[A-Za-z]:[\\/]/.test(file) || file.includes("/pkg/mod/");
}

// src/analysis/function-order.ts
var ENTRY_POINT = 0.8;
var OUTCOME_ORDER = { regressed: 0, improved: 1, inconclusive: 2, unchanged: 3 };
function byImportance(whole) {
  return (a, b) => compareFindings(a, b, whole);
}
function compareFindings(a, b, whole) {
  const order = OUTCOME_ORDER[a.outcome] - OUTCOME_ORDER[b.outcome];
  if (order !== 0) return order;
  const entry = (f) => Number(whole > 0 && f.self.outcome !== f.outcome && f.total.baselineMedian >= ENTRY_POINT * whole);
  const entries = entry(a) - entry(b);
  if (entries !== 0) return entries;
  const library = Number(isLibraryFile(a.file)) - Number(isLibraryFile(b.file));
  if (library !== 0 && a.outcome !== "unchanged") return library;
  const ownBlame = (f) => Number(f.self.outcome === f.outcome || f.allocations?.outcome === f.outcome);
  const selfBlame = ownBlame(b) - ownBlame(a);
  if (selfBlame !== 0) return selfBlame;
  const moved = (f, metric) => {
    const m = metricOf(f, metric);
    return m ? Math.abs(m.candidateMedian - m.baselineMedian) : 0;
  };
  const cpu = (f) => f.decidedBy === "allocations" ? 0 : moved(f, f.decidedBy ?? "self");
  return cpu(b) - cpu(a) || moved(b, "allocations") - moved(a, "allocations") || a.key.localeCompare(b.key);
}

// src/analysis/function-candidates.ts
function functionCandidates(baseline, candidate, ignored) {
  const byMatch = (trials) => trials.map((t) => {
    const found = /* @__PURE__ */ new Map();
    for (const key of Object.keys(t.functions)) {
      if (ignored(key)) continue;
      const cost = t.functions[key];
      const match = versionlessKey(key, cost.file);
      const before = found.get(match);
      if (!before) found.set(match, { key, cost });
      else {
        const b = before.cost;
        found.set(match, { key: before.key, cost: { ...b, selfNanos: b.selfNanos + cost.selfNanos, totalNanos: b.totalNanos + cost.totalNanos, allocBytes: (b.allocBytes ?? 0) + (cost.allocBytes ?? 0), allocObjects: (b.allocObjects ?? 0) + (cost.allocObjects ?? 0) } });
      }
    }
    return found;
  });
  const base = byMatch(baseline);
  const cand = byMatch(candidate);
  const keys = /* @__PURE__ */ new Set();
  for (const side of [base, cand]) for (const trial of side) for (const key of trial.keys()) keys.add(key);
  const per = (side, match, field) => side.map((t) => t.get(match)?.cost[field] ?? 0);
  const first = (side, match) => side.map((t) => t.get(match)).find(Boolean);
  const build = (baseMatch, candMatch) => {
    const b = first(base, baseMatch);
    const c = first(cand, candMatch);
    const shown = c ?? b;
    const pkgB = b ? packageOf(b.cost.file) : void 0;
    const pkgC = c ? packageOf(c.cost.file) : void 0;
    const pkg = pkgC ?? pkgB;
    return {
      key: shown.key,
      match: candMatch,
      name: shown.cost.name,
      file: shown.cost.file,
      presence: b && c ? "both" : c ? "added" : "gone",
      ...pkg ? { package: { name: pkg.name, ...pkgB ? { baselineVersion: pkgB.version } : {}, ...pkgC ? { candidateVersion: pkgC.version } : {} } } : {},
      ...b && c && baseMatch !== candMatch ? { renamedFrom: b.key } : {},
      self: { baseline: per(base, baseMatch, "selfNanos"), candidate: per(cand, candMatch, "selfNanos") },
      total: { baseline: per(base, baseMatch, "totalNanos"), candidate: per(cand, candMatch, "totalNanos") },
      allocBytes: { baseline: per(base, baseMatch, "allocBytes"), candidate: per(cand, candMatch, "allocBytes") },
      allocObjects: { baseline: per(base, baseMatch, "allocObjects"), candidate: per(cand, candMatch, "allocObjects") }
    };
  };
  const inBase = (key) => base.some((t) => t.has(key));
  const inCand = (key) => cand.some((t) => t.has(key));
  const sorted = [...keys].sort();
  const gone = sorted.filter((k) => inBase(k) && !inCand(k));
  const added = sorted.filter((k) => !inBase(k) && inCand(k));
  const renames = pairRenames(gone, added, (k) => fileOfMatch(base, cand, k), (k, side) => typical(per(side === "baseline" ? base : cand, k, "totalNanos")));
  const paired = /* @__PURE__ */ new Set([...renames.keys(), ...renames.values()]);
  const out = [];
  for (const key of sorted) {
    if (renames.has(key)) out.push(build(renames.get(key), key));
    else if (!paired.has(key)) out.push(build(key, key));
  }
  return out;
}
function pairRenames(gone, added, fileOf, cost) {
  const pairs = /* @__PURE__ */ new Map();
  const free = new Set(gone);
  for (const a of added) {
    const file = fileOf(a);
    if (file === "") continue;
    let best;
    let distance = Number.POSITIVE_INFINITY;
    for (const g of free) {
      if (fileOf(g) !== file) continue;
      const d = Math.abs(Math.log((cost(a, "candidate") + 1) / (cost(g, "baseline") + 1)));
      if (d < distance) {
        best = g;
        distance = d;
      }
    }
    if (best !== void 0) {
      pairs.set(a, best);
      free.delete(best);
    }
  }
  return pairs;
}
function fileOfMatch(base, cand, match) {
  const seen = [...base, ...cand].map((t) => t.get(match)).find(Boolean);
  return seen ? versionlessKey(seen.cost.file, seen.cost.file) : "";
}
function typical(values) {
  return values.length === 0 ? 0 : median([...values]);
}

// src/analysis/judge.ts
var UNTESTED = { pUp: 1, pDown: 1, qUp: 1, qDown: 1 };
function judge(measured, tails, floors, untestable) {
  const { baseline, candidate, baselineMedian, candidateMedian, ci } = measured;
  const rising = candidateMedian >= baselineMedian;
  const p = rising ? tails.pUp : tails.pDown;
  const q = rising ? tails.qUp : tails.qDown;
  let outcome;
  const testable = !untestable && !(measured.presence === "both" && (baseline.length < 2 || candidate.length < 2));
  if (!testable) outcome = "inconclusive";
  else if (measured.presence !== "both") {
    const significant = measured.presence === "added" ? tails.qUp <= floors.alpha : tails.qDown <= floors.alpha;
    const cost = measured.costCi ?? { low: 0, high: 0 };
    if (significant && cost.low >= floors.absolute && cost.low > 0) outcome = measured.presence === "added" ? "regressed" : "improved";
    else if (cost.high < floors.absolute) outcome = "unchanged";
    else outcome = "inconclusive";
  } else {
    const upper = 1 + floors.minEffect;
    const lower = 1 / upper;
    const delta = candidateMedian - baselineMedian;
    if (tails.qUp <= floors.alpha && ci.low > upper && delta >= floors.absolute) outcome = "regressed";
    else if (tails.qDown <= floors.alpha && ci.high < lower && -delta >= floors.absolute) outcome = "improved";
    else if (ci.low >= lower && ci.high <= upper) outcome = "unchanged";
    else if (floors.absolute > 0 && Math.max(baselineMedian * Math.abs(ci.high - 1), baselineMedian * Math.abs(1 - ci.low)) < floors.absolute) outcome = "unchanged";
    else outcome = "inconclusive";
  }
  const leaning = outcome === "inconclusive" && testable && measured.presence === "both" && floors.weight !== void 0 && tails.pUp <= floors.alpha * floors.weight && measured.ratio > 1 + floors.minEffect && candidateMedian - baselineMedian >= floors.absolute;
  return {
    baseline,
    candidate,
    baselineMedian,
    candidateMedian,
    ratio: measured.ratio,
    ci,
    p,
    q,
    outcome,
    ...leaning ? { leaning: true } : {},
    ...measured.costCi ? { costCi: measured.costCi } : {},
    ...measured.driftSd !== void 0 && measured.driftSd > 0 ? { driftSd: measured.driftSd } : {}
  };
}

// src/analysis/normal.ts
function erfc(x) {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(
    -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
  );
  return x >= 0 ? r : 2 - r;
}
function normalUpperTail(z) {
  return 0.5 * erfc(z / Math.SQRT2);
}

// src/analysis/mann-whitney.ts
var EXACT_LIMIT = 60;
function mannWhitney(x, y) {
  const n = x.length;
  const m = y.length;
  if (n === 0 || m === 0) return { u: 0, p: 1, pGreater: 1, pLess: 1, method: "exact", minimumP: 1 };
  const pooled = [...x.map((value) => ({ value, fromY: false })), ...y.map((value) => ({ value, fromY: true }))].sort((a, b) => a.value - b.value);
  const doubledRanks = new Array(pooled.length);
  const tieSizes = [];
  for (let i = 0; i < pooled.length; ) {
    let j = i;
    while (j + 1 < pooled.length && pooled[j + 1].value === pooled[i].value) j++;
    const doubled = i + j + 2;
    for (let k = i; k <= j; k++) doubledRanks[k] = doubled;
    tieSizes.push(j - i + 1);
    i = j + 1;
  }
  let doubledRankSumY = 0;
  pooled.forEach((entry, index) => {
    if (entry.fromY) doubledRankSumY += doubledRanks[index];
  });
  const u = doubledRankSumY / 2 - m * (m + 1) / 2;
  const total = n + m;
  const minimumP = Math.min(1, 2 / binomial(total, m));
  if (total <= EXACT_LIMIT) {
    return { u, ...exactP(doubledRanks, m, doubledRankSumY), method: "exact", minimumP };
  }
  const meanU = n * m / 2;
  const tieTerm = tieSizes.reduce((sum, t) => sum + (t * t * t - t), 0);
  const varianceU = n * m / 12 * (total + 1 - tieTerm / (total * (total - 1)));
  if (varianceU <= 0) return { u, p: 1, pGreater: 1, pLess: 1, method: "normal", minimumP };
  const sd = Math.sqrt(varianceU);
  const z = Math.max(0, Math.abs(u - meanU) - 0.5) / sd;
  return {
    u,
    p: Math.min(1, 2 * normalUpperTail(z)),
    pGreater: Math.min(1, normalUpperTail((u - meanU - 0.5) / sd)),
    pLess: Math.min(1, normalUpperTail((meanU - u - 0.5) / sd)),
    method: "normal",
    minimumP
  };
}
var nullDistributions = /* @__PURE__ */ new Map();
var KEPT_DISTRIBUTIONS = 64;
function exactP(doubledRanks, m, observed) {
  const key = `${m}:${doubledRanks.join(",")}`;
  let cached = nullDistributions.get(key);
  if (!cached) {
    cached = nullDistribution(doubledRanks, m);
    if (nullDistributions.size >= KEPT_DISTRIBUTIONS) nullDistributions.delete(nullDistributions.keys().next().value);
    nullDistributions.set(key, cached);
  }
  const { distribution, count, mean: mean2 } = cached;
  const distance = Math.abs(observed - mean2);
  let extreme = 0;
  let atLeast = 0;
  let atMost = 0;
  for (let s = 0; s < distribution.length; s++) {
    const ways = distribution[s];
    if (Math.abs(s - mean2) >= distance - 1e-9) extreme += ways;
    if (s >= observed - 1e-9) atLeast += ways;
    if (s <= observed + 1e-9) atMost += ways;
  }
  return { p: Math.min(1, extreme / count), pGreater: Math.min(1, atLeast / count), pLess: Math.min(1, atMost / count) };
}
function nullDistribution(doubledRanks, m) {
  const maxSum = doubledRanks.reduce((a, b) => a + b, 0);
  const ways = Array.from({ length: m + 1 }, () => new Float64Array(maxSum + 1));
  ways[0][0] = 1;
  for (const rank of doubledRanks) {
    for (let k = m; k >= 1; k--) {
      const from = ways[k - 1];
      const to = ways[k];
      for (let s = maxSum; s >= rank; s--) to[s] += from[s - rank];
    }
  }
  const distribution = ways[m];
  let count = 0;
  let mean2 = 0;
  for (let s = 0; s <= maxSum; s++) {
    count += distribution[s];
    mean2 += s * distribution[s];
  }
  mean2 /= count;
  return { distribution, count, mean: mean2 };
}
function binomial(n, k) {
  let result = 1;
  for (let i = 1; i <= k; i++) result = result * (n - k + i) / i;
  return result;
}

// src/analysis/metric-estimate.ts
function unpairedEstimate(baseline, candidate, offset) {
  const lb = baseline.map((v) => Math.log(v + offset));
  const lc = candidate.map((v) => Math.log(v + offset));
  const se = atLeastCounting(MEDIAN_EFFICIENCY * Math.sqrt(variance(lb) / lb.length + variance(lc) / lc.length), () => Math.sqrt(countingVariance(baseline, offset) / lb.length + countingVariance(candidate, offset) / lc.length));
  return {
    baselineMedian: safeMedian(baseline),
    candidateMedian: safeMedian(candidate),
    effect: safeMedian(lc) - safeMedian(lb),
    se,
    df: Math.max(1, lb.length + lc.length - 2)
  };
}
function pairedEstimate(baseline, candidate, offset) {
  if (baseline.length !== candidate.length) throw new Error(`paired estimate needs as many baseline as candidate values (${baseline.length} vs ${candidate.length})`);
  const n = baseline.length;
  const b = baseline.map((v) => v + offset);
  const c = candidate.map((v) => v + offset);
  const meanB = mean(b);
  const meanC = mean(c);
  const ratio = meanB > 0 && meanC > 0 ? meanC / meanB : 1;
  const residuals = c.map((v, i) => v - ratio * b[i]);
  const spread2 = n < 2 || !(meanC > 0) ? Number.POSITIVE_INFINITY : Math.sqrt(residuals.reduce((a, r) => a + r * r, 0) / (n - 1) / n) / meanC;
  return {
    baselineMedian: safeMedian(baseline),
    candidateMedian: safeMedian(candidate),
    effect: n === 0 ? 0 : Math.log(ratio),
    se: n < 2 ? Number.POSITIVE_INFINITY : atLeastCounting(spread2, () => Math.sqrt((countingVariance(baseline, offset) + countingVariance(candidate, offset)) / n)),
    df: Math.max(1, n - 1)
  };
}
function atLeastCounting(se, counting) {
  return Math.max(se, counting());
}
function countingVariance(values, offset) {
  if (!(offset > 0) || values.length === 0) return 0;
  return values.reduce((a, v) => a + 1 / (v / (2 * offset) + 0.5), 0) / values.length;
}
function mean(values) {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
function variance(values) {
  if (values.length < 2) return 0;
  const centre = mean(values);
  return values.reduce((a, v) => a + (v - centre) ** 2, 0) / (values.length - 1);
}
function safeMedian(values) {
  return values.length === 0 ? 0 : sortedMedian(Float64Array.from(values).sort());
}
function sortedMedian(sorted) {
  const n = sorted.length;
  if (n === 0) return 0;
  const half = n >> 1;
  return n % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
}
var MEDIAN_EFFICIENCY = Math.sqrt(Math.PI / 2);

// src/analysis/student-t.ts
function tUpperTail(t, df) {
  if (!Number.isFinite(t)) return t > 0 ? 0 : 1;
  const x = df / (df + t * t);
  const tail = 0.5 * regularizedBeta(x, df / 2, 0.5);
  return t >= 0 ? tail : 1 - tail;
}
function tQuantile(upper, df) {
  const key = `${upper}:${Math.min(df, 1e4).toFixed(2)}`;
  let found = quantiles.get(key);
  if (found === void 0) {
    found = bisectQuantile(upper, Math.min(df, 1e4));
    if (quantiles.size > 1e3) quantiles.clear();
    quantiles.set(key, found);
  }
  return found;
}
var quantiles = /* @__PURE__ */ new Map();
function bisectQuantile(upper, df) {
  let low = upper < 0.5 ? 0 : -1e3;
  let high = upper < 0.5 ? 1e3 : 0;
  while (high - low > 1e-12 * Math.max(1, Math.abs(low), Math.abs(high))) {
    const mid = (low + high) / 2;
    if (tUpperTail(mid, df) > upper) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
function regularizedBeta(x, a, b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return front * continuedFraction(x, a, b) / a;
  return 1 - front * continuedFraction(1 - x, b, a) / b;
}
function continuedFraction(x, a, b) {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - (a + b) * x / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-12) break;
  }
  return h;
}
function logGamma(x) {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406, 12.507343278686905, -0.13857109526572012, 9984369578019572e-21, 15056327351493116e-23];
  const z = x - 1;
  let sum = c[0];
  for (let i = 1; i < 9; i++) sum += c[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

// src/analysis/presence-test.ts
function presenceTest(values, offset = 0) {
  const n = values.length;
  const mean2 = n === 0 ? 0 : values.reduce((a, b) => a + b, 0) / n;
  if (n < 2 || mean2 <= 0) return { mean: mean2, p: 1, ci: { low: 0, high: mean2 } };
  const spread2 = Math.sqrt(variance(values) / n);
  const counting = offset > 0 ? Math.sqrt(values.reduce((a, v) => a + v * 2 * offset, 0) / n / n) : 0;
  const se = Math.max(spread2, counting);
  if (se === 0) return { mean: mean2, p: 0, ci: { low: mean2, high: mean2 } };
  const t = tQuantile(0.025, n - 1);
  return { mean: mean2, p: tUpperTail(mean2 / se, n - 1), ci: { low: Math.max(0, mean2 - t * se), high: mean2 + t * se } };
}

// src/analysis/metric-test.ts
function testMetric(values, presence, design, offset, drift) {
  const zero = (v) => v.every((x) => x === 0);
  const where = presence === "both" && zero(values.baseline) !== zero(values.candidate) ? zero(values.baseline) ? "added" : "gone" : presence;
  if (where !== "both") {
    const side = where === "added" ? values.candidate : values.baseline;
    const test = presenceTest(side, offset);
    const added = where === "added";
    const baselineMedian = safeMedian(values.baseline);
    const candidateMedian = safeMedian(values.candidate);
    const ranks = design === "unpaired" ? mannWhitney(values.baseline, values.candidate) : void 0;
    return {
      pUp: where === "added" ? Math.max(test.p, ranks?.pGreater ?? 0) : 1,
      pDown: where === "gone" ? Math.max(test.p, ranks?.pLess ?? 0) : 1,
      measured: { ...values, baselineMedian, candidateMedian, ratio: added ? Number.POSITIVE_INFINITY : 0, ci: added ? { low: Number.POSITIVE_INFINITY, high: Number.POSITIVE_INFINITY } : { low: 0, high: 0 }, costCi: test.ci, presence: where }
    };
  }
  const estimate = estimateOf(values, design, offset);
  return fromEstimate(values, estimate, design, drift);
}
function fromEstimate(values, estimate, design, drift) {
  const driftSd2 = drift.sd;
  const se = Math.sqrt(estimate.se ** 2 + driftSd2 ** 2);
  const df = driftSd2 > 0 ? se ** 4 / (estimate.se ** 4 / estimate.df + driftSd2 ** 4 / drift.df) : estimate.df;
  const nothing = values.baseline.every((v) => v === 0) && values.candidate.every((v) => v === 0);
  let pUp = 1;
  let pDown = 1;
  let ci = { low: 1, high: 1 };
  if (!nothing) {
    if (se > 0 && Number.isFinite(se)) {
      const t = estimate.effect / se;
      pUp = tUpperTail(t, df);
      pDown = tUpperTail(-t, df);
      const half = tQuantile(0.025, df) * se;
      ci = { low: Math.exp(estimate.effect - half), high: Math.exp(estimate.effect + half) };
    } else if (se === 0) {
      pUp = estimate.effect > 0 ? 0 : 1;
      pDown = estimate.effect < 0 ? 0 : 1;
      ci = { low: Math.exp(estimate.effect), high: Math.exp(estimate.effect) };
    } else ci = { low: 0, high: Number.POSITIVE_INFINITY };
    if (design === "unpaired") {
      const ranks = mannWhitney(values.baseline, values.candidate);
      pUp = Math.max(pUp, ranks.pGreater);
      pDown = Math.max(pDown, ranks.pLess);
    }
  }
  return {
    pUp,
    pDown,
    measured: {
      ...values,
      baselineMedian: estimate.baselineMedian,
      candidateMedian: estimate.candidateMedian,
      ratio: Math.exp(estimate.effect),
      ci,
      presence: "both",
      ...driftSd2 > 0 ? { driftSd: driftSd2 } : {}
    }
  };
}
function estimateOf(values, design, offset) {
  return design === "paired" ? pairedEstimate(values.baseline, values.candidate, offset) : unpairedEstimate(values.baseline, values.candidate, offset);
}

// src/analysis/moved-code.ts
function changedCode(found, units) {
  const packages = new Set(units.filter((u) => u.presence !== "both" || u.baselineVersions.join() !== u.candidateVersions.join()).map((u) => u.name));
  const members = [];
  found.forEach((c, i) => {
    if (c.presence !== "both" || c.package !== void 0 && packages.has(c.package.name)) members.push(i);
  });
  return { packages, members };
}
function changedSum(code, values) {
  if (code.members.length === 0) return void 0;
  const first = values(code.members[0]);
  const baseline = first.baseline.map(() => 0);
  const candidate = first.candidate.map(() => 0);
  for (const i of code.members) {
    const v = values(i);
    v.baseline.forEach((x, j) => baseline[j] += x);
    v.candidate.forEach((x, j) => candidate[j] += x);
  }
  return { baseline, candidate };
}
var CHANGED_CODE = "changed code";
function inContext(metric, around) {
  if (metric.outcome !== "regressed") return { metric };
  const units = [];
  if (around.package) units.push(replacesOf(`package ${around.package.name}`, around.package.self));
  if (around.net) units.push(replacesOf(CHANGED_CODE, around.net));
  const offset = units.find((u) => u.outcome !== "regressed");
  if (!offset) return { metric };
  const settled = units.some((u) => u.outcome === "unchanged" || u.outcome === "improved");
  const outcome = settled ? "unchanged" : "inconclusive";
  return { metric: { ...metric, outcome }, replaces: units.find((u) => u.outcome === "unchanged" || u.outcome === "improved") ?? offset };
}
function replacesOf(unit, m) {
  return { unit, outcome: m.outcome, baselineMedian: m.baselineMedian, candidateMedian: m.candidateMedian, ratio: m.ratio, ci: m.ci };
}

// src/analysis/package-units.ts
function packageUnits(found, trials, scale, factor) {
  const sums = /* @__PURE__ */ new Map();
  for (const c of found) {
    if (!c.package) continue;
    let sum = sums.get(c.package.name);
    if (!sum) {
      sum = { baseline: trials.baseline.map(() => 0), candidate: trials.candidate.map(() => 0) };
      sums.set(c.package.name, sum);
    }
    c.self.baseline.forEach((v, i) => sum.baseline[i] += v);
    c.self.candidate.forEach((v, i) => sum.candidate[i] += v);
  }
  const versions = (side, name) => {
    const seen = /* @__PURE__ */ new Set();
    for (const t of side) for (const cost of Object.values(t.functions)) {
      const pkg = packageOf(cost.file);
      if (pkg?.name === name) seen.add(pkg.version);
    }
    return [...seen].sort();
  };
  return [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, nanos]) => {
    const inBase = nanos.baseline.some((v) => v > 0);
    const inCand = nanos.candidate.some((v) => v > 0);
    const perRequest = (values, side) => safeMedian(values.map((v, i) => side[i].requests > 0 ? v / side[i].requests : 0));
    return {
      name,
      baselineVersions: versions(trials.baseline, name),
      candidateVersions: versions(trials.candidate, name),
      presence: inBase && inCand ? "both" : inCand ? "added" : "gone",
      self: {
        baseline: nanos.baseline.map((v, i) => v * scale(trials.baseline[i])),
        candidate: nanos.candidate.map((v, i) => v * scale(trials.candidate[i]) / factor)
      },
      perRequestNanos: { baseline: perRequest(nanos.baseline, trials.baseline), candidate: perRequest(nanos.candidate, trials.candidate) }
    };
  });
}

// src/analysis/profile-runtime.ts
function runtimeOf(trials) {
  let js = 0;
  let go = 0;
  for (const t of trials.slice(0, 4)) {
    for (const cost of Object.values(t.functions)) {
      if (/\.go$/.test(cost.file)) go += 1;
      else if (/\.(m|c)?[jt]sx?$/.test(cost.file) || cost.file.startsWith("node:")) js += 1;
    }
  }
  return go > js ? "go" : js > 0 ? "v8" : "unknown";
}
function inliningSentence(runtime) {
  switch (runtime) {
    case "v8":
      return "V8 inlines a function into its caller in some processes and not in others, and the profiler then charges its time to the caller";
    case "go":
      return "Go decides inlining when it compiles, so with one binary on each side a jump is not inlining but time the runtime moved between trials (scheduling, garbage collection)";
    case "unknown":
      return "the profiled runtime can inline a function into its caller, and the profiler then charges its time to the caller";
  }
}

// src/analysis/route-mismatches.ts
function routeMismatches(baseline, candidate) {
  const totals = [];
  for (const [side, trials] of [["baseline", baseline], ["candidate", candidate]]) {
    const byRoute = /* @__PURE__ */ new Map();
    for (const trial of trials) {
      for (const [route, m] of Object.entries(trial.service.statusMismatchesByRoute ?? {})) {
        const total = byRoute.get(route) ?? { count: 0, responses: 0, statuses: {} };
        total.count += m.count;
        total.responses += m.responses;
        for (const [pair, n] of Object.entries(m.statuses)) total.statuses[pair] = (total.statuses[pair] ?? 0) + n;
        byRoute.set(route, total);
      }
    }
    for (const [route, total] of byRoute) totals.push({ side, route, ...total });
  }
  return totals.sort((a, b) => a.side === b.side ? b.count - a.count || a.route.localeCompare(b.route) : a.side === "candidate" ? -1 : 1);
}

// src/analysis/share-basis.ts
function shareBases(trials) {
  const javaScript = trials.map(javaScriptNanos);
  const fractions = trials.flatMap((t, i) => t.sampledCpuNanos > 0 && javaScript[i] > 0 ? [javaScript[i] / t.sampledCpuNanos] : []);
  const typical2 = fractions.length > 0 ? median(fractions) : 1;
  return new Map(trials.map((t, i) => [t, javaScript[i] > 0 ? javaScript[i] / typical2 : t.sampledCpuNanos]));
}
function javaScriptNanos(trial) {
  let native = 0;
  for (const cost of Object.values(trial.functions)) if (cost.file === "") native += cost.selfNanos;
  return trial.sampledCpuNanos - native;
}

// src/analysis/pair-factors.ts
var MIN_FUNCTIONS2 = 12;
var SWEEPS = 2;
function pairFactors(functions, pairs) {
  const none = { factors: Array.from({ length: pairs }, () => 1), shift: null, centreSe: 0, applied: false };
  if (pairs < 2 || functions.length < MIN_FUNCTIONS2) return none;
  let delta = new Array(pairs).fill(0);
  let means = functions.map((f) => mean(f.effects));
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const next = delta.map((_, i) => pairCentre(functions.map((f, j) => ({ effect: f.effects[i] - means[j], se: f.ses[i] }))));
    const offset = mean(next);
    delta = next.map((d) => d - offset);
    means = functions.map((f) => mean(f.effects.map((e, i) => e - delta[i])));
  }
  const estimates = functions.map((f, j) => {
    const residuals = f.effects.map((e, i) => e - delta[i]);
    const counting = Math.sqrt(mean(f.ses.map((s) => s * s)) / pairs);
    return { effect: means[j], se: Math.max(Math.sqrt(variance(residuals) / pairs), counting) };
  });
  const centre = Math.log(commonFactor(estimates));
  const halves = centreHalves(estimates);
  const centreSe = Math.abs(halves.precise - halves.coarse) / 2;
  const spread2 = tQuantile(0.025, pairs - 1) * Math.sqrt(variance(delta) / pairs + centreSe ** 2);
  const shift = { ratio: Math.exp(centre), low: Math.exp(centre - spread2), high: Math.exp(centre + spread2) };
  const applied = shift.low <= 1 && shift.high >= 1;
  return { factors: delta.map((d) => Math.exp(centre + d)), shift, centreSe, applied };
}
function pairCentre(votes) {
  const first = clusterCentre(votes);
  const jitter = driftSd(votes, first).sd;
  return jitter > 0 ? clusterCentre(votes.map((v) => ({ effect: v.effect, se: Math.sqrt(v.se ** 2 + jitter ** 2) }))) : first;
}

// src/analysis/bootstrap.ts
function bootstrapMedianRatio(x, y, options) {
  if (x.every((v) => v === 0) && y.every((v) => v === 0)) return { low: 1, high: 1 };
  const ratios = [];
  const xs = new Float64Array(x.length);
  const ys = new Float64Array(y.length);
  for (let r = 0; r < options.resamples; r++) {
    for (let i = 0; i < x.length; i++) xs[i] = x[Math.floor(options.random() * x.length)];
    for (let i = 0; i < y.length; i++) ys[i] = y[Math.floor(options.random() * y.length)];
    const base = sortedMedian(xs.sort());
    const candidate = sortedMedian(ys.sort());
    if (base > 0) ratios.push(candidate / base);
    else if (candidate > 0) ratios.push(Number.POSITIVE_INFINITY);
  }
  if (ratios.length < options.resamples / 2) return { low: 0, high: Number.POSITIVE_INFINITY };
  ratios.sort((a, b) => a - b);
  const tail = (1 - options.confidence) / 2;
  const at = (q) => ratios[Math.min(ratios.length - 1, Math.max(0, Math.floor(q * ratios.length)))];
  return { low: at(tail), high: at(1 - tail) };
}

// src/analysis/sign-flip.ts
function signFlipTest(differences) {
  const d = differences.filter((x) => x !== 0);
  const n = d.length;
  if (n === 0) return { p: 1, minimumP: 1, method: "exact" };
  const observed = Math.abs(d.reduce((a, b) => a + b, 0));
  const minimumP = Math.min(1, 2 / 2 ** n);
  if (n <= 20) return { p: signedSumsReaching(d.map(Math.abs), observed - 1e-12) / 2 ** n, minimumP, method: "exact" };
  const variance2 = d.reduce((a, x) => a + x * x, 0);
  return { p: Math.min(1, 2 * normalUpperTail(observed / Math.sqrt(variance2))), minimumP, method: "normal" };
}
function signedSumsReaching(magnitudes, threshold) {
  if (threshold <= 0) return 2 ** magnitudes.length;
  const half = magnitudes.length >> 1;
  const first = signedSums(magnitudes.slice(0, half));
  const second = signedSums(magnitudes.slice(half)).sort();
  let count = 0;
  for (const a of first) count += second.length - countBelow(second, threshold - a, false) + countBelow(second, -threshold - a, true);
  return count;
}
function signedSums(magnitudes) {
  const sums = new Float64Array(2 ** magnitudes.length);
  let size = 1;
  for (const m of magnitudes) {
    for (let i = 0; i < size; i++) {
      sums[size + i] = sums[i] - m;
      sums[i] = sums[i] + m;
    }
    size *= 2;
  }
  return sums;
}
function countBelow(sorted, x, orEqual) {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = low + high >> 1;
    if (sorted[mid] < x || orEqual && sorted[mid] === x) low = mid + 1;
    else high = mid;
  }
  return low;
}

// src/analysis/service-comparison.ts
var SERVICE_METRICS = [
  { metric: "cpuMicrosPerRequest", higherIsWorse: true, read: (s) => s.cpuMicrosPerRequest },
  { metric: "throughputRps", higherIsWorse: false, read: (s) => s.throughputRps },
  { metric: "latencyP50Ms", higherIsWorse: true, read: (s) => s.latencyMs.p50 },
  { metric: "latencyP95Ms", higherIsWorse: true, read: (s) => s.latencyMs.p95 },
  { metric: "latencyP99Ms", higherIsWorse: true, read: (s) => s.latencyMs.p99 },
  { metric: "maxRssBytes", higherIsWorse: true, read: (s) => s.maxRssBytes }
];
function compareService(baseline, candidate, settings, random, paired) {
  return SERVICE_METRICS.map(({ metric, higherIsWorse, read }) => {
    const base = baseline.map((t) => read(t.service));
    const cand = candidate.map((t) => read(t.service));
    let raw;
    if (paired) raw = toComparison(pairedComparison(base, cand, settings, random), base, cand);
    else {
      const test = mannWhitney(base, cand);
      const baselineMedian = safeMedian(base);
      const candidateMedian = safeMedian(cand);
      const ratio = baselineMedian > 0 ? candidateMedian / baselineMedian : candidateMedian > 0 ? Number.POSITIVE_INFINITY : 1;
      const ci = bootstrapMedianRatio(base, cand, { resamples: settings.bootstrapResamples, confidence: 0.95, random });
      raw = judge(
        { baseline: base, candidate: cand, baselineMedian, candidateMedian, ratio, ci, presence: "both" },
        { pUp: test.pGreater, pDown: test.pLess, qUp: test.pGreater, qDown: test.pLess },
        { alpha: settings.alpha, minEffect: settings.minEffect, absolute: 0 },
        false
      );
    }
    const outcome = higherIsWorse ? raw.outcome : raw.outcome === "regressed" ? "improved" : raw.outcome === "improved" ? "regressed" : raw.outcome;
    return { metric, higherIsWorse, comparison: { ...raw, outcome } };
  });
}
function pairedCpu(baseline, candidate, settings, random) {
  return pairedComparison(
    baseline.map((t) => t.service.cpuMicrosPerRequest),
    candidate.map((t) => t.service.cpuMicrosPerRequest),
    settings,
    random
  );
}
function pairedComparison(baseline, candidate, settings, random) {
  const ratios = baseline.map((b, i) => b > 0 ? candidate[i] / b : 1);
  const logs = ratios.map(Math.log);
  const { p } = signFlipTest(logs);
  const medians = [];
  const resample = new Float64Array(logs.length);
  for (let r = 0; r < settings.bootstrapResamples && logs.length > 0; r++) {
    for (let i = 0; i < logs.length; i++) resample[i] = logs[Math.floor(random() * logs.length)];
    medians.push(sortedMedian(resample.sort()));
  }
  medians.sort((a, b) => a - b);
  const at = (q) => medians.length === 0 ? 1 : Math.exp(medians[Math.min(medians.length - 1, Math.floor(q * medians.length))]);
  const ci = { low: at(0.025), high: at(0.975) };
  const outcome = pairedOutcome(ratios.length, p, ci, settings);
  return { metric: "cpuMicrosPerRequest", ratios, ratio: Math.exp(safeMedian(logs)), ci, p, outcome };
}
function toComparison(paired, base, cand) {
  return { baseline: base, candidate: cand, baselineMedian: safeMedian(base), candidateMedian: safeMedian(cand), ratio: paired.ratio, ci: paired.ci, p: paired.p, q: paired.p, outcome: paired.outcome };
}
function pairedOutcome(pairs, p, ci, settings) {
  const upper = 1 + settings.minEffect;
  return pairs < 2 ? "inconclusive" : p <= settings.alpha && ci.low > upper ? "regressed" : p <= settings.alpha && ci.high < 1 / upper ? "improved" : ci.low >= 1 / upper && ci.high <= upper ? "unchanged" : "inconclusive";
}

// src/analysis/verdict.ts
function decide(input) {
  const { findings, packages, paired, errors, settings, detectable, basis, trials } = input;
  const failing = errors.filter((e) => e.side === "candidate" && (e.errors + e.statusMismatches) / Math.max(1, e.requests + e.errors) > settings.maxErrorRate);
  if (failing.length > 0) {
    return {
      outcome: "fail-errors",
      rule: `${failing.length} candidate trial(s) had more than ${+(settings.maxErrorRate * 100).toFixed(4)}% failed requests (compare.maxErrorRate) (no response, or a status other than the recorded one): a regression in correctness outranks one in speed`,
      errors: failing
    };
  }
  const blocking = findings.filter((f) => f.outcome === "regressed");
  const blockingPackages = packages.filter((p) => p.outcome === "regressed");
  const unit = basis === "share" ? "busy CPU" : "the baseline's CPU per request";
  const floor = `CI above ${1 + settings.minEffect} and a change of at least ${(settings.minShareOfTotal * 100).toFixed(2)}% of ${unit} (or of allocated bytes); new code: its cost's CI at least that floor`;
  const serviceRegressed = paired?.outcome === "regressed" ? paired : void 0;
  if (blocking.length > 0 || blockingPackages.length > 0 || serviceRegressed) {
    const rules = [
      ...blocking.length > 0 ? [`${blocking.length} function(s) regressed: q <= ${settings.alpha} (Benjamini\u2013Hochberg), ${floor}`] : [],
      ...blockingPackages.length > 0 ? [`${blockingPackages.length} package(s) regressed as a whole (${blockingPackages.map((p) => p.name).join(", ")})`] : [],
      ...serviceRegressed ? [`the service's CPU per request rose ${((serviceRegressed.ratio - 1) * 100).toFixed(1)}% over interleaved pairs: sign-flip p <= ${settings.alpha}, CI above ${1 + settings.minEffect}`] : []
    ];
    return {
      outcome: "fail",
      rule: rules.join("; "),
      blocking,
      ...blockingPackages.length > 0 ? { blockingPackages } : {},
      ...serviceRegressed ? { blockingService: serviceRegressed } : {}
    };
  }
  const leaning = input.leaningDecides === false ? [] : leaningOf(findings, packages);
  if (leaning.length > 0) {
    return {
      outcome: "inconclusive",
      rule: `${leaning.length} function(s) or package(s) lean towards a regression that ${trials.baseline} vs ${trials.candidate} trials cannot decide: ${describeLeanings(leaning)}. Each is significant on its own at its share of alpha (p <= ${settings.alpha} \xD7 its share of the CPU, or of the allocated bytes) and above both floors, but not after false-discovery control or not with its interval clear of ${1 + settings.minEffect}. More trials decide it: a same-runner run adds compare.extendTrials pairs by itself; or raise --trials`
    };
  }
  if (!detectable) {
    return { outcome: "inconclusive", rule: `${trials.baseline} vs ${trials.candidate} trials cannot reach significance after false-discovery control` };
  }
  return { outcome: "pass", rule: `no function met every rule for a regression (q <= ${settings.alpha}, ${floor})` };
}

// src/analysis/compare.ts
function compare(baseline, candidate, settings, options = {}) {
  const warnings = [];
  const errors = errorCounts(baseline, candidate);
  const ignore = settings.ignore.map(globToRegExp);
  const budgets = Object.entries(settings.budgets).map(([pattern, budget]) => ({ pattern: globToRegExp(pattern), floor: Number(budget.maxRegression.slice(0, -1)) / 100 }));
  const budgetOf = (key) => budgets.find((b) => b.pattern.test(key))?.floor;
  const random = seededRandom(settings.seed);
  const paired = options.paired === true && baseline.length === candidate.length && baseline.length >= 2;
  const design = paired ? "paired" : "unpaired";
  const basis = paired ? "nanos-per-request" : "share";
  const withAllocations2 = allocationsProfiled(baseline) && allocationsProfiled(candidate);
  if (!withAllocations2 && (allocationsProfiled(baseline) || allocationsProfiled(candidate))) {
    warnings.push("Only one side has allocation profiles (the baseline was written by a perfgate that did not profile allocations); allocations were not compared. Re-create the baseline to gate them.");
  }
  const allocUnit = withAllocations2 ? allocationUnit(baseline) : 0;
  const bases = shareBases([...baseline, ...candidate]);
  const units = new Map([...baseline, ...candidate].map((t) => [t, sampleUnit(t)]));
  const scale = (t) => paired ? t.requests > 0 ? 1 / t.requests : 0 : (bases.get(t) ?? 0) > 0 ? 1 / bases.get(t) : 0;
  const cpuOffset = 0.5 * safeMedian([...baseline, ...candidate].map((t) => (units.get(t) ?? 0) * scale(t)));
  const cpuFloor = paired ? settings.minShareOfTotal * safeMedian(baseline.map((t) => t.requests > 0 ? t.sampledCpuNanos / t.requests : 0)) : settings.minShareOfTotal;
  const allocOffset = withAllocations2 ? 0.5 * allocationSampleShare([...baseline, ...candidate], allocUnit) : 0;
  const inSides = (raw, f) => ({ baseline: raw.baseline.map((v, i) => v * f(baseline[i])), candidate: raw.candidate.map((v, i) => v * f(candidate[i])) });
  const found = functionCandidates(baseline, candidate, (key) => ignore.some((p) => p.test(key)));
  const cpuValues = found.map((c) => ({ self: inSides(c.self, scale), total: inSides(c.total, scale) }));
  const factorVotes = paired ? [] : found.flatMap((c, i) => {
    if (c.presence !== "both") return [];
    const self = cpuValues[i].self;
    return seenOnBothSides(self, cpuFloor) ? [estimateOf(self, design, cpuOffset)] : [];
  });
  const factor = paired ? 1 : commonFactor(factorVotes);
  const pairs = paired ? pairFactors(pairVotes(found, cpuValues, cpuFloor, cpuOffset), baseline.length) : void 0;
  const perPair = pairs?.applied ? pairs.factors : void 0;
  const recentred = (s) => factor === 1 ? s : { baseline: s.baseline, candidate: s.candidate.map((v) => v / factor) };
  const relativeTo = (s, factors) => ({ baseline: s.baseline, candidate: s.candidate.map((v, i) => v / factors[i]) });
  if (Math.abs(Math.log(factor)) >= 0.02) {
    warnings.push(
      `Every function's share of busy CPU moved by ${signedChange(factor)} together, as shares do when some functions' cost changes (they are parts of a whole): the candidate's shares were divided by that common factor before testing, so the functions around a change read as unchanged.`
    );
  }
  const prepared = [];
  let untested = 0;
  found.forEach((c, i) => {
    const values = { self: recentred(cpuValues[i].self), total: recentred(cpuValues[i].total) };
    const allocations = withAllocations2 ? inSides(c.allocBytes, (t) => t.requests > 0 && allocUnit > 0 ? 1 / t.requests / allocUnit : 0) : void 0;
    const budgeted = budgetOf(c.key) !== void 0;
    const testable = (v, floor) => {
      if (!v) return false;
      const spread2 = pooledSpread(v);
      return spread2 > 0 && spread2 >= (budgeted ? 0 : floor);
    };
    const metrics = { self: testable(values.self, cpuFloor), total: testable(values.total, cpuFloor), allocations: testable(allocations, settings.minShareOfTotal) };
    const pooled = (v) => mean([...v.baseline, ...v.candidate]);
    const listed = budgeted || Math.max(pooled(values.self) / cpuFloor, pooled(values.total) / cpuFloor, allocations ? pooled(allocations) / settings.minShareOfTotal : 0) >= 0.5 || metrics.self || metrics.total || metrics.allocations;
    if (!listed) {
      untested += 1;
      return;
    }
    const perRequest = (side, trials) => safeMedian(side.map((v, j) => trials[j].requests > 0 ? v / trials[j].requests : 0));
    prepared.push({
      candidate: c,
      ...perPair ? { relative: { self: relativeTo(values.self, perPair), total: relativeTo(values.total, perPair) } } : {},
      values: { ...values, ...allocations && (metrics.allocations || pooled(allocations) >= settings.minShareOfTotal / 2) ? { allocations } : {} },
      testable: metrics,
      jumps: { self: false, total: false, allocations: false },
      perRequest: {
        baseline: { self: perRequest(c.self.baseline, baseline), total: perRequest(c.total.baseline, baseline) },
        candidate: { self: perRequest(c.self.candidate, candidate), total: perRequest(c.total.candidate, candidate) }
      },
      ...allocations ? {
        allocationsPerRequest: {
          baseline: { bytes: perRequest(c.allocBytes.baseline, baseline), objects: perRequest(c.allocObjects.baseline, baseline) },
          candidate: { bytes: perRequest(c.allocBytes.candidate, candidate), objects: perRequest(c.allocObjects.candidate, candidate) }
        }
      } : {}
    });
  });
  const candidateSelves = prepared.map((p) => p.values.self.candidate);
  for (const p of prepared) {
    for (const metric of ["self", "total"]) {
      const v = p.values[metric];
      const counts = (side, trials) => side.map((x, j) => x / ((units.get(trials[j]) ?? 1) * scale(trials[j]) || 1));
      const baseJumps = sideJumps(v.baseline, counts(v.baseline, baseline), cpuFloor);
      const candJumps = sideJumps(v.candidate, counts(v.candidate, candidate), cpuFloor) && absorbedByAnother(p.values.self.candidate, candidateSelves.filter((s) => s !== p.values.self.candidate));
      p.jumps[metric] = baseJumps || candJumps;
    }
  }
  const swaps = [];
  if (withAllocations2) {
    const allocating = prepared.filter((p) => p.values.allocations);
    for (const p of allocating) {
      const others = allocating.filter((q) => q !== p);
      for (const side of ["baseline", "candidate"]) {
        const partner = allocationSwapWith(p.values.allocations[side], 2 * allocOffset, others.map((q) => q.values.allocations[side]));
        if (partner >= 0) {
          p.jumps.allocations = true;
          swaps.push({ p, with: others[partner] });
          break;
        }
      }
    }
  }
  const driftOf = (family) => {
    if (paired) return NO_DRIFT;
    const estimates = prepared.flatMap((p) => {
      if (p.candidate.presence !== "both") return [];
      if (family === "allocations") return p.values.allocations && p.testable.allocations ? [estimateOf(p.values.allocations, design, allocOffset)] : [];
      return seenOnBothSides(p.values.self, cpuFloor) && !p.jumps.self ? [estimateOf(p.values.self, design, cpuOffset)] : [];
    });
    return driftSd(estimates, 0);
  };
  const drift = { cpu: driftOf("cpu"), allocations: driftOf("allocations") };
  const contest = paired ? void 0 : contestedCentre(factorVotes, settings.minEffect);
  if (contest?.contested) {
    warnings.push(
      `The shares cannot tell which code moved: the large functions put the unchanged code at ${signedChange(contest.precise)} and the small ones at ${signedChange(contest.coarse)}, as when a group of functions got slower (or faster) together. A stored baseline cannot decide that; the same code measured on this machine, pair by pair (same-runner), can.`
    );
  }
  const centre = pairs && pairs.centreSe > 0 ? { sd: pairs.centreSe, df: 1 } : NO_DRIFT;
  if (drift.cpu.sd > 0.02) {
    warnings.push(
      `The two sides' functions differ by about ${(drift.cpu.sd * 100).toFixed(1)}% each beyond their trials' own noise (drift between the baseline's measurement and this one): that was added to every CPU interval as a variance, so only changes larger than the drift can fail. Same-runner mode (compare.baseline "same-runner") measures both sides interleaved and cancels it.`
    );
  }
  const tests = [];
  const measuredOf = /* @__PURE__ */ new Map();
  const add = (key, metrics, test, counted) => {
    for (const m of metrics) measuredOf.set(`${key}\0${m}`, test);
    if (counted) tests.push({ key, metrics, test });
  };
  for (const p of prepared) {
    const c = p.candidate;
    const cpu = (metric) => p.testable[metric] && !p.jumps[metric];
    const run = (values, offset, tau) => testMetric(values, c.presence, design, offset, tau);
    const leaf = sameValues(p.values.self, p.values.total);
    const bases2 = [{ key: c.key, values: p.values, tau: drift.cpu }, ...p.relative && c.presence === "both" ? [{ key: relativeKey(c.key), values: p.relative, tau: centre }] : []];
    for (const { key, values, tau } of bases2) {
      if (leaf) {
        add(key, ["self", "total"], run(values.self, cpuOffset, tau), cpu("self") && cpu("total"));
      } else {
        for (const metric of ["self", "total"]) add(key, [metric], run(values[metric], cpuOffset, tau), cpu(metric) && (metric === "self" || c.presence === "both"));
      }
    }
    if (p.values.allocations) add(c.key, ["allocations"], run(p.values.allocations, allocOffset, drift.allocations), p.testable.allocations && !p.jumps.allocations);
  }
  const units_ = packageUnits(found, { baseline, candidate }, scale, factor);
  for (const u of units_) add(`package:${u.name}`, ["self"], testMetric(u.self, u.presence, design, cpuOffset, drift.cpu), pooledSpread(u.self) >= cpuFloor);
  const changed = changedCode(found, units_);
  const changedCpu = changedSum(changed, (i) => recentred(cpuValues[i].self));
  if (changedCpu) add(CHANGED_CODE, ["self"], testMetric(changedCpu, "both", design, cpuOffset, drift.cpu), pooledSpread(changedCpu) >= cpuFloor);
  const changedAllocations = withAllocations2 ? changedSum(changed, (i) => inSides(found[i].allocBytes, (t) => t.requests > 0 && allocUnit > 0 ? 1 / t.requests / allocUnit : 0)) : void 0;
  if (changedAllocations) add(CHANGED_CODE, ["allocations"], testMetric(changedAllocations, "both", design, allocOffset, drift.allocations), pooledSpread(changedAllocations) >= settings.minShareOfTotal);
  const qUp = benjaminiHochberg(tests.map((t) => t.test.pUp));
  const qDown = benjaminiHochberg(tests.map((t) => t.test.pDown));
  const tailsOf = /* @__PURE__ */ new Map();
  tests.forEach((t, i) => {
    for (const m of t.metrics) tailsOf.set(`${t.key}\0${m}`, { pUp: t.test.pUp, pDown: t.test.pDown, qUp: qUp[i], qDown: qDown[i] });
  });
  const minimumP = paired ? 0 : mannWhitney(baseline.map((_, i) => i), candidate.map((_, i) => i + baseline.length)).minimumP / 2;
  const firstThreshold = tests.length > 0 ? settings.alpha / tests.length : settings.alpha;
  const detectable = baseline.length >= 2 && candidate.length >= 2 && minimumP <= firstThreshold;
  if (!detectable) {
    warnings.push(
      `With ${baseline.length} baseline and ${candidate.length} candidate trials the smallest possible one-sided p is ${formatP(minimumP)}, above the first Benjamini\u2013Hochberg threshold ${formatP(firstThreshold)} (alpha ${settings.alpha} over ${tests.length} tests): no function can be flagged. Use more trials.`
    );
  }
  const jumping = prepared.filter((p) => p.jumps.self || p.jumps.total);
  if (jumping.length > 0) {
    const named = jumping.map((p) => {
      const metric = p.jumps.self ? "self" : "total";
      const all = [...p.values[metric].baseline, ...p.values[metric].candidate];
      return `${p.candidate.name} (${p.candidate.file || "native"}; ${metric} ${formatValue(Math.min(...all), basis)} to ${formatValue(Math.max(...all), basis)})`;
    });
    warnings.push(
      `Not tested, because their time jumped between trials of the same code and the jump is not a change of the code (the baseline jumps too, or another function took the time): ${firstFew(named, 5, ", ")}. ${inliningSentence(runtimeOf([...baseline, ...candidate]))}; their callers' total time still covers them.`
    );
  }
  if (swaps.length > 0) {
    const percent = (share) => `${(share * 100).toFixed(1)}%`;
    const named = swaps.map(({ p, with: q }) => {
      const all = [...p.values.allocations.baseline, ...p.values.allocations.candidate];
      return `${p.candidate.name} (${p.candidate.file || "native"}; ${percent(Math.min(...all))} to ${percent(Math.max(...all))} of the bytes, against ${q.candidate.name})`;
    });
    warnings.push(
      `Allocations not tested, because their bytes swapped with another function's from one process of the same code to the next (V8 inlines an allocating function into its caller in some processes, and the heap profiler charges the bytes to the frame it sees there): ${firstFew(named, 5, ", ")}.`
    );
  }
  const busyPerRequest = safeMedian(baseline.map((t) => t.requests > 0 ? t.sampledCpuNanos / t.requests : 0));
  const shareOfBusy = (nanosPerRequest) => busyPerRequest > 0 ? leaningWeight(nanosPerRequest / busyPerRequest) : 0;
  const judged = (key, metric, floors, untestable) => {
    const test = measuredOf.get(`${key}\0${metric}`);
    if (!test) return void 0;
    return judge(test.measured, tailsOf.get(`${key}\0${metric}`) ?? UNTESTED, { alpha: settings.alpha, ...floors }, untestable);
  };
  const changedNet = changedCpu ? { cpu: judged(CHANGED_CODE, "self", { minEffect: settings.minEffect, absolute: cpuFloor }, false), ...changedAllocations ? { allocations: judged(CHANGED_CODE, "allocations", { minEffect: settings.minEffect, absolute: settings.minShareOfTotal }, false) } : {} } : void 0;
  const judgedPackages = units_.map((u) => judged(`package:${u.name}`, "self", { minEffect: settings.minEffect, absolute: cpuFloor, weight: shareOfBusy(u.perRequestNanos.baseline) }, false));
  const packages = units_.map((u, i) => {
    const { metric: self, replaces } = changed.packages.has(u.name) ? inContext(judgedPackages[i], { net: changedNet?.cpu }) : { metric: judgedPackages[i] };
    return { name: u.name, baselineVersions: u.baselineVersions, candidateVersions: u.candidateVersions, presence: u.presence, outcome: self.outcome, self, perRequestNanos: u.perRequestNanos, ...replaces ? { replaces } : {} };
  });
  const findings = prepared.map((p) => {
    const c = p.candidate;
    const budget = budgetOf(c.key);
    const floors = (absolute, weight) => budget === void 0 ? { minEffect: settings.minEffect, absolute, weight } : { minEffect: budget, absolute: 0, weight };
    const cpuWeight = shareOfBusy(p.perRequest.baseline.self);
    const allocationWeight = leaningWeight(measuredOf.get(`${c.key}\0allocations`)?.measured.baselineMedian ?? 0);
    const metric = (m) => {
      const absolute = judged(c.key, m, floors(cpuFloor, cpuWeight), !tailsOf.has(`${c.key}\0${m}`) && p.jumps[m]);
      const relative2 = tailsOf.has(`${relativeKey(c.key)}\0${m}`) ? judged(relativeKey(c.key), m, floors(cpuFloor, cpuWeight), false) : void 0;
      const summary = relative2 ? { relative: { ratio: relative2.ratio, ci: relative2.ci, p: relative2.p, q: relative2.q, outcome: relative2.outcome, ...relative2.leaning ? { leaning: true } : {} } } : {};
      const result = relative2?.outcome === "regressed" && absolute.outcome !== "regressed" ? { ...relative2, ...summary, decidedRelative: true } : { ...absolute, ...summary };
      return p.jumps[m] ? { ...result, attributionJumps: true } : result;
    };
    const changedPackage = c.package && changed.packages.has(c.package.name) ? units_.findIndex((u) => u.name === c.package.name) : -1;
    const around = (family) => c.presence === "both" && changedPackage < 0 ? {} : { ...family === "cpu" && changedPackage >= 0 ? { package: { name: units_[changedPackage].name, self: judgedPackages[changedPackage] } } : {}, net: changedNet?.[family] };
    const totalMoved = inContext(metric("total"), around("cpu"));
    const total = totalMoved.metric;
    const selfMoved = inContext(ownTimeMovedIn(metric("self"), total, cpuFloor), around("cpu"));
    const self = selfMoved.metric;
    const allocationsJudged = p.values.allocations ? judged(c.key, "allocations", floors(settings.minShareOfTotal, allocationWeight), p.jumps.allocations) : void 0;
    const allocationsMoved = allocationsJudged ? inContext(p.jumps.allocations ? { ...allocationsJudged, attributionJumps: true } : allocationsJudged, around("allocations")) : void 0;
    const allocations = allocationsMoved?.metric;
    const standing = [self, total, allocations].some((m) => m?.outcome === "regressed");
    const replaces = standing ? void 0 : selfMoved.replaces ?? allocationsMoved?.replaces ?? totalMoved.replaces;
    const outcome = combine(self.outcome, total.outcome, allocations?.outcome);
    return {
      key: c.key,
      name: c.name,
      file: c.file,
      presence: c.presence,
      outcome,
      decidedBy: decidedBy(outcome, self, total, allocations),
      ...c.package ? { package: c.package } : {},
      ...c.renamedFrom ? { renamedFrom: c.renamedFrom } : {},
      ...replaces ? { replaces } : {},
      self,
      total,
      perRequestNanos: p.perRequest,
      ...allocations && p.allocationsPerRequest ? { allocations, allocationsPerRequest: p.allocationsPerRequest } : {}
    };
  });
  findings.sort(byImportance(safeMedian(baseline.map((t) => t.sampledCpuNanos * scale(t)))));
  packages.sort((a, b) => OUTCOME_ORDER2[a.outcome] - OUTCOME_ORDER2[b.outcome] || Math.abs(b.self.candidateMedian - b.self.baselineMedian) - Math.abs(a.self.candidateMedian - a.self.baselineMedian));
  const service = compareService(baseline, candidate, settings, random, paired);
  const pairedFinding = paired ? pairedCpu(baseline, candidate, settings, random) : void 0;
  const leaningDecides = options.leaning !== "warns";
  const verdict = decide({ findings, packages, paired: pairedFinding, errors, settings, detectable, basis, trials: { baseline: baseline.length, candidate: candidate.length }, leaningDecides });
  const leaning = leaningDecides || verdict.outcome !== "pass" ? [] : leaningOf(findings, packages);
  if (leaning.length > 0) {
    warnings.push(
      `${describeLeanings(leaning)} leaned towards a regression that these ${baseline.length} pairs could not decide (significant alone at its share of alpha and above both floors, not after false-discovery control); merged shards cannot add pairs, so the pass stands with this warning: more shards, or a run of its own, would decide it.`
    );
  }
  return {
    verdict,
    findings,
    packages,
    basis,
    commonFactor: factor,
    ...contest ? { sharesContest: contest } : {},
    ...pairs ? { pairFactors: pairs } : {},
    drift: { cpu: drift.cpu.sd, allocations: drift.allocations.sd },
    service,
    ...pairedFinding ? { paired: pairedFinding } : {},
    ...changedNet ? { changedCode: changedNet } : {},
    trials: { baseline: baseline.length, candidate: candidate.length },
    tests: tests.length,
    untested,
    settings,
    statusMismatches: routeMismatches(baseline, candidate),
    warnings
  };
}
var OUTCOME_ORDER2 = { regressed: 0, improved: 1, inconclusive: 2, unchanged: 3 };
function combine(...outcomes) {
  for (const outcome of ["regressed", "improved", "inconclusive"]) if (outcomes.includes(outcome)) return outcome;
  return "unchanged";
}
function ownTimeMovedIn(self, total, floor) {
  const leans = self.leaning === true || self.relative?.leaning === true;
  if (self.outcome !== "regressed" && !leans || total.candidateMedian - total.baselineMedian >= floor) return self;
  const plain = { ...withoutLeaning(self), ...self.relative ? { relative: withoutLeaning(self.relative) } : {} };
  return self.outcome === "regressed" ? { ...plain, outcome: "inconclusive", movedFromCallees: true } : plain;
}
function withoutLeaning(metric) {
  const { leaning: _leaning, ...rest } = metric;
  return rest;
}
function decidedBy(outcome, self, total, allocations) {
  if (self.outcome === outcome) return "self";
  if (allocations?.outcome === outcome) return "allocations";
  return "total";
}
function errorCounts(baseline, candidate) {
  const counts = (side, trials) => trials.map((t, i) => ({ trial: i + 1, side, requests: t.requests, errors: t.service.errors, statusMismatches: t.service.statusMismatches, non2xx: t.service.non2xx }));
  return [...counts("baseline", baseline), ...counts("candidate", candidate)];
}
function sampleUnit(trial) {
  if (trial.cpuSampleNanos !== void 0 && trial.cpuSampleNanos > 0) return trial.cpuSampleNanos;
  let unit = Number.POSITIVE_INFINITY;
  for (const cost of Object.values(trial.functions)) if (cost.selfNanos > 0 && cost.selfNanos < unit) unit = cost.selfNanos;
  return Number.isFinite(unit) ? unit : 1;
}
function allocationSampleShare(trials, unit) {
  return safeMedian(
    trials.map((t) => {
      if (!(t.requests > 0 && unit > 0)) return 0;
      const costs = Object.values(t.functions).filter((cost) => (cost.allocBytes ?? 0) > 0);
      const perSample = costs.filter((cost) => (cost.allocObjects ?? 0) > 0).map((cost) => cost.allocBytes / cost.allocObjects);
      const sample = perSample.length > 0 ? safeMedian(perSample) : Math.min(...costs.map((cost) => cost.allocBytes));
      return Number.isFinite(sample) ? sample / t.requests / unit : 0;
    })
  );
}
function seenOnBothSides(self, floor) {
  return safeMedian(self.baseline) >= floor / 5 && safeMedian(self.candidate) >= floor / 5;
}
function pooledSpread(values) {
  const all = [...values.baseline, ...values.candidate];
  return all.length === 0 ? 0 : Math.max(...all) - Math.min(...all);
}
function relativeKey(key) {
  return `${key}relative`;
}
function sameValues(a, b) {
  const equal = (x, y) => x.length === y.length && x.every((v, i) => v === y[i]);
  return equal(a.baseline, b.baseline) && equal(a.candidate, b.candidate);
}
function formatValue(value, basis) {
  return basis === "share" ? `${(value * 100).toFixed(1)}%` : `${(value / 1e3).toFixed(1)} \xB5s/request`;
}
function formatP(p) {
  return p < 1e-3 ? p.toExponential(1) : p.toFixed(3);
}
function pairVotes(found, cpuValues, floor, offset) {
  return found.flatMap((c, j) => {
    if (c.presence !== "both") return [];
    const self = cpuValues[j].self;
    if (!seenOnBothSides(self, floor)) return [];
    return [
      {
        effects: self.baseline.map((b, i) => Math.log(self.candidate[i] + offset) - Math.log(b + offset)),
        ses: self.baseline.map((b, i) => Math.sqrt(countingVariance([b], offset) + countingVariance([self.candidate[i]], offset)))
      }
    ];
  });
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
    const residuals2 = centred2(logs);
    const draws2 = drawIndices(simulations, logs.length, residuals2.length, random);
    const rejects2 = (shift) => draws2.filter((d) => {
      const differences = d.map((i) => residuals2[i] + shift);
      return differences.reduce((a, b) => a + b, 0) > 0 && signFlipP(differences) <= options.alpha;
    }).length;
    return { ...base, test: "sign-flip", noise: spread(residuals2), relative: search(rejects2, simulations, power) };
  }
  const x = samples.baseline.filter((v) => v > 0).map(Math.log);
  const y = samples.candidate.filter((v) => v > 0).map(Math.log);
  const residuals = [...centred2(x), ...centred2(y)];
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
function centred2(values) {
  if (values.length === 0) return [];
  const m = median([...values]);
  const inflate = values.length > 1 ? Math.sqrt(values.length / (values.length - 1)) : 1;
  return values.map((v) => (v - m) * inflate);
}
function spread(residuals) {
  if (residuals.length < 2) return 0;
  const mean2 = residuals.reduce((a, b) => a + b, 0) / residuals.length;
  return Math.sqrt(residuals.reduce((a, r) => a + (r - mean2) ** 2, 0) / (residuals.length - 1));
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
  const variance2 = differences.reduce((a, d) => a + d * d, 0);
  return variance2 === 0 ? sum > 0 ? 0 : 1 : Math.min(1, 2 * normalUpperTail(sum / Math.sqrt(variance2)));
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
var Z_POWER = probit(0.8);
function detectability(comparison, cpuPerRequest, limit, alpha) {
  const largest = comparison.findings.filter((f) => f.presence === "both" && f.self.candidate.length > 0 && f.self.attributionJumps !== true).sort((a, b) => b.self.candidateMedian - a.self.candidateMedian).slice(0, LARGEST_FUNCTIONS);
  const rule = gateRule(comparison, alpha);
  const functions = largest.map((f) => ({ key: f.key, name: f.name, relative: Math.min(fromInterval(f.self.ci, rule), f.self.relative ? fromInterval(f.self.relative.ci, rule) : Number.POSITIVE_INFINITY) }));
  const cpu = cpuPerRequest === null ? null : Math.max(cpuPerRequest.minimumDetectable.relative, cpuFloorPath(cpuPerRequest, rule.minEffect));
  const typical2 = functions.length > 0 ? median(functions.map((f) => f.relative)) : null;
  const percent = (x) => Number.isFinite(x) ? `+${(x * 100).toFixed(1)}%` : "no change up to \xD710";
  const reasons = [];
  if (cpu !== null && cpu > limit) reasons.push(`CPU per request could only have shown ${percent(cpu)}`);
  if (typical2 !== null && typical2 > limit) reasons.push(`its ${functions.length} largest functions could only have shown ${percent(typical2)} (median)`);
  return {
    cpuPerRequest: cpu,
    functions,
    limit,
    blind: reasons.length > 0 ? `this run could not have seen a +${(limit * 100).toFixed(0)}% regression (compare.maxDetectable): ${reasons.join("; ")}` : null
  };
}
function gateRule(comparison, alpha) {
  const { baseline, candidate } = comparison.trials;
  const paired = comparison.basis === "nanos-per-request";
  const df = Math.max(1, paired ? baseline - 1 : baseline + candidate - 2);
  return { df, threshold: alpha / Math.max(1, comparison.tests), minEffect: comparison.settings.minEffect };
}
function fromInterval(ci, rule) {
  if (!(ci.low > 0) || !Number.isFinite(ci.high) || ci.high <= 0) return Number.POSITIVE_INFINITY;
  const half = (Math.log(ci.high) - Math.log(ci.low)) / 2;
  const se = half / tQuantile(0.025, rule.df);
  const shift = Math.max(tQuantile(rule.threshold, rule.df) * se, Math.log1p(rule.minEffect) + half) + Z_POWER * se;
  return finiteChange(shift);
}
function cpuFloorPath(cpu, minEffect) {
  if (!(cpu.low > -1) || !(cpu.change > -1) || !Number.isFinite(cpu.high)) return 0;
  const below = Math.max(0, Math.log1p(cpu.change) - Math.log1p(cpu.low));
  const se = (Math.log1p(cpu.high) - Math.log1p(cpu.low)) / 2 / 1.959964;
  return finiteChange(Math.log1p(minEffect) + below + Z_POWER * se);
}
function finiteChange(shift) {
  const relative2 = Math.expm1(shift);
  return relative2 > 9 ? Number.POSITIVE_INFINITY : relative2;
}

// src/analysis/stored-doubt.ts
function storedDoubt(notComparable, comparison, blind, leaningDoubts = true) {
  if (notComparable.length > 0) return `the stored baseline does not match this run: ${notComparable.join("; ")}`;
  if (blind !== null) return blind;
  const doubt = comparisonDoubt(comparison, leaningDoubts);
  if (doubt !== null) return doubt;
  const cpu = comparison.service.find((s) => s.metric === "cpuMicrosPerRequest");
  if (cpu?.comparison.outcome === "regressed" && comparison.verdict.outcome !== "fail") {
    const c = cpu.comparison;
    return `the service's CPU per request regressed against the stored baseline (\xD7${c.ratio.toFixed(2)}, 95% CI \xD7${c.ci.low.toFixed(2)}\u2013\xD7${c.ci.high.toFixed(2)}), and a stored baseline cannot tell slower code from a slower machine`;
  }
  return null;
}
function comparisonDoubt(comparison, leaningDoubts = true) {
  const contest = comparison.sharesContest;
  if (contest?.contested) {
    return `the shares cannot tell which code moved (the large functions put the unchanged code at ${signedChange(contest.precise)}, the small ones at ${signedChange(contest.coarse)}: a group of functions moved together, or everything else did)`;
  }
  const leaning = leaningDoubts ? leaningReason(comparison) : null;
  return leaning === null ? null : `${leaning} that the stored comparison could not decide`;
}
function storedConfirmation(comparison) {
  if (comparison.verdict.outcome !== "fail") return null;
  const drift = comparison.drift?.cpu ?? 0;
  return `a stored failure is confirmed on this machine before it blocks (drift between the baseline's measurement and this one${drift > 0 ? `, about ${(drift * 100).toFixed(1)}% per function here,` : ""} can move an unchanged function past the floor)`;
}
function unconfirmedReason(stored, sameRunner) {
  if (stored.verdict.outcome !== "fail" || sameRunner.verdict.outcome !== "pass") return null;
  const percent = (ratio) => Number.isFinite(ratio) ? signedChange(ratio) : "new";
  const open = [];
  for (const f of stored.verdict.blocking) {
    const metric = f.decidedBy ?? "self";
    const was = metricOf(f, metric);
    const found = sameRunner.findings.find((g) => g.key === f.key);
    const now = found ? metricOf(found, metric) : void 0;
    if (was && now && now.ci.high < was.ci.low) continue;
    open.push(`${f.name} (${metricWords(metric)} ${percent(was?.ratio ?? Number.NaN)} stored, ${now ? `${percent(now.ratio)}, 95% CI ${percent(now.ci.low)} \u2026 ${percent(now.ci.high)} here` : "not measured here"})`);
  }
  for (const p of stored.verdict.blockingPackages ?? []) {
    const now = sameRunner.packages?.find((q) => q.name === p.name)?.self;
    if (now && now.ci.high < p.self.ci.low) continue;
    open.push(`package ${p.name} (${percent(p.self.ratio)} stored${now ? `, ${percent(now.ratio)} here` : ""})`);
  }
  return open.length === 0 ? null : `the stored comparison found a regression that the re-measurement on this machine (same-runner) neither confirms nor rules out: ${firstFew(open)}`;
}
function unconfirmedVerdict(stored, sameRunner) {
  const open = unconfirmedReason(stored, sameRunner);
  return open === null ? null : { outcome: "inconclusive", rule: `${open}. More pairs (--trials) or requests per trial (--requests) decide it` };
}

// src/analysis/function-table.ts
function functionTable(profile, source, valueType = "cpu") {
  const stringAt = stringAtOf(profile, source);
  const types = profile.sampleType.map((t) => stringAt(t.type, "a sample type"));
  let valueIndex = types.indexOf(valueType);
  if (valueIndex < 0) valueIndex = types.length - 1;
  if (valueIndex < 0) throw new PerfgateError("PROFILE_INVALID", `${source}: the profile has no sample types`);
  const slotOfKey = /* @__PURE__ */ new Map();
  const keys = [];
  const names = [];
  const files = [];
  const slotOfFunction = /* @__PURE__ */ new Map();
  for (const fn of profile.function) {
    const name = stringAt(fn.name, `function ${fn.id}'s name`);
    const file = stringAt(fn.filename, `function ${fn.id}'s file name`);
    const key = functionKey({ name, file });
    let slot = slotOfKey.get(key);
    if (slot === void 0) {
      slot = keys.length;
      slotOfKey.set(key, slot);
      keys.push(key);
    }
    names[slot] = name;
    files[slot] = file;
    slotOfFunction.set(idOf(fn.id), slot);
  }
  const locations = profile.location;
  const offsets = new Int32Array(locations.length + 1);
  for (let i = 0; i < locations.length; i++) offsets[i + 1] = offsets[i] + locations[i].line.length;
  const flat = new Int32Array(offsets[locations.length]);
  const dense = locations.every((location, i) => Number(location.id) === i + 1);
  const indexOfLocation = dense ? void 0 : /* @__PURE__ */ new Map();
  for (let i = 0; i < locations.length; i++) {
    const location = locations[i];
    for (let l = 0; l < location.line.length; l++) {
      const slot = slotOfFunction.get(idOf(location.line[l].functionId));
      if (slot === void 0) throw new PerfgateError("PROFILE_INVALID", `${source}: location ${location.id} refers to unknown function ${location.line[l].functionId}`);
      flat[offsets[i] + l] = slot;
    }
    indexOfLocation?.set(idOf(location.id), i);
  }
  const perSlot = new Float64Array(3 * keys.length);
  const order = [];
  let sum = 0;
  let sampleNumber = 0;
  for (const sample of profile.sample) {
    sampleNumber += 1;
    const value = Number(sample.value[valueIndex] ?? 0);
    if (!Number.isFinite(value)) throw new PerfgateError("PROFILE_INVALID", `${source}: a sample has a non-finite value`);
    if (value === 0) continue;
    sum += value;
    let leaf = true;
    for (const locationId of sample.locationId) {
      const index = indexOfLocation ? indexOfLocation.get(idOf(locationId)) : denseIndex(locationId, locations.length);
      if (index === void 0) throw new PerfgateError("PROFILE_INVALID", `${source}: a sample refers to unknown location ${locationId}`);
      for (let k = offsets[index], end = offsets[index + 1]; k < end; k++) {
        const at = 3 * flat[k];
        if (leaf) {
          perSlot[at] += value;
          leaf = false;
        }
        if (perSlot[at + 2] !== sampleNumber) {
          if (perSlot[at + 2] === 0) order.push(at / 3);
          perSlot[at + 2] = sampleNumber;
          perSlot[at + 1] += value;
        }
      }
    }
  }
  const functions = /* @__PURE__ */ Object.create(null);
  for (const slot of order) {
    functions[keys[slot]] = { name: names[slot], file: files[slot], selfNanos: perSlot[3 * slot], totalNanos: perSlot[3 * slot + 1] };
  }
  const period = Number(profile.period ?? 0);
  const periodType = profile.periodType ? stringAt(profile.periodType.type, "the period type") : "";
  return { total: sum, ...period > 0 && periodType === types[valueIndex] ? { sampleValue: period } : {}, functions };
}
function denseIndex(id, count) {
  const index = Number(id) - 1;
  return Number.isInteger(index) && index >= 0 && index < count ? index : void 0;
}
function idOf(id) {
  if (typeof id === "number") return id;
  return id <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(id) : String(id);
}

// src/analysis/allocation-table.ts
function allocationTable(profile, source) {
  const bytes = functionTable(profile, source, "alloc_space");
  const objects = functionTable(profile, source, "alloc_objects");
  const functions = /* @__PURE__ */ Object.create(null);
  for (const [key, cost] of Object.entries(bytes.functions)) {
    if (cost.selfNanos <= 0) continue;
    functions[key] = { name: cost.name, file: cost.file, bytes: cost.selfNanos, objects: objects.functions[key]?.selfNanos ?? 0 };
  }
  return { totalBytes: bytes.total, totalObjects: objects.total, functions };
}
function withAllocations(cpu, allocations) {
  const functions = /* @__PURE__ */ Object.create(null);
  for (const [key, cost] of Object.entries(cpu.functions)) functions[key] = cost;
  for (const [key, allocated] of Object.entries(allocations.functions)) {
    const base = functions[key] ?? { name: allocated.name, file: allocated.file, selfNanos: 0, totalNanos: 0 };
    functions[key] = { ...base, allocBytes: allocated.bytes, allocObjects: allocated.objects };
  }
  return functions;
}

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

// src/analysis/total-breakdown.ts
function totalBreakdown(profile, source, keys, valueType = "cpu") {
  const wanted = new Set(keys);
  const own = /* @__PURE__ */ new Map();
  const callees = /* @__PURE__ */ new Map();
  const result = /* @__PURE__ */ new Map();
  if (wanted.size === 0 || !sampleTypes(profile).includes(valueType)) return result;
  forEachStack(profile, source, valueType, (stack, value) => {
    if (!(value > 0) || !stack.some((f) => wanted.has(f.key))) return;
    const counted = /* @__PURE__ */ new Set();
    stack.forEach((frame, depth) => {
      if (!wanted.has(frame.key) || counted.has(frame.key)) return;
      counted.add(frame.key);
      const callee = stack.slice(depth + 1).find((f) => f.key !== frame.key);
      if (callee === void 0) {
        own.set(frame.key, (own.get(frame.key) ?? 0) + value);
        return;
      }
      const parts = callees.get(frame.key) ?? /* @__PURE__ */ new Map();
      const part = parts.get(callee.key) ?? { identity: { name: callee.name, file: callee.file }, value: 0 };
      part.value += value;
      parts.set(callee.key, part);
      callees.set(frame.key, parts);
    });
  });
  for (const key of /* @__PURE__ */ new Set([...own.keys(), ...callees.keys()])) result.set(key, { own: own.get(key) ?? 0, callees: callees.get(key) ?? /* @__PURE__ */ new Map() });
  return result;
}
function totalRises(finding, baseline, candidate, limit = 3) {
  if (baseline === void 0 || candidate === void 0) return [];
  const perRequest = (breakdown, total) => {
    const sum = breakdown.own + [...breakdown.callees.values()].reduce((a, c) => a + c.value, 0);
    return (value) => sum > 0 ? total * value / sum : 0;
  };
  const onBaseline = perRequest(baseline, finding.perRequestNanos.baseline.total);
  const onCandidate = perRequest(candidate, finding.perRequestNanos.candidate.total);
  const rises = [{ callee: null, baselineNanos: onBaseline(baseline.own), candidateNanos: onCandidate(candidate.own) }];
  for (const key of /* @__PURE__ */ new Set([...baseline.callees.keys(), ...candidate.callees.keys()])) {
    const before = baseline.callees.get(key);
    const after = candidate.callees.get(key);
    rises.push({ callee: (after ?? before).identity, baselineNanos: onBaseline(before?.value ?? 0), candidateNanos: onCandidate(after?.value ?? 0) });
  }
  return rises.filter((r) => r.candidateNanos > r.baselineNanos).sort((a, b) => b.candidateNanos - b.baselineNanos - (a.candidateNanos - a.baselineNanos)).slice(0, limit);
}

// src/gate/report-files.ts
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
function writeMergedPair(reportDir, suffix, candidateTrials, baselineFrom) {
  const write = (side, profile) => {
    const path = join(reportDir, "profiles", `${side}${suffix}.pb.gz`);
    writeFileAtomic(path, encodePprofGzip(profile));
    return { profile, source: path };
  };
  const what = suffix === "" ? "profiles" : "allocation profiles";
  const candidate = write("candidate", mergeProfiles(candidateTrials, `candidate ${what}`));
  const source = baselineFrom === null ? null : "trials" in baselineFrom ? `baseline ${what}` : baselineFrom.stored;
  const merged = baselineFrom === null || ("trials" in baselineFrom ? baselineFrom.trials.length === 0 : !existsSync(baselineFrom.stored)) ? null : "trials" in baselineFrom ? mergeProfiles(baselineFrom.trials, source) : decodePprof(readFileSync(baselineFrom.stored), baselineFrom.stored);
  const baseline = merged ? write("baseline", scaledLike(merged, candidate.profile, source)) : null;
  return {
    paths: { candidate: `profiles/candidate${suffix}.pb.gz`, baseline: baseline ? `profiles/baseline${suffix}.pb.gz` : null },
    candidate,
    baseline
  };
}
function sideProfiles(cpu, allocations) {
  const pairs = [cpu, allocations].filter((p) => p !== null);
  return { candidate: pairs.map((p) => p.candidate), baseline: pairs.flatMap((p) => p.baseline ? [p.baseline] : []) };
}
function functionLinesOf(sides) {
  return functionLines([...sides.candidate, ...sides.baseline].map((p) => p.profile));
}
function writeReportFiles(reportDir, report, markdown, sides) {
  const files = { json: join(reportDir, "report.json"), markdown: join(reportDir, "report.md"), html: join(reportDir, "report.html") };
  writeFileAtomic(files.json, reportJson(report));
  writeFileAtomic(files.markdown, markdown);
  const measures = flameMeasures(sides.candidate, sides.baseline);
  const flame = measures.length > 0 ? flamePageData(buildFlameTree(measures), report.comparison) : null;
  const rendered = renderHtml(report, flame);
  writeFileAtomic(files.html, rendered.html);
  if (rendered.svg === null) return { ...files, svg: null };
  const svg = join(reportDir, "flamegraph.svg");
  writeFileAtomic(svg, `<?xml version="1.0" encoding="UTF-8"?>
${rendered.svg}
`);
  return { ...files, svg };
}

// src/gate/symbolication-of.ts
function symbolicationOf(cpu, allocations, cpuType = "cpu") {
  const rates = [symbolication(cpu.profile, cpuType, cpu.source), ...allocations ? [symbolication(allocations.profile, "alloc_space", allocations.source)] : []];
  const what = (s) => s.sampleType === "alloc_space" ? "the allocated bytes" : s.sampleType === "cpu" ? "the CPU samples" : `the ${s.sampleType} samples`;
  return { rates, warnings: rates.flatMap((s) => [symbolicationWarning(s, what(s)), sourceMapWarning(s, what(s))].filter((w) => w !== null)) };
}

// src/gate/regressed-total-rises.ts
function regressedTotalRises(comparison, sides, valueType = "cpu") {
  const [candidate] = sides.candidate;
  const [baseline] = sides.baseline;
  const regressed = comparison.findings.filter((f) => f.outcome === "regressed" && f.decidedBy === "total");
  if (!candidate || !baseline || regressed.length === 0) return {};
  const keys = regressed.map((f) => f.key);
  const before = totalBreakdown(baseline.profile, baseline.source, keys, valueType);
  const after = totalBreakdown(candidate.profile, candidate.source, keys, valueType);
  const result = {};
  for (const f of regressed) {
    const rises = totalRises(f, before.get(f.key), after.get(f.key));
    if (rises.length > 0) result[f.key] = rises;
  }
  return result;
}

export {
  extension,
  allocationsProfiled,
  benjaminiHochberg,
  normalUpperTail,
  mannWhitney,
  mean,
  signedSumsReaching,
  pairedOutcome,
  compare,
  functionTable,
  allocationTable,
  withAllocations,
  hotLines,
  diffScore,
  detectability,
  storedDoubt,
  storedConfirmation,
  unconfirmedReason,
  unconfirmedVerdict,
  writeMergedPair,
  sideProfiles,
  functionLinesOf,
  writeReportFiles,
  symbolicationOf,
  regressedTotalRises
};

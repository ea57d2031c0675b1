import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);

// src/report/format.ts
var INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
function stripInvisible(text) {
  return text.replace(INVISIBLE, "");
}
function visibleText(text) {
  return stripInvisible(text.replace(/[\t\r\n\u2028\u2029]+/g, " "));
}
function escapeMarkdown(text) {
  return visibleText(text).replace(/[\\`*_{}[\]()#+!|~]/g, "\\$&").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/@/g, "@\u200B").replace(/#(?=\d)/g, "#\u200B").replace(/:\/\//g, ":\\/\\/").replace(/\b(www)\./gi, "$1\\.");
}
function codeSpanText(text) {
  return visibleText(text).replace(/`/g, "'");
}
function percent(share, digits = 2) {
  return `${(share * 100).toFixed(digits)}%`;
}
function signedPercent(ratio) {
  if (!Number.isFinite(ratio)) return "new";
  const change2 = (ratio - 1) * 100;
  return `${change2 >= 0 ? "+" : ""}${change2.toFixed(1)}%`;
}
function change(metric, intervalLabel = "") {
  const interval = `${intervalLabel}${signedPercent(metric.ci.low)} \u2026 ${signedPercent(metric.ci.high)}`;
  if (metric.outcome === "unchanged" || metric.outcome === "inconclusive") return `~ (${interval})`;
  return `${signedPercent(metric.ratio)} (${interval})${metric.decidedRelative ? " vs unchanged code" : ""}`;
}
function cpuValue(value, scale) {
  return scale > 10 ? nanosAsTime(value) : percent(value);
}
function nanosAsTime(nanos) {
  if (nanos >= 1e6) return `${(nanos / 1e6).toFixed(2)} ms`;
  if (nanos >= 1e3) return `${(nanos / 1e3).toFixed(1)} \xB5s`;
  return `${nanos.toFixed(0)} ns`;
}
function formatQ(q) {
  if (q >= 0.995) return "1";
  return q < 1e-3 ? q.toExponential(1) : q.toFixed(3);
}

export {
  stripInvisible,
  visibleText,
  escapeMarkdown,
  codeSpanText,
  percent,
  signedPercent,
  change,
  cpuValue,
  nanosAsTime,
  formatQ
};

import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  visibleText
} from "./chunk-S6SIRFXG.js";

// src/report/text-table.ts
function textTable(header, dirtyRows, options = {}) {
  const rows = dirtyRows.map((r) => r.map(visibleText));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const right = header.map((_, i) => options.alignNumbers === true && i > 0 && rows.every((r) => /^[\d.%]*$/.test(r[i] ?? "")));
  const line = (cells) => cells.map((c, i) => right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}

export {
  textTable
};

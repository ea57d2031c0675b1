import { visibleText } from './format.js';

/**
 * A plain-text table: columns padded to their widest cell; numeric columns can align right.
 * Cells lose control characters and line breaks: a function name from a profile must not
 * send terminal escapes (`ESC ]52` writes the clipboard) or start a line of its own (a
 * `::error::` workflow command in an Actions log).
 */
export function textTable(header: readonly string[], dirtyRows: readonly (readonly string[])[], options: { alignNumbers?: boolean } = {}): string[] {
  const rows = dirtyRows.map((r) => r.map(visibleText));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const right = header.map((_, i) => options.alignNumbers === true && i > 0 && rows.every((r) => /^[\d.%]*$/.test(r[i] ?? '')));
  const line = (cells: readonly string[]) => cells.map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

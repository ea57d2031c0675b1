import type { FunctionFinding } from '../analysis/index.js';
import { change, escapeMarkdown, percent } from './format.js';
import type { Report } from './report.js';

/** Bytes in binary units, as allocation profilers show them. */
export function bytesAsSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(2)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes.toFixed(0)} B`;
}

/** A function's own allocated bytes per request, baseline → candidate, and the change in its share; `—` when not tested. */
export function allocationCell(f: FunctionFinding): string {
  if (!f.allocations || !f.allocationsPerRequest) return '—';
  const { baseline, candidate } = f.allocationsPerRequest;
  return `${bytesAsSize(baseline.bytes)} → ${bytesAsSize(candidate.bytes)}, ${change(f.allocations)}`;
}

/** The change in a function's share of allocated bytes, for the terminal; `—` when not tested. */
export function allocationChange(f: FunctionFinding): string {
  return f.allocations ? change(f.allocations) : '—';
}

/**
 * "Hot lines" under the regressions: for each regressed function the lines its own CPU
 * time was spent on in the candidate (V8's per-line ticks), hottest first. Short on purpose.
 */
export function hotLinesSection(report: Report, regressed: readonly FunctionFinding[]): string[] {
  const lines = report.hotLines ?? {};
  const rows = regressed
    .filter((f) => (lines[f.key]?.length ?? 0) > 0)
    .map((f) => `- **${escapeMarkdown(f.name)}** (${escapeMarkdown(f.file || '(native)')}): ${lines[f.key]!.map((l) => `line ${l.line} (${percent(l.share, 0)})`).join(', ')}`);
  if (rows.length === 0) return [];
  return ['Hot lines of the regressed functions (share of their own CPU time, candidate):', '', ...rows, ''];
}

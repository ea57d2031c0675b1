import type { FunctionFinding } from '../analysis/index.js';
import type { Report } from '../report/index.js';

/** GitHub's documented limits, and how each is counted. */
export const GITHUB_LIMITS = {
  /** An issue or PR comment body: characters. */
  comment: { max: 65_536, measure: (text: string) => text.length, name: 'comment' },
  /** A step's job summary: bytes. */
  summary: { max: 1024 * 1024, measure: (text: string) => Buffer.byteLength(text, 'utf8'), name: 'job summary' },
} as const;

export interface Limit {
  readonly max: number;
  readonly measure: (text: string) => number;
  readonly name: string;
}

/** Names and paths from a profile longer than this are cut: one minified name must not eat the comment. */
const MAX_NAME_CHARS = 200;

export interface Fitted {
  readonly markdown: string;
  /** Function rows left out to fit; 0 when everything fit. */
  readonly omittedRows: number;
  readonly cut: boolean;
}

/**
 * Renders the report within a GitHub size limit. Findings are already ordered most
 * important first (regressions, improvements, then the rest by size of change), so the
 * least important rows are left out first, and the text says how many and where the
 * whole report is. Works on the report's data, not its markdown, so the renderer can
 * change freely.
 */
export function fitReport(report: Report, render: (report: Report) => string, limit: Limit, room = 0, fullReportAt = 'report.md in the report artifact'): Fitted {
  const clamped = clampNames(report);
  const budget = limit.max - room;
  const first = render(clamped);
  if (limit.measure(first) <= budget) return { markdown: first, omittedRows: 0, cut: false };

  const all = clamped.comparison.findings;
  const note = (omitted: number) =>
    `\n> [!NOTE]\n> ${omitted} of ${all.length} function rows were left out, least important first, to stay within GitHub's ${limit.name} limit (${limit.max.toLocaleString('en-US')}). The full report is ${fullReportAt}.\n`;
  const withFirst = (keep: number) => render({ ...clamped, comparison: { ...clamped.comparison, findings: all.slice(0, keep) } }) + note(all.length - keep);
  let low = 0;
  let high = all.length - 1;
  let best: string | null = null;
  let kept = -1;
  // Larger `keep` only ever adds rows, so the fitting prefix lengths are monotone.
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const text = withFirst(middle);
    if (limit.measure(text) <= budget) {
      best = text;
      kept = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  if (best !== null) return { markdown: best, omittedRows: all.length - kept, cut: false };
  return { markdown: hardCut(withFirst(0), limit, budget), omittedRows: all.length, cut: true };
}

/** Last resort (warnings alone too long): cut at a line, close an open <details>, say so. */
function hardCut(text: string, limit: Limit, budget: number): string {
  const tail = `\n\n</details>\n\n> [!NOTE]\n> The report was cut to stay within GitHub's ${limit.name} limit; the full report is in the artifact.\n`;
  const room = budget - limit.measure(tail);
  let keep = Math.max(0, room);
  let head = text.slice(0, keep);
  // Characters and bytes differ for the summary: shrink until the bytes fit.
  while (keep > 0 && limit.measure(head) > room) head = text.slice(0, (keep = Math.floor(keep * 0.9)));
  const lastLine = head.lastIndexOf('\n');
  if (lastLine > 0) head = head.slice(0, lastLine);
  const open = (head.match(/<details>/g) ?? []).length - (head.match(/<\/details>/g) ?? []).length;
  return head + (open > 0 ? tail : tail.replace('\n\n</details>', ''));
}

function clampNames(report: Report): Report {
  const clampFinding = (f: FunctionFinding): FunctionFinding =>
    f.name.length > MAX_NAME_CHARS || f.file.length > MAX_NAME_CHARS ? { ...f, name: clamp(f.name), file: clamp(f.file) } : f;
  const { comparison } = report;
  const verdict = comparison.verdict.outcome === 'fail' ? { ...comparison.verdict, blocking: comparison.verdict.blocking.map(clampFinding) } : comparison.verdict;
  return { ...report, comparison: { ...comparison, verdict, findings: comparison.findings.map(clampFinding) } };
}

function clamp(text: string): string {
  return text.length > MAX_NAME_CHARS ? `${text.slice(0, MAX_NAME_CHARS - 1)}…` : text;
}

/**
 * Defence in depth for anything posted as perfgate: a hidden perfgate marker that is not
 * the one perfgate adds itself is broken up. Profile text is already escaped; this also
 * covers text a future renderer forgets to escape.
 */
export function neutraliseMarkers(markdown: string): string {
  return markdown.replace(/<!--\s*perfgate/gi, '&lt;!-- perfgate');
}

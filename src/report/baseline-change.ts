import { median as simpleMedian } from 'simple-statistics';
import type { TrialMetrics } from '../analysis/index.js';
import type { Baseline } from '../baseline/index.js';
import { codeSpanText, escapeMarkdown, percent } from './format.js';

export interface BaselineChange {
  readonly previous: Baseline | null;
  readonly next: Baseline;
  /** Repository path of the baseline file. */
  readonly path: string;
  readonly commit: string;
  readonly branch: string;
  readonly requestedBy: string;
  readonly label: string;
}

const TOP_FUNCTIONS = 10;

/** What a baseline update changed, for the PR comment: medians of the service metrics and the largest share moves. Pure. */
export function renderBaselineChange(change: BaselineChange): string {
  const { previous, next } = change;
  const out: string[] = [];
  out.push('## perfgate: baseline updated', '');
  out.push(
    `${escapeMarkdown(change.requestedBy)} added the label \`${codeSpanText(change.label)}\`; perfgate measured ${next.commit ? `\`${codeSpanText(next.commit.slice(0, 12))}\`` : 'the PR head'} ` +
      `(${next.trials.length} trials, Node ${escapeMarkdown(next.environment.nodeVersion)}) and committed \`${codeSpanText(change.path)}\` to \`${codeSpanText(change.branch)}\` as \`${codeSpanText(change.commit.slice(0, 12))}\`. Review it like any other change.`,
    '',
  );
  if (!previous) {
    out.push('There was no previous baseline at this path.', '');
    return out.join('\n');
  }
  out.push('| metric (median over trials) | previous | new | change |', '|---|---:|---:|---:|');
  const rows: Array<[string, (t: TrialMetrics) => number, (v: number) => string]> = [
    ['CPU per request (OS)', (t) => t.service.cpuMicrosPerRequest, (v) => `${v.toFixed(0)} µs`],
    ['throughput', (t) => t.service.throughputRps, (v) => `${v.toFixed(0)} req/s`],
    ['latency p95', (t) => t.service.latencyMs.p95, (v) => `${v.toFixed(2)} ms`],
    ['latency p99', (t) => t.service.latencyMs.p99, (v) => `${v.toFixed(2)} ms`],
  ];
  for (const [label, read, format] of rows) {
    const before = median(previous.trials.map(read));
    const after = median(next.trials.map(read));
    out.push(`| ${label} | ${format(before)} | ${format(after)} | ${before > 0 ? `${after >= before ? '+' : ''}${(((after - before) / before) * 100).toFixed(1)}%` : '—'} |`);
  }
  out.push('');
  const moves = shareMoves(previous.trials, next.trials).slice(0, TOP_FUNCTIONS);
  if (moves.length > 0) {
    out.push(`### Largest moves in share of busy CPU (total, top ${moves.length})`, '', '| function | file | previous | new |', '|---|---|---:|---:|');
    for (const m of moves) out.push(`| ${escapeMarkdown(m.name)} | ${escapeMarkdown(m.file || '(native)')} | ${m.before === null ? 'absent' : percent(m.before)} | ${m.after === null ? 'absent' : percent(m.after)} |`);
    out.push('');
  }
  if (previous.settings.replaySha256 !== next.settings.replaySha256) out.push('> [!NOTE]\n> The replay file changed since the previous baseline.', '');
  return out.join('\n');
}

interface Move {
  readonly name: string;
  readonly file: string;
  readonly before: number | null;
  readonly after: number | null;
}

function shareMoves(before: readonly TrialMetrics[], after: readonly TrialMetrics[]): Move[] {
  const shares = (trials: readonly TrialMetrics[]) => {
    const byKey = new Map<string, { name: string; file: string; values: number[] }>();
    for (const t of trials) {
      for (const [key, cost] of Object.entries(t.functions)) {
        const entry = byKey.get(key) ?? { name: cost.name, file: cost.file, values: [] };
        entry.values.push(t.sampledCpuNanos > 0 ? cost.totalNanos / t.sampledCpuNanos : 0);
        byKey.set(key, entry);
      }
    }
    return byKey;
  };
  const a = shares(before);
  const b = shares(after);
  const moves: Move[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    moves.push({ name: (x ?? y)!.name, file: (x ?? y)!.file, before: x ? median(x.values) : null, after: y ? median(y.values) : null });
  }
  const size = (m: Move) => Math.abs((m.after ?? 0) - (m.before ?? 0));
  return moves.filter((m) => size(m) > 0).sort((p, q) => size(q) - size(p));
}

function median(values: readonly number[]): number {
  return values.length === 0 ? 0 : simpleMedian([...values]);
}

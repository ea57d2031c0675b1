// The verdicts ledger: one line per complete gate run of `npm run bench:verdicts`
// (docs/benchmarks/verdicts.ndjson), and the totals of the issue's point 7 drawn from it.
// A series too long for one sitting runs in parts; each part appends its runs as they end,
// so a part cut short keeps what it measured, and the totals count every part measured on
// the current verdict model. Pure: parsing, tallying and rendering; the script does the I/O.
import { lowerBound95, upperBound95 } from './stats.js';

export type VerdictMode = 'stored' | 'same-runner';
export type Condition = 'quiet' | 'noisy';
export type SeriesId = 'aa' | 'scoreProduct+10' | 'scoreProduct+25' | 'broad+15';
export type RunOutcome = 'fail' | 'pass' | 'inconclusive' | 'error';

export interface LedgerRun {
  /** The verdict model the run measured (`VERDICT_MODEL` of its mode): totals count only the current one. */
  readonly model: string;
  /** The part (its start, "YYYY-MM-DD HH:MM" UTC) the run belongs to. */
  readonly part: string;
  readonly commit: string;
  readonly mode: VerdictMode;
  readonly condition: Condition;
  readonly series: SeriesId;
  readonly outcome: RunOutcome;
  /** The function a failure named first; null for other outcomes, or when not recorded. */
  readonly first: string | null;
  /** A stored run that re-measured the base on this machine. */
  readonly escalated: boolean;
  /** A same-runner comparison that added compare.extendTrials pairs. */
  readonly extended: boolean;
  /** Wall time of the run; null for runs entered from a part's table, which gave only medians. */
  readonly seconds: number | null;
  readonly load: number | null;
  /**
   * The machine the run measured on ("2 × AMD EPYC"): the totals mix machines, and a rate or a
   * wall time read on one does not carry to another. Null on a line written before it was recorded.
   */
  readonly machine: string | null;
}

/**
 * The verdict model each mode's runs measure: the commit that last changed what decides that
 * mode's verdict, or the default settings it decides at (58be78a: 20 × 4000). Change it with the
 * statistics or the defaults; the runs of earlier models stay in the ledger
 * and in the dated parts, and drop out of the totals. A change to the stored path alone (its
 * escalation, its confirmation) leaves the same-runner runs counted.
 */
export type VerdictModel = Readonly<Record<VerdictMode, string>>;
export const VERDICT_MODEL: VerdictModel = { 'same-runner': '58be78a', stored: '58be78a' };

export const SERIES_LABELS: Readonly<Record<SeriesId, string>> = {
  aa: 'A/A',
  'scoreProduct+10': '+10% in scoreProduct',
  'scoreProduct+25': '+25% in scoreProduct',
  'broad+15': 'broad +15% (more data everywhere)',
};

/** The function a planted series must be blamed on first, or null (A/A, and the broad slowdown has none). */
export function blameOf(series: SeriesId): string | null {
  return series === 'scoreProduct+10' || series === 'scoreProduct+25' ? 'scoreProduct' : null;
}

const MODES: readonly VerdictMode[] = ['same-runner', 'stored'];
const CONDITIONS: readonly Condition[] = ['quiet', 'noisy'];
const SERIES: readonly SeriesId[] = ['aa', 'scoreProduct+10', 'scoreProduct+25', 'broad+15'];
const OUTCOMES: readonly RunOutcome[] = ['fail', 'pass', 'inconclusive', 'error'];

/** One ledger line, checked field by field: a bad line names its line number and field. */
export function parseLedgerLine(text: string, line: number): LedgerRun {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`verdicts.ndjson line ${line}: not JSON (${(error as Error).message})`);
  }
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const bad = (field: string, expected: string) => new Error(`verdicts.ndjson line ${line}: field "${field}": expected ${expected}, got ${JSON.stringify(o[field])}`);
  const oneOf = <T extends string>(field: string, values: readonly T[]): T => {
    if (!values.includes(o[field] as T)) throw bad(field, `one of ${values.join(', ')}`);
    return o[field] as T;
  };
  const text_ = (field: string): string => {
    if (typeof o[field] !== 'string' || o[field] === '') throw bad(field, 'a non-empty string');
    return o[field] as string;
  };
  const flag = (field: string): boolean => {
    if (typeof o[field] !== 'boolean') throw bad(field, 'true or false');
    return o[field] as boolean;
  };
  const number = (field: string): number | null => {
    if (o[field] === null) return null;
    if (typeof o[field] !== 'number' || !Number.isFinite(o[field]) || (o[field] as number) < 0) throw bad(field, 'a number ≥ 0, or null');
    return o[field] as number;
  };
  const first = o.first === null ? null : text_('first');
  const machine = o.machine === undefined || o.machine === null ? null : text_('machine');
  return {
    model: text_('model'),
    part: text_('part'),
    commit: text_('commit'),
    mode: oneOf('mode', MODES),
    condition: oneOf('condition', CONDITIONS),
    series: oneOf('series', SERIES),
    outcome: oneOf('outcome', OUTCOMES),
    first,
    escalated: flag('escalated'),
    extended: flag('extended'),
    seconds: number('seconds'),
    load: number('load'),
    machine,
  };
}

export function parseLedger(text: string): LedgerRun[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, at: i + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, at }) => parseLedgerLine(line, at));
}

/** What point 7 asks of one cell (mode × condition × series). */
export interface Target {
  /** Runs the cell needs before its rate says anything: 40 A/A, 10 of each planted series. */
  readonly runs: number;
  /** A/A: the most failures allowed in `runs`. */
  readonly maxFailures?: number;
  /** Planted: the least share caught. */
  readonly minCaught?: number;
  /** Beside a noisy neighbour: no planted run passes, and no A/A run fails. */
  readonly nonePass?: boolean;
}

/** Point 7's targets (issue 14), cell by cell. */
export function targetOf(mode: VerdictMode, condition: Condition, series: SeriesId): Target {
  const noisy = condition === 'noisy';
  if (series === 'aa') return { runs: 40, maxFailures: noisy ? 0 : 1 };
  const minCaught = series === 'scoreProduct+25' ? 0.95 : series === 'scoreProduct+10' ? (mode === 'same-runner' && !noisy ? 0.8 : undefined) : mode === 'same-runner' ? 0.8 : undefined;
  return { runs: 10, ...(minCaught !== undefined ? { minCaught } : {}), ...(noisy ? { nonePass: true } : {}) };
}

export interface CellTotal {
  readonly mode: VerdictMode;
  readonly condition: Condition;
  readonly series: SeriesId;
  readonly runs: number;
  readonly failed: number;
  /** Planted: failures that named the planted function first (the broad slowdown: every failure). */
  readonly caught: number;
  readonly passed: number;
  readonly inconclusive: number;
  readonly errors: number;
  readonly escalated: number;
  readonly extended: number;
  readonly medianSeconds: number | null;
  readonly target: Target;
  /** 'met', 'missed' (already, whatever more runs show) or 'open' (too few runs to tell). */
  readonly status: 'met' | 'missed' | 'open';
  readonly why: string;
}

/** The totals of every cell, from the runs of `model`, in point 7's order. */
export function cellTotals(runs: readonly LedgerRun[], model: VerdictModel = VERDICT_MODEL): CellTotal[] {
  const out: CellTotal[] = [];
  for (const mode of MODES) {
    for (const condition of CONDITIONS) {
      for (const series of SERIES) {
        const cell = runs.filter((r) => r.model === model[mode] && r.mode === mode && r.condition === condition && r.series === series);
        out.push(cellTotal(mode, condition, series, cell));
      }
    }
  }
  return out;
}

function cellTotal(mode: VerdictMode, condition: Condition, series: SeriesId, cell: readonly LedgerRun[]): CellTotal {
  const count = (keep: (r: LedgerRun) => boolean) => cell.filter(keep).length;
  const blame = blameOf(series);
  const failed = count((r) => r.outcome === 'fail');
  const caught = count((r) => r.outcome === 'fail' && (blame === null || r.first === blame));
  const passed = count((r) => r.outcome === 'pass');
  const seconds = cell.flatMap((r) => (r.seconds === null ? [] : [r.seconds])).sort((a, b) => a - b);
  const target = targetOf(mode, condition, series);
  const base = {
    mode,
    condition,
    series,
    runs: cell.length,
    failed,
    caught,
    passed,
    inconclusive: count((r) => r.outcome === 'inconclusive'),
    errors: count((r) => r.outcome === 'error'),
    escalated: count((r) => r.escalated),
    extended: count((r) => r.extended),
    medianSeconds: seconds.length === 0 ? null : seconds[Math.floor(seconds.length / 2)]!,
    target,
  };
  return { ...base, ...judgeCell(base, target) };
}

function judgeCell(t: { runs: number; failed: number; caught: number; passed: number }, target: Target): Pick<CellTotal, 'status' | 'why'> {
  const percent = (x: number) => `${(x * 100).toFixed(0)}%`;
  const enough = t.runs >= target.runs;
  const missed: string[] = [];
  const open: string[] = [];
  if (target.maxFailures !== undefined && t.failed > target.maxFailures) missed.push(`${t.failed} failed, ${target.maxFailures === 0 ? 'none' : `at most ${target.maxFailures}`} allowed`);
  if (target.nonePass && target.maxFailures === undefined && t.passed > 0) missed.push(`${t.passed} passed, none allowed`);
  if (target.minCaught !== undefined) {
    // With the runs asked for, the rate itself decides; a shortfall already certain decides sooner.
    const best = (t.caught + Math.max(0, target.runs - t.runs)) / Math.max(target.runs, t.runs);
    if (best < target.minCaught) missed.push(`caught ${t.caught} of ${t.runs}: below ${percent(target.minCaught)} even if every run still to come is caught`);
    else if (enough && t.caught / t.runs < target.minCaught) missed.push(`caught ${percent(t.caught / t.runs)}, target ${percent(target.minCaught)}`);
  }
  if (!enough) open.push(`${t.runs} of ${target.runs} runs`);
  if (missed.length > 0) return { status: 'missed', why: missed.join('; ') };
  if (open.length > 0) return { status: 'open', why: open.join('; ') };
  return { status: 'met', why: '' };
}

function targetWords(target: Target): string {
  const parts: string[] = [];
  if (target.maxFailures !== undefined) parts.push(target.maxFailures === 0 ? `none failed in ${target.runs}` : `≤ ${target.maxFailures} failed in ${target.runs}`);
  if (target.minCaught !== undefined) parts.push(`caught ≥ ${(target.minCaught * 100).toFixed(0)}%`);
  if (target.nonePass && target.maxFailures === undefined) parts.push('none passes');
  if (parts.length === 0) parts.push('— (none set)');
  return parts.join(', ');
}

function resultWords(t: CellTotal): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  if (t.runs === 0) return 'no runs yet';
  if (t.series === 'aa') return `${t.failed} failed of ${t.runs}: false failures at most ${pct(upperBound95(t.failed, t.runs))} (one-sided 95%)`;
  const named = blameOf(t.series) !== null ? ' with scoreProduct first' : '';
  return `${t.caught} of ${t.runs} caught${named}: at least ${pct(lowerBound95(t.caught, t.runs))} (one-sided 95%)`;
}

/** The totals table, with a line saying which runs it counts. */
export function renderTotals(runs: readonly LedgerRun[], model: VerdictModel = VERDICT_MODEL): string[] {
  const counted = runs.filter((r) => r.model === model[r.mode]);
  const parts = [...new Set(counted.map((r) => r.part))].sort();
  const rows = cellTotals(runs, model).map((t) => {
    const status = t.status === 'met' ? 'met' : t.status === 'missed' ? `**missed**: ${t.why}` : `not yet: ${t.why}`;
    const seconds = t.medianSeconds === null ? '—' : `${t.medianSeconds.toFixed(0)} s`;
    return `| ${t.mode} | ${t.condition} | ${SERIES_LABELS[t.series]} | ${t.runs} | ${t.failed} | ${t.passed} | ${t.inconclusive + t.errors} | ${t.mode === 'stored' ? t.escalated : '—'} | ${t.extended} | ${resultWords(t)} | ${targetWords(t.target)} | ${status} | ${seconds} |`;
  });
  return [
    `Every run of the current verdict model (same-runner since commit ${model['same-runner']}, stored since ${model.stored}) in the ledger (verdicts.ndjson), ${counted.length} runs in ${parts.length} part${parts.length === 1 ? '' : 's'} (${parts.length > 0 ? `${parts[0]} … ${parts[parts.length - 1]} UTC` : 'none yet'}). ` +
      'Bounds are one-sided 95% (Clopper–Pearson). "Caught" counts failures, for a planted function those that named it first; inconclusive and errors count as not caught. ' +
      'Targets are point 7 of issue 14: A/A ≤ 1 failure in 40 per mode and condition, none beside the noisy neighbour; +25% caught ≥ 95%; +10% ≥ 80% same-runner quiet; the broad +15% ≥ 80% same-runner; beside the noisy neighbour no planted run passes.',
    '',
    '| mode | condition | series | runs | failed | passed | inconclusive / error | escalated to same-runner | pairs added | result | target | status | median wall time |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---|---|---|---:|',
    ...rows,
    '',
    ...machineLines(counted),
  ];
}

/**
 * Which machines the counted runs measured on, and the wall time each gave a same-runner quiet
 * run at its first pairs (point 6 asks ≤ 90 s): a median over machines would hide that one is
 * twice as slow as the other.
 */
export function machineLines(counted: readonly LedgerRun[]): string[] {
  if (counted.length === 0) return [];
  const machines = [...new Set(counted.map((r) => r.machine ?? 'not recorded'))].sort();
  const rows = machines.map((machine) => {
    const on = counted.filter((r) => (r.machine ?? 'not recorded') === machine);
    const parts = [...new Set(on.map((r) => r.part))].sort();
    const first = on
      .filter((r) => r.mode === 'same-runner' && r.condition === 'quiet' && !r.extended && r.seconds !== null)
      .map((r) => r.seconds!)
      .sort((a, b) => a - b);
    const seconds = first.length === 0 ? '—' : `${first[Math.floor(first.length / 2)]!.toFixed(0)} s (${first[0]!.toFixed(0)}–${first[first.length - 1]!.toFixed(0)} s, ${first.length} run${first.length === 1 ? '' : 's'})`;
    const span = parts.length === 1 ? parts[0] : `${parts[0]} … ${parts[parts.length - 1]}`;
    return `| ${machine} | ${on.length} | ${parts.length} (${span}) | ${seconds} |`;
  });
  return [
    'By machine (each run\'s `machine` field; lines written before the field existed were given the machine their part\'s header names):',
    '',
    '| machine | runs | parts | same-runner quiet wall time at the configured pairs: median (range, runs) |',
    '|---|---:|---|---|',
    ...rows,
  ];
}

export const TOTALS_BEGIN = '<!-- totals: written by npm run bench:verdicts from verdicts.ndjson -->';
export const TOTALS_END = '<!-- /totals -->';

/**
 * The page with its totals section replaced, or, on a page without one, inserted after the
 * title's introduction (before the first dated part).
 */
export function withTotals(page: string, totals: readonly string[]): string {
  // The blank line ends the table before the closing marker, which a table would otherwise take as a row.
  const block = [TOTALS_BEGIN, '## Totals on the current model', '', ...totals, '', TOTALS_END].join('\n');
  const begin = page.indexOf(TOTALS_BEGIN);
  const end = page.indexOf(TOTALS_END);
  if (begin >= 0 && end > begin) return page.slice(0, begin) + block + page.slice(end + TOTALS_END.length);
  const firstPart = page.search(/^## /m);
  if (firstPart < 0) return `${page.trimEnd()}\n\n${block}\n`;
  return `${page.slice(0, firstPart)}${block}\n\n${page.slice(firstPart)}`;
}

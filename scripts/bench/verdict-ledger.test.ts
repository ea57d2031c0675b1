import { describe, expect, it } from 'vitest';
import { cellTotals, machineLines, parseLedger, parseLedgerLine, renderTotals, TOTALS_BEGIN, TOTALS_END, VERDICT_MODEL, withTotals, type LedgerRun } from './verdict-ledger.js';

const run = (over: Partial<LedgerRun>): LedgerRun => ({
  model: VERDICT_MODEL[over.mode ?? 'same-runner'],
  part: '2026-12-01 02:00',
  commit: 'abc1234',
  mode: 'same-runner',
  condition: 'quiet',
  series: 'aa',
  outcome: 'pass',
  first: null,
  escalated: false,
  extended: false,
  seconds: 90,
  load: 1.5,
  machine: '2 × Test CPU',
  ...over,
});
const times = (n: number, over: Partial<LedgerRun>) => Array.from({ length: n }, () => run(over));
const cell = (runs: LedgerRun[], over: Partial<LedgerRun>) => cellTotals(runs).find((c) => c.mode === (over.mode ?? 'same-runner') && c.condition === (over.condition ?? 'quiet') && c.series === (over.series ?? 'aa'))!;

describe('the verdicts ledger', () => {
  it('reads its own lines back, and names the line and field of a bad one', () => {
    const line = JSON.stringify(run({ outcome: 'fail', first: 'scoreProduct', series: 'scoreProduct+10' }));
    expect(parseLedger(`${line}\n\n${line}\n`)).toHaveLength(2);
    expect(() => parseLedgerLine(JSON.stringify({ ...run({}), outcome: 'passed' }), 7)).toThrow('verdicts.ndjson line 7: field "outcome": expected one of fail, pass, inconclusive, error, got "passed"');
    expect(() => parseLedgerLine(JSON.stringify({ ...run({}), seconds: -1 }), 3)).toThrow('line 3: field "seconds"');
    expect(() => parseLedgerLine('{"model":', 2)).toThrow('verdicts.ndjson line 2: not JSON');
    // Lines written before the machine was recorded read as null; a recorded one must name it.
    const { machine: _, ...older } = run({});
    expect(parseLedgerLine(JSON.stringify(older), 1).machine).toBeNull();
    expect(() => parseLedgerLine(JSON.stringify({ ...run({}), machine: '' }), 4)).toThrow('line 4: field "machine": expected a non-empty string');
  });

  it('counts a planted failure as caught only when it named the planted function first', () => {
    const runs = [run({ series: 'scoreProduct+25', outcome: 'fail', first: 'scoreProduct' }), run({ series: 'scoreProduct+25', outcome: 'fail', first: 'sendJson' }), run({ series: 'broad+15', outcome: 'fail', first: 'anything' })];
    expect(cell(runs, { series: 'scoreProduct+25' })).toMatchObject({ runs: 2, failed: 2, caught: 1 });
    expect(cell(runs, { series: 'broad+15' })).toMatchObject({ failed: 1, caught: 1 });
  });

  it('counts only the current model of each mode', () => {
    const runs = [run({}), run({ model: 'older' }), run({ mode: 'stored', model: 'stored-model' }), run({ mode: 'stored', model: 'same-model' })];
    expect(cell(runs, {}).runs).toBe(1);
    const model = { 'same-runner': 'same-model', stored: 'stored-model' };
    expect(cellTotals(runs, model).find((c) => c.mode === 'stored' && c.condition === 'quiet' && c.series === 'aa')!.runs).toBe(1);
  });

  it('judges A/A against ≤ 1 failure in 40 quiet and none beside the noisy neighbour', () => {
    expect(cell(times(40, {}), {}).status).toBe('met');
    expect(cell([...times(39, {}), run({ outcome: 'fail' })], {}).status).toBe('met');
    expect(cell([...times(38, {}), ...times(2, { outcome: 'fail' })], {})).toMatchObject({ status: 'missed', why: '2 failed, at most 1 allowed' });
    expect(cell(times(12, {}), {})).toMatchObject({ status: 'open', why: '12 of 40 runs' });
    expect(cell([run({ condition: 'noisy', outcome: 'fail' })], { condition: 'noisy' })).toMatchObject({ status: 'missed', why: '1 failed, none allowed' });
  });

  it('calls a catch rate missed as soon as no further runs could reach it, and open until then', () => {
    const ten = { series: 'scoreProduct+10' as const };
    // 8 of 10 needed: 2 misses leave it reachable, 3 do not.
    expect(cell([...times(2, { ...ten, outcome: 'pass' })], ten).status).toBe('open');
    expect(cell([...times(3, { ...ten, outcome: 'inconclusive' })], ten)).toMatchObject({ status: 'missed' });
    expect(cell([...times(8, { ...ten, outcome: 'fail', first: 'scoreProduct' }), ...times(2, { ...ten, outcome: 'pass' })], ten).status).toBe('met');
    // Stored quiet +10% has no target beyond its count.
    expect(cell(times(10, { ...ten, mode: 'stored', outcome: 'pass' }), { ...ten, mode: 'stored' }).status).toBe('met');
  });

  it('misses a noisy planted series on its first pass', () => {
    const broad = { series: 'broad+15' as const, condition: 'noisy' as const, mode: 'stored' as const };
    expect(cell([run({ ...broad, outcome: 'fail' })], broad).status).toBe('open');
    expect(cell([run({ ...broad, outcome: 'fail' }), run({ ...broad, outcome: 'pass' })], broad)).toMatchObject({ status: 'missed', why: '1 passed, none allowed' });
  });

  it('renders every cell with its bound, and replaces the totals of a page in place', () => {
    const lines = renderTotals([...times(3, {}), run({ series: 'scoreProduct+25', outcome: 'fail', first: 'scoreProduct' })]);
    expect(lines.filter((l) => l.startsWith('| same-runner') || l.startsWith('| stored'))).toHaveLength(16);
    expect(lines.join('\n')).toContain('0 failed of 3: false failures at most 63.2% (one-sided 95%)');
    expect(lines.join('\n')).toContain('1 of 1 caught with scoreProduct first: at least 5.0% (one-sided 95%)');
    const page = '# Verdict reliability\n\nintro\n\n## Part one\n\ntext\n';
    const once = withTotals(page, ['first']);
    expect(once.indexOf(TOTALS_BEGIN)).toBeLessThan(once.indexOf('## Part one'));
    const twice = withTotals(once, ['second']);
    expect(twice).toContain('second');
    expect(twice).not.toContain('first');
    expect(twice.split(TOTALS_END)).toHaveLength(2);
  });

  it('names each machine with its runs, and the wall time of same-runner quiet runs at their configured pairs', () => {
    const runs = [
      run({ machine: '2 × Fast', seconds: 80, part: '2026-12-01 01:00' }),
      run({ machine: '2 × Fast', seconds: 100, part: '2026-12-01 02:00' }),
      run({ machine: '2 × Fast', seconds: 300, extended: true }),
      run({ machine: '2 × Slow', seconds: 200, condition: 'noisy' }),
      run({ machine: null, seconds: 90 }),
    ];
    const rows = machineLines(runs).filter((l) => l.startsWith('| 2') || l.startsWith('| not'));
    // The extended run is counted among the runs but not in the wall time at the configured pairs.
    expect(rows).toEqual([
      '| 2 × Fast | 3 | 2 (2026-12-01 01:00 … 2026-12-01 02:00) | 100 s (80–100 s, 2 runs) |',
      '| 2 × Slow | 1 | 1 (2026-12-01 02:00) | — |',
      '| not recorded | 1 | 1 (2026-12-01 02:00) | 90 s (90–90 s, 1 run) |',
    ]);
  });
});

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { sampleReport } from '../../test/helpers/sample-report.js';
import { parseHistory } from '../history/index.js';
import { appendToHistory } from './history-option.js';

it('appends a run per call and, past --history-max, drops the oldest and says so', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'perfgate-history-')), 'h.ndjson');
  const report = sampleReport([{ name: 'work', file: 'a.js', outcome: 'unchanged' }]);
  const at = (date: string) => appendToHistory({ history: file, 'history-max': '2' }, { ...report, createdAt: date }, tmpdir());
  expect(at('2026-01-01T00:00:00.000Z')).toBe(`history: run 1 of ${file}`);
  expect(at('2026-01-02T00:00:00.000Z')).toBe(`history: run 2 of ${file}`);
  expect(at('2026-01-03T00:00:00.000Z')).toBe(`history: run 2 of ${file}; dropped the 1 oldest (keeps 2: --history-max)`);
  expect(parseHistory(readFileSync(file, 'utf8'), file).map((r) => r.date.slice(0, 10))).toEqual(['2026-01-02', '2026-01-03']);
  expect(() => appendToHistory({ history: file, 'history-max': '0' }, report, tmpdir())).toThrow('--history-max must be an integer >= 1 (got "0")');
  expect(appendToHistory({}, report, tmpdir())).toBeNull();
});

import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/helpers/sample-report.js';
import { appendRecord } from './history-file.js';
import { historyRecord, medianInterval } from './history-record.js';
import { parseHistory, serializeHistory } from './history-schema.js';

describe('medianInterval', () => {
  it('takes the order statistics whose coverage is at least 95% (n = 10: 2nd and 9th, 97.9%)', () => {
    const values = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    expect(medianInterval(values)).toEqual({ median: 5.5, low: 2, high: 9, coverage: 1 - 2 * (11 / 1024) });
  });

  it('gives min … max with its own coverage below 6 values (4: 87.5%)', () => {
    expect(medianInterval([3, 1, 2, 4])).toEqual({ median: 2.5, low: 1, high: 4, coverage: 0.875 });
  });
});

describe('history records', () => {
  const sample = sampleReport([
    { name: 'small', file: 'a.js', outcome: 'unchanged' },
    { name: 'big', file: 'b.js', outcome: 'unchanged' },
  ]);
  // The record orders functions by own CPU per request: make the second one the largest.
  const [small, big] = sample.comparison.findings;
  const report = {
    ...sample,
    comparison: { ...sample.comparison, findings: [small!, { ...big!, perRequestNanos: { ...big!.perRequestNanos, candidate: { self: 90_000, total: 90_000 } } }] },
  };

  it('keeps the run\'s place, verdict and largest functions, and survives the NDJSON round trip (Infinity included)', () => {
    const record = historyRecord(
      {
        ...report,
        diffScore: {
          cpuPerRequest: {
            change: 0.02, low: -0.01, high: 0.05, design: 'independent', baselineMedian: 400, candidateMedian: 408,
            minimumDetectable: { relative: Number.POSITIVE_INFINITY, alpha: 0.05, power: 0.8, test: 'mann-whitney', noise: 0.1, simulations: 400 },
          },
        },
      },
      { parent: 'p'.repeat(40), branch: 'main', runUrl: 'https://github.com/o/r/actions/runs/1' },
    );
    expect(record).toMatchObject({ commit: 'c'.repeat(40), parent: 'p'.repeat(40), branch: 'main', verdict: 'pass', date: report.createdAt });
    expect(record.diffScore!.cpu).toEqual({ change: 0.02, low: -0.01, high: 0.05, minimumDetectable: Number.POSITIVE_INFINITY });
    expect(record.functions.map((f) => f.name)).toEqual(['big', 'small']);
    const text = serializeHistory([record, record]);
    expect(text.split('\n')).toHaveLength(3);
    expect(parseHistory(text, 'h.ndjson')).toEqual([record, record]);
  });

  it('drops the oldest beyond the bound and says how many', () => {
    const record = historyRecord(report, { parent: null, branch: null, runUrl: null });
    const many = Array.from({ length: 5 }, (_, i) => ({ ...record, date: `2026-01-0${i + 1}T00:00:00.000Z` }));
    const next = appendRecord(many, { ...record, date: '2026-02-01T00:00:00.000Z' }, 3);
    expect(next.dropped).toBe(3);
    expect(next.records.map((r) => r.date.slice(0, 10))).toEqual(['2026-01-04', '2026-01-05', '2026-02-01']);
  });

  it('names the file, line and field of a broken record', () => {
    const record = historyRecord(report, { parent: null, branch: null, runUrl: null });
    const good = serializeHistory([record]);
    expect(() => parseHistory(`${good}\n{"schema":"perfgate.history"`, 'h.ndjson')).toThrow(/^h\.ndjson:3: not JSON/);
    expect(() => parseHistory(good + JSON.stringify({ ...record, verdict: 'maybe' }), 'h.ndjson')).toThrow(/^h\.ndjson:2: verdict: /);
  });
});

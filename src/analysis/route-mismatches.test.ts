import { describe, expect, it } from 'vitest';
import { compareSchema } from '../config/schema.js';
import { statusMismatchSection } from '../report/status-mismatches.js';
import { compare } from './compare.js';
import { routeMismatches } from './route-mismatches.js';
import type { RouteStatusMismatch, TrialMetrics } from './trial.js';

function trial(requests: number, byRoute: Record<string, RouteStatusMismatch> = {}): TrialMetrics {
  const mismatches = Object.values(byRoute).reduce((sum, m) => sum + m.count, 0);
  return {
    requests,
    sampledCpuNanos: 1e9,
    functions: { 'app.js#handle': { name: 'handle', file: 'app.js', selfNanos: 5e8, totalNanos: 1e9 } },
    service: {
      cpuMicrosPerRequest: 400,
      throughputRps: 2000,
      latencyMs: { p50: 2, p95: 5, p99: 8 },
      errors: 0,
      non2xx: mismatches,
      statusMismatches: mismatches,
      ...(mismatches > 0 ? { statusMismatchesByRoute: byRoute } : {}),
      maxRssBytes: 1e8,
    },
  };
}

const storm = { 'GET /items/:id': { count: 30, responses: 300, statuses: { '200→500': 28, '200→503': 2 } }, 'POST /items': { count: 5, responses: 100, statuses: { 'any→500': 5 } } };

describe('status mismatches by route', () => {
  it('sums each side over its trials, candidate first, most first', () => {
    const totals = routeMismatches([trial(1000)], [trial(1000, storm), trial(1000, { 'GET /items/:id': { count: 1, responses: 290, statuses: { '200→404': 1 } } })]);
    expect(totals).toEqual([
      { side: 'candidate', route: 'GET /items/:id', count: 31, responses: 590, statuses: { '200→500': 28, '200→503': 2, '200→404': 1 } },
      { side: 'candidate', route: 'POST /items', count: 5, responses: 100, statuses: { 'any→500': 5 } },
    ]);
  });

  it('fails the run over compare.maxErrorRate, and not under it', () => {
    const base = Array.from({ length: 6 }, () => trial(1000));
    const cand = Array.from({ length: 6 }, (_, i) => trial(1000, i === 2 ? storm : {}));
    const strict = compare(base, cand, compareSchema.parse({}));
    expect(strict.verdict.outcome).toBe('fail-errors');
    expect(strict.verdict.rule).toMatch(/1 candidate trial\(s\) had more than 1% failed requests \(compare\.maxErrorRate\)/);
    expect(strict.statusMismatches![0]).toMatchObject({ side: 'candidate', route: 'GET /items/:id', count: 30 });
    const lenient = compare(base, cand, compareSchema.parse({ maxErrorRate: 0.05 }));
    expect(lenient.verdict.outcome).not.toBe('fail-errors');
    expect(lenient.statusMismatches).toHaveLength(2);
  });

  it('shows the routes in the markdown section', () => {
    const comparison = compare([trial(1000), trial(1000)], [trial(1000, storm), trial(1000)], compareSchema.parse({}));
    const markdown = statusMismatchSection(comparison).join('\n');
    expect(markdown).toContain('### Status mismatches by route');
    expect(markdown).toContain('| candidate | GET /items/:id | 30 | 300 (10.0%) | 200→500 ×28, 200→503 ×2 |');
    expect(markdown).toContain('| candidate | POST /items | 5 | 100 (5.0%) | any→500 ×5 |');
  });
});

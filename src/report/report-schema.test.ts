import { describe, expect, expectTypeOf, it } from 'vitest';
import { sampleReport } from '../../test/helpers/sample-report.js';
import type { Report } from './report.js';
import { untrustedReportSchema, type CheckedReport } from './report-schema.js';

type Primitive = string | number | boolean | bigint | symbol | null | undefined;
/** Every dotted path into a type, through arrays, records and each member of a union. */
type Paths<T, P extends string = ''> = T extends Primitive
  ? never
  : T extends readonly (infer E)[]
    ? Paths<E, `${P}[]`>
    : { [K in keyof T & string]-?: `${P}.${K}` | Paths<NonNullable<T[K]>, `${P}.${K}`> }[keyof T & string];

describe('the untrusted report schema', () => {
  it('checks every field of Report, optional ones included (a field it lacks would be dropped from fork comments)', () => {
    // A path of Report that the schema's output lacks shows up here by name when tsc runs.
    expectTypeOf<Exclude<Paths<Report>, Paths<CheckedReport>>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<Paths<CheckedReport>, Paths<Report>>>().toEqualTypeOf<never>();
  });

  it('keeps a report with its optional fields set, unchanged', () => {
    const base = sampleReport([
      { name: 'scoreProduct', file: 'search.js', outcome: 'regressed' },
      { name: 'sendJson', file: 'http.js', outcome: 'unchanged' },
    ]);
    const full: Report = {
      ...base,
      allocationProfiles: ['profiles/candidate-trial-1.alloc.pb.gz'],
      mergedAllocations: { candidate: 'profiles/candidate.alloc.pb.gz', baseline: null },
      hotLines: { 'search.js#scoreProduct': [{ line: 12, share: 0.4 }] },
      totalRises: { 'search.js#search': [{ callee: { name: 'scoreProduct', file: 'search.js' }, baselineNanos: 60_000, candidateNanos: 84_000 }, { callee: null, baselineNanos: 1_000, candidateNanos: 1_500 }] },
      functionLines: { 'search.js#scoreProduct': 10 },
      requests: { baseline: [{ requests: 100, errors: 0, statusMismatches: 0, non2xx: 0 }], candidate: [{ requests: 100, errors: 0, statusMismatches: 1, non2xx: 1 }] },
      timingsMs: { build: 10, measure: 2000 },
      shards: {
        count: 2,
        method: 'stratified-sign-flip',
        detectableByShards: [null, 0.08],
        shards: [
          { index: 1, status: 'complete', pairs: [1, 3, 5], cpuModel: 'Some CPU', ratio: 1.01, weight: 0.6 },
          { index: 2, status: 'failed', pairs: [2, 4, 6], error: 'service exited' },
        ],
      },
    };
    const json = JSON.parse(JSON.stringify(full));
    expect(untrustedReportSchema.parse(json)).toEqual(json);
  });
});

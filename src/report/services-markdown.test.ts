import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/helpers/sample-report.js';
import { overallOutcome, renderServicesMarkdown, type ServiceReport } from './services-markdown.js';

const pass = sampleReport([{ name: 'sendJson', file: 'http.js', outcome: 'unchanged' }]);
const fail = sampleReport([{ name: 'scoreProduct', file: 'search.js', outcome: 'regressed' }]);
const inconclusive = { ...pass, comparison: { ...pass.comparison, verdict: { outcome: 'inconclusive' as const, rule: 'shard 2/3 is missing' } } };
const service = (name: string, report: typeof pass): ServiceReport => ({ service: name, report, markdown: `## perfgate: ${name}\n\n### Service\n\nbody of ${name}\n` });

describe('several services in one report', () => {
  it('the overall verdict is the worst: a regression before inconclusive before pass', () => {
    expect(overallOutcome([service('api', pass), service('worker', pass)])).toBe('pass');
    expect(overallOutcome([service('api', pass), service('worker', inconclusive)])).toBe('inconclusive');
    expect(overallOutcome([service('api', inconclusive), service('worker', fail), service('web', pass)])).toBe('fail');
  });

  it('one verdict per service and one overall, each report folded under its service with its headings one level down', () => {
    const text = renderServicesMarkdown([service('api', pass), service('<b>worker</b>', fail)]);
    expect(text.split('\n').slice(0, 6)).toEqual([
      '## perfgate: ❌ regression (2 services)',
      '',
      '| service | verdict | rule |',
      '|---|---|---|',
      '| api | ✅ no performance regression | no function regressed |',
      '| &lt;b&gt;worker&lt;/b&gt; | ❌ 1 function regressed | 1 function\\(s\\) regressed |',
    ]);
    // A passing service's details start closed, a failing one's open; the name is escaped there too.
    expect(text).toContain('<details><summary><b>api</b>: ✅ no performance regression</summary>\n\n### perfgate: api\n\n#### Service');
    expect(text).toContain('<details open><summary><b>&lt;b&gt;worker&lt;/b&gt;</b>: ❌ 1 function regressed</summary>');
  });
});

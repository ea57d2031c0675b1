import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/helpers/sample-report.js';
import { MAX_ANNOTATIONS, regressionAnnotations } from './annotations.js';
import { locator } from './function-lines.js';

describe('regressionAnnotations', () => {
  const report = sampleReport([
    ...Array.from({ length: 12 }, (_, i) => ({ name: `slow${i}`, file: `src/slow${i}.js`, outcome: 'regressed' as const })),
    { name: 'fine', file: 'src/fine.js', outcome: 'unchanged' as const },
  ]);

  it('annotates only regressions, at most 10, in the report order, and says how many more there are', () => {
    const annotations = regressionAnnotations(report, { level: 'error', locate: (f) => ({ file: f.file, line: 7 }) });
    expect(annotations).toHaveLength(MAX_ANNOTATIONS);
    expect(annotations.map((a) => a.file)).toEqual(Array.from({ length: 10 }, (_, i) => `src/slow${i}.js`));
    expect(annotations[0]).toMatchObject({ level: 'error', startLine: 7, title: 'perfgate: slow0 regressed' });
    expect(annotations[0]!.message).toMatch(/^slow0 takes 5\.00% → 9\.00% \(self\) of busy CPU/);
    expect(annotations[9]!.message).toMatch(/2 more regressed function\(s\) are in the report\.$/);
  });

  it('skips functions it cannot place in the repository', () => {
    const annotations = regressionAnnotations(report, { level: 'warning', locate: (f) => (f.name === 'slow0' ? null : { file: f.file, line: 1 }) });
    expect(annotations[0]!.file).toBe('src/slow1.js');
    expect(annotations.every((a) => a.level === 'warning')).toBe(true);
  });
});

describe('locator', () => {
  const lines = new Map([
    ['src/a.js#f', 12],
    ['node:internal/x#g', 3],
    ['node_modules/lib/i.js#h', 4],
    ['../outside.js#k', 5],
  ]);
  const locate = locator(lines, '/repo/service', '/repo');
  const finding = (key: string) => ({ key, name: key.split('#')[1]!, file: key.split('#')[0]! }) as Parameters<typeof locate>[0];

  it('makes paths relative to the workspace and refuses Node internals, dependencies and the outside', () => {
    expect(locate(finding('src/a.js#f'))).toEqual({ file: 'service/src/a.js', line: 12 });
    expect(locate(finding('node:internal/x#g'))).toBeNull();
    expect(locate(finding('node_modules/lib/i.js#h'))).toBeNull();
    expect(locate(finding('../../outside.js#k'))).toBeNull();
    expect(locate(finding('src/unknown.js#z'))).toBeNull();
  });
});

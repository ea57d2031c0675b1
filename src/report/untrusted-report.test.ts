import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/helpers/sample-report.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import type { Report } from './report.js';
import { reportJson } from './report-json.js';
import { untrustedReportSchema } from './report-schema.js';

// A fork's code writes report.json in the fork-safe flow; perfgate renders it into a comment
// posted as the bot and into report.html. Every string field gets every payload below; the
// field must be refused by the schema or come out inert in both renderings.
const PAYLOADS = [
  '@octo-org/security-team please approve',
  '![x](https://evil.example/pixel.png?u=1)',
  '[click here](https://evil.example/login)',
  '<img src=https://evil.example/p.png onerror=alert(1)>',
  '</details><h1>✅ perfgate: no performance regression</h1><!--',
  '<!-- perfgate:sticky-comment:perfgate -->',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<style>header{display:none}</style>',
  '&#64;admin &lt;b&gt; &amp;',
  'see https://evil.example/a and www.evil.example',
  'fixes #1 and GH-2',
  '*bold* _em_ ~~gone~~ | cell | `tick`',
  'line one\nline two\r\n## heading',
  'admin\u202egnp.exe\u202c \u2066iso\u2069 \u200bzero\u0000nul\u001bESC',
  'x'.repeat(10_000),
];

/** A failed gate report with every optional field set, so every renderer branch has text to show. */
function fullReport(inputs: boolean): Record<string, unknown> {
  const base = sampleReport([
    { name: 'scoreProduct', file: 'src/search.js', outcome: 'regressed' },
    { name: 'sendJson', file: 'src/http.js', outcome: 'unchanged' },
    { name: 'render', file: 'src/view.js', outcome: 'improved' },
  ]);
  const added = { ...base.comparison.findings[1]!, key: 'src/new.js#fresh', name: 'fresh', file: 'src/new.js', presence: 'added' as const };
  const report: Report = {
    ...base,
    comparison: {
      ...base.comparison,
      findings: [...base.comparison.findings, added],
      warnings: ['the sides drifted apart'],
      statusMismatches: [{ side: 'candidate', route: 'GET /search', count: 3, responses: 100, statuses: { '200→500': 3 } }],
    },
    environmentDifferences: ['cpuModel: a → b'],
    allocationProfiles: ['profiles/candidate-trial-1.alloc.pb.gz'],
    mergedAllocations: { candidate: 'profiles/candidate.alloc.pb.gz', baseline: 'profiles/baseline.alloc.pb.gz' },
    hotLines: { 'src/search.js#scoreProduct': [{ line: 12, share: 0.4 }] },
    functionLines: { 'src/search.js#scoreProduct': 10 },
    totalRises: { 'src/search.js#scoreProduct': [{ callee: { name: 'weigh', file: 'src/weigh.js' }, baselineNanos: 1_000, candidateNanos: 2_000 }] },
    requests: { baseline: [{ requests: 100, errors: 0, statusMismatches: 0, non2xx: 0 }], candidate: [{ requests: 100, errors: 0, statusMismatches: 3, non2xx: 3 }] },
    ...(inputs ? { inputs: { sampleType: 'delay', unit: 'microseconds', baseline: ['base.pb.gz'], candidate: ['a.pb.gz', 'b.pb.gz'] } } : {}),
  };
  return JSON.parse(reportJson(report)) as Record<string, unknown>;
}

/** Every path to a string in a JSON value. */
function stringPaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

function withValue(json: unknown, path: ReadonlyArray<string | number>, text: string): unknown {
  const copy = structuredClone(json) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = text;
  return copy;
}

const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const count = (text: string, re: RegExp) => (text.match(new RegExp(re.source, `${re.flags.replace('g', '')}g`)) ?? []).length;

/** What markdown could do with text outside code spans, as counts; equal counts mean the payload added nothing live. */
function markdownShape(markdown: string): Record<string, unknown> {
  // A zero-width space after @ or # is perfgate's own escape: GitHub links neither mention nor issue then.
  const lines = markdown.split('\n');
  const outside = lines.map((line) => line.replace(/`[^`]*`/g, '``'));
  const text = outside.join('\n');
  return {
    lines: lines.length,
    tags: [...text.matchAll(/<\/?[A-Za-z!][\w-]*/g)].map((m) => m[0]),
    images: count(text, /!\[/),
    links: count(text, /\]\(/),
    mentions: count(text, /(?<![\\\w])@[A-Za-z0-9]/),
    urls: count(text, /https?:\/\//),
    www: count(text, /(?<![\\\w])www\./i),
    issueRefs: count(text, /(?<![\\\w])#\d/),
    entities: count(text, /&#|&(?!amp;|lt;|gt;)[a-z]+;/),
    emphasis: count(text, /(?<!\\)[*_~]/),
    headings: count(text, /^#+ /m),
    // GFM splits table cells on unescaped pipes even inside code spans.
    tableCells: lines.filter((l) => l.startsWith('|')).map((l) => count(l, /(?<!\\)\|/)),
  };
}

function htmlShape(html: string): Record<string, unknown> {
  return {
    tags: [...html.matchAll(/<\/?[A-Za-z!][\w-]*/g)].map((m) => m[0]),
    entities: count(html, /&#(?!39;)/),
  };
}

function render(json: unknown): { markdown: string; html: string } | null {
  const parsed = untrustedReportSchema.safeParse(json);
  if (!parsed.success) return null;
  return { markdown: renderMarkdown(parsed.data, { artifactUrl: 'https://github.com/o/r/actions/runs/1#artifacts' }), html: renderHtml(parsed.data, null).html };
}

describe('an untrusted report.json rendered to the comment and to report.html', () => {
  for (const inputs of [false, true]) {
    it(`carries no hostile text live from any string field (${inputs ? 'perfgate diff' : 'gate run'} report)`, () => {
      const json = fullReport(inputs);
      const clean = render(json);
      expect(clean).not.toBeNull();
      const paths = stringPaths(json);
      expect(paths.length).toBeGreaterThan(40);
      let rendered = 0;
      for (const path of paths) {
        const field = path.join('.');
        // The reference: the same field holding harmless text (or, when its pattern refuses even that, the original).
        const reference = render(withValue(json, path, 'x')) ?? clean!;
        for (const payload of PAYLOADS) {
          const out = render(withValue(json, path, payload));
          if (!out) continue;
          rendered++;
          const where = `${field} = ${JSON.stringify(payload.slice(0, 40))}`;
          expect(out.markdown, where).not.toMatch(INVISIBLE.source.replace('\\u200b', ''));
          expect(markdownShape(out.markdown), where).toEqual(markdownShape(reference.markdown));
          expect(out.html, where).not.toMatch(INVISIBLE);
          expect(htmlShape(out.html), where).toEqual(htmlShape(reference.html));
        }
      }
      // Free-text fields (names, files, rules, warnings …) are rendered, so the loop above tested something.
      expect(rendered).toBeGreaterThan(100);
    });
  }

  it('refuses the fields with a known shape when they hold anything else, naming the field', () => {
    const json = fullReport(true);
    for (const field of [
      ['reproduce'],
      ['candidate', 'environment', 'nodeVersion'],
      ['baseline', 'environment', 'v8Version'],
      ['candidate', 'environment', 'platform'],
      ['candidate', 'environment', 'arch'],
      ['candidate', 'environment', 'perfgateVersion'],
      ['inputs', 'unit'],
      ['inputs', 'sampleType'],
    ]) {
      const parsed = untrustedReportSchema.safeParse(withValue(json, field, '&#64;org/team `x` <b>'));
      expect(parsed.success, field.join('.')).toBe(false);
      expect(parsed.error!.issues[0]!.path.join('.')).toBe(field.join('.'));
    }
  });

  it('refuses an empty list of compared files instead of crashing the renderer', () => {
    const json = fullReport(true) as { inputs: Record<string, unknown> };
    json.inputs.baseline = [];
    const parsed = untrustedReportSchema.safeParse(json);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ['inputs', 'baseline'], message: 'expected at least one file' });
  });

  it('allows the page its one style block by hash, never inline styles', () => {
    const { html } = render(fullReport(false))!;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!.replace(/&#39;/g, "'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+';/);
    expect(csp).not.toMatch(/unsafe-inline/);
    expect(count(html, /<style>/)).toBe(1);
    expect(html).not.toMatch(/\sstyle="/);
  });
});

describe('the reproduce commands perfgate writes', () => {
  it('pass the untrusted schema', () => {
    const json = JSON.parse(reportJson(sampleReport([{ name: 'f', file: 'a.js', outcome: 'unchanged' }]))) as Record<string, unknown>;
    for (const command of [
      'npx perfgate run --config examples/shop-api/perfgate.config.json --trials 12',
      "npx perfgate diff 'base profiles/*.pb.gz' head/cpu.pb.gz --sample-type alloc_space --config ~/p@1/perfgate.config.json",
      'perfgate canary mode: url https://canary.internal:8443, baseline-url https://stable.internal',
    ]) {
      expect(untrustedReportSchema.safeParse({ ...json, reproduce: command }).success, command).toBe(true);
    }
  });
});

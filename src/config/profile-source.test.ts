import { describe, expect, it } from 'vitest';
import { parseConfig } from './load-config.js';

const parse = (profile: Record<string, unknown>) => parseConfig({ service: { start: 'true' }, replay: 'r.ndjson', baseline: 'b.json', profile }, '/p/perfgate.config.json');

describe('profile.source', () => {
  it('is unset (the agent) by default and accepts pprof-http with a path or a loopback URL', () => {
    expect(parse({}).profile.source).toBeUndefined();
    expect(parse({ source: 'pprof-http' }).profile).toMatchObject({ source: 'pprof-http' });
    expect(parse({ source: 'pprof-http', pprofUrl: 'http://127.0.0.1:6060/debug/pprof', pprofSeconds: 5 }).profile).toMatchObject({ pprofUrl: 'http://127.0.0.1:6060/debug/pprof', pprofSeconds: 5 });
  });

  it('refuses other sources, non-loopback URLs and pprof settings without pprof-http, naming the field', () => {
    expect(() => parse({ source: 'perf' })).toThrow(/profile\.source: .*"agent".*"pprof-http"/);
    expect(() => parse({ source: 'pprof-http', pprofUrl: 'http://10.0.0.5:6060/debug/pprof' })).toThrow(/profile\.pprofUrl: expected a path such as "\/debug\/pprof" or a loopback URL .* \(got "http:\/\/10\.0\.0\.5:6060\/debug\/pprof"\)/);
    expect(() => parse({ source: 'pprof-http', pprofSeconds: 0 })).toThrow(/profile\.pprofSeconds/);
    expect(() => parse({ pprofSeconds: 3 })).toThrow(/profile\.source: profile\.pprofUrl and profile\.pprofSeconds only apply with profile\.source "pprof-http"/);
  });
});

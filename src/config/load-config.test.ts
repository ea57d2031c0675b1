import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from './load-config.js';

const minimal = { service: { start: 'node app.js' }, replay: 'replay/app.ndjson', baseline: 'baselines/app.json' };

describe('config', () => {
  it('fills defaults and resolves paths from the config file folder', () => {
    const config = parseConfig(minimal, '/repo/svc/perfgate.config.json');
    expect(config.replayPath).toBe('/repo/svc/replay/app.ndjson');
    expect(config.baselinePath).toBe('/repo/svc/baselines/app.json');
    expect(config.service.cwd).toBe('/repo/svc');
    expect(config.root).toBe('/repo/svc');
    expect(config.trials).toBe(20);
    expect(config.load.measureRequests).toBe(4_000);
    expect(config.compare.alpha).toBe(0.05);
  });

  it('names the file and field of a wrong type, with what it got', () => {
    expect(() => parseConfig({ ...minimal, trials: '3x' }, 'perfgate.config.json')).toThrow(/perfgate\.config\.json: trials: .*number.*\(got "3x"\)/);
  });

  it('refuses unknown keys, naming them', () => {
    expect(() => parseConfig({ ...minimal, trails: 3 }, 'c.json')).toThrow(/c\.json: \(top level\): unknown key "trails"/);
    expect(() => parseConfig({ ...minimal, service: { start: 'x', strat: 'y' } }, 'c.json')).toThrow(/c\.json: service: unknown key "strat"/);
  });

  it('suggests the key a misspelt one meant, at any depth', () => {
    expect(() => parseConfig({ ...minimal, load: { measureRequest: 100 } }, 'c.json')).toThrow('c.json: load: unknown key "measureRequest" (did you mean "measureRequests"?)');
    expect(() => parseConfig({ ...minimal, trails: 3 }, 'c.json')).toThrow('(did you mean "trials"?)');
    expect(() => parseConfig({ ...minimal, compare: { budgets: { 'a.js#f': { maxRegresion: '3%' } } } }, 'c.json')).toThrow(
      'c.json: compare.budgets.a.js#f: unknown key "maxRegresion" (did you mean "maxRegression"?)',
    );
    expect(() => parseConfig({ ...minimal, load: { rps: 100 } }, 'c.json')).toThrow('unknown key "rps" (expected one of "warmupRequests", "measureRequests", "connections"');
  });

  it('says which required field is missing', () => {
    expect(() => parseConfig({ replay: 'r', baseline: 'b' }, 'c.json')).toThrow(/c\.json: service: required/);
  });

  it('refuses out-of-range numbers and contradictory load settings', () => {
    expect(() => parseConfig({ ...minimal, trials: 1 }, 'c.json')).toThrow(/c\.json: trials: .*>=2.*\(got 1\)/);
    expect(() => parseConfig({ ...minimal, load: { measureRequests: 4, connections: 8 } }, 'c.json')).toThrow(/measureRequests \(4\) must be at least load\.connections \(8\)/);
  });

  it('takes open-loop load, the error threshold and redaction settings, and refuses half an open loop', () => {
    const config = parseConfig({ ...minimal, load: { mode: 'open', ratePerSecond: 200 }, compare: { maxErrorRate: 0.05 }, redaction: { headers: ['x-tenant'], substitute: { authorization: 'TEST_TOKEN' } } }, 'c.json');
    expect(config.load).toMatchObject({ mode: 'open', ratePerSecond: 200 });
    expect(config.compare.maxErrorRate).toBe(0.05);
    expect(config.redaction).toEqual({ headers: ['x-tenant'], fields: [], keep: [], substitute: { authorization: 'TEST_TOKEN' } });
    expect(parseConfig(minimal, 'c.json').compare.maxErrorRate).toBe(0.01);
    expect(() => parseConfig({ ...minimal, load: { mode: 'open' } }, 'c.json')).toThrow(/c\.json: load\.ratePerSecond: load\.mode "open" needs load\.ratePerSecond/);
    expect(() => parseConfig({ ...minimal, load: { ratePerSecond: 50 } }, 'c.json')).toThrow(/load\.ratePerSecond only applies with load\.mode "open"/);
    expect(() => parseConfig({ ...minimal, redaction: { substitute: { authorization: 'not a var' } } }, 'c.json')).toThrow(/redaction\.substitute\.authorization: must be an environment variable name/);
  });

  it('reports unreadable files and invalid JSON with the path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'perfgate-config-'));
    expect(() => loadConfig(join(dir, 'missing.json'))).toThrow(/missing\.json: cannot read the config file/);
    writeFileSync(join(dir, 'bad.json'), '{ "trials": ');
    expect(() => loadConfig(join(dir, 'bad.json'))).toThrow(/bad\.json: not valid JSON/);
  });
});

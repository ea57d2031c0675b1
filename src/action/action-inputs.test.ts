import { afterEach, describe, expect, it } from 'vitest';
import { canaryTargets, readActionInputs } from './action-inputs.js';

const inputs = (given: Partial<Record<'url' | 'baselineUrl' | 'pprofUrl' | 'baselinePprofUrl', string>>) => ({ url: '', baselineUrl: '', pprofUrl: '', baselinePprofUrl: '', ...given });

describe('canaryTargets', () => {
  it('reads the deployments and their pprof endpoints, each base ending in a slash', () => {
    const targets = canaryTargets(
      inputs({ url: 'https://canary.internal', baselineUrl: 'https://shop.internal', pprofUrl: 'https://canary.internal:6060/debug/pprof', baselinePprofUrl: '/debug/pprof/' }),
    );
    expect(targets.canary.href).toBe('https://canary.internal/');
    expect(targets.stable?.href).toBe('https://shop.internal/');
    expect(targets.canaryPprof?.href).toBe('https://canary.internal:6060/debug/pprof/');
    // A path is on the deployment's own origin, as profile.pprofUrl is.
    expect(targets.stablePprof?.href).toBe('https://shop.internal/debug/pprof/');
  });

  it('leaves out what is not given', () => {
    expect(canaryTargets(inputs({ url: 'http://127.0.0.1:8080' }))).toEqual({ canary: new URL('http://127.0.0.1:8080'), stable: null, canaryPprof: null, stablePprof: null });
    expect(canaryTargets(inputs({ url: 'http://c', pprofUrl: '/debug/pprof' })).canaryPprof?.href).toBe('http://c/debug/pprof/');
  });

  it('refuses baseline-pprof-url without pprof-url or without baseline-url, naming the input and what it needs', () => {
    expect(() => canaryTargets(inputs({ url: 'http://c', baselineUrl: 'http://s', baselinePprofUrl: 'http://s:6060/debug/pprof/' }))).toThrow(
      /^input baseline-pprof-url: given without pprof-url; .* give pprof-url \(the canary's pprof endpoints\) too/,
    );
    expect(() => canaryTargets(inputs({ url: 'http://c', pprofUrl: 'http://c:6060/debug/pprof/', baselinePprofUrl: 'http://s:6060/debug/pprof/' }))).toThrow(
      /^input baseline-pprof-url: given without baseline-url; it profiles the stable deployment/,
    );
  });

  it('says which input is not a URL and what it expected', () => {
    expect(() => canaryTargets(inputs({}))).toThrow('input url: required in canary mode (the deployment to replay against, for example https://canary.internal.example)');
    expect(() => canaryTargets(inputs({ url: 'canary.internal' }))).toThrow('input url: expected an http(s) URL (got "canary.internal")');
    expect(() => canaryTargets(inputs({ url: 'http://c', baselineUrl: 'ftp://s' }))).toThrow('input baseline-url: expected an http(s) URL (got "ftp://s")');
    for (const bad of ['canary:6060/debug/pprof', 'file:///debug/pprof', '//evil.example/debug/pprof']) {
      expect(() => canaryTargets(inputs({ url: 'http://c', pprofUrl: bad }))).toThrow(
        `input pprof-url: expected the http(s) URL of Go's net/http/pprof endpoints, such as https://canary.internal:6060/debug/pprof/, or a path on the deployment's origin, such as /debug/pprof (got ${JSON.stringify(bad)})`,
      );
    }
  });
});

describe('readActionInputs', () => {
  const set = (name: string, value: string) => (process.env[`INPUT_${name.toUpperCase()}`] = value);
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
  });

  it('reads pprof-url and baseline-pprof-url as the runner passes them, empty when not given', () => {
    expect(readActionInputs()).toMatchObject({ pprofUrl: '', baselinePprofUrl: '' });
    set('pprof-url', 'https://canary.internal:6060/debug/pprof/');
    set('baseline-pprof-url', 'https://shop.internal:6060/debug/pprof/');
    expect(readActionInputs()).toMatchObject({ pprofUrl: 'https://canary.internal:6060/debug/pprof/', baselinePprofUrl: 'https://shop.internal:6060/debug/pprof/' });
  });
});

import { describe, expect, it } from 'vitest';
import { closestKey, unknownKeyMessage } from './unknown-key.js';

const LOAD_KEYS = ['warmupRequests', 'measureRequests', 'connections', 'requestTimeoutMs', 'mode', 'ratePerSecond'];

describe('unknown config keys', () => {
  it('suggests the key a slip meant: a dropped letter, a swap, a case difference', () => {
    expect(closestKey('measureRequest', LOAD_KEYS)).toBe('measureRequests');
    expect(closestKey('conections', LOAD_KEYS)).toBe('connections');
    expect(closestKey('mdoe', LOAD_KEYS)).toBe('mode');
    expect(closestKey('WarmupRequests', LOAD_KEYS)).toBe('warmupRequests');
  });

  it('suggests nothing for a key unlike any known one, and lists the known keys instead', () => {
    expect(closestKey('rps', LOAD_KEYS)).toBeUndefined();
    expect(closestKey('duration', LOAD_KEYS)).toBeUndefined();
    expect(unknownKeyMessage('c.json', 'load', 'rps', ['mode', 'connections'])).toBe('c.json: load: unknown key "rps" (expected one of "mode", "connections")');
  });

  it('names the file, the field, the key and the guess', () => {
    expect(unknownKeyMessage('perfgate.config.json', 'load', 'measureRequest', LOAD_KEYS)).toBe(
      'perfgate.config.json: load: unknown key "measureRequest" (did you mean "measureRequests"?)',
    );
  });
});

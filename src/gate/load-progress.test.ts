import { describe, expect, it } from 'vitest';
import { loadProgressText } from './load-progress.js';

describe('load progress', () => {
  it('shows a counted phase toward its count', () => {
    expect(loadProgressText({ title: 'trial 2/10', phase: 'warm-up', done: 120, amount: 500, elapsedMs: 1250 })).toBe('trial 2/10 · warm-up · 120/500 requests · 1.3 s');
  });

  it('shows a timed pprof-http window toward its end, not toward the ceiling of requests it will not reach', () => {
    const text = loadProgressText({ title: 'trial 1/10', phase: 'measuring', done: 900, amount: 48_000, elapsedMs: 2000, windowSeconds: 5 });
    expect(text).toBe('trial 1/10 · measuring · 900 requests · 2.0 s of a 5 s window');
    expect(text).not.toContain('48000');
  });
});

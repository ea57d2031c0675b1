import { describe, expect, it } from 'vitest';
import { count } from './count.js';

describe('count', () => {
  it('agrees the noun with the number', () => {
    expect(count(1, 'exchange')).toBe('1 exchange');
    expect(count(0, 'exchange')).toBe('0 exchanges');
    expect(count(3, 'secret value')).toBe('3 secret values');
    expect(count(1, 'entry', 'entries')).toBe('1 entry');
    expect(count(2, 'entry', 'entries')).toBe('2 entries');
  });
});

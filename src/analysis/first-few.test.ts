import { describe, expect, it } from 'vitest';
import { firstFew } from './first-few.js';

describe('firstFew', () => {
  it('names the first few and counts the rest', () => {
    expect(firstFew(['a', 'b'])).toBe('a; b');
    expect(firstFew(['a', 'b', 'c', 'd', 'e'])).toBe('a; b; c and 2 more');
    expect(firstFew(['a', 'b', 'c'], 2, ', ')).toBe('a, b and 1 more');
  });
});

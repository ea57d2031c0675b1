import { expect, it } from 'vitest';
import { benjaminiHochberg } from './benjamini-hochberg.js';

it('matches R p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH")', () => {
  const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
  expect(q.map((v) => Number(v.toFixed(10)))).toEqual([0.02, 0.04, 0.04, 0.02]);
});

it('keeps q monotone and at most 1', () => {
  const q = benjaminiHochberg([0.9, 0.5, 0.95, 1]);
  expect(q).toEqual([1, 1, 1, 1]);
  expect(benjaminiHochberg([])).toEqual([]);
});

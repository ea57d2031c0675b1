import { expect, it } from 'vitest';
import { parseShard, shardPairs } from './shard-plan.js';

it('deals the pairs round-robin, so every shard of two or more pairs gets both ABBA orders', () => {
  expect([1, 2, 3].map((index) => shardPairs({ index, count: 3 }, 12))).toEqual([
    [1, 4, 7, 10],
    [2, 5, 8, 11],
    [3, 6, 9, 12],
  ]);
  // Uneven: the first shards take one more.
  expect(shardPairs({ index: 1, count: 4 }, 6)).toEqual([1, 5]);
  expect(shardPairs({ index: 4, count: 4 }, 6)).toEqual([4]);
});

it('refuses more shards than trials, and malformed I/N, naming what was expected', () => {
  expect(() => shardPairs({ index: 1, count: 5 }, 4)).toThrow(/4 trials cannot be shared among 5 shards/);
  expect(parseShard('--shard', ' 2 / 3 ')).toEqual({ index: 2, count: 3 });
  for (const bad of ['0/3', '4/3', '1/0', '1', '1/3/4', 'a/b', '']) expect(() => parseShard('--shard', bad)).toThrow(/--shard: expected I\/N with 1 <= I <= N <= 999, such as 2\/3/);
});

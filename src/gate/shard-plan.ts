import { PerfgateError } from '../errors.js';

/** One shard of a gate: the `index`-th of `count` (1-based), as `--shard 2/3` names it. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** `I/N` from a flag or an input; `where` names it in the error (`--shard`, `input shard`). */
export function parseShard(where: string, raw: string): Shard {
  const match = /^\s*(\d{1,3})\s*\/\s*(\d{1,3})\s*$/.exec(raw);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new PerfgateError('USAGE', `${where}: expected I/N with 1 <= I <= N <= 999, such as 2/3 (got ${JSON.stringify(raw)})`);
  }
  return { index, count };
}

/** How a shard is named in messages: `2/3`. */
export function shardName(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/**
 * The pairs (trial numbers, 1-based, of `trials` in all) a shard runs: every N-th, starting
 * at its index. Dealt round-robin rather than in blocks, so that every shard gets pairs of
 * both ABBA orders (odd pairs run base first, even pairs candidate first) whenever it has two.
 */
export function shardPairs(shard: Shard, trials: number): number[] {
  if (shard.count > trials) {
    throw new PerfgateError('USAGE', `--shard ${shardName(shard)}: ${trials} trials cannot be shared among ${shard.count} shards (each needs at least one; raise --trials to a multiple of ${shard.count})`);
  }
  const pairs: number[] = [];
  for (let pair = shard.index; pair <= trials; pair += shard.count) pairs.push(pair);
  return pairs;
}

import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  PerfgateError
} from "./chunk-RXSKCGKU.js";

// src/gate/shard-plan.ts
function parseShard(where, raw) {
  const match = /^\s*(\d{1,3})\s*\/\s*(\d{1,3})\s*$/.exec(raw);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new PerfgateError("USAGE", `${where}: expected I/N with 1 <= I <= N <= 999, such as 2/3 (got ${JSON.stringify(raw)})`);
  }
  return { index, count };
}
function shardName(shard) {
  return `${shard.index}/${shard.count}`;
}
function shardPairs(shard, trials) {
  if (shard.count > trials) {
    throw new PerfgateError("USAGE", `--shard ${shardName(shard)}: ${trials} trials cannot be shared among ${shard.count} shards (each needs at least one; raise --trials to a multiple of ${shard.count})`);
  }
  const pairs = [];
  for (let pair = shard.index; pair <= trials; pair += shard.count) pairs.push(pair);
  return pairs;
}

export {
  parseShard,
  shardName,
  shardPairs
};

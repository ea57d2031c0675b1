import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  parseShard,
  shardName,
  shardPairs
} from "./chunk-DQ57QZL7.js";
import "./chunk-RXSKCGKU.js";
import "./chunk-45BS2XPL.js";
export {
  parseShard,
  shardName,
  shardPairs
};

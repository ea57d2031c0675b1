import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  loadConfig,
  parseConfig
} from "./chunk-JP6TJ44H.js";
import "./chunk-PRMFOBU2.js";
import "./chunk-HHDVV6HW.js";
import "./chunk-RXSKCGKU.js";
import "./chunk-L7LVZID3.js";
import "./chunk-45BS2XPL.js";
export {
  loadConfig,
  parseConfig
};

import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  loadConfig,
  parseConfig
} from "./chunk-SOXIKACN.js";
import "./chunk-2XZHW74P.js";
import "./chunk-HHDVV6HW.js";
import "./chunk-RXSKCGKU.js";
import "./chunk-L7LVZID3.js";
import "./chunk-45BS2XPL.js";
export {
  loadConfig,
  parseConfig
};

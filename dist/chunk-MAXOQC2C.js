import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  loadConfig,
  parseConfig
} from "./chunk-LZZXIY2W.js";
import "./chunk-WY4YL6C2.js";
import "./chunk-HHDVV6HW.js";
import "./chunk-RXSKCGKU.js";
import "./chunk-L7LVZID3.js";
import "./chunk-45BS2XPL.js";
export {
  loadConfig,
  parseConfig
};

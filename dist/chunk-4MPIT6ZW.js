import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  textTable
} from "./chunk-V4GKNMXB.js";
import "./chunk-75B7EWVT.js";
import "./chunk-45BS2XPL.js";
export {
  textTable
};

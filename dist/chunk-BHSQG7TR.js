import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  previewComment,
  runComment
} from "./chunk-G45VHSIQ.js";
import "./chunk-CTH6ZA3R.js";
import "./chunk-GJT2B7T6.js";
import "./chunk-RSJDVD32.js";
import "./chunk-6KH3PXZ3.js";
import "./chunk-UE2XNEGO.js";
import "./chunk-46DMX2E3.js";
import "./chunk-PRMFOBU2.js";
import "./chunk-5USVVHII.js";
import "./chunk-S6SIRFXG.js";
import "./chunk-HHDVV6HW.js";
import "./chunk-RXSKCGKU.js";
import "./chunk-L7LVZID3.js";
import "./chunk-45BS2XPL.js";
export {
  previewComment,
  runComment
};

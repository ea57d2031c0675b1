import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  previewComment,
  runComment
} from "./chunk-V26MY3HU.js";
import "./chunk-CTH6ZA3R.js";
import "./chunk-GJT2B7T6.js";
import "./chunk-H2GMB757.js";
import "./chunk-6KH3PXZ3.js";
import "./chunk-IFI646GL.js";
import "./chunk-46DMX2E3.js";
import "./chunk-GJ73JJ7L.js";
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

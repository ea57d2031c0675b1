import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  previewComment,
  runComment
} from "./chunk-GFOTJPRV.js";
import "./chunk-CTH6ZA3R.js";
import "./chunk-GJT2B7T6.js";
import "./chunk-G7MJYKR3.js";
import "./chunk-6KH3PXZ3.js";
import "./chunk-Y7XWDE4F.js";
import "./chunk-M7HRW4TT.js";
import "./chunk-2XZHW74P.js";
import "./chunk-V4GKNMXB.js";
import "./chunk-75B7EWVT.js";
import "./chunk-HHDVV6HW.js";
import "./chunk-RXSKCGKU.js";
import "./chunk-L7LVZID3.js";
import "./chunk-45BS2XPL.js";
export {
  previewComment,
  runComment
};

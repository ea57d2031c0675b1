import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  previewComment,
  runComment
} from "./chunk-KSTVQKDU.js";
import "./chunk-CTH6ZA3R.js";
import "./chunk-GJT2B7T6.js";
import "./chunk-KTCYMTEX.js";
import "./chunk-6KH3PXZ3.js";
import "./chunk-EKM4CCT5.js";
import "./chunk-CT3P6R3J.js";
import "./chunk-2XZHW74P.js";
import "./chunk-BFCGABI4.js";
import "./chunk-5IVOEULD.js";
import "./chunk-HHDVV6HW.js";
import "./chunk-RXSKCGKU.js";
import "./chunk-L7LVZID3.js";
import "./chunk-45BS2XPL.js";
export {
  previewComment,
  runComment
};

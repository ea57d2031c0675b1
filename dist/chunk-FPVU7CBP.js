import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  mergeServices,
  serviceLabel
} from "./chunk-7PPCI2X2.js";
import "./chunk-HTN6A2EI.js";
import "./chunk-5LNHZENX.js";
import "./chunk-HMOVV7EF.js";
import "./chunk-GM7D4AH3.js";
import "./chunk-DQ57QZL7.js";
import "./chunk-K7LC2DK3.js";
import "./chunk-RADQ4DZD.js";
import "./chunk-6KH3PXZ3.js";
import "./chunk-BKLRVJWE.js";
import "./chunk-YC45GI3R.js";
import "./chunk-46DMX2E3.js";
import "./chunk-2XZHW74P.js";
import "./chunk-5USVVHII.js";
import "./chunk-S6SIRFXG.js";
import "./chunk-TUUKDTNG.js";
import "./chunk-MD65PPN2.js";
import "./chunk-SB6TE77W.js";
import "./chunk-HHDVV6HW.js";
import "./chunk-RXSKCGKU.js";
import "./chunk-L7LVZID3.js";
import "./chunk-45BS2XPL.js";
export {
  mergeServices,
  serviceLabel
};

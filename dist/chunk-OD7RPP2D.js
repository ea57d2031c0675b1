import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  STORED_PROFILES,
  runShard
} from "./chunk-XINUCSRI.js";
import "./chunk-ICFNSILZ.js";
import "./chunk-OPYZUUPW.js";
import "./chunk-MNZH4M7E.js";
import "./chunk-KTCYMTEX.js";
import "./chunk-DQ57QZL7.js";
import "./chunk-K7LC2DK3.js";
import "./chunk-RADQ4DZD.js";
import "./chunk-6KH3PXZ3.js";
import "./chunk-BKLRVJWE.js";
import "./chunk-EKM4CCT5.js";
import "./chunk-CT3P6R3J.js";
import "./chunk-2XZHW74P.js";
import "./chunk-BFCGABI4.js";
import "./chunk-5IVOEULD.js";
import "./chunk-TUUKDTNG.js";
import "./chunk-MD65PPN2.js";
import "./chunk-SB6TE77W.js";
import "./chunk-HHDVV6HW.js";
import "./chunk-RXSKCGKU.js";
import "./chunk-L7LVZID3.js";
import "./chunk-45BS2XPL.js";
export {
  STORED_PROFILES,
  runShard
};

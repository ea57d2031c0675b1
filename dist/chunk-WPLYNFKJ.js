import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  STORED_PROFILES,
  runShard
} from "./chunk-HX55PRCC.js";
import "./chunk-546NP3C6.js";
import "./chunk-A6ZOFHUW.js";
import "./chunk-MFULWU7A.js";
import "./chunk-G7MJYKR3.js";
import "./chunk-DQ57QZL7.js";
import "./chunk-K7LC2DK3.js";
import "./chunk-RADQ4DZD.js";
import "./chunk-6KH3PXZ3.js";
import "./chunk-BKLRVJWE.js";
import "./chunk-Y7XWDE4F.js";
import "./chunk-M7HRW4TT.js";
import "./chunk-2XZHW74P.js";
import "./chunk-V4GKNMXB.js";
import "./chunk-75B7EWVT.js";
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

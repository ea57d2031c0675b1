import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  STORED_PROFILES,
  runShard
} from "./chunk-F26EFVKC.js";
import "./chunk-VK5WUWTS.js";
import "./chunk-4XCFXYA7.js";
import "./chunk-OBVIARLG.js";
import "./chunk-BPI7REON.js";
import "./chunk-DQ57QZL7.js";
import "./chunk-K7LC2DK3.js";
import "./chunk-6KH3PXZ3.js";
import "./chunk-BKLRVJWE.js";
import "./chunk-TPCATKFW.js";
import "./chunk-2XZHW74P.js";
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

import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  STORED_PROFILES,
  runShard
} from "./chunk-BQ2J3RX7.js";
import "./chunk-QMALCRGF.js";
import "./chunk-CX6DI6OH.js";
import "./chunk-RWPTTPB6.js";
import "./chunk-RSJDVD32.js";
import "./chunk-DQ57QZL7.js";
import "./chunk-K7LC2DK3.js";
import "./chunk-RADQ4DZD.js";
import "./chunk-6KH3PXZ3.js";
import "./chunk-BKLRVJWE.js";
import "./chunk-UE2XNEGO.js";
import "./chunk-46DMX2E3.js";
import "./chunk-PRMFOBU2.js";
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
  STORED_PROFILES,
  runShard
};

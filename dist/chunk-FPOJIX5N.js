import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  writeFileAtomic
} from "./chunk-BKLRVJWE.js";
import "./chunk-45BS2XPL.js";
export {
  writeFileAtomic
};

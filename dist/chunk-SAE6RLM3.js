import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  textTable
} from "./chunk-BFCGABI4.js";
import "./chunk-5IVOEULD.js";
import "./chunk-45BS2XPL.js";
export {
  textTable
};

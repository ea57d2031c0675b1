import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  textTable
} from "./chunk-5USVVHII.js";
import "./chunk-S6SIRFXG.js";
import "./chunk-45BS2XPL.js";
export {
  textTable
};

import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  DEFAULT_MEASURE_REQUESTS,
  DEFAULT_TRIALS,
  compareSchema,
  configSchema,
  loadSchema,
  profileSchema,
  redactionSchema,
  serviceSchema
} from "./chunk-PRMFOBU2.js";
import "./chunk-L7LVZID3.js";
import "./chunk-45BS2XPL.js";
export {
  DEFAULT_MEASURE_REQUESTS,
  DEFAULT_TRIALS,
  compareSchema,
  configSchema,
  loadSchema,
  profileSchema,
  redactionSchema,
  serviceSchema
};

import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  REPORT_SCHEMA,
  REPORT_VERSION,
  buildFlameTree,
  flameMeasures,
  flamePageData,
  jsonText,
  renderHtml,
  renderMarkdown,
  renderTerminal,
  reportJson,
  requestCounts,
  untrustedReportSchema
} from "./chunk-UE2XNEGO.js";
import "./chunk-46DMX2E3.js";
import "./chunk-PRMFOBU2.js";
import {
  textTable
} from "./chunk-5USVVHII.js";
import {
  escapeMarkdown
} from "./chunk-S6SIRFXG.js";
import "./chunk-RXSKCGKU.js";
import "./chunk-L7LVZID3.js";
import "./chunk-45BS2XPL.js";
export {
  REPORT_SCHEMA,
  REPORT_VERSION,
  buildFlameTree,
  escapeMarkdown,
  flameMeasures,
  flamePageData,
  jsonText,
  renderHtml,
  renderMarkdown,
  renderTerminal,
  reportJson,
  requestCounts,
  textTable,
  untrustedReportSchema
};

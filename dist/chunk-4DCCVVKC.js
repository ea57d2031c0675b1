import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  DEFAULT_REDACTION_RULES,
  HTTP_METHODS,
  REPLAY_FIELDS,
  RecordingProxy,
  ReplayAppender,
  checkReplay,
  createRedactor,
  dropForReplay,
  formatReplayLine,
  importHar,
  parseReplay,
  readReplayBytes,
  readReplayFile,
  readReplayText,
  redactionRules,
  replayFileSha256,
  replayStats,
  resolveSubstitutions,
  routeOf,
  statusMatcher,
  substituteSecrets,
  unsubstitutedPlaceholders
} from "./chunk-TUUKDTNG.js";
import "./chunk-MD65PPN2.js";
import "./chunk-SB6TE77W.js";
import "./chunk-HHDVV6HW.js";
import "./chunk-RXSKCGKU.js";
import "./chunk-L7LVZID3.js";
import "./chunk-45BS2XPL.js";
export {
  DEFAULT_REDACTION_RULES,
  HTTP_METHODS,
  REPLAY_FIELDS,
  RecordingProxy,
  ReplayAppender,
  checkReplay,
  createRedactor,
  dropForReplay,
  formatReplayLine,
  importHar,
  parseReplay,
  readReplayBytes,
  readReplayFile,
  readReplayText,
  redactionRules,
  replayFileSha256,
  replayStats,
  resolveSubstitutions,
  routeOf,
  statusMatcher,
  substituteSecrets,
  unsubstitutedPlaceholders
};

import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);

// src/version.ts
var PERFGATE_VERSION = true ? "0.1.0" : "0.0.0-dev";

export {
  PERFGATE_VERSION
};

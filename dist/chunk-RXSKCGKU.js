import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);

// src/errors.ts
var PerfgateError = class extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.code = code;
  }
  code;
  name = "PerfgateError";
};
function isPerfgateError(error) {
  return error instanceof PerfgateError;
}
function describeError(error) {
  if (error instanceof Error) return error.message;
  return String(error);
}

export {
  PerfgateError,
  isPerfgateError,
  describeError
};

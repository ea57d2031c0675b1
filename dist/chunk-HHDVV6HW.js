import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);

// src/value-at.ts
function valueAt(raw, path) {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== "object" || !Object.prototype.hasOwnProperty.call(value, key)) return void 0;
    value = value[key];
  }
  return value;
}

export {
  valueAt
};

import { PerfgateError } from './errors.js';

/**
 * A whole number typed by a person (a flag, an action input), at least `min`. Digits only:
 * `Number()` would take "1e3", " 8" and "0x10" silently. `what` names it in the error
 * (`--trials`, `input trials`).
 */
export function parseWholeNumber(what: string, raw: string, min: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min) {
    throw new PerfgateError('USAGE', `${what} must be an integer >= ${min} (got ${JSON.stringify(raw)})`);
  }
  return value;
}

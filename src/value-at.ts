/**
 * The value at a validation issue's path in the raw input, for the "(got …)" of an error
 * message; own properties only, so a path through `__proto__` finds nothing.
 */
export function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

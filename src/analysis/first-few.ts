/**
 * The first `shown` of a list, joined by `separator`, and how many more: "a; b; c and 4 more".
 * What a verdict, a warning or a progress line names, where naming every item would bury it.
 */
export function firstFew(items: readonly string[], shown = 3, separator = '; '): string {
  return `${items.slice(0, shown).join(separator)}${items.length > shown ? ` and ${items.length - shown} more` : ''}`;
}

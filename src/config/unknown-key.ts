/**
 * The message for a key the config does not know, with the known key it most likely
 * meant: a one-letter slip (`measureRequest`) should cost a glance, not a docs search.
 * Shared by the CLI's config errors and the test that holds perfgate.schema.json to them.
 */
export function unknownKeyMessage(file: string, field: string, key: string, known: readonly string[]): string {
  const guess = closestKey(key, known);
  const hint = guess !== undefined ? `did you mean ${JSON.stringify(guess)}?` : `expected one of ${known.map((k) => JSON.stringify(k)).join(', ')}`;
  return `${file}: ${field}: unknown key ${JSON.stringify(key)} (${hint})`;
}

/** The known key nearest to `key`, when it is near enough to be a slip: a third of its letters at most. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    // Case alone is always a slip (`readypath`), whatever the length.
    const distance = candidate.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, candidate);
    if (best === undefined || distance < best.distance) best = { key: candidate, distance };
  }
  if (best === undefined) return undefined;
  return best.distance <= Math.max(1, Math.floor(best.key.length / 3)) ? best.key : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost 1. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = value;
    }
  }
  return d[rows * cols - 1]!;
}

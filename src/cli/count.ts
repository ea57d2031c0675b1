/** "1 exchange", "3 exchanges": a count with its noun, so no message says "1 exchanges". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

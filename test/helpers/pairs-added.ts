/**
 * The pairs a same-runner run added to its first ones (compare.extendTrials), read from the
 * line it prints when they could not decide; null when it added none. A run decides for itself
 * whether to add them, so tests that count pairs must ask the run.
 */
export function pairsAdded(stderr: string): { from: number; added: number } | null {
  const line = /baseline: (\d+) pairs cannot decide \(.*\): measuring (\d+) more pairs \(compare\.extendTrials\)/.exec(stderr);
  return line ? { from: Number(line[1]), added: Number(line[2]) } : null;
}

/**
 * Benjamini–Hochberg adjusted p-values (q-values): reject where q <= alpha keeps the
 * expected share of false discoveries among the rejections at or below alpha.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p);
  const q = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const entry = order[rank - 1]!;
    running = Math.min(running, (entry.p * m) / rank);
    q[entry.index] = Math.min(1, running);
  }
  return q;
}

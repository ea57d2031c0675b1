/** A ratio as a signed percentage change: 1.096 → "+9.6%", 0.8 → "-20.0%". */
export function signedChange(factor: number): string {
  return `${factor >= 1 ? '+' : ''}${((factor - 1) * 100).toFixed(1)}%`;
}

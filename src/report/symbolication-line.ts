import type { Symbolication } from '../profile/index.js';

/** `symbolicated: 99.2% of CPU, 100.0% of allocated bytes (file and line; target 95%)`. */
export function symbolicationLine(rates: readonly Symbolication[]): string {
  const what = (s: Symbolication) => (s.sampleType === 'cpu' ? 'CPU' : s.sampleType === 'alloc_space' ? 'allocated bytes' : s.sampleType);
  const mapped = rates[0] && rates[0].sourceMappedShare > 0 ? `; ${(rates[0].sourceMappedShare * 100).toFixed(1)}% of ${what(rates[0])} reached its original source through a source map` : '';
  const unmapped = rates.filter((s) => s.compiledWithoutMapShare > 0).map((s) => `${(s.compiledWithoutMapShare * 100).toFixed(1)}% of ${what(s)}`);
  const compiled = unmapped.length > 0 ? `; ${unmapped.join(', ')} in compiled code with no source map (generated lines)` : '';
  return `symbolicated: ${rates.map((s) => `${(s.rate * 100).toFixed(1)}% of ${what(s)}`).join(', ')} (leaf frame with a source file and line; target 95%)${mapped}${compiled}`;
}

import type { Profile } from 'pprof-format';
import { PerfgateError } from '../errors.js';
import { functionKey } from '../profile/function-identity.js';

export interface HotLine {
  /** 1-based line in the function's file (after source maps). */
  readonly line: number;
  /** Share of the function's own (self) value spent on this line. */
  readonly share: number;
}

/**
 * The hottest lines of the given functions (`file#name` keys), from the lines of the leaf
 * locations of a profile's samples: perfgate's CPU profiles carry V8's per-line ticks
 * there. Lines are numbered in the profiled commit; shares are of the function's self value.
 */
export function hotLines(profile: Profile, source: string, keys: readonly string[], limit = 3, valueType = 'cpu'): Record<string, HotLine[]> {
  const wanted = new Set(keys);
  const strings = profile.stringTable.strings;
  const valueIndex = profile.sampleType.findIndex((t) => strings[Number(t.type)] === valueType);
  const result = Object.create(null) as Record<string, HotLine[]>;
  if (valueIndex < 0 || wanted.size === 0) return result;
  const keyOfFunction = new Map<string, string>();
  for (const fn of profile.function) keyOfFunction.set(String(fn.id), functionKey({ name: strings[Number(fn.name)] ?? '', file: strings[Number(fn.filename)] ?? '' }));
  const leafOfLocation = new Map<string, { key: string; line: number }>();
  for (const location of profile.location) {
    const innermost = location.line[0];
    if (!innermost) continue;
    const key = keyOfFunction.get(String(innermost.functionId));
    if (key === undefined) throw new PerfgateError('PROFILE_INVALID', `${source}: location ${location.id} refers to unknown function ${innermost.functionId}`);
    leafOfLocation.set(String(location.id), { key, line: Number(innermost.line) });
  }
  const byFunction = new Map<string, Map<number, number>>();
  for (const sample of profile.sample) {
    const leaf = leafOfLocation.get(String(sample.locationId[0]));
    if (!leaf || !wanted.has(leaf.key) || leaf.line <= 0) continue;
    const value = Number(sample.value[valueIndex] ?? 0);
    if (!(value > 0)) continue;
    const lines = byFunction.get(leaf.key) ?? new Map<number, number>();
    lines.set(leaf.line, (lines.get(leaf.line) ?? 0) + value);
    byFunction.set(leaf.key, lines);
  }
  for (const [key, lines] of byFunction) {
    const total = [...lines.values()].reduce((a, b) => a + b, 0);
    result[key] = [...lines]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([line, value]) => ({ line, share: value / total }));
  }
  return result;
}

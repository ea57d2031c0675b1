import type { RouteMismatchTotal } from './findings.js';
import type { TrialMetrics } from './trial.js';

/** Mismatches by route, summed per side over its trials: where the wrong answers came from. */
export function routeMismatches(baseline: readonly TrialMetrics[], candidate: readonly TrialMetrics[]): RouteMismatchTotal[] {
  const totals: RouteMismatchTotal[] = [];
  for (const [side, trials] of [['baseline', baseline], ['candidate', candidate]] as const) {
    const byRoute = new Map<string, { count: number; responses: number; statuses: Record<string, number> }>();
    for (const trial of trials) {
      for (const [route, m] of Object.entries(trial.service.statusMismatchesByRoute ?? {})) {
        const total = byRoute.get(route) ?? { count: 0, responses: 0, statuses: {} };
        total.count += m.count;
        total.responses += m.responses;
        for (const [pair, n] of Object.entries(m.statuses)) total.statuses[pair] = (total.statuses[pair] ?? 0) + n;
        byRoute.set(route, total);
      }
    }
    for (const [route, total] of byRoute) totals.push({ side, route, ...total });
  }
  return totals.sort((a, b) => (a.side === b.side ? b.count - a.count || a.route.localeCompare(b.route) : a.side === 'candidate' ? -1 : 1));
}

import type { TrialMetrics } from '../analysis/index.js';
import type { RequestCounts } from './report.js';

/** Requests and failures of each trial, as the reports show them beside the service metrics. */
export function requestCounts(trials: readonly TrialMetrics[]): RequestCounts[] {
  return trials.map((t) => ({ requests: t.requests, errors: t.service.errors, statusMismatches: t.service.statusMismatches, non2xx: t.service.non2xx }));
}

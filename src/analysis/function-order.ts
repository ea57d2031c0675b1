import { metricOf, type FunctionFinding, type Outcome } from './findings.js';
import { isLibraryFile } from './package-identity.js';

/** A total this large a part of all CPU marks an entry point (a server's request handler, `main`). */
const ENTRY_POINT = 0.8;

const OUTCOME_ORDER: Record<Outcome, number> = { regressed: 0, improved: 1, inconclusive: 2, unchanged: 3 };

/**
 * The order a reader should look in: regressions first; among them, entry points whose total
 * is nearly all of the CPU (`whole`, in the comparison's unit) last, since they contain every
 * change and explain none; then the service's own code before the library code it calls (a
 * checksum function before the hash it calls: the service's change is the cause, the
 * library's time the symptom); then functions whose own time or allocations rose before
 * those that only contain them; then by how much moved.
 */
export function byImportance(whole: number): (a: FunctionFinding, b: FunctionFinding) => number {
  return (a, b) => compareFindings(a, b, whole);
}

function compareFindings(a: FunctionFinding, b: FunctionFinding, whole: number): number {
  const order = OUTCOME_ORDER[a.outcome] - OUTCOME_ORDER[b.outcome];
  if (order !== 0) return order;
  const entry = (f: FunctionFinding) => Number(whole > 0 && f.self.outcome !== f.outcome && f.total.baselineMedian >= ENTRY_POINT * whole);
  const entries = entry(a) - entry(b);
  if (entries !== 0) return entries;
  const library = Number(isLibraryFile(a.file)) - Number(isLibraryFile(b.file));
  if (library !== 0 && a.outcome !== 'unchanged') return library;
  const ownBlame = (f: FunctionFinding) => Number(f.self.outcome === f.outcome || f.allocations?.outcome === f.outcome);
  const selfBlame = ownBlame(b) - ownBlame(a);
  if (selfBlame !== 0) return selfBlame;
  // By how much the metric that decided each moved; CPU and allocations are in different
  // units, so CPU first, allocations between equals.
  const moved = (f: FunctionFinding, metric: 'self' | 'total' | 'allocations') => {
    const m = metricOf(f, metric);
    return m ? Math.abs(m.candidateMedian - m.baselineMedian) : 0;
  };
  const cpu = (f: FunctionFinding) => (f.decidedBy === 'allocations' ? 0 : moved(f, f.decidedBy ?? 'self'));
  return cpu(b) - cpu(a) || moved(b, 'allocations') - moved(a, 'allocations') || a.key.localeCompare(b.key);
}

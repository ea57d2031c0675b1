import type { Verdict } from '../analysis/index.js';

/** The verdict in a few words; the switch is exhaustive so a new outcome breaks the build. */
export function verdictHeadline(verdict: Verdict): { icon: string; text: string } {
  switch (verdict.outcome) {
    case 'pass':
      return { icon: '✅', text: 'no performance regression' };
    case 'fail':
      return { icon: '❌', text: `${verdict.blocking.length} function${verdict.blocking.length === 1 ? '' : 's'} regressed` };
    case 'fail-errors':
      return { icon: '❌', text: 'requests failed: correctness before speed' };
    case 'inconclusive':
      return { icon: '⚠️', text: 'inconclusive' };
    default: {
      const unreachable: never = verdict;
      return unreachable;
    }
  }
}

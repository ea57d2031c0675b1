import type { Verdict } from '../analysis/index.js';
import type { ActionOutputs } from './outputs.js';

export interface ModeOutcome {
  /** Why the step fails, or null when it passes. */
  readonly failure: string | null;
  /** What the step tells the workflow; action.ts sets them, whatever the failure. */
  readonly outputs: ActionOutputs;
}

/**
 * Why a verdict fails the step: an inconclusive run always does (a pass must mean the run
 * could have seen a regression), a regression only with fail-on-regression.
 */
export function verdictFailure(verdict: Verdict, failOnRegression: boolean, who: string): string | null {
  switch (verdict.outcome) {
    case 'pass':
      return null;
    case 'inconclusive':
      return `${who}: inconclusive: ${verdict.rule}`;
    case 'fail':
    case 'fail-errors':
      return failOnRegression ? `${who}: ${verdict.rule}` : null;
    default: {
      const unreachable: never = verdict;
      throw new Error(`unknown verdict ${JSON.stringify(unreachable)}`);
    }
  }
}

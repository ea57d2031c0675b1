import type { Verdict } from '../analysis/index.js';
import type { ActionOutputs } from './outputs.js';

export interface ModeOutcome {
  /** Why the step fails, or null when it passes. */
  readonly failure: string | null;
}

/**
 * Where a mode puts its outputs as soon as it knows them: action.ts sets them all once the
 * mode ends, however it ends (a comment that fails to post must not lose the verdict).
 */
export type EmitOutputs = (outputs: ActionOutputs) => void;

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

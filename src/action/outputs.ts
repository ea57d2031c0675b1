import * as core from '@actions/core';

/** Every output of action.yml (a test keeps the two in step, and finds no setOutput anywhere else). */
export const OUTPUT_NAMES = ['verdict', 'regressions', 'report-path', 'comment-url', 'baseline-commit', 'pull-request', 'diff-score', 'diff-score-low', 'diff-score-high'] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

/** What a mode tells the workflow; an output a mode does not set stays empty. */
export type ActionOutputs = Partial<Record<OutputName, string>>;

/** The only place the action sets outputs. */
export function setOutputs(outputs: ActionOutputs): void {
  for (const name of OUTPUT_NAMES) {
    const value = outputs[name];
    if (value !== undefined) core.setOutput(name, value);
  }
}

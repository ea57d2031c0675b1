import type { Outcome } from '../../analysis/index.js';
import type { FlameTree } from './tree.js';

/** What report.html embeds for its flame graph (as JSON) and the static SVG draws from. */
export interface FlamePageData {
  readonly tree: FlameTree;
  /** Per function of the tree, in the same order. */
  readonly look: readonly FunctionLook[];
}

export interface FunctionLook {
  /** Frame fill and label colours (CSS). */
  readonly fill: string;
  readonly text: string;
  /** The function's finding; null when it was not tested (too small, or ignored). */
  readonly outcome: Outcome | null;
  /** Lines describing the finding for the tooltip, already formatted. */
  readonly summary: readonly string[];
}

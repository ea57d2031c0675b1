import type { AnalysisResult } from './analysis.js';
import type { CliResult } from './cli-costs.js';
import type { DetectionResult } from './detection.js';
import type { LoadRecord, Machine } from './machine.js';
import type { OverheadResult } from './overhead.js';
import type { PhasesResult } from './phases.js';

export const PART_NAMES = ['overhead', 'analysis', 'phases', 'detection', 'cli'] as const;
export type PartName = (typeof PART_NAMES)[number];

/** One part's figures with the machine, its load and the mode they were measured in. */
export interface PartRecord<T> {
  readonly quick: boolean;
  readonly machine: Machine;
  readonly load: LoadRecord;
  readonly result: T;
}

/** docs/benchmarks/results.json: every figure the page shows, so the page can be re-rendered and checked. */
export interface BenchResults {
  readonly parts: {
    overhead?: PartRecord<OverheadResult>;
    analysis?: PartRecord<AnalysisResult>;
    phases?: PartRecord<PhasesResult>;
    detection?: PartRecord<DetectionResult>;
    cli?: PartRecord<CliResult>;
  };
}

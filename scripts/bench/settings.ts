import type { AnalysisSettings } from './analysis.js';
import type { CliSettings } from './cli-costs.js';
import type { DetectionSettings } from './detection.js';
import type { OverheadSettings } from './overhead.js';
import type { PhasesSettings } from './phases.js';

export interface BenchSettings {
  readonly overhead: OverheadSettings;
  readonly analysis: AnalysisSettings;
  readonly phases: PhasesSettings;
  readonly detection: DetectionSettings;
  readonly cli: CliSettings;
}

/**
 * The overhead's windows: 3000 requests, the example's trial length when it was measured (the
 * example now measures 12000 a trial; overhead is a ratio per request, which the window's
 * length does not change, only its noise).
 */
const EXAMPLE_LOAD = { warmupRequests: 500, measureRequests: 3000, connections: 8 } as const;

/**
 * Full mode takes about an hour on a 2-core machine; quick mode a few minutes, with
 * counts too small for anything but checking that the benchmark works.
 */
export function settingsFor(quick: boolean): BenchSettings {
  return {
    overhead: { rounds: quick ? 2 : 16, processes: quick ? 2 : 15, settleRequests: 1000, ...EXAMPLE_LOAD },
    analysis: {
      trialsPerSide: 10,
      // samples × distinct functions × stack depth; each row one child process.
      sizes: quick
        ? [
            { samples: 10_000, functions: 1_000, depth: 16 },
            { samples: 100_000, functions: 10_000, depth: 16 },
          ]
        : [
            { samples: 10_000, functions: 1_000, depth: 16 },
            { samples: 100_000, functions: 10_000, depth: 16 },
            { samples: 1_000_000, functions: 100_000, depth: 16 },
            { samples: 100_000, functions: 1_000, depth: 16 },
            { samples: 100_000, functions: 100_000, depth: 16 },
            { samples: 100_000, functions: 10_000, depth: 4 },
            { samples: 100_000, functions: 10_000, depth: 64 },
          ],
      repeats: quick ? 1 : 3,
    },
    phases: { runs: quick ? 1 : 3 },
    detection: {
      // 8 is about the fewest trials a side that can reach significance at the example's tests (docs/statistics.md
      // says why). The defaults' own cell (20 × 4000 since 2026-12-02) is measured by the real gate in `npm run bench:verdicts`.
      trials: quick ? [8] : [8, 12, 16],
      requests: quick ? [1000] : [1000, 3000, 6000],
      runsPerCell: 1,
      // Each resampled comparison is a full compare() at the default statistics (~0.3 s here).
      draws: quick ? 5 : 30,
      effects: quick ? [0.5, 1] : [0.25, 0.5, 0.75, 1],
    },
    // The sizes of section 2's middle row: 100 000 distinct stacks over 10 000 functions.
    cli: { startRuns: quick ? 5 : 20, diffProfile: quick ? { samples: 10_000, functions: 1_000, depth: 16 } : { samples: 100_000, functions: 10_000, depth: 16 } },
  };
}

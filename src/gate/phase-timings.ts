/**
 * Where a gate run's wall time goes, phase by phase (report.json `timingsMs`): the
 * figures docs/benchmarks/README.md splits the gate's cost with, and what a user reads to
 * see whether trials, requests or the analysis dominate their CI minutes.
 */
export const PHASES = ['build', 'start', 'warmup', 'measure', 'profiles', 'teardown', 'analysis', 'report'] as const;
export type PhaseName = (typeof PHASES)[number];

export interface Stopwatch {
  /** Adds the time since the previous lap (or since the stopwatch started) to `phase`. */
  lap(phase: PhaseName): void;
}

export class PhaseTimings {
  private readonly spent = new Map<PhaseName, number>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  stopwatch(): Stopwatch {
    let last = this.now();
    return {
      lap: (phase) => {
        const at = this.now();
        this.spent.set(phase, (this.spent.get(phase) ?? 0) + (at - last));
        last = at;
      },
    };
  }

  /** Milliseconds per phase, summed over every trial of both sides; every phase is present. */
  milliseconds(): Record<PhaseName, number> {
    return Object.fromEntries(PHASES.map((phase) => [phase, Math.round(this.spent.get(phase) ?? 0)])) as Record<PhaseName, number>;
  }
}

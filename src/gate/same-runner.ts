import { randomUUID } from 'node:crypto';
import { relative, sep } from 'node:path';
import { runBuild } from '../target/index.js';
import { measure, type Measurement, type MeasureOptions } from './measure.js';
import { baseInstallSetting } from './base-dependencies.js';
import { baseSideConfig } from './base-side-config.js';
import { installBaseDependencies } from './install-base-dependencies.js';
import { addWorktree } from './worktree.js';

/**
 * Same-runner A/B: the base commit is checked out in a git worktree and both sides run
 * on this machine, interleaved in ABBA blocks (B A, A B, B A …), so a drift in the
 * machine's speed hits both sides alike and adjacent pairs can be compared directly.
 * The replay file, the agent and every setting are the candidate's: only the code and the
 * dependencies differ (the base's own, installed or linked into its worktree).
 */
export async function measureInterleaved(
  options: MeasureOptions,
  baseRef: string,
  /** The pair numbers (1-based, of `config.trials`) to run; a shard runs its share (gate/shard-plan.ts). */
  pairs: readonly number[] = Array.from({ length: options.config.trials }, (_, i) => i + 1),
  /**
   * Asked after the pairs, with both sides so far, for more pairs to run in the same worktree
   * (numbered on from the last); an empty list ends the measurement.
   */
  more?: (sofar: Interleaved) => Promise<readonly number[]>,
): Promise<Interleaved> {
  const { config, progress } = options;
  const buildWatch = options.timings?.stopwatch();
  const worktree = addWorktree(config.root, baseRef);
  try {
    const baseConfig = baseSideConfig(config, worktree);
    // baseSideConfig placed the service folder in the worktree (by real paths, and only from inside the repository).
    const serviceDir = relative(worktree.path, baseConfig.service.cwd).split(sep).join('/');
    await installBaseDependencies({ top: worktree.top, base: worktree.path, serviceDir, commit: worktree.commit }, baseInstallSetting(config.compare.baseInstall), progress);
    const runId = options.runId ?? randomUUID();
    for (const [side, sideConfig] of [['baseline', baseConfig], ['candidate', config]] as const) {
      if (sideConfig.service.build) {
        await progress.phase(`build ${side} (${side === 'baseline' ? worktree.commit.slice(0, 12) : 'working tree'}): ${sideConfig.service.build}`, () =>
          runBuild(sideConfig.service.build!, sideConfig.service.cwd, process.env),
        );
      }
    }
    buildWatch?.lap('build');
    const parts = { baseline: [] as Measurement[], candidate: [] as Measurement[] };
    let batch = pairs;
    let planned = config.trials;
    for (;;) {
      for (const pair of batch) {
        const order = pair % 2 === 1 ? (['baseline', 'candidate'] as const) : (['candidate', 'baseline'] as const);
        for (const side of order) {
          const sideConfig = side === 'baseline' ? baseConfig : config;
          // Progress counts added pairs against the new total ("trial 11 of 20").
          parts[side].push(await measure({ ...options, config: { ...sideConfig, trials: planned }, runId, label: side, only: [pair], skipBuild: true }));
        }
      }
      const sofar = { baseline: concat(parts.baseline), candidate: concat(parts.candidate), baseCommit: worktree.commit };
      batch = more ? await more(sofar) : [];
      if (batch.length === 0) return sofar;
      planned = Math.max(planned, ...batch);
    }
  } finally {
    worktree.remove();
  }
}

export interface Interleaved {
  readonly baseline: Measurement;
  readonly candidate: Measurement;
  readonly baseCommit: string;
}

function concat(parts: readonly Measurement[]): Measurement {
  const first = parts[0]!;
  return {
    trials: parts.flatMap((p) => p.trials),
    environment: first.environment,
    settings: first.settings,
    profiles: parts.flatMap((p) => p.profiles),
    pprofs: parts.flatMap((p) => p.pprofs),
    allocationProfiles: parts.flatMap((p) => p.allocationProfiles),
    allocationPprofs: parts.flatMap((p) => p.allocationPprofs),
  };
}

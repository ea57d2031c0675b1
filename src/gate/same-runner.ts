import { randomUUID } from 'node:crypto';
import { relative, resolve } from 'node:path';
import type { Config } from '../config/index.js';
import { runBuild } from '../target/index.js';
import { measure, type Measurement, type MeasureOptions } from './measure.js';
import { addWorktree } from './worktree.js';

/**
 * Same-runner A/B: the base commit is checked out in a git worktree and both sides run
 * on this machine, interleaved in ABBA blocks (B A, A B, B A …), so a drift in the
 * machine's speed hits both sides alike and adjacent pairs can be compared directly.
 * The replay file, the agent and every setting are the candidate's: only the code differs.
 */
export async function measureInterleaved(
  options: MeasureOptions,
  baseRef: string,
  /** The pair numbers (1-based, of `config.trials`) to run; a shard runs its share (gate/shard-plan.ts). */
  pairs: readonly number[] = Array.from({ length: options.config.trials }, (_, i) => i + 1),
): Promise<{ baseline: Measurement; candidate: Measurement; baseCommit: string }> {
  const { config, progress } = options;
  const buildWatch = options.timings?.stopwatch();
  const worktree = addWorktree(config.root, baseRef);
  try {
    const inBase = (path: string) => {
      const inside = relative(worktree.top, path);
      return inside.startsWith('..') ? path : resolve(worktree.path, inside);
    };
    const baseConfig: Config = { ...config, root: inBase(config.root), service: { ...config.service, cwd: inBase(config.service.cwd) }, candidateEnv: {} };
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
    for (const pair of pairs) {
      const order = pair % 2 === 1 ? (['baseline', 'candidate'] as const) : (['candidate', 'baseline'] as const);
      for (const side of order) {
        const sideConfig = side === 'baseline' ? baseConfig : config;
        parts[side].push(await measure({ ...options, config: sideConfig, runId, label: side, only: [pair], skipBuild: true }));
      }
    }
    return { baseline: concat(parts.baseline), candidate: concat(parts.candidate), baseCommit: worktree.commit };
  } finally {
    worktree.remove();
  }
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

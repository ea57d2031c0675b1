import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePprofGzip } from '../../src/profile/index.js';
import { median } from './stats.js';
import { syntheticProfile, type ProfileShape } from './synthetic-profile.js';

export interface CliSettings {
  /** Runs of each start-up command (the median is kept). */
  readonly startRuns: number;
  /** The two profiles `perfgate diff` and `go tool pprof -top -diff_base` read, side by side, once each. */
  readonly diffProfile: Omit<ProfileShape, 'seed' | 'leafFactor'>;
}

export interface StartFigure {
  readonly command: string;
  readonly medianMs: number;
  /** Against `node -e 0` measured in the same rounds. */
  readonly ratio: number;
}

export interface ToolRun {
  readonly seconds: number;
  readonly peakRssMiB: number;
  readonly exitCode: number;
}

export interface CliResult {
  readonly startRuns: number;
  readonly bareNodeMs: number;
  readonly start: readonly StartFigure[];
  readonly diffProfile: Omit<ProfileShape, 'seed' | 'leafFactor'>;
  readonly profileBytes: number;
  readonly perfgate: ToolRun;
  /** null when Go is not installed. */
  readonly pprof: ToolRun | null;
}

/**
 * How fast the CLI starts (`--help`, `diff` refusing a missing file, `replay validate`)
 * against a bare `node -e 0`, rounds interleaved so the machine's state affects all alike;
 * then `perfgate diff` and `go tool pprof -top -diff_base` on the same two generated
 * profiles, one run each, wall time and peak memory from GNU time.
 */
export function measureCli(repo: string, cli: string, settings: CliSettings, log: (line: string) => void): CliResult {
  const work = mkdtempSync(join(tmpdir(), 'perfgate-bench-cli-'));
  try {
    const replay = join(repo, 'test/fixtures/simple.ndjson');
    const commands: Array<[string, string[]]> = [
      ['node -e 0', ['-e', '0']],
      ['perfgate --help', [cli, '--help']],
      ['perfgate diff (a missing file)', [cli, 'diff', join(work, 'missing-a.pb.gz'), join(work, 'missing-b.pb.gz')]],
      ['perfgate replay validate', [cli, 'replay', 'validate', replay]],
    ];
    const times = commands.map(() => [] as number[]);
    for (let round = 0; round < settings.startRuns; round++) {
      commands.forEach(([, args], i) => {
        const started = process.hrtime.bigint();
        spawnSync(process.execPath, args, { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
        times[i]!.push(Number(process.hrtime.bigint() - started) / 1e6);
      });
    }
    const bareNodeMs = median(times[0]!);
    const start = commands.slice(1).map(([command], i) => ({ command, medianMs: median(times[i + 1]!), ratio: median(times[i + 1]!) / bareNodeMs }));
    for (const s of start) log(`  ${s.command}: ${s.medianMs.toFixed(0)} ms, ${s.ratio.toFixed(2)}× node -e 0 (${bareNodeMs.toFixed(0)} ms)`);

    const base = join(work, 'base.pb.gz');
    const head = join(work, 'head.pb.gz');
    writeFileSync(base, encodePprofGzip(syntheticProfile({ ...settings.diffProfile, seed: 1 })));
    writeFileSync(head, encodePprofGzip(syntheticProfile({ ...settings.diffProfile, seed: 2, leafFactor: 1.2 })));
    const perfgate = timed([process.execPath, cli, 'diff', base, head, '--output', join(work, 'diff')], work);
    log(`  perfgate diff: ${perfgate.seconds.toFixed(1)} s, ${perfgate.peakRssMiB.toFixed(0)} MiB`);
    const hasGo = spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
    const pprof = hasGo ? timed(['go', 'tool', 'pprof', '-top', '-diff_base', base, head], work) : null;
    if (pprof) log(`  go tool pprof -top -diff_base: ${pprof.seconds.toFixed(1)} s, ${pprof.peakRssMiB.toFixed(0)} MiB`);
    return { startRuns: settings.startRuns, bareNodeMs, start, diffProfile: settings.diffProfile, profileBytes: readFileSync(base).length, perfgate, pprof };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Wall seconds and peak resident memory of one command, from GNU time's report. */
function timed(command: readonly string[], cwd: string): ToolRun {
  if (!existsSync('/usr/bin/time')) throw new Error('bench cli: needs GNU time (/usr/bin/time, Debian package "time") for peak memory');
  const report = join(cwd, `time-${Date.now()}.txt`);
  const result = spawnSync('/usr/bin/time', ['-o', report, '-f', '%e %M', ...command], { cwd, stdio: 'ignore' });
  const [seconds, kib] = readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { seconds: seconds!, peakRssMiB: kib! / 1024, exitCode: result.status ?? -1 };
}

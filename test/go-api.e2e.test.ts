import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePprof } from '../src/profile/index.js';
import type { Report } from '../src/report/index.js';
import { MARK } from './helpers/example-config.js';
import { expectPprofAgreement, hasGoPprof, sampleTypes } from './helpers/go-pprof.js';
import { leftoverProcesses } from './helpers/processes.js';
import { pairsAdded } from './helpers/pairs-added.js';
import { REPO, runCli } from './helpers/run-cli.js';

const EXAMPLE = join(REPO, 'examples/go-api');
const SCORE_PRODUCT = 'perfgate.example/go-api/main.go#main.scoreProduct';

/** The Go example's own config, in a temp folder, with small settings and a mark on every service process. */
function goConfig(env: Record<string, string> = {}, baseline?: string, compare: Record<string, unknown> = {}): { path: string; dir: string; mark: string } {
  const dir = mkdtempSync(join(tmpdir(), 'perfgate-go-'));
  const mark = randomUUID();
  const example = JSON.parse(readFileSync(join(EXAMPLE, 'perfgate.config.json'), 'utf8'));
  const config = {
    ...example,
    root: REPO,
    service: { ...example.service, cwd: EXAMPLE, env: { [MARK]: mark, ...env } },
    replay: join(EXAMPLE, 'replay.ndjson'),
    baseline: baseline ?? join(dir, 'baseline.json'),
    output: join(dir, 'report'),
    // Nine trials a side: Go's runtime spreads CPU over hundreds of functions, and eight
    // trials cannot reach significance once Benjamini–Hochberg covers ~350 tests.
    trials: 9,
    // The CPU window lasts as long as 1000 requests took in the warm-up (1–2 s here): the planted
    // regression triples scoreProduct's own time, far beyond the counting noise of 100 Hz samples.
    load: { warmupRequests: 500, measureRequests: 1000, connections: 4 },
    compare: { ...example.compare, ...compare },
  };
  const path = join(dir, 'perfgate.config.json');
  writeFileSync(path, JSON.stringify(config, null, 2));
  return { path, dir, mark };
}

// A Go service built by the config's service.build with Debian's Go toolchain, profiled
// through its own net/http/pprof endpoints (profile.source "pprof-http"), no agent.
describe.skipIf(!hasGoPprof())('the gate on a Go service (pprof-http)', () => {
  const clean = goConfig();

  it('builds the service and writes a baseline from its CPU and allocation profiles', async () => {
    // Three trials: this checks what a baseline of a Go service holds; the planted regression is judged below, over nine pairs.
    const result = await runCli(['baseline', '--config', clean.path, '--trials', '3']);
    expect(result.stderr).toMatch(/build: GOTOOLCHAIN=local go build/);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(EXAMPLE, 'bin/go-api'))).toBe(true);
    const baseline = JSON.parse(readFileSync(join(clean.dir, 'baseline.json'), 'utf8'));
    expect(baseline.trials).toHaveLength(3);
    expect(baseline.environment.nodeVersion).toBe('n/a (pprof-http)');
    const trial = baseline.trials[0];
    expect(trial.requests).toBeGreaterThan(500);
    expect(trial.sampledCpuNanos).toBeGreaterThan(0);
    expect(trial.allocatedBytes).toBeGreaterThan(0);
    expect(trial.service.cpuMicrosPerRequest).toBeGreaterThan(0);
    expect(trial.functions[SCORE_PRODUCT].selfNanos / trial.sampledCpuNanos).toBeGreaterThan(0.1);
    // The search handler allocates its results: the allocation delta names Go functions too.
    expect(trial.functions['perfgate.example/go-api/main.go#main.(*api).search'].allocBytes).toBeGreaterThan(0);
    expect(await leftoverProcesses(MARK, clean.mark)).toEqual([]);
  });

  it('fails the planted regression and blames the Go function', async () => {
    // The base commit measured here, interleaved (--base-ref), with the switch given to the candidate
    // only (--candidate-env). From the stored baseline the gate would end here anyway: a stored failure
    // is confirmed same-runner before it blocks, and at these settings the stored comparison is nearly
    // always blind to +25% too. Comparing with it first adds nine candidate trials.
    const regressed = clean;
    const result = await runCli(['run', '--config', regressed.path, '--base-ref', 'HEAD', '--candidate-env', 'PERFGATE_EXAMPLE_REGRESSION=scoreProduct']);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(regressed.dir, 'report/report.json'), 'utf8')) as Report;
    expect(report.baselineSource.kind).toBe('same-runner');
    // Nine pairs, or thirteen when the first nine could not decide and the run said it added four (compare.extendTrials).
    const added = pairsAdded(result.stderr);
    if (added) expect(added).toEqual({ from: 9, added: 4 });
    expect(report.comparison.paired?.ratios).toHaveLength(added ? 13 : 9);
    const top = report.comparison.findings[0]!;
    expect(top.key).toBe(SCORE_PRODUCT);
    expect(top.outcome).toBe('regressed');
    expect(result.stdout).toMatch(/REGRESSED\s+main\.scoreProduct/);
    expect(await leftoverProcesses(MARK, regressed.mark)).toEqual([]);

    // What perfgate wrote from Go's profiles still reads in go tool pprof, with the same numbers.
    for (const name of ['candidate-trial-1.pb.gz', 'candidate-trial-1.alloc.pb.gz']) {
      const file = join(regressed.dir, 'report/profiles', name);
      const profile = decodePprof(readFileSync(file), file);
      for (const type of sampleTypes(profile)) expectPprofAgreement(file, profile, type);
    }
  });
});

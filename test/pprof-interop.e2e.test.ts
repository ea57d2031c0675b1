import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionTable } from '../src/analysis/function-table.js';
import { decodePprof, requestsOf } from '../src/profile/index.js';
import { exampleConfig, MARK } from './helpers/example-config.js';
import { expectPprofAgreement, hasGoPprof, sampleTypes } from './helpers/go-pprof.js';
import { leftoverProcesses } from './helpers/processes.js';
import { runCli } from './helpers/run-cli.js';

// Every profile a real (small) gate run writes — per trial, merged per side, the stored
// baseline's — opens in `go tool pprof`, and its -top equals perfgate's function table;
// the report's pair also diffs with -diff_base exactly as perfgate subtracts.
describe.skipIf(!hasGoPprof())('profiles perfgate writes agree with go tool pprof', () => {
  // Stored only: the profiles are under test, not the verdict, and a run that may re-measure its
  // baseline same-runner (auto, when two trials cannot decide) measures several times as many trials.
  const small = { trials: 2, load: { warmupRequests: 200, measureRequests: 600, connections: 4 }, compare: { baseline: 'stored' } };
  const run = exampleConfig(small);
  const report = join(run.dir, 'report');
  const profiles = join(report, 'profiles');

  it('runs a small gate on the example', async () => {
    const baseline = await runCli(['baseline', '--config', run.path]);
    expect(baseline.code, baseline.stderr).toBe(0);
    const gate = await runCli(['run', '--config', run.path]);
    expect([0, 1, 2], gate.stderr).toContain(gate.code);
    expect(existsSync(join(report, 'report.json')), gate.stderr).toBe(true);
    expect(await leftoverProcesses(MARK, run.mark)).toEqual([]);
  });

  it('per trial, merged per side, and the stored baseline: -top agrees on every function and the total', () => {
    const files = [...readdirSync(profiles), ...readdirSync(run.dir).map((f) => join('..', '..', f))].filter((f) => f.endsWith('.pb.gz')).map((f) => join(profiles, f));
    expect(files.map((f) => f.slice(run.dir.length + 1))).toEqual(
      expect.arrayContaining(['report/profiles/candidate-trial-1.pb.gz', 'report/profiles/candidate-trial-1.alloc.pb.gz', 'report/profiles/candidate.pb.gz', 'report/profiles/baseline.pb.gz', 'baseline.pb.gz']),
    );
    for (const file of files) {
      const profile = decodePprof(readFileSync(file), file);
      expect(Object.keys(functionTable(profile, file, sampleTypes(profile).at(-1)).functions).length, file).toBeGreaterThan(5);
      for (const type of sampleTypes(profile)) expectPprofAgreement(file, profile, type);
    }
  });

  it.each(['', '.alloc'])('the report pair%s is diff-ready: same request count, and -diff_base subtracts as perfgate does', (kind) => {
    const file = (side: string) => join(profiles, `${side}${kind}.pb.gz`);
    const candidate = decodePprof(readFileSync(file('candidate')), 'candidate');
    const baseline = decodePprof(readFileSync(file('baseline')), 'baseline');
    expect(requestsOf(baseline)).toBe(requestsOf(candidate));
    for (const type of sampleTypes(candidate)) expectPprofAgreement(file('candidate'), candidate, type, { diffBase: baseline, diffBaseFile: file('baseline') });
  });
});

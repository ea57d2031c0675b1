import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/report/index.js';
import { exampleConfig, MARK } from './helpers/example-config.js';
import { leftoverProcesses } from './helpers/processes.js';
import { runCli } from './helpers/run-cli.js';

// The real pipeline: the example service in fresh processes, the agent, the V8
// profiler, autocannon on loopback, pprof files, the statistics, the reports.
describe('the gate on the example service', () => {
  const clean = exampleConfig();

  it('writes a baseline from real trials', async () => {
    const result = await runCli(['baseline', '--config', clean.path]);
    expect(result.stderr).toMatch(/baseline trial 8 of 8/);
    expect(result.code, result.stderr).toBe(0);
    const baseline = JSON.parse(readFileSync(join(clean.dir, 'baseline.json'), 'utf8'));
    expect(baseline.schema).toBe('perfgate.baseline');
    expect(baseline.trials).toHaveLength(8);
    expect(baseline.trials[0].requests).toBeGreaterThanOrEqual(1500);
    expect(Object.keys(baseline.trials[0].functions)).toContain('examples/shop-api/search.js#scoreProduct');
    expect(await leftoverProcesses(MARK, clean.mark)).toEqual([]);
  });

  it('passes the unchanged service, with reports and readable pprof files', async () => {
    const result = await runCli(['run', '--config', clean.path]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/no performance regression/);
    expect(result.stderr).toMatch(/candidate trial 1 of 8/);
    const report = JSON.parse(readFileSync(join(clean.dir, 'report/report.json'), 'utf8')) as Report;
    expect(report.comparison.verdict.outcome).toBe('pass');
    expect(report.comparison.trials).toEqual({ baseline: 8, candidate: 8 });
    expect(readFileSync(join(clean.dir, 'report/report.md'), 'utf8')).toMatch(/## perfgate: ✅ no performance regression/);
    expect(report.profiles).toHaveLength(8);
    const pprof = Profile.decode(gunzipSync(readFileSync(join(clean.dir, 'report', report.profiles[0]!))));
    const names = pprof.function.map((f) => pprof.stringTable.strings[Number(f.name)]);
    expect(names).toContain('scoreProduct');
    expect(await leftoverProcesses(MARK, clean.mark)).toEqual([]);
  });

  it('fails the injected regression and blames the injected function first', async () => {
    // As `npm run demo:regression` does: the switch is given to the candidate only (--candidate-env),
    // outside the config's fingerprint, so the stored baseline is used; its failure is confirmed
    // same-runner against the baseline's commit (or the run escalates because it was blind), and the
    // re-measured base runs without the switch.
    // The default maxDetectable, as a user runs it: a stored run too noisy to see +25% escalates rather
    // than passing (one CI run passed the 2× regression stored, drift 17%, with the tests' maxDetectable of 10).
    const regressed = exampleConfig({ baseline: join(clean.dir, 'baseline.json'), mark: clean.mark, compare: { maxDetectable: 0.25 } });
    const result = await runCli(['run', '--config', regressed.path, '--candidate-env', 'PERFGATE_EXAMPLE_REGRESSION=scoreProduct']);
    expect(result.stderr).toMatch(/baseline: escalating to same-runner, commit [0-9a-f]{40}: (a stored failure is confirmed on this machine before it blocks|this run could not have seen|the service's CPU per request regressed|the shares cannot tell)/);
    const report = JSON.parse(readFileSync(join(regressed.dir, 'report/report.json'), 'utf8')) as Report;
    expect(report.baselineSource.kind).toBe('same-runner');
    if (result.code === 2) {
      // 8 pairs of 1500 requests on a loaded machine once read scoreProduct +60% with q = 0.105: a
      // re-measurement that neither confirms nor rules out the stored failure, or one too noisy to see
      // +25%, ends inconclusive; scoreProduct is still the change it names first.
      expect(report.comparison.verdict.rule, result.stdout).toMatch(/neither confirms nor rules out: scoreProduct \(own time|could not have seen a \+25% regression/);
      expect(report.comparison.findings[0]!.name, result.stdout).toBe('scoreProduct');
      expect(report.comparison.findings[0]!.self.ratio).toBeGreaterThan(1.25);
      expect(await leftoverProcesses(MARK, regressed.mark)).toEqual([]);
      return;
    }
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(report.comparison.verdict.outcome).toBe('fail');
    const top = report.comparison.findings[0]!;
    expect(top.name).toBe('scoreProduct');
    expect(top.file).toBe('examples/shop-api/search.js');
    expect(top.outcome).toBe('regressed');
    expect(top.self.ci.low).toBeGreaterThan(1.05);
    expect(top.self.ratio).toBeGreaterThan(1.25);
    expect(result.stdout).toMatch(/REGRESSED\s+scoreProduct/);
    expect(await leftoverProcesses(MARK, regressed.mark)).toEqual([]);
  });

  it('fails an injected allocation regression on allocated bytes per request, in the function that allocates', async () => {
    // Measured same-runner from the start (--base-ref), the switch given to the candidate only. A stored
    // failure is confirmed same-runner before it blocks (the test above takes that path), so a blocking
    // verdict comes from a same-runner comparison either way; a stored one first adds eight trials.
    const regressed = clean;
    const result = await runCli(['run', '--config', regressed.path, '--base-ref', 'HEAD', '--candidate-env', 'PERFGATE_EXAMPLE_REGRESSION=filterProducts']);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(regressed.dir, 'report/report.json'), 'utf8')) as Report;
    expect(report.baselineSource.kind).toBe('same-runner');
    const finding = report.comparison.findings.find((f) => f.key === 'examples/shop-api/routes/products.js#filterProducts');
    expect(finding?.outcome).toBe('regressed');
    expect(finding?.allocations?.outcome).toBe('regressed');
    // Every matching product copied: tens of KiB more per request, charged to filterProducts itself.
    expect(finding!.allocationsPerRequest!.candidate.bytes - finding!.allocationsPerRequest!.baseline.bytes).toBeGreaterThan(10_000);
    expect(readFileSync(join(regressed.dir, 'report/report.md'), 'utf8')).toMatch(/\*\*filterProducts\*\* \(examples\/shop-api\/routes\/products\.js\): line \d+/);
    // One allocation profile per trial and one merged per side, as pprof with Go's sample types.
    expect(report.allocationProfiles).toHaveLength(8);
    expect(report.mergedAllocations).toEqual({ candidate: 'profiles/candidate.alloc.pb.gz', baseline: 'profiles/baseline.alloc.pb.gz' });
    const merged = Profile.decode(gunzipSync(readFileSync(join(regressed.dir, 'report', report.mergedAllocations!.candidate))));
    const strings = merged.stringTable.strings;
    expect(merged.sampleType.map((t) => strings[Number(t.type)])).toEqual(['alloc_objects', 'alloc_space']);
    expect(merged.function.map((f) => strings[Number(f.name)])).toContain('filterProducts');
    expect(await leftoverProcesses(MARK, regressed.mark)).toEqual([]);
  });
});

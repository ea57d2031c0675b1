import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compare } from '../analysis/index.js';
import { BASELINE_SCHEMA, BASELINE_VERSION, baselineProfilePath, environmentDifferences, readBaseline, writeBaseline, type Baseline } from '../baseline/index.js';
import type { Config } from '../config/index.js';
import { PerfgateError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { REPORT_SCHEMA, REPORT_VERSION, renderMarkdown, type Report } from '../report/index.js';
import { currentCommit } from './git.js';
import { encodePprofGzip, mergeProfiles } from '../profile/index.js';
import { measure, type Measurement, type MeasureOptions } from './measure.js';

export interface GateResult {
  readonly report: Report;
  readonly markdown: string;
  readonly reportDir: string;
}

/** The whole gate: read the baseline, measure the candidate, compare, write the reports. */
export async function runGate(options: MeasureOptions & { reproduce: string }): Promise<GateResult> {
  const { config } = options;
  // Read before measuring: a missing or broken baseline should cost seconds, not minutes.
  const baseline = readBaseline(config.baselinePath);
  const measured = await measure(options);
  const comparison = await options.progress.phase('analysis', async () => compare(baseline.trials, measured.trials, config.compare));
  const warnings = [...comparison.warnings];
  if (baseline.settings.replaySha256 !== measured.settings.replaySha256) {
    warnings.push('The replay file differs from the one the baseline was measured with; shares may move because the traffic changed.');
  }
  const report: Report = {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    createdAt: new Date().toISOString(),
    comparison: { ...comparison, warnings },
    baseline: { commit: baseline.commit, createdAt: baseline.createdAt, environment: baseline.environment, settings: baseline.settings },
    candidate: { commit: currentCommit(config.root), environment: measured.environment, settings: measured.settings },
    environmentDifferences: environmentDifferences(baseline.environment, measured.environment),
    reproduce: options.reproduce,
    profiles: measured.profiles.map((p) => relative(config.outputDir, p)),
    merged: writeSideProfiles(measured, config),
  };
  const markdown = renderMarkdown(report);
  writeFileAtomic(`${config.outputDir}/report.json`, `${JSON.stringify(report, jsonNumbers, 1)}\n`);
  writeFileAtomic(`${config.outputDir}/report.md`, markdown);
  return { report, markdown, reportDir: config.outputDir };
}

/** Measures the current code and writes it as the baseline; refuses a run with failed requests. */
export async function runBaseline(options: MeasureOptions): Promise<Baseline> {
  const { config } = options;
  const measured = await measure({ ...options, label: 'baseline' });
  const failing = measured.trials
    .map((t, i) => ({ trial: i + 1, failed: t.service.errors + t.service.statusMismatches, requests: t.requests }))
    .filter((t) => t.failed > 0);
  if (failing.length > 0) {
    throw new PerfgateError(
      'LOAD_FAILED',
      `not writing a baseline from a run with failed requests: ${failing.map((t) => `trial ${t.trial}: ${t.failed} of ${t.requests}`).join(', ')} (no response, or a status other than the recorded one)`,
    );
  }
  const baseline: Baseline = {
    schema: BASELINE_SCHEMA,
    version: BASELINE_VERSION,
    createdAt: new Date().toISOString(),
    commit: currentCommit(config.root),
    environment: measured.environment,
    settings: measured.settings,
    trials: measured.trials,
  };
  writeBaseline(config.baselinePath, baseline);
  // Beside the baseline, every trial merged: what flame graphs and `go tool pprof -diff_base` compare with.
  writeFileAtomic(baselineProfilePath(config.baselinePath), encodePprofGzip(mergeProfiles(measured.pprofs, config.baselinePath)));
  return baseline;
}

/** The candidate's trials merged, and a copy of the baseline's merged profile when it has one. */
function writeSideProfiles(measured: Measurement, config: Config): Report['merged'] {
  const dir = join(config.outputDir, 'profiles');
  writeFileAtomic(join(dir, 'candidate.pb.gz'), encodePprofGzip(mergeProfiles(measured.pprofs, 'candidate trials')));
  const baselineProfile = baselineProfilePath(config.baselinePath);
  if (!existsSync(baselineProfile)) return { candidate: 'profiles/candidate.pb.gz', baseline: null };
  writeFileAtomic(join(dir, 'baseline.pb.gz'), readFileSync(baselineProfile));
  return { candidate: 'profiles/candidate.pb.gz', baseline: 'profiles/baseline.pb.gz' };
}

function jsonNumbers(_key: string, value: unknown): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : value < 0 ? '-Infinity' : null;
    if (!Number.isInteger(value)) return Number(value.toPrecision(6));
  }
  return value;
}

export type { Config };

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { canaryVerdict } from '../analysis/canary-verdict.js';
import { compare } from '../analysis/index.js';
import { readBaseline, type MeasurementSettings } from '../baseline/index.js';
import { loadConfig } from '../config/index.js';
import { PerfgateError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { renderCanaryMarkdown } from '../report/canary-markdown.js';
import { REPORT_SCHEMA, REPORT_VERSION, type Report } from '../report/index.js';
import { readReplayFile } from '../replay/index.js';
import { clientSideOnly, measureCanary } from '../run/canary.js';
import { currentEnvironment } from '../run/environment.js';
import type { ActionInputs } from './action-inputs.js';
import { actionProgress, type ModeOutcome } from './check.js';
import { summaryMarkdown, writeJobSummary } from './publish.js';

/**
 * `canary`: for release pipelines. Nothing is built or started: the recorded traffic is
 * replayed against `url` (and `baseline-url`, the stable version, when given), the
 * client-side metrics are compared, and the outputs tell the pipeline to promote or roll back.
 */
export async function runCanary(inputs: ActionInputs): Promise<ModeOutcome> {
  const canary = httpUrl('url', inputs.url);
  const stable = inputs.baselineUrl === '' ? null : httpUrl('baseline-url', inputs.baselineUrl);
  const config = loadConfig(inputs.config, inputs.trials !== undefined ? { trials: inputs.trials } : {});
  const requests = readReplayFile(config.replayPath);
  // The stored baseline is read first so that a missing one costs nothing.
  const stored = stable ? null : readBaseline(config.baselinePath);
  const measured = await measureCanary(config, requests, { canary, stable }, actionProgress);
  const reference = stable ? measured.stable : clientSideOnly(stored!.trials);
  const comparison = compare(reference, measured.canary, config.compare);
  const judged = canaryVerdict(comparison);
  const warnings = [...comparison.warnings.filter((w) => !/no function can be flagged/.test(w))];
  if (!stable) {
    warnings.push('The reference is the stored baseline, measured on another machine against a locally started service: network and hardware differ. Give baseline-url (the stable deployment) for a like-for-like comparison.');
  }
  const settings: MeasurementSettings = {
    trials: config.trials,
    warmupRequests: config.load.warmupRequests,
    measureRequests: config.load.measureRequests,
    connections: config.load.connections,
    cpuSamplingIntervalUs: config.profile.cpuSamplingIntervalUs,
    replaySha256: createHash('sha256').update(readFileSync(config.replayPath)).digest('hex'),
  };
  const environment = currentEnvironment({ nodeVersion: process.version, v8Version: process.versions.v8 });
  const report: Report = {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    createdAt: new Date().toISOString(),
    comparison: { ...comparison, verdict: judged.verdict, service: judged.service, findings: [], warnings },
    baselineSource: stable
      ? { kind: 'same-runner', why: `canary: the stable deployment ${stable.origin} measured in alternating rounds` }
      : { kind: 'stored', why: `canary: the stored baseline ${config.baselinePath}` },
    baseline: stable ? { commit: null, createdAt: new Date().toISOString(), environment, settings } : { commit: stored!.commit, createdAt: stored!.createdAt, environment: stored!.environment, settings: stored!.settings },
    candidate: { commit: null, environment, settings },
    environmentDifferences: [],
    reproduce: `perfgate canary mode: url ${canary.origin}${stable ? `, baseline-url ${stable.origin}` : ''}`,
    profiles: [],
    merged: { candidate: '', baseline: null },
  };
  // Origins only: a URL's path or query may carry credentials.
  const render = (r: Report) => renderCanaryMarkdown(r, { canary: canary.origin, stable: stable?.origin ?? null });
  const markdown = render(report);
  writeFileAtomic(join(config.outputDir, 'report.json'), `${JSON.stringify(report, finiteNumbers, 1)}\n`);
  writeFileAtomic(join(config.outputDir, 'report.md'), markdown);
  await writeJobSummary(summaryMarkdown(report, render));
  core.setOutput('verdict', judged.verdict.outcome);
  core.setOutput('regressions', JSON.stringify(judged.regressed));
  core.setOutput('report-path', config.outputDir);
  const verdict = judged.verdict;
  if (verdict.outcome === 'inconclusive') return { failure: `perfgate canary: inconclusive: ${verdict.rule}` };
  if (verdict.outcome !== 'pass' && inputs.failOnRegression) return { failure: `perfgate canary: ${verdict.rule}` };
  return { failure: null };
}

function httpUrl(input: string, raw: string): URL {
  if (raw === '') throw new PerfgateError('USAGE', `input ${input}: required in canary mode (the deployment to replay against, for example https://canary.internal.example)`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PerfgateError('USAGE', `input ${input}: expected an http(s) URL (got ${JSON.stringify(raw)})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new PerfgateError('USAGE', `input ${input}: expected an http(s) URL (got ${JSON.stringify(raw)})`);
  return url;
}

// JSON has no Infinity: written as strings, as report.json does elsewhere.
function finiteNumbers(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? null : value > 0 ? 'Infinity' : '-Infinity';
  return value;
}

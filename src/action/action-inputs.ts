import * as core from '@actions/core';
import { PerfgateError } from '../errors.js';
import { parseWholeNumber } from '../whole-number.js';
import type { CanaryTargets } from '../gate/canary-rounds.js';
import { pprofBase } from '../target/pprof-http.js';
import { parseShard, type Shard } from '../gate/shard-plan.js';

export const MODES = ['check', 'measure-baseline', 'update-baseline', 'canary', 'comment', 'merge'] as const;
export type Mode = (typeof MODES)[number];

/** Every input of action.yml, typed; action.yml documents each one (a test keeps them in step). */
export interface ActionInputs {
  readonly mode: Mode;
  readonly config: string;
  readonly trials: number | undefined;
  /** check: the commit measured here as the base; '' means the PR's base on pull_request events. */
  readonly baseRef: string;
  readonly failOnRegression: boolean;
  readonly token: string;
  readonly comment: boolean;
  readonly commentId: string;
  readonly commentAuthor: string;
  readonly annotations: boolean;
  readonly acceptLabel: string;
  /** Whether the PR's own author may accept its performance with the label (update-baseline). */
  readonly acceptOwnPr: boolean;
  readonly report: string;
  readonly url: string;
  readonly baselineUrl: string;
  readonly pprofUrl: string;
  readonly baselinePprofUrl: string;
  readonly artifact: string;
  readonly maxApiWrites: number;
  readonly history: boolean;
  readonly historyBranch: string;
  readonly historyFile: string;
  /** Branches whose runs are recorded; empty: the repository's default branch. */
  readonly historyBranches: readonly string[];
  /** check: run only this shard of the pairs (`I/N`) and write its folder for `merge`; null runs the whole gate. */
  readonly shard: Shard | null;
  /** merge: the folder holding one sub-folder per shard (as actions/download-artifact writes several artifacts). */
  readonly shards: string;
}

export const INPUT_NAMES = [
  'mode',
  'config',
  'trials',
  'base-ref',
  'fail-on-regression',
  'github-token',
  'comment',
  'comment-id',
  'comment-author',
  'annotations',
  'accept-label',
  'accept-own-pr',
  'report',
  'url',
  'baseline-url',
  'pprof-url',
  'baseline-pprof-url',
  'artifact',
  'max-api-writes',
  'history',
  'history-branch',
  'history-file',
  'history-branches',
  'shard',
  'shards',
] as const;

/** Reads the inputs the runner passes as INPUT_* variables; each error names the input, what it expects and what it got. */
export function readActionInputs(): ActionInputs {
  const text = (name: (typeof INPUT_NAMES)[number], fallback = '') => core.getInput(name) || fallback;
  const mode = text('mode', 'check');
  if (!(MODES as readonly string[]).includes(mode)) throw new PerfgateError('USAGE', `input mode: expected one of ${MODES.join(', ')} (got ${JSON.stringify(mode)})`);
  const trialsText = text('trials');
  const trials = trialsText === '' ? undefined : integer('trials', trialsText, 2);
  const token = text('github-token');
  // Masked before anything can print it, including an error message quoting inputs.
  if (token !== '') core.setSecret(token);
  return {
    mode: mode as Mode,
    config: text('config', 'perfgate.config.json'),
    trials,
    baseRef: text('base-ref'),
    failOnRegression: boolean('fail-on-regression', true),
    token,
    comment: boolean('comment', true),
    commentId: text('comment-id', 'perfgate'),
    commentAuthor: text('comment-author'),
    annotations: boolean('annotations', true),
    acceptLabel: text('accept-label', 'perfgate:accept'),
    acceptOwnPr: boolean('accept-own-pr', true),
    report: text('report'),
    url: text('url'),
    baselineUrl: text('baseline-url'),
    pprofUrl: text('pprof-url'),
    baselinePprofUrl: text('baseline-pprof-url'),
    artifact: text('artifact', 'perfgate-report'),
    maxApiWrites: integer('max-api-writes', text('max-api-writes', '20'), 1),
    history: boolean('history', false),
    historyBranch: text('history-branch', 'perfgate-data'),
    historyFile: text('history-file', 'history.ndjson'),
    historyBranches: text('history-branches')
      .split(',')
      .map((b) => b.trim())
      .filter((b) => b !== ''),
    shard: text('shard') === '' ? null : parseShard('input shard', text('shard')),
    shards: text('shards', 'perfgate-shards'),
  };
}

function boolean(name: string, fallback: boolean): boolean {
  if (core.getInput(name) === '') return fallback;
  try {
    return core.getBooleanInput(name);
  } catch {
    throw new PerfgateError('USAGE', `input ${name}: expected true or false (got ${JSON.stringify(core.getInput(name))})`);
  }
}

function integer(name: string, raw: string, min: number): number {
  return parseWholeNumber(`input ${name}`, raw, min);
}

/**
 * canary's deployments and their pprof endpoints, checked together: a stable deployment's
 * profiles mean nothing without the canary's to compare with, nor without the stable
 * deployment itself being measured.
 */
export function canaryTargets(inputs: Pick<ActionInputs, 'url' | 'baselineUrl' | 'pprofUrl' | 'baselinePprofUrl'>): CanaryTargets {
  if (inputs.url === '') throw new PerfgateError('USAGE', 'input url: required in canary mode (the deployment to replay against, for example https://canary.internal.example)');
  const canary = httpUrl('url', inputs.url);
  const stable = inputs.baselineUrl === '' ? null : httpUrl('baseline-url', inputs.baselineUrl);
  if (inputs.baselinePprofUrl !== '' && inputs.pprofUrl === '') {
    throw new PerfgateError('USAGE', 'input baseline-pprof-url: given without pprof-url; the stable deployment\'s profiles are compared with the canary\'s, so give pprof-url (the canary\'s pprof endpoints) too, or leave baseline-pprof-url empty');
  }
  if (inputs.baselinePprofUrl !== '' && stable === null) {
    throw new PerfgateError('USAGE', 'input baseline-pprof-url: given without baseline-url; it profiles the stable deployment, which is measured only when baseline-url names it (without baseline-url the canary\'s profiles are compared with the stored baseline\'s)');
  }
  return {
    canary,
    stable,
    canaryPprof: inputs.pprofUrl === '' ? null : pprofUrl('pprof-url', inputs.pprofUrl, canary),
    stablePprof: inputs.baselinePprofUrl === '' || stable === null ? null : pprofUrl('baseline-pprof-url', inputs.baselinePprofUrl, stable),
  };
}

function httpUrl(input: string, raw: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') throw new PerfgateError('USAGE', `input ${input}: expected an http(s) URL (got ${JSON.stringify(raw)})`);
  return url;
}

/** An absolute http(s) URL, or a path on the deployment's own origin (as profile.pprofUrl takes), ending in `/`. */
function pprofUrl(input: string, raw: string, deployment: URL): URL {
  const expected = `input ${input}: expected the http(s) URL of Go's net/http/pprof endpoints, such as https://canary.internal:6060/debug/pprof/, or a path on the deployment's origin, such as /debug/pprof (got ${JSON.stringify(raw)})`;
  // Not `//host`: that is another host, not a path.
  if (raw.startsWith('/') && !raw.startsWith('//')) return pprofBase(raw, deployment);
  try {
    httpUrl(input, raw);
  } catch {
    throw new PerfgateError('USAGE', expected);
  }
  return pprofBase(raw, deployment);
}

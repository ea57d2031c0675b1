import * as core from '@actions/core';
import { PerfgateError } from '../errors.js';

export const MODES = ['check', 'update-baseline', 'canary', 'comment'] as const;
export type Mode = (typeof MODES)[number];

/** Every input of action.yml, typed; action.yml documents each one (a test keeps them in step). */
export interface ActionInputs {
  readonly mode: Mode;
  readonly config: string;
  readonly trials: number | undefined;
  readonly failOnRegression: boolean;
  readonly token: string;
  readonly comment: boolean;
  readonly commentId: string;
  readonly commentAuthor: string;
  readonly annotations: boolean;
  readonly acceptLabel: string;
  readonly report: string;
  readonly url: string;
  readonly baselineUrl: string;
  readonly artifact: string;
  readonly maxApiWrites: number;
}

export const INPUT_NAMES = [
  'mode',
  'config',
  'trials',
  'fail-on-regression',
  'github-token',
  'comment',
  'comment-id',
  'comment-author',
  'annotations',
  'accept-label',
  'report',
  'url',
  'baseline-url',
  'artifact',
  'max-api-writes',
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
    failOnRegression: boolean('fail-on-regression', true),
    token,
    comment: boolean('comment', true),
    commentId: text('comment-id', 'perfgate'),
    commentAuthor: text('comment-author'),
    annotations: boolean('annotations', true),
    acceptLabel: text('accept-label', 'perfgate:accept'),
    report: text('report'),
    url: text('url'),
    baselineUrl: text('baseline-url'),
    artifact: text('artifact', 'perfgate-report'),
    maxApiWrites: integer('max-api-writes', text('max-api-writes', '20'), 1),
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
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min) throw new PerfgateError('USAGE', `input ${name}: expected an integer >= ${min} (got ${JSON.stringify(raw)})`);
  return value;
}

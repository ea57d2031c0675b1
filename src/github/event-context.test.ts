import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromFork, webhookExample } from '../../test/helpers/webhook-payloads.js';
import { readEventContext } from './event-context.js';

function env(event: unknown, name = 'pull_request'): NodeJS.ProcessEnv {
  const path = join(mkdtempSync(join(tmpdir(), 'perfgate-event-')), 'event.json');
  writeFileSync(path, JSON.stringify(event));
  return { GITHUB_REPOSITORY: 'Codertocat/Hello-World', GITHUB_EVENT_PATH: path, GITHUB_EVENT_NAME: name };
}

describe('readEventContext', () => {
  it('reads a same-repository pull_request payload', () => {
    const context = readEventContext(env(webhookExample('pull_request', 'labeled')));
    expect(context.repo).toEqual({ owner: 'Codertocat', repo: 'Hello-World' });
    expect(context.apiUrl).toBe('https://api.github.com');
    expect(context.pullRequest).toEqual({
      number: 2,
      headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      headRef: 'changes',
      headRepo: 'Codertocat/Hello-World',
      baseRepo: 'Codertocat/Hello-World',
      baseSha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
      baseRef: 'master',
      fromFork: false,
      author: 'Codertocat',
    });
    expect(context.label).toBe('bug');
    expect(context.sender).toBe('Codertocat');
  });

  it('tells a fork, and a deleted fork, from the base repository', () => {
    expect(readEventContext(env(fromFork(webhookExample('pull_request', 'opened')))).pullRequest?.fromFork).toBe(true);
    const deleted = webhookExample('pull_request', 'opened');
    deleted.pull_request.head.repo = null;
    expect(readEventContext(env(deleted)).pullRequest).toMatchObject({ fromFork: true, headRepo: null });
  });

  it('names the variable or the field that is wrong', () => {
    expect(() => readEventContext({ GITHUB_REPOSITORY: 'nope' })).toThrow('GITHUB_REPOSITORY: expected "owner/repo" (got "nope")');
    const bad = webhookExample('pull_request', 'opened');
    bad.pull_request.head.sha = 'not-a-sha';
    expect(() => readEventContext(env(bad))).toThrow(/event payload field pull_request\.head\.sha: expected a 40-digit hex commit id/);
  });
});

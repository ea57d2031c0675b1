import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromFork, webhookExample } from '../../test/helpers/webhook-payloads.js';
import { readEventContext } from './event-context.js';

/** The runner's variables for an event, set in process.env where @actions/github's context reads them. */
function runnerEnv(event: unknown, extra: Record<string, string> = {}): string {
  const path = join(mkdtempSync(join(tmpdir(), 'perfgate-event-')), 'event.json');
  writeFileSync(path, typeof event === 'string' ? event : JSON.stringify(event));
  const vars = { GITHUB_REPOSITORY: 'Codertocat/Hello-World', GITHUB_EVENT_PATH: path, GITHUB_EVENT_NAME: 'pull_request', GITHUB_API_URL: '', GITHUB_SERVER_URL: '', GITHUB_RUN_ID: '', ...extra };
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  return path;
}

describe('readEventContext', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('reads a same-repository pull_request payload through @actions/github', async () => {
    runnerEnv(webhookExample('pull_request', 'labeled'), { GITHUB_RUN_ID: '1658821493', GITHUB_API_URL: 'https://ghe.example.com/api/v3/' });
    const context = await readEventContext();
    expect(context.eventName).toBe('pull_request');
    expect(context.repo).toEqual({ owner: 'Codertocat', repo: 'Hello-World' });
    expect(context.apiUrl).toBe('https://ghe.example.com/api/v3');
    expect(context.serverUrl).toBe('https://github.com');
    expect(context.runId).toBe('1658821493');
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

  it('reads each event afresh, not the first one the process saw', async () => {
    runnerEnv(webhookExample('pull_request', 'labeled'));
    expect((await readEventContext()).action).toBe('labeled');
    runnerEnv(webhookExample('pull_request', 'opened'), { GITHUB_EVENT_NAME: 'pull_request_target' });
    const second = await readEventContext();
    expect(second.action).toBe('opened');
    expect(second.eventName).toBe('pull_request_target');
    expect(second.runId).toBeNull();
  });

  it('takes the payload, event name and run from @actions/github\'s context', async () => {
    runnerEnv(webhookExample('pull_request', 'labeled'));
    class StandInContext {
      payload = { action: 'from-the-context' };
      eventName = 'workflow_run';
      runId = 7;
      apiUrl = '';
      serverUrl = '';
    }
    vi.resetModules();
    vi.doMock('@actions/github', () => ({ context: new StandInContext() }));
    try {
      const { readEventContext: read } = await import('./event-context.js');
      const context = await read();
      expect(context).toMatchObject({ action: 'from-the-context', eventName: 'workflow_run', runId: '7', pullRequest: null });
    } finally {
      vi.doUnmock('@actions/github');
      vi.resetModules();
    }
  });

  it('tells a fork, and a deleted fork, from the base repository', async () => {
    runnerEnv(fromFork(webhookExample('pull_request', 'opened')));
    expect((await readEventContext()).pullRequest?.fromFork).toBe(true);
    const deleted = webhookExample('pull_request', 'opened');
    deleted.pull_request.head.repo = null;
    runnerEnv(deleted);
    expect((await readEventContext()).pullRequest).toMatchObject({ fromFork: true, headRepo: null });
  });

  it('names the variable or the field that is wrong', async () => {
    vi.stubEnv('GITHUB_REPOSITORY', 'nope');
    await expect(readEventContext()).rejects.toThrow('GITHUB_REPOSITORY: expected "owner/repo" (got "nope")');
    const bad = webhookExample('pull_request', 'opened');
    bad.pull_request.head.sha = 'not-a-sha';
    runnerEnv(bad);
    await expect(readEventContext()).rejects.toThrow(/event payload field pull_request\.head\.sha: expected a 40-digit hex commit id/);
  });

  it('refuses a missing or malformed event file by name, where the context would carry on or throw a bare SyntaxError', async () => {
    const path = runnerEnv('{"action": ');
    await expect(readEventContext()).rejects.toThrow(`GITHUB_EVENT_PATH (${path}): cannot read the event payload`);
    vi.stubEnv('GITHUB_EVENT_PATH', join(tmpdir(), 'perfgate-no-such-event.json'));
    await expect(readEventContext()).rejects.toThrow(/GITHUB_EVENT_PATH \(.*perfgate-no-such-event\.json\): cannot read the event payload \(ENOENT/);
  });
});

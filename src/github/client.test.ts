import { describe, expect, it } from 'vitest';
import { useFakeGitHub } from '../../test/helpers/fake-github.js';
import { PerfgateError } from '../errors.js';
import { createGitHubClient } from './client.js';

describe('createGitHubClient', () => {
  const fake = useFakeGitHub('octo-org/octo-repo');

  it('refuses writes past max-api-writes without sending them, and keeps reading', async () => {
    const github = await fake.start();
    github.tokens.set('t', { login: 'me', actsAs: 'me', readOnly: false });
    const log: string[] = [];
    const client = createGitHubClient({ token: 't', baseUrl: github.url, maxWrites: 1, log: { debug: () => undefined, info: (t) => log.push(t), warning: (t) => log.push(t) } });
    const repo = { owner: 'octo-org', repo: 'octo-repo' };
    await client.rest.issues.createComment({ ...repo, issue_number: 1, body: 'one' });
    const second = client.rest.issues.createComment({ ...repo, issue_number: 1, body: 'two' });
    await expect(second).rejects.toThrow(PerfgateError);
    await expect(second).rejects.toThrow('GitHub API: more than 1 writes in one run (max-api-writes); refusing POST /repos/{owner}/{repo}/issues/{issue_number}/comments');
    expect(github.writes()).toHaveLength(1);
    expect((await client.rest.issues.listComments({ ...repo, issue_number: 1 })).data.map((c) => c.body)).toEqual(['one']);
  });

  it('gives up on a rate limit that asks for a longer wait than a CI job can afford', async () => {
    const github = await fake.start();
    github.tokens.set('t', { login: 'me', actsAs: 'me', readOnly: false });
    github.faults.push({ method: 'GET', operationId: 'users/get-authenticated', status: 403, headers: { 'retry-after': '3600' }, body: { message: 'You have exceeded a secondary rate limit.' }, times: 1 });
    const warnings: string[] = [];
    const client = createGitHubClient({ token: 't', baseUrl: github.url, maxWrites: 5, log: { debug: () => undefined, info: () => undefined, warning: (t) => warnings.push(t) } });
    await expect(client.rest.users.getAuthenticated()).rejects.toMatchObject({ status: 403 });
    expect(warnings.some((w) => /secondary rate limit on GET \/user: not retrying \(retry 1, asked to wait 3600 s\)/.test(w))).toBe(true);
    expect(github.requests).toHaveLength(1);
  });
});

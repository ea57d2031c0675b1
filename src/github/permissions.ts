import { PerfgateError } from '../errors.js';
import { describeApiError, type GitHubClient } from './client.js';
import type { RepoRef } from './event-context.js';

const ALLOWED = new Set(['admin', 'write']);

/**
 * Refuses unless `login` may push to the repository, asked through the collaborators
 * permission API (`maintain` reports as `write` there). A label is only as trustworthy
 * as whoever added it: anyone with triage rights can label.
 */
export async function requireWritePermission(client: GitHubClient, repo: RepoRef, login: string, what: string): Promise<string> {
  let permission: string;
  try {
    const response = await client.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: login });
    permission = response.data.permission;
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    // 404: not a collaborator at all.
    if (status === 404) permission = 'none';
    else throw new PerfgateError('GITHUB_FAILED', `cannot check ${login}'s permission on ${repo.owner}/${repo.repo} (${describeApiError(error)})`);
  }
  if (!ALLOWED.has(permission)) {
    throw new PerfgateError(
      'PERMISSION_DENIED',
      `${what}: @${login} has "${permission}" permission on ${repo.owner}/${repo.repo}; it needs "write" or "admin" (collaborators permission API). Ask a maintainer to add the label.`,
    );
  }
  return permission;
}

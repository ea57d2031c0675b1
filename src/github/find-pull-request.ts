import type { GitHubClient } from './client.js';
import { repoOf, type RepoRef } from './event-context.js';

export interface FoundPullRequest {
  readonly number: number;
  readonly headSha: string;
  readonly headRepo: string;
}

/**
 * The open PR whose head is exactly `headSha` in `headRepo`, found through the API. Used
 * by the fork-safe comment flow, where the artifact is untrusted: a PR number written
 * inside it would let a fork's code steer perfgate's comment onto any PR.
 */
export async function findPullRequestByHead(client: GitHubClient, repo: RepoRef, headRepo: string, headSha: string, headBranch: string | null): Promise<FoundPullRequest | null> {
  const matches = (pr: { number: number; head: { sha: string; repo: { full_name: string } | null } }) =>
    pr.head.sha === headSha && pr.head.repo?.full_name.toLowerCase() === headRepo.toLowerCase();
  if (headBranch) {
    const pulls = await client.paginate(client.rest.pulls.list, { ...repo, state: 'open', head: `${repoOf(headRepo).owner}:${headBranch}`, per_page: 100 });
    const found = pulls.find(matches);
    if (found) return { number: found.number, headSha, headRepo };
  }
  // Also finds PRs whose head branch was renamed since the run started.
  const associated = await client.paginate(client.rest.repos.listPullRequestsAssociatedWithCommit, { ...repo, commit_sha: headSha, per_page: 100 });
  const found = associated.find((pr) => pr.state === 'open' && matches(pr));
  return found ? { number: found.number, headSha, headRepo } : null;
}

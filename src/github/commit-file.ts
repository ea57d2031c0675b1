import { PerfgateError } from '../errors.js';
import { describeApiError, type GitHubClient } from './client.js';
import type { RepoRef } from './event-context.js';

export interface FileCommit {
  readonly repo: RepoRef;
  readonly branch: string;
  /** The commit the work was measured on: the branch must still point here. */
  readonly expectedHead: string;
  readonly files: ReadonlyArray<{ readonly path: string; readonly content: Uint8Array }>;
  readonly message: string;
}

/** The branch's current head commit. */
export async function branchHead(client: GitHubClient, repo: RepoRef, branch: string): Promise<string> {
  try {
    const ref = await client.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
    return ref.data.object.sha;
  } catch (error) {
    throw new PerfgateError('GITHUB_FAILED', `cannot read branch ${branch} of ${repo.owner}/${repo.repo} (${describeApiError(error)})`);
  }
}

export function headMovedError(branch: string, expected: string, actual: string): PerfgateError {
  return new PerfgateError(
    'HEAD_MOVED',
    `branch ${branch} moved from ${expected.slice(0, 12)} (the commit that was labelled and measured) to ${actual.slice(0, 12)}; nothing was committed. Add the label again to measure the new head.`,
  );
}

/**
 * Commits files on top of `expectedHead` through the git data API (blob, tree,
 * commit, ref), as a normal reviewable commit. The ref update is not forced: if anyone
 * pushed meanwhile, GitHub refuses it and so does perfgate.
 */
export async function commitFile(client: GitHubClient, change: FileCommit): Promise<string> {
  const { repo } = change;
  const current = await branchHead(client, repo, change.branch);
  if (current !== change.expectedHead) throw headMovedError(change.branch, change.expectedHead, current);
  const parent = await client.rest.git.getCommit({ ...repo, commit_sha: change.expectedHead });
  const entries = [];
  for (const file of change.files) {
    const blob = await client.rest.git.createBlob({ ...repo, content: Buffer.from(file.content).toString('base64'), encoding: 'base64' });
    entries.push({ path: file.path, mode: '100644' as const, type: 'blob' as const, sha: blob.data.sha });
  }
  const tree = await client.rest.git.createTree({ ...repo, base_tree: parent.data.tree.sha, tree: entries });
  const commit = await client.rest.git.createCommit({ ...repo, message: change.message, tree: tree.data.sha, parents: [change.expectedHead] });
  try {
    await client.rest.git.updateRef({ ...repo, ref: `heads/${change.branch}`, sha: commit.data.sha, force: false });
  } catch (error) {
    if ((error as { status?: unknown }).status === 422) {
      const now = await branchHead(client, repo, change.branch);
      throw headMovedError(change.branch, change.expectedHead, now);
    }
    throw new PerfgateError('GITHUB_FAILED', `cannot move branch ${change.branch} to the new commit (${describeApiError(error)})`);
  }
  return commit.data.sha;
}

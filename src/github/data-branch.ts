import { PerfgateError } from '../errors.js';
import { describeApiError, type GitHubClient } from './client.js';
import type { RepoRef } from './event-context.js';

/** A file on a data branch as the contents API returns it: its text and its blob sha (the version a write replaces). */
export interface DataFile {
  readonly text: string;
  readonly sha: string;
}

export interface DataFileLocation {
  readonly repo: RepoRef;
  /** A branch that holds only perfgate's data (default `perfgate-data`), never code. */
  readonly branch: string;
  readonly path: string;
}

/** How often a write is tried when other runs keep writing first: each try re-reads and re-applies the change. */
const ATTEMPTS = 5;

/** The file, or null when the branch or the file does not exist yet. */
export async function readDataFile(client: GitHubClient, at: DataFileLocation): Promise<DataFile | null> {
  try {
    const response = await client.rest.repos.getContent({ ...at.repo, path: at.path, ref: at.branch });
    const data = response.data;
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) {
      throw new PerfgateError('GITHUB_FAILED', `${at.branch}:${at.path} in ${at.repo.owner}/${at.repo.repo} is a ${Array.isArray(data) ? 'directory' : data.type}, not a file`);
    }
    // Files over 1 MB come back without content; a bounded history stays well below that.
    if (data.encoding !== 'base64') throw new PerfgateError('GITHUB_FAILED', `${at.branch}:${at.path}: the contents API returned it without content (encoding ${JSON.stringify(data.encoding)}); is it over 1 MB?`);
    return { text: Buffer.from(data.content, 'base64').toString('utf8'), sha: data.sha };
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return null;
    if (error instanceof PerfgateError) throw error;
    throw new PerfgateError('GITHUB_FAILED', `cannot read ${at.branch}:${at.path} of ${at.repo.owner}/${at.repo.repo} (${describeApiError(error)})`);
  }
}

/**
 * Rewrites a file on the data branch through the contents API: read it, apply `change` to
 * its text (null when it does not exist), write it back naming the sha that was read. When
 * another run wrote first, GitHub refuses the stale sha (409, or 422 when the file appeared
 * meanwhile) and the whole read–change–write is done again on the new text, up to 5 times:
 * a concurrent record is kept, never overwritten, and nothing is ever force-pushed. A data
 * branch that does not exist yet is created as a branch of its own (no parent), so it
 * carries none of the repository's code. Returns the new commit's sha.
 */
export async function updateDataFile(client: GitHubClient, at: DataFileLocation, change: (text: string | null) => string, message: string): Promise<{ commit: string; attempts: number }> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const current = await readDataFile(client, at);
    const content = Buffer.from(change(current?.text ?? null), 'utf8').toString('base64');
    try {
      if (current === null && !(await branchExists(client, at))) {
        return { commit: await createDataBranch(client, at, content, message), attempts: attempt };
      }
      // A stale sha stays stale: octokit's retry plugin would resend the same write (it retries 409), so it is told not to; this loop re-reads instead.
      const written = await client.rest.repos.createOrUpdateFileContents({ ...at.repo, path: at.path, branch: at.branch, message, content, ...(current ? { sha: current.sha } : {}), request: { retries: 0 } });
      return { commit: written.data.commit.sha ?? '', attempts: attempt };
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      if ((status === 409 || status === 422) && attempt < ATTEMPTS) continue;
      if (error instanceof PerfgateError) throw error;
      throw new PerfgateError(
        'GITHUB_FAILED',
        `cannot write ${at.branch}:${at.path} of ${at.repo.owner}/${at.repo.repo}${status === 409 || status === 422 ? ` after ${ATTEMPTS} attempts: other runs kept writing first` : ''} (${describeApiError(error)})`,
      );
    }
  }
  throw new PerfgateError('GITHUB_FAILED', `cannot write ${at.branch}:${at.path}: no attempt left`);
}

async function branchExists(client: GitHubClient, at: DataFileLocation): Promise<boolean> {
  try {
    await client.rest.git.getRef({ ...at.repo, ref: `heads/${at.branch}` });
    return true;
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return false;
    throw new PerfgateError('GITHUB_FAILED', `cannot read branch ${at.branch} of ${at.repo.owner}/${at.repo.repo} (${describeApiError(error)})`);
  }
}

/** A root commit holding only the file, and the branch pointing at it; 422 when another run created the branch first. */
async function createDataBranch(client: GitHubClient, at: DataFileLocation, base64: string, message: string): Promise<string> {
  const blob = await client.rest.git.createBlob({ ...at.repo, content: base64, encoding: 'base64' });
  const tree = await client.rest.git.createTree({ ...at.repo, tree: [{ path: at.path, mode: '100644', type: 'blob', sha: blob.data.sha }] });
  const commit = await client.rest.git.createCommit({ ...at.repo, message, tree: tree.data.sha, parents: [] });
  await client.rest.git.createRef({ ...at.repo, ref: `refs/heads/${at.branch}`, sha: commit.data.sha });
  return commit.data.sha;
}

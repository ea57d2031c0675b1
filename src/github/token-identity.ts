import type { GitHubClient } from './client.js';

/** The login GitHub shows on comments made with a workflow's GITHUB_TOKEN. */
export const ACTIONS_BOT = 'github-actions[bot]';

/**
 * Whose comments are perfgate's own. A personal token can ask GET /user; the workflow's
 * GITHUB_TOKEN (an installation token) cannot and answers 403, and comments as
 * github-actions[bot]. A GitHub App token comments as `<slug>[bot]`: say so with the
 * `comment-author` input.
 */
export async function tokenIdentity(client: GitHubClient, override: string): Promise<string> {
  if (override !== '') return override;
  try {
    const user = await client.rest.users.getAuthenticated();
    return user.data.login;
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 403 || status === 401 || status === 404) return ACTIONS_BOT;
    throw error;
  }
}

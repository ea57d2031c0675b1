import { PerfgateError } from '../errors.js';
import type { GitHubClient } from './client.js';
import type { RepoRef } from './event-context.js';

/**
 * The hidden marker that makes a comment perfgate's. Text from profiles is escaped (`<`
 * becomes `&lt;`), so a function name can never carry a marker into the body.
 */
export function stickyMarker(id: string): string {
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(id)) throw new PerfgateError('USAGE', `comment-id: expected letters, digits, ".", "_" or "-" (1 to 64 of them) (got ${JSON.stringify(id)})`);
  return `<!-- perfgate:sticky-comment:${id} -->`;
}

export interface StickyCommentTarget {
  readonly repo: RepoRef;
  readonly issueNumber: number;
  readonly marker: string;
  /** Login of the token's own account: only its comments are candidates for update. */
  readonly author: string;
}

export interface StickyResult {
  readonly action: 'created' | 'updated';
  readonly id: number;
  readonly url: string;
}

/**
 * Creates the comment, or updates the one perfgate wrote before: found across every page
 * of the PR's comments, among the token's own comments only (anyone can paste a marker
 * into a comment of theirs, and perfgate must not edit it).
 */
export async function upsertStickyComment(client: GitHubClient, target: StickyCommentTarget, body: string): Promise<StickyResult> {
  const { owner, repo } = target.repo;
  const fullBody = `${target.marker}\n${body}`;
  const existing = await findStickyComment(client, target);
  if (existing !== null) {
    const updated = await client.rest.issues.updateComment({ owner, repo, comment_id: existing, body: fullBody });
    return { action: 'updated', id: updated.data.id, url: updated.data.html_url };
  }
  const created = await client.rest.issues.createComment({ owner, repo, issue_number: target.issueNumber, body: fullBody });
  return { action: 'created', id: created.data.id, url: created.data.html_url };
}

export async function findStickyComment(client: GitHubClient, target: StickyCommentTarget): Promise<number | null> {
  const { owner, repo } = target.repo;
  const author = target.author.toLowerCase();
  const comments = await client.paginate(client.rest.issues.listComments, { owner, repo, issue_number: target.issueNumber, per_page: 100 });
  // The oldest one is the sticky one; it keeps its place in the conversation.
  const mine = comments.find((c) => c.user?.login.toLowerCase() === author && (c.body ?? '').startsWith(target.marker));
  return mine ? mine.id : null;
}

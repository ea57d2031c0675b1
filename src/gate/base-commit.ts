import { execFileSync } from 'node:child_process';
import { PerfgateError } from '../errors.js';

/** A pull request's two ends, as its event names them. */
export interface PullRequestEnds {
  /** The base branch's commit when the event was sent. */
  readonly baseSha: string;
  readonly headSha: string;
}

/** The PR's base commit, and what it is, for the log. */
export interface PullRequestBase {
  readonly commit: string;
  readonly why: string;
}

/**
 * The commit whose difference from what is checked out is exactly the PR's change.
 * actions/checkout's default for a PR is GitHub's test merge (the head merged into the base
 * branch's tip): its base is that tip, its first parent. A checkout of the head itself is
 * compared with the merge base of the base branch and the head (the base branch may have
 * moved on since the branch was cut, and those commits are not the PR's doing). A shallow
 * checkout lacks the history to find it, so the missing commits are fetched from `origin`;
 * when that fails too, the error says how to check out instead.
 */
export function pullRequestBase(folder: string, ends: PullRequestEnds): PullRequestBase {
  const git = (args: readonly string[]) => execFileSync('git', args, { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();
  const parents = safe(() => git(['rev-list', '--parents', '-n', '1', 'HEAD']))?.split(' ').slice(1) ?? [];
  if (parents.length === 2 && parents[0] === ends.baseSha && parents[1] === ends.headSha) {
    return { commit: ends.baseSha, why: "the base branch's tip, the first parent of the PR's test merge that is checked out" };
  }
  return { commit: mergeBaseOf(folder, git, ends), why: 'the merge base of the base branch and the head' };
}

function mergeBaseOf(folder: string, git: (args: readonly string[]) => string, ends: PullRequestEnds): string {
  const mergeBase = () => {
    try {
      return git(['merge-base', ends.baseSha, ends.headSha]);
    } catch {
      return null;
    }
  };
  const found = mergeBase();
  if (found) return found;
  const attempts: string[] = [];
  const fetch = (args: readonly string[]) => {
    try {
      git(['fetch', '--no-tags', '--quiet', ...args]);
      return true;
    } catch (error) {
      attempts.push(`git fetch ${args.join(' ')}: ${firstLine(error)}`);
      return false;
    }
  };
  // The base commit first (a checkout of the head alone lacks it), then the history both need.
  fetch(['origin', ends.baseSha]);
  const shallow = safe(() => git(['rev-parse', '--is-shallow-repository'])) === 'true';
  if (shallow) fetch(['--unshallow', 'origin', ends.baseSha, ends.headSha]);
  const after = mergeBase();
  if (after) return after;
  throw new PerfgateError(
    'USAGE',
    `the PR's base cannot be found: no merge base of ${ends.baseSha.slice(0, 12)} (the base branch) and ${ends.headSha.slice(0, 12)} (the head) in ${folder}` +
      `${attempts.length > 0 ? ` (${attempts.join('; ')})` : ''}. Check out the whole history: actions/checkout with \`fetch-depth: 0\`.`,
  );
}

function safe(run: () => string): string | null {
  try {
    return run();
  } catch {
    return null;
  }
}

function firstLine(error: unknown): string {
  const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
  return (stderr || String(error)).split('\n')[0]!;
}

import { execFileSync } from 'node:child_process';
import type { RunContext } from './history-record.js';

/**
 * Where this run sits: the parent commit and the branch from git (GitHub's variables first:
 * a pull_request checkout is a detached merge commit), and the run's URL on GitHub Actions.
 */
export function currentRunContext(root: string, env: NodeJS.ProcessEnv = process.env): RunContext {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null;
    } catch {
      return null;
    }
  };
  const branch = env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || git('rev-parse', '--abbrev-ref', 'HEAD');
  const runUrl = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : null;
  return { parent: git('rev-parse', 'HEAD^'), branch: branch === 'HEAD' ? null : branch, runUrl };
}

import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './run-cli.js';

/**
 * The example service and its recorded traffic in a fresh git repository of one commit,
 * with `config` as its perfgate.config.json: what same-runner runs need (a base commit to
 * check out in a worktree).
 */
export function exampleRepo(prefix: string, config: Record<string, unknown>): { dir: string; configPath: string; git: (...args: string[]) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.invalid', '-c', 'user.name=t', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();
  cpSync(join(REPO, 'examples/shop-api'), join(dir, 'examples/shop-api'), { recursive: true });
  cpSync(join(REPO, 'replay/shop-api.ndjson'), join(dir, 'replay/shop-api.ndjson'));
  const configPath = join(dir, 'perfgate.config.json');
  writeFileSync(configPath, JSON.stringify(config));
  for (const args of [['init', '-q'], ['add', '.'], ['commit', '-qm', 'service']]) git(...args);
  return { dir, configPath, git };
}

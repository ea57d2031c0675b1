import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, REPO } from './helpers/run-cli.js';

// 4 GiB of address space: enough for Node and every command that does not load the load
// generator, not for the WebAssembly memory autocannon's histogram reserves at start.
const ADDRESS_SPACE_KIB = 4_194_304;

/** Runs the built CLI in a shell whose virtual memory is capped, as on a constrained runner. */
function underAddressCap(args: readonly string[]) {
  const quoted = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return spawnSync('sh', ['-c', `ulimit -v ${ADDRESS_SPACE_KIB} && exec ${quoted}`], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1' },
  });
}

// Commands load what they need when they run: starting perfgate must not pay for (or crash
// on) the load generator, the inspector client or Octokit.
describe('perfgate starts lean', () => {
  it('prints its help under a 4 GiB address-space cap', () => {
    const result = underAddressCap(['--help']);
    expect(result.stderr).not.toMatch(/Out of memory|RangeError/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: perfgate <command>/);
  });

  it('diffs two real pprof files under the cap', () => {
    const out = mkdtempSync(join(tmpdir(), 'perfgate-lean-'));
    // The example's committed profile: this test runs wherever the repository is cloned.
    const profile = join(REPO, 'baselines/shop-api.pb.gz');
    const result = underAddressCap(['diff', profile, profile, '--output', out]);
    expect(result.stderr).not.toMatch(/Out of memory|internal error/);
    // One profile per side: statistics need trials, so the verdict is inconclusive (exit 2).
    expect(result.status).toBe(2);
    expect(result.stdout).toContain(`report: ${out}/report.md`);
  });

  it('validates a replay file under the cap', () => {
    const result = underAddressCap(['replay', 'validate', 'replay/shop-api.ndjson']);
    expect(result.stderr).not.toMatch(/Out of memory/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/replay\/shop-api\.ndjson: valid, \d+ requests/);
  });

  it('says what is wrong with a missing profile, under the cap', () => {
    const result = underAddressCap(['diff', 'missing-a.pb.gz', 'missing-b.pb.gz']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('perfgate: baseline: missing-a.pb.gz does not exist');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/run-cli.js';

const read = (file: string) => readFileSync(join(REPO, '.github/workflows', file), 'utf8');

// The first release of each official action that runs on node24 (GitHub warns about node20).
const FIRST_NODE24_MAJOR: Record<string, number> = {
  'actions/checkout': 5,
  'actions/setup-node': 5,
  'actions/upload-artifact': 6,
  'actions/download-artifact': 7,
};

describe('ci.yml and release.yml', () => {
  for (const file of ['ci.yml', 'release.yml']) {
    it(`${file} pins every action by commit SHA, at a node24 release named in a comment`, () => {
      const uses = [...read(file).matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)];
      expect(uses.length, file).toBeGreaterThan(0);
      for (const [line, ref, rest] of uses) {
        const match = /^([\w.-]+\/[\w.-]+)@([0-9a-f]{40})$/.exec(ref!);
        expect(match, `${file}: ${line}`).not.toBeNull();
        const version = /^\s+# v(\d+)\.\d+\.\d+$/.exec(rest!);
        expect(version, `${file}: ${line} (expected "# vX.Y.Z" after the SHA)`).not.toBeNull();
        const first = FIRST_NODE24_MAJOR[match![1]!];
        expect(first, `${file}: ${match![1]} is not a known official action`).toBeDefined();
        expect(Number(version![1]), `${file}: ${line}`).toBeGreaterThanOrEqual(first!);
      }
    });
  }

  it('ci.yml runs the CLI tests on Node 20, 22 and 24', () => {
    const ci = read('ci.yml');
    expect(ci).toMatch(/node: \[20, 22, 24\]/);
    expect(ci).toMatch(/node-version: \$\{\{ matrix\.node \}\}/);
    expect(ci).toMatch(/npx vitest run src\/cli\/replay-command\.test\.ts[^\n]*\n[^\n]*test\/cli-output\.e2e\.test\.ts test\/package\.e2e\.test\.ts/);
  });

  it('release.yml builds without a write token and publishes without checking anything out', () => {
    const release = read('release.yml');
    const [build, publish] = release.split(/\n {2}publish:\n/);
    expect(build).toMatch(/\n {2}build:\n/);
    expect(build).not.toMatch(/contents: write/);
    expect(build).toMatch(/git diff --exit-code --stat -- dist perfgate\.schema\.json/);
    expect(build).toMatch(/node scripts\/release-notes\.mjs "\$GITHUB_REF_NAME"/);
    expect(publish).toMatch(/contents: write/);
    expect(publish).not.toMatch(/actions\/checkout|npm /);
    // Version tags only: the moving major tag (v0) must not publish a release.
    const tags = /tags: \[(.*)\]/.exec(release)![1]!.split(',').map((t) => new RegExp(`^${t.trim().slice(1, -1).replace(/\./g, '\\.').replace(/\[0-9\]\+/g, '[0-9]+').replace(/\*$/, '.*')}$`));
    expect(tags.some((t) => t.test('v0.2.0'))).toBe(true);
    expect(tags.some((t) => t.test('v0.2.0-rc.1'))).toBe(true);
    expect(tags.some((t) => t.test('v0'))).toBe(false);
  });
});

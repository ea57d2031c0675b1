import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUT_NAMES, MODES } from '../../src/action/action-inputs.js';
import { REPO } from '../helpers/run-cli.js';

const text = readFileSync(join(REPO, '.github/workflows/perfgate-shards.yml'), 'utf8');

/** A job's block: from `  name:` to the next job or the end. */
function job(name: string): string {
  const jobs = text.slice(text.indexOf('\njobs:\n'));
  const start = jobs.indexOf(`\n  ${name}:\n`);
  expect(start, `job ${name}`).toBeGreaterThan(0);
  return jobs.slice(start + 1).split(/\n {2}(?=[\w-]+:\n)/)[0]!;
}

/** The `with:` keys and values of every step that uses the perfgate action. */
function perfgateSteps(block: string): Array<Record<string, string>> {
  return block
    .split(/\n {6}- /)
    .filter((step) => /uses: \.\/\n/.test(step))
    .map((step) => Object.fromEntries([...step.slice(step.indexOf('with:')).matchAll(/^ {10}([\w-]+): (.*)$/gm)].map((m) => [m[1]!, m[2]!])));
}

/** The `permissions:` mapping of a job: the lines indented under it. */
function permissions(block: string): Record<string, string> {
  const lines = block.slice(block.indexOf('\n    permissions:\n') + '\n    permissions:\n'.length).split('\n');
  const body = lines.slice(0, lines.findIndex((l) => !l.startsWith('      ')));
  return Object.fromEntries(body.map((l) => l.trim().split(': ') as [string, string]));
}

describe('.github/workflows/perfgate-shards.yml', () => {
  it('uses only inputs and modes the action has', () => {
    const steps = [...perfgateSteps(job('shard')), ...perfgateSteps(job('merge'))];
    expect(steps.map((s) => s.mode)).toEqual(['check', 'merge']);
    for (const step of steps) {
      for (const input of Object.keys(step)) expect(INPUT_NAMES as readonly string[], input).toContain(input);
      expect(MODES as readonly string[]).toContain(step.mode);
    }
    expect(perfgateSteps(job('shard'))[0]!.shard).toBe('${{ matrix.shard }}/4');
  });

  it('grants least permissions: read at the top and in the shards; only the merge may write, and only to pull requests', () => {
    expect(text).toMatch(/^permissions: \{\}\njobs:/m);
    expect(permissions(job('shard'))).toEqual({ contents: 'read' });
    expect(permissions(job('merge'))).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });

  it('the shards run the PR without credentials in git and without a comment; the merge checks out only the action from the base and runs nothing, and runs when a shard failed', () => {
    const shard = job('shard');
    expect(shard).toMatch(/persist-credentials: false/);
    expect(shard).toMatch(/comment: false/);
    expect(shard).toMatch(/fail-fast: false/);
    const merge = job('merge');
    // This repository's own action (uses: ./), from the PR's base: action.yml and dist/ only.
    expect(merge).toMatch(/ref: \$\{\{ github\.event\.pull_request\.base\.sha \}\}\n[\s\S]*sparse-checkout: \|\n {12}action\.yml\n {12}dist\n/);
    expect(merge).not.toMatch(/\n {8}run:|- run:/);
    expect(merge).toMatch(/needs: shard/);
    expect(merge).toMatch(/if: always\(\)/);
    // Every service's shards, into one merge and one comment.
    expect(merge).toMatch(/pattern: perfgate-shard-\*\n/);
    expect(merge).not.toMatch(/matrix/);
    expect(job('shard')).toMatch(/name: perfgate-shard-\$\{\{ matrix\.service \}\}-\$\{\{ matrix\.shard \}\}/);
  });
});

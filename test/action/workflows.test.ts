import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUT_NAMES } from '../../src/action/action-inputs.js';
import { OUTPUT_NAMES } from '../../src/action/outputs.js';
import { REPO } from '../helpers/run-cli.js';

const read = (path: string) => readFileSync(join(REPO, path), 'utf8');
const WORKFLOWS = join(REPO, '.github/workflows');

/** Every TypeScript file under a folder of the repository, tests aside, as repository paths. */
function sourceFiles(folder: string): string[] {
  return readdirSync(join(REPO, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => `${folder}/${f}`)
    .sort();
}

/** The top-level keys of a YAML mapping section (`inputs:` or `outputs:` in action.yml). */
function sectionKeys(yaml: string, section: string): string[] {
  const start = yaml.indexOf(`\n${section}:\n`);
  const body = yaml.slice(start + section.length + 3);
  const end = body.search(/^\S/m);
  return [...(end < 0 ? body : body.slice(0, end)).matchAll(/^ {2}([a-z-]+):/gm)].map((m) => m[1]!);
}

describe('action.yml', () => {
  const yaml = read('action.yml');

  it('declares exactly the inputs the action reads, each with a description', () => {
    expect(sectionKeys(yaml, 'inputs').sort()).toEqual([...INPUT_NAMES].sort());
    for (const name of INPUT_NAMES) expect(yaml).toMatch(new RegExp(`\\n  ${name}:\\n    description: \\S`));
  });

  it('declares exactly the outputs the action sets, each with a description', () => {
    expect(sectionKeys(yaml, 'outputs').sort()).toEqual([...OUTPUT_NAMES].sort());
    for (const name of OUTPUT_NAMES) expect(yaml).toMatch(new RegExp(`\\n  ${name}:\\n    description: \\S`));
  });

  it('sets outputs in one place only (src/action/outputs.ts)', () => {
    const setters = sourceFiles('src').filter((file) => /\bsetOutput\(/.test(read(file)));
    expect(setters).toEqual(['src/action/outputs.ts']);
  });

  it('runs the bundle on node24', () => {
    expect(yaml).toMatch(/\nruns:\n {2}using: node24\n {2}main: dist\/action\.js\n/);
  });
});

/** A workflow file as text, cut into its jobs and their steps (no YAML parser: the files are ours and regular). */
interface Job {
  readonly name: string;
  readonly body: string;
  /** Scopes granted `write`, from the job's permissions or, without them, the workflow's. */
  readonly writes: string[];
  readonly steps: string[];
}

function writesIn(block: string): string[] {
  return [...block.matchAll(/^\s+([a-z-]+): write$/gm)].map((m) => m[1]!);
}

function jobsOf(text: string): Job[] {
  const top = /^permissions:(.*)\n((?: {2}.*\n)*)/m.exec(text);
  const jobs = text.slice(text.indexOf('\njobs:\n'));
  const names = [...jobs.matchAll(/^ {2}([\w-]+):$/gm)].map((m) => m[1]!);
  return names.map((name) => {
    const body = jobs.slice(jobs.indexOf(`\n  ${name}:\n`) + 1).split(/\n {2}(?=[\w-]+:\n)/)[0]!;
    const own = /\n {4}permissions:(.*)\n((?: {6}.*\n)*)/.exec(body);
    const writes = own ? writesIn(own[2]!) : writesIn(top?.[2] ?? '');
    const steps = body.split(/\n {6}- /).slice(1);
    return { name, body, writes, steps };
  });
}

// Refs whose code is already in the repository: the base commit of a PR, the default branch.
const TRUSTED_REF = /^\s+ref: \$\{\{ github\.event\.(pull_request\.base\.sha|repository\.default_branch) \}\}$/m;

/** Why a job may run code that a PR controls, or null: a shell step, a checkout of anything but a trusted ref, the gate. */
function runsPrCode(job: Job): string | null {
  for (const step of job.steps) {
    if (/^(name: .*\n\s+)?run:|\n\s+run:/.test(step)) return `a run: step (${step.split('\n')[0]})`;
    if (/uses: actions\/checkout@/.test(step) && !TRUSTED_REF.test(step)) return 'a checkout of the PR (no trusted ref)';
    // `check` with `report:` publishes a report measured elsewhere: nothing is built or started.
    if (/\n\s+mode: (check|measure-baseline)\b/.test(step) && !/\n\s+report: /.test(step)) return `perfgate ${/mode: ([\w-]+)/.exec(step)![1]}, which builds and starts the service`;
  }
  return null;
}

/** The README's yaml for users: the released action instead of this repository's own, and no step that only fetches it. */
function forUsers(workflow: string): string {
  const out: string[] = [];
  const lines = workflow.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const marker = /^( +)# This repository only:/.exec(lines[i]!);
    if (marker) {
      const indent = marker[1]!.length;
      while (i + 1 < lines.length && /^\s+#/.test(lines[i + 1]!)) i++;
      i++; // the step's "- " line
      while (i + 1 < lines.length && lines[i + 1]!.search(/\S/) > indent) i++;
      continue;
    }
    if (/^ +(action\.yml|dist)$/.test(lines[i]!)) continue;
    out.push(lines[i]!.replace(/uses: \.\/$/, 'uses: perfgate/perfgate@v0'));
  }
  return out.join('\n');
}

// The first release of each official action that runs on node24 (its action.yml `runs.using`).
const FIRST_NODE24_MAJOR: Record<string, number> = { 'actions/checkout': 5, 'actions/setup-node': 5, 'actions/upload-artifact': 6, 'actions/download-artifact': 7 };

describe('workflows', () => {
  const files = readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml'));
  const perfgateFiles = files.filter((f) => f.startsWith('perfgate-'));

  it('README shows the perfgate workflows as users copy them: the released action where this repository uses its own', () => {
    const readme = read('README.md');
    const shown = new Map([...readme.matchAll(/\[`\.github\/workflows\/([\w.-]+\.yml)`\]\([^)]*\):\n\n```yaml\n([\s\S]*?)```\n/g)].map((m) => [m[1]!, m[2]!]));
    expect([...shown.keys()].sort()).toEqual(['perfgate-accept.yml', 'perfgate-canary.yml', 'perfgate-check.yml', 'perfgate-comment.yml', 'perfgate-shards.yml']);
    for (const [file, text] of shown) expect(text, file).toBe(forUsers(readFileSync(join(WORKFLOWS, file), 'utf8')));
    expect(readme).toMatch(/pin .*by commit SHA/i);
  });

  it('keep every plain run: value valid YAML (": " or " #" inside one would end it or make a mapping) and free of ${{ }}', () => {
    for (const file of files) {
      const text = readFileSync(join(WORKFLOWS, file), 'utf8');
      for (const [line, value] of text.matchAll(/^\s+(?:- )?run: (?!['"|>])(.*)$/gm)) {
        expect(value, `${file}: ${line}`).not.toMatch(/: | #/);
        // Expressions go through env:, never into the script, where their text would be code.
        expect(value, `${file}: ${line}`).not.toContain('${{');
      }
    }
  });

  it('set permissions at the top and on every job', () => {
    for (const file of files) {
      const text = readFileSync(join(WORKFLOWS, file), 'utf8');
      expect(text, file).toMatch(/^permissions:/m);
      const jobs = jobsOf(text);
      expect(jobs.length, file).toBeGreaterThan(0);
      for (const job of jobs) expect(job.body, `${file}: job ${job.name}`).toMatch(/\n {4}permissions:/);
    }
  });

  it('never run PR code in a job that holds a write permission', () => {
    let writers = 0;
    for (const file of perfgateFiles) {
      const text = readFileSync(join(WORKFLOWS, file), 'utf8');
      // Nothing written at the top: a job added later without its own permissions gets none.
      expect(writesIn(/^permissions:.*\n((?: {2}.*\n)*)/m.exec(text)?.[1] ?? ''), `${file}: top-level permissions`).toEqual([]);
      for (const job of jobsOf(text)) {
        if (job.writes.length === 0) continue;
        writers++;
        expect(runsPrCode(job), `${file}: job ${job.name} holds ${job.writes.join(', ')}: write`).toBeNull();
      }
    }
    // The comment job, the accept flow's commit job, the history's record job and the shards' merge job.
    expect(writers).toBe(4);
  });

  it('test their own action (uses: ./) and pin official actions to a Node 24 release by commit SHA', () => {
    for (const file of perfgateFiles) {
      const text = readFileSync(join(WORKFLOWS, file), 'utf8');
      expect(text, file).toMatch(/uses: \.\/\n/);
      expect(text, file).not.toMatch(/perfgate\/perfgate@/);
      for (const [, action, ref, version] of text.matchAll(/uses: ([\w-]+\/[\w-]+)@(\S+)(?: # (v\d+\S*))?\n/g)) {
        expect(ref, `${file}: ${action}`).toMatch(/^[0-9a-f]{40}$/);
        expect(version, `${file}: ${action}@${ref} needs its version in a comment`).toBeDefined();
        expect(Number(/^v(\d+)/.exec(version!)![1]), `${file}: ${action} ${version} runs on Node 20`).toBeGreaterThanOrEqual(FIRST_NODE24_MAJOR[action!] ?? Number.POSITIVE_INFINITY);
      }
    }
  });

  it('post the comment from workflow_run, for every PR, with no PR code', () => {
    const text = readFileSync(join(WORKFLOWS, 'perfgate-comment.yml'), 'utf8');
    expect(text).toMatch(/^on:\n {2}workflow_run:/m);
    expect(text).toMatch(/mode: comment/);
    expect(text).toMatch(/if: github\.event\.workflow_run\.event == 'pull_request'\n/);
    const check = readFileSync(join(WORKFLOWS, 'perfgate-check.yml'), 'utf8');
    expect(check).toMatch(/\n {10}comment: false\n/);
  });
});

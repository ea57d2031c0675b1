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

describe('workflows', () => {
  const files = readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml'));

  it('README shows the perfgate workflows exactly as they are in .github/workflows/', () => {
    const readme = read('README.md');
    const shown = new Map([...readme.matchAll(/\[`\.github\/workflows\/([\w.-]+\.yml)`\]\([^)]*\):\n\n```yaml\n([\s\S]*?)```\n/g)].map((m) => [m[1]!, m[2]!]));
    expect([...shown.keys()].sort()).toEqual(['perfgate-accept.yml', 'perfgate-canary.yml', 'perfgate-check.yml', 'perfgate-comment.yml', 'perfgate-shards.yml']);
    for (const [file, text] of shown) expect(text, file).toBe(readFileSync(join(WORKFLOWS, file), 'utf8'));
  });

  it('set permissions at the top and on every job', () => {
    for (const file of files) {
      const text = readFileSync(join(WORKFLOWS, file), 'utf8');
      expect(text, file).toMatch(/^permissions:/m);
      const jobs = text.slice(text.indexOf('\njobs:\n'));
      const names = [...jobs.matchAll(/^ {2}([\w-]+):$/gm)].map((m) => m[1]!);
      expect(names.length, file).toBeGreaterThan(0);
      for (const job of names) {
        const body = jobs.slice(jobs.indexOf(`\n  ${job}:\n`) + 1).split(/\n {2}(?=[\w-]+:\n)/)[0]!;
        expect(body, `${file}: job ${job}`).toMatch(/\n {4}permissions:/);
      }
    }
  });

  it('never checks out code in the workflow_run comment workflow', () => {
    const text = readFileSync(join(WORKFLOWS, 'perfgate-comment.yml'), 'utf8');
    expect(text).toMatch(/^on:\n {2}workflow_run:/m);
    expect(text).not.toMatch(/actions\/checkout/);
    expect(text).toMatch(/mode: comment/);
  });
});

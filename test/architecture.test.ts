import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/run-cli.js';

// The layering of docs/architecture.md, checked over the real import graph of src/.

interface Module {
  /** Path under src/, e.g. `gate/gate.ts`. */
  readonly file: string;
  /** The part it belongs to: its folder, or the file itself at the top of src/. */
  readonly part: string;
  /** Parts and packages it imports (a relative import resolved to its part, `part/file` kept in `files`). */
  readonly imports: ReadonlyArray<{ readonly part: string; readonly file: string | null; readonly typeOnly: boolean }>;
}

const SRC = posix.join(REPO.split('\\').join('/'), 'src');

function partOf(file: string): string {
  return file.includes('/') ? file.slice(0, file.indexOf('/')) : file.replace(/\.ts$/, '');
}

function modules(): Module[] {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.test-helper.ts'));
  return files.map((file) => {
    const text = readFileSync(posix.join(SRC, file), 'utf8');
    const imports = [...text.matchAll(/^(import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'|^import\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/gm)].map((m) => {
      const specifier = (m[3] ?? m[4] ?? m[5])!;
      const typeOnly = m[2] !== undefined;
      if (!specifier.startsWith('.')) {
        const parts = specifier.split('/');
        return { part: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!, file: null, typeOnly };
      }
      const target = posix.normalize(posix.join(posix.dirname(file), specifier)).replace(/\.js$/, '.ts');
      return { part: partOf(target), file: target, typeOnly };
    });
    return { file, part: partOf(file), imports };
  });
}

/** Node built-ins and packages that reach outside the process: files, sockets, processes, the machine, GitHub. */
const IO = ['node:fs', 'node:net', 'node:http', 'node:https', 'node:child_process', 'node:os', 'node:inspector', 'node:dgram', 'node:worker_threads', 'node:process', 'autocannon', 'octokit', '@actions/core', '@actions/github'];
const CORE = ['profile', 'analysis', 'report'];
const SHARED = ['errors', 'version', 'glob', 'value-at', 'whole-number'];

/** Which of perfgate's own parts each part may import (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  errors: [],
  version: [],
  glob: [],
  'value-at': [],
  'whole-number': ['errors'],
  fs: ['errors'],
  config: [...SHARED],
  profile: [...SHARED],
  analysis: [...SHARED, 'profile', 'config'],
  report: [...SHARED, 'profile', 'analysis', 'config', 'baseline'],
  baseline: [...SHARED, 'fs', 'analysis', 'config'],
  replay: [...SHARED, 'fs'],
  load: [...SHARED, 'replay'],
  agent: [...SHARED],
  target: [...SHARED, 'agent', 'config', 'profile'],
  github: [...SHARED, 'profile', 'analysis', 'report', 'config', 'baseline'],
  history: [...SHARED, 'fs', 'analysis', 'report', 'baseline'],
  gate: [...SHARED, 'fs', 'config', 'profile', 'analysis', 'report', 'baseline', 'replay', 'load', 'target', 'agent'],
  action: [...SHARED, 'fs', 'config', 'profile', 'analysis', 'report', 'baseline', 'replay', 'target', 'github', 'gate', 'history'],
  // The comment mode runs from both the action and `perfgate comment`: the CLI may use it, and nothing else of action/.
  cli: [...SHARED, 'fs', 'config', 'profile', 'analysis', 'report', 'baseline', 'replay', 'load', 'target', 'github', 'gate', 'history', 'action/comment.ts', 'action/publish.ts'],
  action_entry: ['errors', 'github', 'action'],
  cli_entry: ['errors', 'version', 'cli'],
  bin: ['cli', 'target'],
};

function allowedKey(module: Module): string {
  if (module.file === 'action.ts') return 'action_entry';
  if (module.file === 'cli.ts') return 'cli_entry';
  return module.part;
}

describe('the import graph of src/ (docs/architecture.md)', () => {
  const all = modules();

  it('finds the parts and their imports', () => {
    expect(all.length).toBeGreaterThan(150);
    expect(new Set(all.map((m) => m.part))).toEqual(new Set([...Object.keys(ALLOWED).filter((k) => !k.endsWith('_entry')), 'action', 'cli']));
  });

  it('every part imports only the parts the map allows', () => {
    const wrong: string[] = [];
    for (const module of all) {
      const allowed = ALLOWED[allowedKey(module)]!;
      for (const i of module.imports) {
        if (i.file === null || i.part === module.part) continue;
        if (!allowed.includes(i.part) && !allowed.includes(i.file)) wrong.push(`${module.file} imports ${i.file}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the core (profile, analysis, report) does no I/O: no files, sockets, processes, machine or GitHub', () => {
    const wrong = all.filter((m) => CORE.includes(m.part)).flatMap((m) => m.imports.filter((i) => i.file === null && IO.includes(i.part)).map((i) => `${m.file} imports ${i.part}`));
    expect(wrong).toEqual([]);
    // Nor does it reach the process's environment or clock-driven state through globals.
    const globals = all.filter((m) => CORE.includes(m.part) && /\bprocess\.(env|cwd|argv|exit)\b/.test(readFileSync(posix.join(SRC, m.file), 'utf8'))).map((m) => m.file);
    expect(globals).toEqual([]);
  });

  it('the agent preloaded into services imports only Node built-ins and its protocol', () => {
    const agent = all.find((m) => m.file === 'agent/agent.ts')!;
    const outside = agent.imports.filter((i) => (i.file === null ? !i.part.startsWith('node:') : i.file !== 'agent/protocol.ts'));
    expect(outside).toEqual([]);
  });

  it('catches a forbidden import (the check is not vacuous)', () => {
    const planted: Module = { file: 'analysis/planted.ts', part: 'analysis', imports: [{ part: 'gate', file: 'gate/gate.ts', typeOnly: false }] };
    const allowed = ALLOWED[allowedKey(planted)]!;
    expect(planted.imports.some((i) => !allowed.includes(i.part))).toBe(true);
  });
});

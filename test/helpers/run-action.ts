import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ACTION = fileURLToPath(new URL('../../dist/action.js', import.meta.url));

let snapshot: string | null = null;

/**
 * The bundle this test file runs: a private copy of dist/, taken at first use. Test runs
 * of others working in the same tree rebuild dist/ in place, and a run must not start
 * from a half-written file.
 */
export function bundledAction(): string {
  if (snapshot === null) {
    const folder = mkdtempSync(join(tmpdir(), 'perfgate-bundle-'));
    cpSync(dirname(ACTION), join(folder, 'dist'), { recursive: true });
    snapshot = join(folder, 'dist/action.js');
  }
  return snapshot;
}

export interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  /** Workflow commands the step printed (::error file=…::message and friends). */
  readonly commands: Array<{ command: string; properties: Record<string, string>; message: string }>;
}

export interface ActionEnvironment {
  readonly inputs: Record<string, string>;
  readonly eventName?: string;
  readonly event?: unknown;
  readonly repository?: string;
  readonly apiUrl?: string;
  readonly workspace?: string;
  readonly cwd?: string;
  readonly script?: string;
  /** More variables the runner sets (GITHUB_REF_NAME, …). */
  readonly env?: Record<string, string>;
}

/**
 * Runs the bundled action as the runner does: inputs as INPUT_<NAME> variables (upper
 * case, hyphens kept), the event as a JSON file in GITHUB_EVENT_PATH, and the files the
 * runner reads back afterwards (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY).
 */
export function runAction(options: ActionEnvironment): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'perfgate-action-'));
  const outputFile = join(dir, 'output.txt');
  const summaryFile = join(dir, 'summary.md');
  const eventFile = join(dir, 'event.json');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  writeFileSync(eventFile, JSON.stringify(options.event ?? {}));
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GITHUB_') && !key.startsWith('INPUT_') && !key.startsWith('RUNNER_')) env[key] = value;
  Object.assign(env, {
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
    RUNNER_TEMP: dir,
    GITHUB_RUN_ID: '4242',
    ...(options.repository !== undefined ? { GITHUB_REPOSITORY: options.repository } : {}),
    ...(options.apiUrl !== undefined ? { GITHUB_API_URL: options.apiUrl } : {}),
    ...(options.workspace !== undefined ? { GITHUB_WORKSPACE: options.workspace } : {}),
    ...options.env,
  });
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return new Promise((resolve, reject) => {
    // PERFGATE_ACTION_NODE runs the bundle on another Node (CI runs these tests again on Node 24, as GitHub does).
    const child = spawn(process.env.PERFGATE_ACTION_NODE || process.execPath, [options.script ?? bundledAction()], { cwd: options.cwd ?? dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout, stderr, outputs: parseOutputs(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8'), commands: parseCommands(stdout) }),
    );
  });
}

/** GITHUB_OUTPUT's `name<<DELIMITER\nvalue\nDELIMITER` records. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!;
  return outputs;
}

function parseCommands(stdout: string): ActionRun['commands'] {
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const commands: ActionRun['commands'] = [];
  for (const line of stdout.split('\n')) {
    const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const at = pair.indexOf('=');
      properties[pair.slice(0, at)] = unescape(pair.slice(at + 1));
    }
    commands.push({ command: match[1]!, properties, message: unescape(match[3]!) });
  }
  return commands;
}

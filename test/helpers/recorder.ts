import { spawn, type ChildProcess } from 'node:child_process';
import { CLI, REPO } from './run-cli.js';

export interface Recorder {
  readonly child: ChildProcess;
  /** Where the proxy listens. */
  readonly origin: URL;
  /** Resolves when the recorder exits, with its code, signal and output. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts `perfgate record` with `--listen 127.0.0.1:0` and waits until it says where it listens. */
export function startRecorder(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Recorder> {
  const child = spawn(process.execPath, [CLI, 'record', '--listen', '127.0.0.1:0', ...args], {
    cwd: REPO,
    env: { ...process.env, GITHUB_ACTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const listening = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (listening) resolve({ child, origin: new URL(listening[1]!), exited });
    });
    void exited.then((result) => reject(new Error(`perfgate record exited before listening (${result.code}): ${result.stderr}`)));
  });
}

import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { OutputTail } from './output-tail.js';

/**
 * A shell command started as the leader of its own process group, so that everything
 * it starts (npm, a script, node) can be signalled together and nothing is orphaned.
 * Every live group is tracked so an interrupted perfgate can still stop them all.
 */
export class ProcessGroup {
  readonly child: ChildProcess;
  readonly output = new OutputTail();
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private exitStatus: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  constructor(
    readonly command: string,
    options: { cwd: string; env: NodeJS.ProcessEnv; echo?: (chunk: string) => void },
  ) {
    this.child = spawn('/bin/sh', ['-c', command], {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    live.add(this);
    const collect = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      this.output.push(text);
      options.echo?.(text);
    };
    this.child.stdout?.on('data', collect);
    this.child.stderr?.on('data', collect);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitStatus = { code, signal };
        resolve(this.exitStatus);
      });
      this.child.once('error', (error) => {
        this.output.push(`perfgate: could not start /bin/sh: ${error.message}\n`);
        this.exitStatus = { code: 127, signal: null };
        resolve(this.exitStatus);
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get hasExited(): boolean {
    return this.exitStatus !== undefined;
  }

  describeExit(): string {
    const status = this.exitStatus;
    if (!status) return 'still running';
    return status.signal ? `killed by ${status.signal}` : `exited with code ${status.code}`;
  }

  /** SIGTERM to the whole group, SIGKILL after the grace period; resolves when the group is gone. */
  async stop(graceMs: number): Promise<void> {
    signalGroup(this.pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline && groupAlive(this.pid)) await sleep(25);
    if (groupAlive(this.pid)) signalGroup(this.pid, 'SIGKILL');
    await this.exited;
    while (groupAlive(this.pid)) await sleep(10);
    live.delete(this);
  }

  /** Synchronous last resort for process exit paths. */
  kill(): void {
    signalGroup(this.pid, 'SIGKILL');
    live.delete(this);
  }
}

const live = new Set<ProcessGroup>();

export function liveGroups(): readonly ProcessGroup[] {
  return [...live];
}

process.on('exit', () => {
  for (const group of live) group.kill();
});

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

function groupAlive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(-pid, 0);
  } catch {
    return false;
  }
  // A zombie still answers signal 0 until its new parent reaps it, which can take a
  // second in a container; on Linux, look past zombies so a stop does not wait for that.
  const members = groupMembersFromProc(pid);
  return members === undefined || members.some((state) => state !== 'Z');
}

/** States of the group's processes from /proc, or undefined where /proc is not there. */
function groupMembersFromProc(pgid: number): string[] | undefined {
  return groupProcStats(pgid)?.map((p) => p.fields[0] ?? '?');
}

/**
 * The /proc/<pid>/stat fields of every process in the group, from the state (field 3) on,
 * or undefined where /proc is not there (macOS).
 */
export function groupProcStats(pgid: number): Array<{ pid: number; fields: string[] }> | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const members: Array<{ pid: number; fields: string[] }> = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) members.push({ pid: Number(entry), fields });
    } catch {
      // The process ended while we looked.
    }
  }
  return members;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

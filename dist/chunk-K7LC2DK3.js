import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);

// src/target/process-group.ts
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

// src/target/output-tail.ts
var OutputTail = class {
  constructor(limitBytes = 16 * 1024) {
    this.limitBytes = limitBytes;
  }
  limitBytes;
  chunks = [];
  size = 0;
  push(chunk) {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.limitBytes && this.chunks.length > 1) {
      this.size -= this.chunks.shift().length;
    }
  }
  /** The last `lines` lines, indented for an error message. */
  lastLines(lines = 20) {
    const text = this.chunks.join("").slice(-this.limitBytes);
    const all = text.split("\n").filter((line, i, arr) => line !== "" || i < arr.length - 1);
    const shown = all.slice(-lines);
    if (shown.length === 0) return "    (no output)";
    return shown.map((line) => `    | ${line}`).join("\n");
  }
};

// src/target/process-group.ts
var ProcessGroup = class {
  constructor(command, options) {
    this.command = command;
    this.child = spawn("/bin/sh", ["-c", command], {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"]
    });
    live.add(this);
    const collect = (chunk) => {
      const text = chunk.toString("utf8");
      this.output.push(text);
      options.echo?.(text);
    };
    this.child.stdout?.on("data", collect);
    this.child.stderr?.on("data", collect);
    this.exited = new Promise((resolve) => {
      this.child.once("exit", (code, signal) => {
        this.exitStatus = { code, signal };
        resolve(this.exitStatus);
      });
      this.child.once("error", (error) => {
        this.output.push(`perfgate: could not start /bin/sh: ${error.message}
`);
        this.exitStatus = { code: 127, signal: null };
        resolve(this.exitStatus);
      });
    });
  }
  command;
  child;
  output = new OutputTail();
  exited;
  exitStatus;
  get pid() {
    return this.child.pid;
  }
  get hasExited() {
    return this.exitStatus !== void 0;
  }
  describeExit() {
    const status = this.exitStatus;
    if (!status) return "still running";
    return status.signal ? `killed by ${status.signal}` : `exited with code ${status.code}`;
  }
  /** SIGTERM to the whole group, SIGKILL after the grace period; resolves when the group is gone. */
  async stop(graceMs) {
    signalGroup(this.pid, "SIGTERM");
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline && groupAlive(this.pid)) await sleep(25);
    if (groupAlive(this.pid)) signalGroup(this.pid, "SIGKILL");
    await this.exited;
    while (groupAlive(this.pid)) await sleep(10);
    live.delete(this);
  }
  /** Synchronous last resort for process exit paths. */
  kill() {
    signalGroup(this.pid, "SIGKILL");
    live.delete(this);
  }
};
var live = /* @__PURE__ */ new Set();
function liveGroups() {
  return [...live];
}
process.on("exit", () => {
  for (const group of live) group.kill();
});
function signalGroup(pid, signal) {
  if (pid === void 0) return;
  try {
    process.kill(-pid, signal);
  } catch {
  }
}
function groupAlive(pid) {
  if (pid === void 0) return false;
  try {
    process.kill(-pid, 0);
  } catch {
    return false;
  }
  const members = groupMembersFromProc(pid);
  return members === void 0 || members.some((state) => state !== "Z");
}
function groupMembersFromProc(pgid) {
  return groupProcStats(pgid)?.map((p) => p.fields[0] ?? "?");
}
function groupProcStats(pgid) {
  let entries;
  try {
    entries = readdirSync("/proc");
  } catch {
    return void 0;
  }
  const members = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) members.push({ pid: Number(entry), fields });
    } catch {
    }
  }
  return members;
}
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export {
  ProcessGroup,
  liveGroups,
  groupProcStats,
  sleep
};

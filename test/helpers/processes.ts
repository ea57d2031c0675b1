import { readdirSync, readFileSync } from 'node:fs';

/**
 * Live processes whose environment carries `NAME=value`: every service perfgate starts
 * inherits the service env from the config, so a test marks its run and looks for it.
 * Zombies (no readable environment) are already dead and are not counted.
 */
export function processesWithEnv(name: string, value: string): number[] {
  const needle = Buffer.from(`${name}=${value}\0`);
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`);
      if (environ.includes(needle)) found.push(Number(entry));
    } catch {
      // Gone, or not ours to read.
    }
  }
  return found;
}

/** Waits briefly for processes to disappear (a kill is asynchronous), then returns what is left. */
export async function leftoverProcesses(name: string, value: string, waitMs = 3_000): Promise<number[]> {
  const deadline = Date.now() + waitMs;
  let left = processesWithEnv(name, value);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    left = processesWithEnv(name, value);
  }
  return left;
}

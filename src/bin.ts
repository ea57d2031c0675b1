#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { cli, EXIT } from './cli.js';
// Not target/index.js: that would load the service launcher (and more) before any argument is read.
import { liveGroups } from './target/process-group.js';

// First signal: stop gracefully (services are stopped, then exit 2). Second: kill at once.
const interrupt = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupt.signal.aborted) {
      for (const group of liveGroups()) group.kill();
      process.exit(EXIT.error);
    }
    process.stderr.write(`\nperfgate: ${signal} received, stopping the service…\n`);
    interrupt.abort(signal);
  });
}

const agentPath = fileURLToPath(new URL('./agent.cjs', import.meta.url));
process.exitCode = await cli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, agentPath, signal: interrupt.signal });

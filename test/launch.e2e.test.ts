import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleConfig, MARK } from './helpers/example-config.js';
import { leftoverProcesses } from './helpers/processes.js';
import { REPO, runCli } from './helpers/run-cli.js';

const fixture = join(REPO, 'test/fixtures/launch');

// The agent rides in through NODE_OPTIONS and dials perfgate from whichever process
// listens, so the control channel must work however the service is started.
describe('the agent works however the service is started', () => {
  for (const start of ['node server.js', 'npm start', './start.sh']) {
    it(`\`${start}\`: profiles the process that serves and leaves nothing running`, async () => {
      const config = exampleConfig({
        service: { start, cwd: fixture, readyPath: '/health' },
        replay: join(fixture, 'replay.ndjson'),
        trials: 2,
        load: { warmupRequests: 50, measureRequests: 300, connections: 4 },
      });
      const result = await runCli(['baseline', '--config', config.path]);
      expect(result.code, result.stderr).toBe(0);
      const baseline = JSON.parse(readFileSync(join(config.dir, 'baseline.json'), 'utf8'));
      for (const trial of baseline.trials) {
        expect(trial.requests).toBe(300);
        // Any CPU in the fixture's own file proves the profile came from the serving process;
        // launchWork alone is not asked for, since the optimiser may inline it into the handler.
        const own = Object.entries(trial.functions as Record<string, { selfNanos: number }>).filter(([name]) => name.startsWith('test/fixtures/launch/server.js#'));
        const ownNanos = own.reduce((sum, [, f]) => sum + f.selfNanos, 0);
        expect(ownNanos, `CPU in server.js: ${JSON.stringify(own)}`).toBeGreaterThan(0);
        expect(trial.allocatedBytes).toBeGreaterThan(0);
      }
      expect(await leftoverProcesses(MARK, config.mark)).toEqual([]);
    });
  }
});

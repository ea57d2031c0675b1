import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleConfig, MARK } from './helpers/example-config.js';
import { leftoverProcesses } from './helpers/processes.js';
import { REPO, runCli } from './helpers/run-cli.js';

// profile.source "pprof-http" starts the service without the agent; what goes wrong
// there must be said plainly, and nothing may be left running.
describe('pprof-http failures', () => {
  const small = { trials: 2, load: { warmupRequests: 20, measureRequests: 50, connections: 2 }, profile: { source: 'pprof-http', pprofSeconds: 1 } };

  it('a service without pprof endpoints: the error names the endpoint and what it answered', async () => {
    const config = exampleConfig({ ...small, service: { start: 'node test/fixtures/plain-http.js', readyPath: '/health' }, replay: join(REPO, 'test/fixtures/simple.ndjson') });
    const result = await runCli(['baseline', '--config', config.path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/perfgate: pprof-http: GET http:\/\/127\.0\.0\.1:\d+\/debug\/pprof\/profile\?seconds=1 answered HTTP 404 \("404 page not found"\); the service must serve Go's net\/http\/pprof endpoints under profile\.pprofUrl \(default \/debug\/pprof\)/);
    expect(await leftoverProcesses(MARK, config.mark)).toEqual([]);
  });

  it('a service that never listens: readiness by port fails with its output', async () => {
    const config = exampleConfig({ ...small, service: { start: 'node -e "console.log(\'booting\'); setInterval(() => {}, 1000)"', readyTimeoutMs: 1500 }, replay: join(REPO, 'test/fixtures/simple.ndjson') });
    const result = await runCli(['baseline', '--config', config.path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/was not ready after 1500 ms: nothing accepted connections on 127\.0\.0\.1:\d+ .*its last output:\n.*booting/s);
    expect(await leftoverProcesses(MARK, config.mark)).toEqual([]);
  });
});

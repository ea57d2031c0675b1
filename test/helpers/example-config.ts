import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './run-cli.js';

export const MARK = 'PERFGATE_TEST_MARK';

export interface TestConfig {
  readonly path: string;
  readonly dir: string;
  readonly mark: string;
}

/**
 * A config in a temp folder that gates the bundled example with small settings; every
 * service process it starts carries a unique mark in its environment for leak checks.
 */
export function exampleConfig(
  overrides: { service?: Record<string, unknown>; env?: Record<string, string>; mark?: string; [key: string]: unknown } = {},
): TestConfig {
  const dir = mkdtempSync(join(tmpdir(), 'perfgate-test-'));
  // The mark is part of the service's environment and so of the config's fingerprint:
  // a run meant to use another config's stored baseline reuses that config's mark.
  const { service, env, mark = randomUUID(), ...rest } = overrides;
  const config = {
    root: REPO,
    service: { start: 'node examples/shop-api/server.js', cwd: REPO, readyTimeoutMs: 15_000, env: { [MARK]: mark, ...env }, ...service },
    replay: join(REPO, 'replay/shop-api.ndjson'),
    baseline: join(dir, 'baseline.json'),
    output: join(dir, 'report'),
    trials: 8,
    load: { warmupRequests: 300, measureRequests: 1500, connections: 8 },
    ...rest,
    // These runs are small (a few trials of a few hundred requests): far too few to see a +25%
    // regression, which would make every pass inconclusive. What a run can see is tested on its
    // own (src/analysis/detectability.test.ts) and at the real defaults by the demo. Pairs
    // added to a same-runner run that leans or is blind: 4, not 10, to keep these runs short.
    compare: { maxDetectable: 10, extendTrials: 4, ...(rest.compare as Record<string, unknown> | undefined) },
  };
  const path = join(dir, 'perfgate.config.json');
  writeFileSync(path, JSON.stringify(config, null, 2));
  return { path, dir, mark };
}

/** The TypeScript example (esbuild bundle with a source map, run from dist/), with small settings. */
export function tsExampleConfig(): TestConfig {
  return exampleConfig({
    service: { build: 'npm run build', start: 'node dist/server.js', cwd: join(REPO, 'examples/ts-api'), readyPath: '/health' },
    replay: join(REPO, 'replay/ts-api.ndjson'),
    trials: 2,
    load: { warmupRequests: 200, measureRequests: 800, connections: 4 },
  });
}

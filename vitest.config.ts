import { configDefaults, defineConfig } from 'vitest/config';

// End-to-end tests run the bundled CLI, the action, git, npm and Go, and start real services
// under real load: on a 2-core machine they must not run side by side, or each one's
// measurements become the other's noise.
const endToEnd = ['test/**/*.test.ts', 'scripts/release.test.ts'];
// The seeded verdict simulation measures nothing (CPU-bound, but in one process): it runs with
// the module tests. Those may share the cores because no end-to-end test runs meanwhile (groupOrder).
const simulated = ['test/verdict-properties.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 180_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', ...simulated],
          exclude: [...configDefaults.exclude, 'scripts/release.test.ts'],
          // First, and finished before any end-to-end test starts.
          sequence: { groupOrder: 0 },
          // Vitest's default leaves one core free: on 2 cores, that is one file at a time.
          maxWorkers: '100%',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: endToEnd,
          exclude: [...configDefaults.exclude, ...simulated],
          // They run the bundled CLI and agent: build dist/ first (here only, or every project would).
          globalSetup: ['test/global-setup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

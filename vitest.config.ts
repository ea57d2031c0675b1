import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Test files that measure nothing: module tests, the seeded verdict simulation, and the
// end-to-end tests that start no measured service (the action publishing a report made
// elsewhere against a fake GitHub, perfgate diff on profiles, workflow and package checks).
// The canary tests replay load, but what they must find is planted as sleeps (a deployment
// 25 ms slower, a stored baseline at 80 ms) or as served synthetic profiles, not CPU time;
// the accept flow measures two trials and checks only what it does with the baseline file,
// and spends most of its time in the GitHub client's pacing of writes (one a second).
// No assertion in them depends on the machine being quiet.
const sideBySide = [
  'src/**/*.test.ts',
  'scripts/**/*.test.ts',
  'test/verdict-properties.test.ts',
  'test/architecture.test.ts',
  'test/base-dependencies.test.ts',
  'test/release-workflows.test.ts',
  'test/diff.e2e.test.ts',
  'test/lean-start.e2e.test.ts',
  'test/package.e2e.test.ts',
  'test/pprof-third-party.e2e.test.ts',
  'test/faults/empty-profiles.test.ts',
  'test/faults/profile-files.test.ts',
  'test/action/canary.e2e.test.ts',
  'test/action/check.e2e.test.ts',
  'test/action/comment.e2e.test.ts',
  'test/action/github-faults.e2e.test.ts',
  'test/action/history.e2e.test.ts',
  'test/action/shards-workflow.test.ts',
  'test/action/update-baseline.e2e.test.ts',
  'test/action/workflows.test.ts',
];

// The long end-to-end tests, `npm run test:long` (CI runs it after `npm test`): each runs the
// whole gate at the size its verdict needs (real regressions caught and optimisations passed,
// both modes, shards, a real dependency upgrade), or builds and drives Go and Chromium. Together
// they take about ten minutes on 2 cores, one after another, so `npm test` (the development
// loop) stops at the real pipeline's quick checks and leaves these to `test:long` and CI.
const long = [
  'test/verdict-fixtures.e2e.test.ts',
  'test/gate.e2e.test.ts',
  'test/shards.e2e.test.ts',
  'test/same-runner.e2e.test.ts',
  'test/express-upgrade.e2e.test.ts',
  'test/go-api.e2e.test.ts',
  'test/symbolication.e2e.test.ts',
  'test/html-report.e2e.test.ts',
];

const timeouts = { testTimeout: 180_000, hookTimeout: 180_000 };

const projects: TestProjectInlineConfiguration[] = [
  {
    test: {
      ...timeouts,
      name: 'side-by-side',
      include: sideBySide,
      // Three files at a time on 2 cores: some of these mostly wait (the GitHub client's retry
      // back-off and pacing of writes, the canary's planted sleeps). All finish before the first
      // measuring file starts (groupOrder).
      maxWorkers: '150%',
      sequence: { groupOrder: 0 },
    },
  },
  {
    test: {
      ...timeouts,
      name: 'measuring',
      // Everything else starts real services under real load and profiles them: on a 2-core
      // machine these must not run beside anything, or each one's measurements become the other's noise.
      include: ['test/**/*.test.ts'],
      exclude: [...configDefaults.exclude, ...sideBySide, ...long],
      fileParallelism: false,
      sequence: { groupOrder: 1 },
    },
  },
  {
    test: {
      ...timeouts,
      name: 'long',
      // Measuring too: one file at a time, after everything else when all projects run.
      include: long,
      fileParallelism: false,
      sequence: { groupOrder: 2 },
    },
  },
];

export default defineConfig({
  test: {
    // At the root, so it runs once: the end-to-end tests run the bundled CLI, agent and action.
    globalSetup: ['test/global-setup.ts'],
    projects,
  },
});

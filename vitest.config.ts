import { defineConfig } from 'vitest/config';

// Files whose tests run Kefu as other processes (the CLI, the dashboard server with Chromium): each
// brings its own CPU-hungry children, so two at once starve each other on two cores (decision 0255).
const PROCESS_TESTS = ['cli/**/*.test.ts', 'test/browser/**/*.test.ts'];

export default defineConfig({
  test: {
    // Each project names its files (a project's include adds to the root's, so the root has none).
    // The LiveKit tier needs its own network namespace: `npm run test:e2e`.
    exclude: ['node_modules/**', 'test/e2e/**', 'test/livekit/**'],
    globalSetup: ['test/global-setup.ts'],
    // Hang detectors, not speed limits (speed is `npm run bench`'s): sized for a 2-core machine at
    // load ~30, where CPU-bound tests ran 10x slower than on a quiet one (decision 0255).
    testTimeout: 120_000,
    hookTimeout: 240_000,
    // PGlite instances are memory-hungry WASM; two cores run two files at a time.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'in-process',
          include: ['**/*.test.ts'],
          exclude: PROCESS_TESTS,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'processes', include: PROCESS_TESTS, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

// The promise tests run once to harvest their lines (harvest-test-lines.ts); not a test project.
export default defineConfig({
  test: {
    root: `${import.meta.dirname}/../..`,
    include: ['pipelines/notes/promises.test.ts', 'pipelines/notes/promise-*.test.ts', 'pipelines/notes/calls.test.ts'],
    setupFiles: ['eval/learn/harvest-setup.ts'],
    maxWorkers: 1,
    testTimeout: 120_000,
  },
});

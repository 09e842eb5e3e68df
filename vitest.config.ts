import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    // The LiveKit tier needs its own network namespace: `npm run test:e2e`.
    exclude: ['node_modules/**', 'test/e2e/**', 'test/livekit/**'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite instances are memory-hungry WASM; two cores run two files at a time.
    maxWorkers: 2,
  },
});

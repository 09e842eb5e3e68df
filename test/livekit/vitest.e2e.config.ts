import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The LiveKit tier: run by run-e2e.sh inside its own network namespace (see that script).
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.test.ts', 'test/livekit/**/*.test.ts'],
    env: { KEFU_LIVEKIT_E2E: '1' },
    // Hang detectors sized for a loaded 2-core machine, as the main suite's (decision 0255); the
    // latencies that matter are the tests' own waitFor deadlines.
    testTimeout: 120_000,
    hookTimeout: 240_000,
    // Real-time audio on a small machine: one file at a time keeps latency numbers honest.
    fileParallelism: false,
    pool: 'forks',
  },
});

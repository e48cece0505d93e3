import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    // End-to-end tests start and restart the bot as a process: on a loaded CI machine that alone can
    // take seconds, so vitest's 5 s default would fail them for being slow rather than wrong.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    // End-to-end tests start and restart the bot as a process, and the growth tests parse a megabyte
    // five times: with two busy loops on two cores, some took 20 s, so vitest's 5 s default (or 30)
    // would fail them for being slow rather than wrong. A hung test still fails, a minute later.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // End-to-end files mostly wait on the bot's process: two at a time even on two cores (vitest
    // would run one), which the suite must bear anyway (`npm run test:loaded`).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});

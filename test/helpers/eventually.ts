import { vi } from 'vitest';

/** Waits for the watcher: events arrive when the system delivers them, so no fixed delay is assumed. */
export const eventually = (check: () => void): Promise<void> =>
  vi.waitFor(check, { timeout: 15_000, interval: 20 });

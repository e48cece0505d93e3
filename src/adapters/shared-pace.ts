import type { Redis } from 'ioredis';
import { Semaphore } from 'redis-semaphore';
import type { Pace } from '../core/pace.js';
import type { Logger } from './logger.js';

/** How long a place stays taken after its request's answer: Discord's window is a second. */
const WINDOW_MS = 1000;

export interface SharedPaceOptions {
  /** The key of the window on Redis, one per bot (every process of it uses the same). */
  readonly key: string;
  /** Requests that may land in any sliding second, every process's together. */
  readonly perSecond: number;
  readonly logger: Logger;
  /**
   * How long a place stays taken at most, a process that died holding it included. A request must end
   * within it, less the second it is held after: discord.js's REST ends one after 15 s.
   */
  readonly lockTimeoutMs?: number;
}

/**
 * Discord's global limit kept by every process of the bot together, as the one-process pacer
 * (src/core/pace.ts) keeps it: a request takes one of `perSecond` places on Redis (redis-semaphore's
 * Semaphore, a sorted set) before it is sent, and gives it back a second after its answer. So every
 * request that arrives at Discord within any second held its place then, and there are no more
 * places: however late a stalled process sends what it started, no second gets more than the limit.
 * (The job engine's limiter, which only spaces the jobs' starts, cannot promise that: a process
 * starved of CPU sends late what it started on time, bunched with the others' requests.)
 *
 * Each process asks for one place at a time (the others wait their turn in it), so a full window is
 * polled by at most one request per process. A place not given back (its process died) is freed by
 * its timeout.
 */
export function sharedPacer(redis: Redis, options: SharedPaceOptions): Pace {
  const { key, logger } = options;
  const places = Math.max(1, Math.floor(options.perSecond));
  const lockTimeout = options.lockTimeoutMs ?? 20_000;
  let turn: Promise<unknown> = Promise.resolve();
  return async <T>(task: () => Promise<T>): Promise<T> => {
    const place = new Semaphore(redis, key, places, {
      lockTimeout,
      // A post waits its turn as long as it takes; the scheduler retries one that fails.
      acquireTimeout: 6 * lockTimeout,
      retryInterval: 10,
      // Not renewed: every request ends before its place times out (see lockTimeoutMs), and a renewal
      // failing while Redis is away would only be an error to catch.
      refreshInterval: 0,
    });
    const taken = turn.then(() => place.acquire());
    // The next request asks once this one has its place (or could not get one).
    turn = taken.catch(() => undefined);
    await taken;
    try {
      return await task();
    } finally {
      // Not waited for by a process that is ending: its places time out. Nor is a failure to give one
      // back (Redis away, or closed at shutdown) worth more than a debug line, for the same reason.
      setTimeout(() => {
        place
          .release()
          .catch((err: unknown) =>
            logger.debug({ err }, 'a place in the shared rate limit is left to time out'),
          );
      }, WINDOW_MS).unref();
    }
  };
}

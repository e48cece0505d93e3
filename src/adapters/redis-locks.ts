import type { Redis } from 'ioredis';
import { Mutex } from 'redis-semaphore';
import type { Logger } from './logger.js';

/** Runs `task` while holding the lock named `key`, for every process on the same Redis. */
export type Exclusive = <T>(key: string, task: () => Promise<T>) => Promise<T>;

/**
 * Locks on Redis (redis-semaphore's Mutex: SET NX with a token, refreshed while held). A holder that
 * dies frees its lock after `lockTimeoutMs`; a lock lost while held (Redis restarted without its
 * data, a stall longer than the timeout) is logged, and the state it guards stays consistent by
 * other means (slot ids, nonces), so the task is not cut off.
 */
export function redisLocks(client: Redis, prefix: string, logger: Logger, lockTimeoutMs = 15_000): Exclusive {
  return async (key, task) => {
    const mutex = new Mutex(client, `${prefix}:lock:${key}`, {
      lockTimeout: lockTimeoutMs,
      acquireTimeout: 4 * lockTimeoutMs,
      retryInterval: 5,
      refreshInterval: lockTimeoutMs / 3,
      onLockLost: (err) => logger.warn({ err, key }, 'lost a lock while holding it'),
    });
    await mutex.acquire();
    try {
      return await task();
    } finally {
      await mutex.release().catch((err: unknown) => logger.warn({ err, key }, 'could not release a lock'));
    }
  };
}

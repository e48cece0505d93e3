import KeyvRedis, { createClient } from '@keyv/redis';
import type { KeyvEntry } from 'keyv';
import pRetry from 'p-retry';
import type { Logger } from './logger.js';
import { redactedUrl, type Adapters } from './store.js';

/**
 * One connection for every namespace. While the server cannot be reached, commands wait in the
 * client's queue and go out once it is back (it is tried again every second at most), so a Redis
 * restart loses nothing; the outage is logged once, and its end.
 */
export function redisAdapters(storeUrl: string, logger: Logger): Adapters {
  const client = createClient({
    url: storeUrl,
    socket: { reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 1000) },
  });
  let down = false;
  client.on('error', (err: unknown) => {
    if (down) return;
    down = true;
    // The address only: the URL may carry a password.
    logger.error({ err, store: redactedUrl(storeUrl) }, 'the Redis store cannot be reached; retrying');
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info({ store: redactedUrl(storeUrl) }, 'the Redis store is reachable again');
  });
  return {
    make: () => new PatientKeyvRedis(client, { throwOnErrors: true, throwOnConnectError: true }),
    // Connection errors are said once, above; the others are the operation's, which rejects.
    onError: () => undefined,
    async close() {
      if (client.isOpen) await client.close().catch(() => client.destroy());
    },
  };
}

/**
 * Redis answers LOADING for a moment after a restart (it reads its append-only file), and a command
 * under way when the connection drops fails: both pass, so such an operation is tried again, a few
 * times over about 15 seconds. Safe, as every operation the bot makes is idempotent (whole values
 * read, written or deleted by key).
 */
function patiently<R>(operation: () => Promise<R>): Promise<R> {
  return pRetry(operation, {
    retries: 20,
    minTimeout: 100,
    maxTimeout: 2000,
    maxRetryTime: 15_000,
    shouldRetry: ({ error }) => isPassing(error),
  });
}

/** Socket errors of a connection that broke (a host gone, a network cut), as node-redis passes them. */
const BROKEN = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED', 'ENOTCONN', 'EHOSTUNREACH']);

function isPassing(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    /^(LOADING|BUSY|TRYAGAIN)\b/.test(error.message) ||
    error.message === 'Socket closed unexpectedly' ||
    (typeof code === 'string' && BROKEN.has(code))
  );
}

/** The Redis adapter, with the operations the bot uses tried again through passing failures. */
class PatientKeyvRedis<T> extends KeyvRedis<T> {
  override get<U = T>(key: string): Promise<U | undefined> {
    return patiently(() => super.get<U>(key));
  }

  override getMany<U = T>(keys: string[]): Promise<(U | undefined)[]> {
    return patiently(() => super.getMany<U>(keys));
  }

  override set(key: string, value: string, ttl?: number): Promise<void> {
    return patiently(() => super.set(key, value, ttl));
  }

  override setMany(entries: KeyvEntry[]): Promise<void> {
    return patiently(() => super.setMany(entries));
  }

  override delete(key: string): Promise<boolean> {
    return patiently(() => super.delete(key));
  }

  override has(key: string): Promise<boolean> {
    return patiently(() => super.has(key));
  }

  /** Read whole, then handed out: a listing cut by a passing failure is read again from the start. */
  override async *iterator<U = T>(
    namespace?: string,
  ): AsyncGenerator<[string, U | undefined], void, unknown> {
    const entries = await patiently(async () => {
      const read: [string, U | undefined][] = [];
      for await (const entry of super.iterator<U>(namespace)) read.push(entry);
      return read;
    });
    yield* entries;
  }
}

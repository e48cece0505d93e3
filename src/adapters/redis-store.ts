import { randomUUID } from 'node:crypto';
import KeyvRedis, { createClient } from '@keyv/redis';
import type { Keyv, KeyvEntry } from 'keyv';
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
  let closed = false;
  return {
    make: () =>
      new PatientKeyvRedis(client, { throwOnErrors: true, throwOnConnectError: true }, () => closed),
    // Connection errors are said once, above; the others are the operation's, which rejects.
    onError: () => undefined,
    async close() {
      closed = true;
      if (client.isOpen) await client.close().catch(() => client.destroy());
    },
  };
}

/**
 * Redis answers LOADING for a moment after a restart (it reads its append-only file), and a command
 * under way when the connection drops fails: both pass, so such an operation is tried again, a few
 * times over about 15 seconds. Safe, as every operation the bot makes is idempotent (whole values
 * read, written or deleted by key; a compare-and-set by its token).
 */
async function patiently<R>(operation: () => Promise<R>): Promise<R> {
  // First without p-retry, whose set-up (an abort signal, its options) costs on every command.
  try {
    return await operation();
  } catch (error) {
    if (!isPassing(error)) throw error;
  }
  return await pRetry(operation, {
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

/** What a compare-and-set found: written, or the raw value stored instead of the expected one. */
export type Swap =
  { readonly written: true } | { readonly written: false; readonly current: string | undefined };

/**
 * Writes `ARGV[1]` (empty: deletes) if the key still holds `ARGV[2]` (empty: absent), and notes the
 * write under its token (`KEYS[2]`) for ten minutes: sent again (its reply lost with the connection,
 * the command held while the client reconnects), it answers "written" rather than finding its own
 * write, or a later one, in the way. Otherwise it
 * answers what the key holds, so that the writer can compute its change again without reading it.
 */
const COMPARE_AND_SET = `
if redis.call('EXISTS', KEYS[2]) == 1 then return {1} end
local current = redis.call('GET', KEYS[1]) or ''
if current ~= ARGV[2] then return {0, current} end
if ARGV[1] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[1]) end
redis.call('SET', KEYS[2], '', 'PX', 600000)
return {1}
`;

/** The raw (serialized) values of a keyv namespace on Redis, read and compare-and-set. */
export interface RawValues {
  get(key: string): Promise<string | undefined>;
  /** `token` names the write: one of its own for each (given only to send the same write again). */
  compareAndSet(
    key: string,
    expected: string | undefined,
    next: string | undefined,
    token?: string,
  ): Promise<Swap>;
}

/** `keyv`'s raw values, keyed as keyv keys them; undefined unless it is a store opened here. */
export function rawValues(keyv: Keyv): RawValues | undefined {
  const adapter: unknown = keyv.store;
  if (!(adapter instanceof PatientKeyvRedis)) return undefined;
  return {
    get: (key) => adapter.get<string>(keyv._getKeyPrefix(key)),
    compareAndSet: (key, expected, next, token) =>
      adapter.compareAndSet(keyv._getKeyPrefix(key), expected, next, token),
  };
}

/** The Redis adapter, with the operations the bot uses tried again through passing failures. */
class PatientKeyvRedis<T> extends KeyvRedis<T> {
  private scriptSha: string | undefined;

  constructor(
    client: ConstructorParameters<typeof KeyvRedis>[0],
    options: ConstructorParameters<typeof KeyvRedis>[1],
    /** Whether the stores were closed: KeyvRedis would connect again for a late operation. */
    private readonly isClosed: () => boolean,
  ) {
    super(client, options);
  }

  override async getClient(): ReturnType<KeyvRedis<T>['getClient']> {
    if (this.isClosed()) throw new Error('the Redis store is closed');
    return await super.getClient();
  }

  /** See COMPARE_AND_SET. Tried again like the others: its token makes it idempotent. */
  compareAndSet(
    key: string,
    expected: string | undefined,
    next: string | undefined,
    token: string = randomUUID(),
  ): Promise<Swap> {
    const options = {
      // Outside every namespace, so that no listing of one comes across it.
      keys: [this.createKeyPrefix(key, this.namespace), `compare-and-set:${token}`],
      arguments: [next ?? '', expected ?? ''],
    };
    return patiently(async () => {
      const client = await this.getClient();
      let reply: unknown;
      try {
        this.scriptSha ??= await client.scriptLoad(COMPARE_AND_SET);
        reply = await client.evalSha(this.scriptSha, options);
      } catch (error) {
        // The script cache is empty after a restart of Redis: EVAL loads it again.
        if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
        reply = await client.eval(COMPARE_AND_SET, options);
      }
      const [written, current] = reply as [number, string?];
      return written === 1
        ? { written: true }
        : { written: false, current: current === '' ? undefined : current };
    });
  }

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

import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import KeyvRedis, { createClient } from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import { Keyv, type KeyvEntry, type KeyvStoreAdapter } from 'keyv';
import pRetry from 'p-retry';
import { isRedisUrl } from '../config.js';
import type { ScheduleRecord } from '../core/schedule-record.js';
import type { Logger } from './logger.js';

/** The part of a key-value store the bot uses. Keyv satisfies it. */
export interface KeyValue<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T): Promise<unknown>;
}

/** One namespace per kind of data, so each can be cleared on its own. */
export interface Stores {
  /** Per channel: id of the last tip /tip showed there. */
  readonly lastTip: KeyValue<string>;
  /** Per guild: its tip schedule. Listed in full at start. */
  readonly schedules: Keyv<ScheduleRecord>;
  close(): Promise<void>;
}

/** Path of the database file in a `sqlite://<path>` URL, resolved against `cwd`. */
export function sqlitePath(storeUrl: string, cwd: string): string {
  return resolve(cwd, storeUrl.slice('sqlite://'.length));
}

/**
 * Opens the keyv store named by STORE_URL: a SQLite file (created on first use, with its folder) or
 * a Redis server. Store errors are logged, never thrown out of an event emitter; an operation that
 * fails rejects (it never reads as "no value").
 */
export function openStores(storeUrl: string, logger: Logger, cwd = process.cwd()): Stores {
  const adapters = isRedisUrl(storeUrl)
    ? redisAdapters(storeUrl, logger)
    : sqliteAdapters(storeUrl, logger, cwd);
  const opened: Keyv[] = [];
  const namespace = <T>(name: string): Keyv<T> => {
    const keyv = new Keyv<T>({ store: adapters.make(), namespace: name, throwOnErrors: true });
    keyv.on('error', (err: unknown) => adapters.onError(err, name));
    opened.push(keyv);
    return keyv;
  };
  return {
    lastTip: namespace<string>('last-tip'),
    schedules: namespace<ScheduleRecord>('schedules'),
    async close() {
      await Promise.allSettled(opened.map((keyv) => keyv.disconnect()));
      await adapters.close();
    },
  };
}

interface Adapters {
  /** One adapter per namespace: keyv 5 sets the namespace on the adapter itself. */
  make(): KeyvStoreAdapter;
  onError(err: unknown, namespace: string): void;
  close(): Promise<void>;
}

function sqliteAdapters(storeUrl: string, logger: Logger, cwd: string): Adapters {
  const path = sqlitePath(storeUrl, cwd);
  mkdirSync(dirname(path), { recursive: true });
  return {
    make() {
      const adapter = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: 10_000 });
      // WAL with synchronous=NORMAL: a commit costs no fsync, and a killed process loses nothing it
      // committed (only a power cut may drop the last commits). Thousands of schedules write at once.
      void adapter
        .query('PRAGMA journal_mode=WAL')
        .then(() => adapter.query('PRAGMA synchronous=NORMAL'))
        .catch((err: unknown) => logger.warn({ err }, 'could not switch SQLite to WAL'));
      return adapter;
    },
    onError: (err, namespace) => logger.error({ err, namespace }, 'store error'),
    close: () => Promise.resolve(),
  };
}

/**
 * One connection for every namespace. While the server cannot be reached, commands wait in the
 * client's queue and go out once it is back (it is tried again every second at most), so a Redis
 * restart loses nothing; the outage is logged once, and its end.
 */
function redisAdapters(storeUrl: string, logger: Logger): Adapters {
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

/** `redis://user:secret@host:6379/0` without its user and password. */
export function redactedUrl(storeUrl: string): string {
  try {
    const url = new URL(storeUrl);
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return 'redis://…';
  }
}

import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import { Keyv, type KeyvStoreAdapter } from 'keyv';
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
export async function openStores(storeUrl: string, logger: Logger, cwd = process.cwd()): Promise<Stores> {
  // Redis's client is loaded only for a Redis store: its modules cost a bot on SQLite memory for nothing.
  const adapters = isRedisUrl(storeUrl)
    ? (await import('./redis-store.js')).redisAdapters(storeUrl, logger)
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
      await adapters.settled?.();
      await Promise.allSettled(opened.map((keyv) => keyv.disconnect()));
      await adapters.close();
    },
  };
}

export interface Adapters {
  /** One adapter per namespace: keyv 5 sets the namespace on the adapter itself. */
  make(): KeyvStoreAdapter;
  onError(err: unknown, namespace: string): void;
  /** Resolves once what make() started on the connections is done: they are closed after it. */
  settled?(): Promise<void>;
  close(): Promise<void>;
}

function sqliteAdapters(storeUrl: string, logger: Logger, cwd: string): Adapters {
  const path = sqlitePath(storeUrl, cwd);
  mkdirSync(dirname(path), { recursive: true });
  const switching: Promise<void>[] = [];
  return {
    make() {
      const adapter = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: 10_000 });
      // WAL with synchronous=NORMAL: a commit costs no fsync, and a killed process loses nothing it
      // committed (only a power cut may drop the last commits). Thousands of schedules write at once.
      // A new file's other connection, creating its table meanwhile, may make the switch find it
      // locked at once (SQLite's busy timeout does not cover it): tried again then.
      const walSwitch = pRetry(() => adapter.query('PRAGMA journal_mode=WAL'), {
        retries: 5,
        minTimeout: 20,
        shouldRetry: ({ error }) => String(error).includes('SQLITE_BUSY'),
      });
      switching.push(
        walSwitch
          .then(() => adapter.query('PRAGMA synchronous=NORMAL'))
          .then(
            () => undefined,
            (err: unknown) => logger.warn({ err }, 'could not switch SQLite to WAL'),
          ),
      );
      return adapter;
    },
    onError: (err, namespace) => logger.error({ err, namespace }, 'store error'),
    // A store closed at once (a short command) would otherwise fail the switch under way.
    settled: async () => {
      await Promise.all(switching);
    },
    close: () => Promise.resolve(),
  };
}

/** A URL (`redis://user:secret@host:6379/0`, DISCORD_API_URL) without its user and password. */
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

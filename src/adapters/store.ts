import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import { Keyv } from 'keyv';
import type { ScheduleRecord } from '../core/schedule-record.js';
import type { Logger } from './logger.js';

/** The part of a key-value store the bot uses. Keyv satisfies it. */
export interface KeyValue<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T): Promise<unknown>;
}

/**
 * Keeps what was read or written in memory in front of the store, so a hot key costs no I/O.
 * Correct because one process owns a bot token; the store stays the durable copy.
 */
export function cached<T>(store: KeyValue<T>, maxEntries = 10_000): KeyValue<T> {
  const memory = new Map<string, T>();
  const remember = (key: string, value: T): void => {
    memory.delete(key);
    memory.set(key, value);
    // Oldest first in a Map: drop it when full.
    if (memory.size > maxEntries) memory.delete(memory.keys().next().value ?? '');
  };
  return {
    async get(key) {
      const hit = memory.get(key);
      if (hit !== undefined) return hit;
      const value = await store.get(key);
      if (value !== undefined) remember(key, value);
      return value;
    },
    async set(key, value) {
      remember(key, value);
      return store.set(key, value);
    },
  };
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
 * Opens the keyv store named by STORE_URL. The SQLite file and its folder are created on first use.
 * Store errors are logged, never thrown out of an event emitter.
 */
export function openStores(storeUrl: string, logger: Logger, cwd = process.cwd()): Stores {
  const path = sqlitePath(storeUrl, cwd);
  mkdirSync(dirname(path), { recursive: true });
  const opened: Keyv[] = [];
  const namespace = <T>(name: string): Keyv<T> => {
    // One adapter per namespace: keyv 5 sets the namespace on the adapter itself.
    const adapter = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: 10_000 });
    // WAL with synchronous=NORMAL: a commit costs no fsync, and a killed process loses nothing it
    // committed (only a power cut may drop the last commits). Thousands of schedules write at once.
    void adapter
      .query('PRAGMA journal_mode=WAL')
      .then(() => adapter.query('PRAGMA synchronous=NORMAL'))
      .catch((err: unknown) => logger.warn({ err }, 'could not switch SQLite to WAL'));
    const keyv = new Keyv<T>({ store: adapter, namespace: name });
    keyv.on('error', (err: unknown) => logger.error({ err, namespace: name }, 'store error'));
    opened.push(keyv);
    return keyv;
  };
  return {
    lastTip: cached<string>(namespace<string>('last-tip')),
    schedules: namespace<ScheduleRecord>('schedules'),
    async close() {
      await Promise.allSettled(opened.map((keyv) => keyv.disconnect()));
    },
  };
}

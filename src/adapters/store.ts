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
    lastTip: namespace<string>('last-tip'),
    schedules: namespace<ScheduleRecord>('schedules'),
    async close() {
      await Promise.allSettled(opened.map((keyv) => keyv.disconnect()));
    },
  };
}

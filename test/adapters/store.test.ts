import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/adapters/logger.js';
import { ScheduleBook } from '../../src/adapters/schedule-book.js';
import { openStores, redactedUrl, type Stores } from '../../src/adapters/store.js';
import type { ScheduleRecord } from '../../src/core/schedule-record.js';
import { RedisServer } from '../../emulator/redis-server.js';

const logger = createLogger({ level: 'silent' });
const dirs: string[] = [];
let redis: RedisServer;
let database = 0;

beforeAll(async () => {
  redis = await RedisServer.start();
});
afterAll(async () => {
  await redis.stop();
});
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A store of each kind, empty: a SQLite file of its own, or a Redis database of its own. */
const kinds = [
  {
    name: 'SQLite',
    fresh: () => {
      const dir = mkdtempSync(join(tmpdir(), 'store-'));
      dirs.push(dir);
      return { url: 'sqlite://./data/bot.sqlite', cwd: dir };
    },
  },
  {
    name: 'Redis',
    // Databases 0…15 of the one server: each test its own.
    fresh: () => ({ url: `redis://127.0.0.1:${redis.port}/${database++ % 16}`, cwd: process.cwd() }),
  },
];

const schedule = (guildId: string): ScheduleRecord =>
  ({ guildId, channelId: `c-${guildId}`, cron: '0 9 * * 1', timeZone: 'UTC' }) as unknown as ScheduleRecord;

describe.each(kinds)('the $name store', ({ fresh }) => {
  it('GIVEN values written THEN they survive a reopen, each namespace on its own', async () => {
    const { url, cwd } = fresh();
    const first = await openStores(url, logger, cwd);
    await first.lastTip.set('channel-1', 'slug/tips/2');
    await first.schedules.set('guild-1', schedule('guild-1'));
    await first.close();

    const second = await openStores(url, logger, cwd);
    expect(await second.lastTip.get('channel-1')).toBe('slug/tips/2');
    expect(await second.lastTip.get('guild-1')).toBeUndefined();
    expect(await second.lastTip.get('channel-2')).toBeUndefined();
    expect(await second.schedules.get('guild-1')).toEqual(schedule('guild-1'));
    await second.close();
  });

  it('GIVEN many schedules THEN the schedule book lists every one by guild id, and deletes leave', async () => {
    const { url, cwd } = fresh();
    const stores: Stores = await openStores(url, logger, cwd);
    const ids = Array.from({ length: 1200 }, (_, i) => `${100000 + i}`);
    await Promise.all(ids.map((id) => stores.schedules.set(id, schedule(id))));
    await stores.lastTip.set('not-a-guild', 'x');
    await stores.schedules.delete(ids[7] ?? '');
    const book = new ScheduleBook(stores.schedules, logger);
    expect(await book.load()).toBe(1199);
    expect(await book.get(ids[8] ?? '')).toEqual(schedule(ids[8] ?? ''));
    expect(await book.get(ids[7] ?? '')).toBeUndefined();
    expect(await book.get('not-a-guild')).toBeUndefined();
    await stores.close();
  });
});

describe('a closed Redis store', () => {
  it('GIVEN the stores closed THEN a late write is refused rather than connecting again, and nothing is written', async () => {
    const url = `redis://127.0.0.1:${redis.port}/14`;
    const stores = await openStores(url, logger);
    await stores.lastTip.set('before', 'x');
    await stores.close();
    await expect(stores.lastTip.set('after', 'y')).rejects.toThrow(/closed/);
    const again = await openStores(url, logger);
    expect([await again.lastTip.get('before'), await again.lastTip.get('after')]).toEqual(['x', undefined]);
    await again.close();
  });
});

describe('the SQLite store', () => {
  it('GIVEN a path in a folder that does not exist THEN creates both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    dirs.push(dir);
    const stores = await openStores('sqlite://./nested/data/bot.sqlite', logger, dir);
    await stores.lastTip.set('channel-1', 'slug/tips/2');
    await stores.close();
    expect(existsSync(join(dir, 'nested/data/bot.sqlite'))).toBe(true);
  });

  it('GIVEN new files opened and closed at once (a short command) THEN each is switched to WAL without a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    dirs.push(dir);
    const warn = vi.fn();
    const watched = createLogger({ level: 'warn' }, { write: warn });
    for (let i = 0; i < 30; i++) {
      const stores = await openStores(`sqlite://./${i}/bot.sqlite`, watched, dir);
      await stores.close();
    }
    expect(warn).not.toHaveBeenCalled();
    // The journal mode is the file's: another connection reads it.
    const db = new Database(join(dir, '29/bot.sqlite'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});

describe('the Redis store', () => {
  it('GIVEN the server restarted while the bot runs THEN writes made while it is down wait for it, and nothing is lost', async () => {
    const logs: { msg: string }[] = [];
    const watched = createLogger(
      { level: 'info' },
      { write: (line: string) => logs.push(JSON.parse(line) as { msg: string }) },
    );
    const url = `redis://127.0.0.1:${redis.port}/15`;
    const stores = await openStores(url, watched);
    await stores.lastTip.set('before', 'kept');
    await redis.halt();
    // Whether the client has seen the connection drop yet or not, and while Redis loads its file
    // again (LOADING), writes are kept and tried again until they land.
    const dropped = Promise.allSettled([stores.lastTip.set('dropped', 'retried')]);
    await vi.waitFor(
      () => expect(logs.map((l) => l.msg)).toContain('the Redis store cannot be reached; retrying'),
      {
        timeout: 10_000,
        interval: 20,
      },
    );
    const during = Promise.allSettled([stores.lastTip.set('during', 'queued')]);
    await redis.run();
    expect(await during).toEqual([{ status: 'fulfilled', value: true }]);
    expect(await dropped).toEqual([{ status: 'fulfilled', value: true }]);
    expect(await stores.lastTip.get('dropped')).toBe('retried');
    expect(await stores.lastTip.get('before')).toBe('kept');
    expect(await stores.lastTip.get('during')).toBe('queued');
    await vi.waitFor(() => expect(logs.map((l) => l.msg)).toContain('the Redis store is reachable again'), {
      timeout: 10_000,
      interval: 20,
    });
    await stores.close();
  });

  it('GIVEN a URL with a password THEN logs show the address without it', () => {
    expect(redactedUrl('redis://bot:s3cret@cache.internal:6380/2')).toBe('redis://cache.internal:6380/2');
    expect(redactedUrl('rediss://:s3cret@cache.internal/0')).not.toContain('s3cret');
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/adapters/logger.js';
import { SlotQueue } from '../../src/adapters/slot-queue.js';
import { redisLocks } from '../../src/adapters/redis-locks.js';
import { SharedScheduleBook } from '../../src/adapters/shared-schedule-book.js';
import { openStores, type Stores } from '../../src/adapters/store.js';
import type { ScheduleRecord } from '../../src/core/schedule-record.js';
import { RedisServer } from '../../emulator/redis-server.js';
import { RECORD } from '../helpers/schedule-fixtures.js';

const logger = createLogger({ level: 'silent' });
let redis: RedisServer;
let database = 0;
const closing: (() => Promise<void>)[] = [];

beforeAll(async () => {
  redis = await RedisServer.start();
});
afterEach(async () => {
  await Promise.all(closing.splice(0).map((close) => close()));
});
afterAll(async () => {
  await redis.stop();
});

/** What one process opens: its store, its queue connection (for the locks), its book. */
function processes() {
  const url = `redis://127.0.0.1:${redis.port}/${database++ % 16}`;
  /** Every process's timer changes, in order. */
  const timers: (ScheduleRecord | undefined)[] = [];
  return async () => {
    const stores: Stores = await openStores(url, logger);
    const queue = new SlotQueue({ redisUrl: url, requestsPerSecond: 50, logger, prefix: `p${database}` });
    const book = new SharedScheduleBook(
      stores.schedules,
      redisLocks(queue.redis, queue.prefix, logger),
      logger,
      (_guild, record) => {
        timers.push(record);
        return Promise.resolve();
      },
    );
    closing.push(async () => {
      await queue.close();
      await stores.close();
    });
    return { book, timers };
  };
}

describe('the schedules shared by processes on Redis', () => {
  it('GIVEN two processes changing one schedule at the same time THEN no change is lost', async () => {
    const open = processes();
    const [a, b] = await Promise.all([open(), open()]);
    await a.book.update(RECORD.guildId, () => ({ ...RECORD, updatedAt: 0 }));
    // Each change reads the count and writes it plus one: without the lock, two would read the same.
    const bump = (record: ScheduleRecord) => ({ ...record, updatedAt: record.updatedAt + 1 });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).book.change(RECORD.guildId, bump)),
    );
    expect((await b.book.get(RECORD.guildId))?.updatedAt).toBe(40);
  });

  it('GIVEN a change THEN the other process reads it at once, and the timer changes only with the slots', async () => {
    const open = processes();
    const [a, b] = await Promise.all([open(), open()]);
    await a.book.update(RECORD.guildId, () => RECORD);
    expect(await b.book.get(RECORD.guildId)).toEqual(RECORD);
    // A posted slot moves the schedule on, not its timer.
    await b.book.change(RECORD.guildId, (r) => ({ ...r, nextRunAt: r.nextRunAt + 86_400_000 }));
    const paused = await b.book.change(RECORD.guildId, (r) => ({ ...r, paused: { reason: 'admin', at: 1 } }));
    await a.book.change(RECORD.guildId, () => undefined);
    expect(await b.book.get(RECORD.guildId)).toBeUndefined();
    expect(a.timers).toEqual([RECORD, paused, undefined]);
    const listed: ScheduleRecord[] = [];
    await a.book.update('1100000000000000009', () => ({ ...RECORD, guildId: '1100000000000000009' }));
    for await (const record of b.book.records()) listed.push(record);
    expect(listed.map((r) => r.guildId)).toEqual(['1100000000000000009']);
  });
});

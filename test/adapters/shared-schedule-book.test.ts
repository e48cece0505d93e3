import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/adapters/logger.js';
import { SlotQueue } from '../../src/adapters/slot-queue.js';
import { redisLocks } from '../../src/adapters/redis-locks.js';
import { rawValues } from '../../src/adapters/redis-store.js';
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
  let opened = 0;
  return async () => {
    let calls = opened++;
    const stores: Stores = await openStores(url, logger);
    const queue = new SlotQueue({ redisUrl: url, requestsPerSecond: 50, logger, prefix: `p${database}` });
    const locks = redisLocks(queue.redis, queue.prefix, logger);
    let locked = 0;
    const book = new SharedScheduleBook(
      stores.schedules,
      (key, task) => {
        locked++;
        return locks(key, task);
      },
      logger,
      async (_guild, record) => {
        // Slow, and not always as slow, as a timer's change on Redis is: unless they are made one
        // at a time, a later change may be done before an earlier one.
        await new Promise((resolve) => setTimeout(resolve, 3 * (calls++ % 2)));
        timers.push(record);
      },
    );
    closing.push(async () => {
      await queue.close();
      await stores.close();
    });
    return { book, timers, stores, locks: () => locked };
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

  it('GIVEN three processes changing one schedule many times at once, without the lock THEN no change is lost', async () => {
    const open = processes();
    const all = await Promise.all([open(), open(), open()]);
    await all[0].book.update(RECORD.guildId, () => ({ ...RECORD, updatedAt: 0 }));
    const bump = (record: ScheduleRecord) => ({ ...record, updatedAt: record.updatedAt + 1 });
    const [a, b, c] = all;
    const which = (i: number) => (i % 3 === 0 ? a : i % 3 === 1 ? b : c);
    await Promise.all(Array.from({ length: 300 }, (_, i) => which(i).book.change(RECORD.guildId, bump)));
    expect((await all[0].book.get(RECORD.guildId))?.updatedAt).toBe(300);
    // Only the first write, which set the timer, took the lock.
    expect(all.map((p) => p.locks())).toEqual([1, 0, 0]);
  });

  it('GIVEN changes of the slots racing with lock-free changes THEN both are kept, and the timer follows the slots in order', async () => {
    const open = processes();
    const [a, b] = await Promise.all([open(), open()]);
    await a.book.update(RECORD.guildId, () => ({ ...RECORD, updatedAt: 0 }));
    const times = Array.from({ length: 20 }, (_, i) => `${String(10 + i)}:00`);
    // A move of the schedule also notes its time in the record, to tell the order they were written in.
    const move = (time: string) => (r: ScheduleRecord) => ({
      ...r,
      time,
      rotation: { ...r.rotation, posted: [...r.rotation.posted, time] },
    });
    const bump = (record: ScheduleRecord) => ({ ...record, updatedAt: record.updatedAt + 1 });
    await Promise.all([
      // Each process moves the schedule (under the lock) while the other marks its progress (without).
      ...times.map((time, i) => (i % 2 === 0 ? a : b).book.change(RECORD.guildId, move(time))),
      ...Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? b : a).book.change(RECORD.guildId, bump)),
    ]);
    const stored = await a.book.get(RECORD.guildId);
    expect(stored?.updatedAt).toBe(100);
    expect(new Set(stored?.rotation.posted)).toEqual(new Set(times));
    // The timer changed once per move, in the order of the writes.
    expect(a.timers.slice(1).map((r) => r?.time)).toEqual(stored?.rotation.posted);
  });

  it('GIVEN a compare-and-set sent again (its reply lost) THEN it answers written, even past a later write, and a stale one is refused', async () => {
    const open = processes();
    const { stores, book } = await open();
    await stores.schedules.set(RECORD.guildId, RECORD);
    const raw = rawValues(stores.schedules);
    if (raw === undefined) throw new Error('not a Redis store');
    const read = await raw.get(RECORD.guildId);
    const value = (updatedAt: number, guildId = RECORD.guildId) =>
      JSON.stringify({ value: { ...RECORD, guildId, updatedAt } });
    expect(await raw.compareAndSet(RECORD.guildId, read, value(1), 'first')).toEqual({ written: true });
    // Another write comes between the first one and its resend, which must not undo it.
    expect(await raw.compareAndSet(RECORD.guildId, value(1), value(2))).toEqual({ written: true });
    expect(await raw.compareAndSet(RECORD.guildId, read, value(1), 'first')).toEqual({ written: true });
    expect(await raw.compareAndSet(RECORD.guildId, read, value(3))).toEqual({
      written: false,
      current: value(2),
    });
    // Keyv reads what the book writes, and the book changes what keyv wrote.
    expect(await stores.schedules.get(RECORD.guildId)).toEqual({ ...RECORD, updatedAt: 2 });
    await stores.schedules.set(RECORD.guildId, { ...RECORD, updatedAt: 4 });
    expect(
      (await book.change(RECORD.guildId, (r) => ({ ...r, updatedAt: r.updatedAt + 1 })))?.updatedAt,
    ).toBe(5);
    expect(await stores.schedules.get(RECORD.guildId)).toEqual({ ...RECORD, updatedAt: 5 });
    expect(await raw.compareAndSet('1100000000000000009', read, value(6, '1100000000000000009'))).toEqual({
      written: false,
      current: undefined,
    });
    expect(
      await raw.compareAndSet('1100000000000000009', undefined, value(6, '1100000000000000009')),
    ).toEqual({ written: true });
    // The resend's notes are no schedules.
    const listed: string[] = [];
    for await (const record of book.records()) listed.push(record.guildId);
    expect(listed.sort()).toEqual(['1100000000000000009', RECORD.guildId].sort());
  });
});

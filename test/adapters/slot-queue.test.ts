import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/adapters/logger.js';
import { SlotQueue } from '../../src/adapters/slot-queue.js';
import { cronPattern, nextRun, nextRunOf } from '../../src/core/schedule.js';
import type { ScheduleRecord } from '../../src/core/schedule-record.js';
import { RedisServer } from '../../emulator/redis-server.js';
import { RECORD } from '../helpers/schedule-fixtures.js';

const logger = createLogger({ level: 'silent' });
let redis: RedisServer;
let prefix = 0;
const opened: SlotQueue[] = [];
const views: Queue[] = [];

beforeAll(async () => {
  redis = await RedisServer.start();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((queue) => queue.close()));
  await Promise.all(views.splice(0).map((view) => view.close()));
});
afterAll(async () => {
  await redis.stop();
});

/** Queues on one Redis under one prefix: what processes of one bot share. */
function bot(requestsPerSecond = 50, lockMs?: number) {
  const name = `test${prefix++}`;
  return () => {
    const queue = new SlotQueue({
      redisUrl: redis.url,
      requestsPerSecond,
      logger,
      prefix: name,
      ...(lockMs === undefined ? {} : { lockMs }),
    });
    opened.push(queue);
    return queue;
  };
}

/** BullMQ's own view of the bot's queue. */
function inspect(queue: SlotQueue): Queue {
  const view = new Queue('tip-posts', { connection: { url: redis.url }, prefix: queue.prefix });
  views.push(view);
  return view;
}

const until = async (check: () => boolean, ms = 10_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('the slot queue (BullMQ on a real Redis)', () => {
  it("GIVEN a server's schedule THEN it is a job scheduler in its zone whose next job's id is the slot the schedule computes", async () => {
    const queue = bot()();
    const view = inspect(queue);
    const record: ScheduleRecord = {
      ...RECORD,
      time: '02:30',
      timezone: 'Europe/Berlin',
      frequency: 'weekly',
      day: 'sunday',
    };
    await queue.sync(record.guildId, record);
    const timer = await view.getJobScheduler(record.guildId);
    expect(timer).toMatchObject({ pattern: cronPattern(record), tz: 'Europe/Berlin' });
    const [job] = await view.getJobs(['delayed']);
    const slot = nextRun(record, new Date()).getTime();
    expect(job?.id).toBe(`repeat:${record.guildId}:${slot}`);
    expect(job?.data).toEqual({ guildId: record.guildId });

    // Paused or removed: no timer; running again: back.
    await queue.sync(record.guildId, { ...record, paused: { reason: 'admin', at: 0 } });
    expect(await view.getJobScheduler(record.guildId)).toBeUndefined();
    expect(await view.getJobs(['delayed'])).toEqual([]);
    await queue.sync(record.guildId, record);
    expect(await view.getJobSchedulersCount()).toBe(1);
    await queue.sync(record.guildId, undefined);
    expect(await view.getJobSchedulersCount()).toBe(0);
  });

  it('GIVEN a schedule whose next slot the timer would miss, or whose next job was lost THEN the slot gets a job of its own, and a check at start sets the timer again', async () => {
    const queue = bot()();
    const view = inspect(queue);
    // As when a slot passes between /schedule set computing it and the timer being set.
    const record: ScheduleRecord = { ...RECORD, nextRunAt: Date.now() + 60_000 };
    await queue.sync(record.guildId, record);
    expect(await view.getJob(`wake-${record.guildId}-slot-${record.nextRunAt}`)).toBeDefined();

    const timer = await view.getJobScheduler(record.guildId);
    // Lost as Redis could lose it (BullMQ itself will not remove a timer's job).
    const lost = `repeat:${record.guildId}:${timer?.next ?? 0}`;
    const client = new Redis(redis.url);
    await client.zrem(`${queue.prefix}:tip-posts:delayed`, lost);
    await client.del(`${queue.prefix}:tip-posts:${lost}`);
    client.disconnect();
    expect(await view.getJob(lost)).toBeUndefined();
    expect(await queue.ensure(record, Date.now(), 60_000)).toBe(true);
    const again = await view.getJobScheduler(record.guildId);
    expect(await view.getJob(`repeat:${record.guildId}:${again?.next ?? 0}`)).toBeDefined();
    expect(await queue.ensure(record, Date.now(), 60_000)).toBe(false);
    // Paused: no timer is what it should have, so nothing to do.
    const paused = { ...record, paused: { reason: 'admin', at: 0 } };
    await queue.sync(record.guildId, paused);
    expect(await queue.ensure(paused, Date.now(), 60_000)).toBe(false);
  });

  it('GIVEN the slots around daylight-saving changes THEN the job engine is given the same slots as the schedule (croner, not cron-parser)', () => {
    const rule = { time: '02:30', timezone: 'Europe/Berlin', frequency: 'daily' as const };
    // Spring forward (02:30 does not exist on 28 March 2027) and fall back (it happens twice on 31 October 2027).
    for (const after of [
      Date.UTC(2027, 2, 27, 12),
      Date.UTC(2027, 9, 30, 12),
      Date.UTC(2027, 9, 31, 0, 45),
    ]) {
      expect(nextRunOf(cronPattern(rule), rule.timezone, after)).toBe(
        nextRun(rule, new Date(after)).getTime(),
      );
    }
  });

  it('GIVEN schedules checked at start by two processes at once THEN the due one runs at once (a run more is harmless: the stored schedule says it is done) and the other waits for its slot', async () => {
    const open = bot();
    const [a, b] = [open(), open()];
    const runs: string[] = [];
    for (const queue of [a, b]) queue.start((guildId) => Promise.resolve(void runs.push(guildId)));
    const now = Date.now();
    const due = { ...RECORD, nextRunAt: now - 1000 };
    const later = { ...RECORD, guildId: '1100000000000000009', nextRunAt: now + 3_600_000 };
    // Both processes check the same schedules at once (as after a restart of all of them).
    const changed = await Promise.all(
      [a, b].flatMap((queue) => [due, later].map((r) => queue.ensure(r, now, 60_000))),
    );
    expect(changed.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    await until(() => runs.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(new Set(runs)).toEqual(new Set([due.guildId]));
    // Timers are set for both, once each.
    expect(await inspect(a).getJobSchedulersCount()).toBe(2);
    expect(await a.ensure(later, Date.now(), 60_000)).toBe(false);
  });

  it('GIVEN jobs waiting for a worker THEN they are counted as due, and as late once waiting for over a minute', async () => {
    const queue = bot()();
    await queue.wake('1001', 'a', Date.now());
    await queue.wake('1002', 'a', Date.now());
    await queue.wake('1003', 'a', Date.now() + 3_600_000);
    expect(await queue.counts(Date.now())).toEqual({ due: 2, late: 0 });
    expect(await queue.counts(Date.now() + 61_000)).toEqual({ due: 2, late: 2 });
  });

  it('GIVEN 60 jobs due at once on two processes with a limit of 20 per second THEN the two start 20 in each second together, and each runs once', async () => {
    const open = bot(20);
    const [a, b] = [open(), open()];
    const starts: number[] = [];
    const runs = new Map<string, number>();
    for (const queue of [a, b])
      queue.start((guildId) => {
        starts.push(performance.now());
        runs.set(guildId, (runs.get(guildId) ?? 0) + 1);
        return Promise.resolve();
      });
    const now = Date.now();
    await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? a : b).wake(`${1000 + i}`, 'batch', now)),
    );
    await until(() => starts.length >= 60, 20_000);
    expect([...runs.values()]).toEqual(Array.from({ length: 60 }, () => 1));
    starts.sort((x, y) => x - y);
    // BullMQ's windows of a second, shared: the 21st and the 41st wait for the next one (a limiter
    // per process would start 40 at once). Half a second of slack for a loaded machine's delays.
    expect((starts[20] ?? 0) - (starts[0] ?? 0)).toBeGreaterThan(500);
    expect((starts[40] ?? 0) - (starts[20] ?? 0)).toBeGreaterThan(500);
    // And not much slower than the limit allows: 60 at 20 per second is 3 s.
    expect((starts.at(-1) ?? 0) - (starts[0] ?? 0)).toBeLessThan(5_000);
  });

  it("GIVEN a worker that dies with a job THEN another process's worker takes the job over and runs it", async () => {
    const open = bot(50, 1_000);
    const doomed = open();
    // Its close would wait for the job for ever: it is dropped instead.
    opened.pop();
    let taken!: () => void;
    const tookIt = new Promise<void>((resolve) => (taken = resolve));
    // Never finishes: it is killed holding the job.
    doomed.start(() => {
      taken();
      return new Promise<void>(() => undefined);
    });
    await doomed.wake(RECORD.guildId, 'slot', Date.now());
    await tookIt;
    // As a SIGKILL leaves it: no lock renewal from here, and the job still active.
    doomed.redis.disconnect();
    const runs: string[] = [];
    const survivor = open();
    survivor.start((guildId) => Promise.resolve(void runs.push(guildId)));
    await until(() => runs.length > 0, 15_000);
    expect(runs).toEqual([RECORD.guildId]);
    await doomed.close(true);
  });
});

import { Queue, Worker, type Job, type RepeatOptions } from 'bullmq';
import { Redis } from 'ioredis';
import pTimeout from 'p-timeout';
import { cronPattern, nextRunOf } from '../core/schedule.js';
import { dueAction, type ScheduleRecord } from '../core/schedule-record.js';
import type { Logger } from './logger.js';

/** What a job asks: run this server's schedule, at this slot. */
interface SlotJob {
  readonly guildId: string;
  /** When it is meant to run, for jobs added by hand (retries, catching up); a job scheduler's jobs carry their slot as prevMillis. */
  readonly dueAt?: number;
}

export interface SlotQueueOptions {
  readonly redisUrl: string;
  /** Discord's global limit for the bot: every process's worker together starts no more jobs. */
  readonly requestsPerSecond: number;
  readonly logger: Logger;
  /**
   * Jobs one process runs at once. A job mostly waits (on Redis, on Discord), so many at once keep
   * up with the limit: 100 measured faster than 25, 60 or 250 in the fan-out benchmark.
   */
  readonly concurrency?: number;
  /** Prefix of every key, so that two bots can share a Redis. */
  readonly prefix?: string;
  /** How long a dead worker's job stays locked before another takes it over (a live worker renews at half). */
  readonly lockMs?: number;
}

const QUEUE = 'tip-posts';

/**
 * Slots found by croner, as the schedules compute them (src/core/schedule.ts), rather than by
 * BullMQ's cron-parser: the two differ around daylight-saving changes, and a job must fire at the
 * very slot its schedule waits for.
 */
const repeatStrategy = (millis: number, opts: RepeatOptions): number | undefined =>
  opts.pattern === undefined ? undefined : nextRunOf(opts.pattern, opts.tz, millis);

/**
 * Scheduled posts on BullMQ, for many processes on one Redis. Each server's schedule is a job
 * scheduler (its cron pattern in its time zone) whose job for a slot has the id
 * `repeat:<guild>:<slot ms>`; every process runs a worker; all workers share one limiter, so all
 * processes together start posts under Discord's global limit (the requests themselves are held to it
 * by src/adapters/shared-pace.ts); and a job whose worker died (its
 * lock not renewed) is taken over by another worker (BullMQ's stalled-job check).
 *
 * The jobs only say when to look: what to post, and whether it was posted, is the stored schedule's
 * (src/schedules/scheduler.ts), so a job run twice, late or for an old rule posts nothing twice.
 */
export class SlotQueue {
  /** Shared by the queue, the worker (which makes its own blocking connection from it) and locks. */
  readonly redis: Redis;
  readonly prefix: string;
  private readonly queue: Queue<SlotJob>;
  private worker: Worker<SlotJob> | undefined;
  private outage = false;

  constructor(private readonly options: SlotQueueOptions) {
    this.prefix = options.prefix ?? 'careerbot';
    // Commands wait while Redis is away (as the store's writes do) rather than fail: BullMQ asks for it.
    this.redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    this.redis.on('error', (err: unknown) => this.onOutage(err));
    this.redis.on('ready', () => (this.outage = false));
    this.queue = new Queue<SlotJob>(QUEUE, {
      connection: this.redis,
      prefix: this.prefix,
      settings: { repeatStrategy },
      defaultJobOptions: {
        // A slot's job is kept only while it runs: the stored schedule remembers what was posted.
        removeOnComplete: true,
        // Failures are logged; a failed job kept would block a later job with its id.
        removeOnFail: true,
        // Failures the schedule handles itself do not fail the job; these are the store's or Redis's.
        attempts: 5,
        backoff: { type: 'exponential', delay: 2_000 },
      },
    });
    this.queue.on('error', (err: unknown) => this.onError(err));
  }

  /** Sets the server's timer to its schedule: a job scheduler while it runs, none once paused or removed. */
  async sync(guildId: string, record: ScheduleRecord | undefined): Promise<void> {
    if (record === undefined || record.paused !== undefined) {
      await this.queue.removeJobScheduler(guildId);
      return;
    }
    const job = await this.queue.upsertJobScheduler(
      guildId,
      { pattern: cronPattern(record), tz: record.timezone },
      { name: 'slot', data: { guildId } },
    );
    // The timer counts from its own now, later than the schedule's: a slot that passed between the
    // two would have no job. Such a slot gets one of its own.
    const next = job.opts.prevMillis;
    if (next === undefined || record.nextRunAt < next)
      await this.wake(guildId, `slot-${record.nextRunAt}`, record.nextRunAt);
  }

  /**
   * At start: sets the timer of a schedule that has none, an old one, or one whose next job is lost,
   * and runs at once one that is due or was left in flight. Call it with the schedule as stored now
   * (under its lock, so that a /schedule command cannot change it meanwhile). Returns whether it
   * had to do anything.
   */
  async ensure(record: ScheduleRecord, now: number, graceMs: number): Promise<boolean> {
    let changed = false;
    const timer = await this.queue.getJobScheduler(record.guildId);
    const upToDate =
      record.paused === undefined
        ? timer !== undefined &&
          timer.pattern === cronPattern(record) &&
          timer.tz === record.timezone &&
          timer.next !== undefined &&
          (await this.queue.getJob(`repeat:${record.guildId}:${timer.next}`)) !== undefined
        : timer === undefined;
    if (!upToDate) {
      await this.sync(record.guildId, record);
      changed = true;
    }
    const due = dueAction(record, now, graceMs);
    if (due.kind !== 'wait') {
      await this.wake(record.guildId, `slot-${due.slotAt}`, now);
      changed = true;
    }
    return changed;
  }

  /** Runs the server's schedule at `atMs` (a retry, a catch-up); the same `key` twice runs once. */
  async wake(guildId: string, key: string, atMs: number): Promise<void> {
    await this.queue.add(
      'wake',
      { guildId, dueAt: atMs },
      // Job ids may hold ':' only as BullMQ's own do.
      { jobId: `wake-${guildId}-${key.replaceAll(':', '.')}`, delay: Math.max(0, atMs - Date.now()) },
    );
  }

  /** Starts this process's worker: `run` is called for each job, one server at a time. */
  start(run: (guildId: string, dueAt: number | undefined) => Promise<void>): void {
    // The global limit per second, in BullMQ's windows (each starts with the first job after the
    // last): it spaces the jobs' starts, while every request a job makes waits for its place in the
    // shared pacer's sliding window (src/adapters/shared-pace.ts), which alone keeps Discord's limit.
    // Windows of a few milliseconds, small enough to keep every sliding second under the limit by
    // themselves, lost a fifth of the rate to the gaps between them (1.33x the floor in the fan-out).
    const limit = { max: Math.max(1, Math.floor(this.options.requestsPerSecond)), durationMs: 1000 };
    this.worker ??= new Worker<SlotJob>(
      QUEUE,
      (job: Job<SlotJob>) => run(job.data.guildId, job.data.dueAt ?? job.opts.prevMillis),
      {
        connection: this.redis,
        prefix: this.prefix,
        settings: { repeatStrategy },
        concurrency: this.options.concurrency ?? 100,
        limiter: { max: limit.max, duration: limit.durationMs },
        // A dead worker's job is taken over within ~20 s.
        lockDuration: this.options.lockMs ?? 15_000,
        // Whole milliseconds: BullMQ hands it to Redis's PX.
        stalledInterval: Math.ceil((this.options.lockMs ?? 15_000) / 3),
        maxStalledCount: 3,
      },
    );
    this.worker.on('error', (err: unknown) => this.onError(err));
    this.worker.on('failed', (job, err) =>
      this.options.logger.warn(
        { err, guildId: job?.data.guildId, attempts: job?.attemptsMade },
        'a slot job failed',
      ),
    );
  }

  /** Jobs waiting or running, and of those waiting, how many for over a minute (at most 1,000 looked at). */
  async counts(now: number): Promise<{ due: number; late: number }> {
    // A scrape while Redis is away answers at once (with an error) rather than wait with the queue.
    if (this.redis.status !== 'ready') throw new Error('Redis is not connected');
    const counts = await this.queue.getJobCounts('wait', 'active', 'prioritized');
    const oldest = await this.queue.getJobs(['wait'], 0, 999, true);
    let late = 0;
    for (const job of oldest) if (job.timestamp + (job.opts.delay ?? 0) < now - 60_000) late++;
    return { due: (counts.wait ?? 0) + (counts.active ?? 0) + (counts.prioritized ?? 0), late };
  }

  /** Lets running jobs finish (no new one starts; `force`: does not wait), then closes the connections. */
  async close(force = false): Promise<void> {
    // Posts under way get 5 s (the bot exits within 10); one still waiting then is left to another
    // worker, which takes it over as stalled.
    const worker = this.worker;
    if (worker !== undefined)
      await pTimeout(worker.close(force), { milliseconds: 5_000 }).catch(() => worker.close(true));
    await this.queue.close();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** Logged once per outage: ioredis reports every failed reconnection. */
  private onOutage(err: unknown): void {
    if (this.outage) return;
    this.outage = true;
    this.options.logger.error({ err }, 'the job queue lost Redis; posts wait until it is back');
  }

  private onError(err: unknown): void {
    // While Redis is away, BullMQ's own calls fail too: the outage is already logged.
    if (!this.outage) this.options.logger.error({ err }, 'job queue error');
  }
}

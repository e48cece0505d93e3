import type { Keyv } from 'keyv';
import { sameSlots, type ScheduleRecord } from '../core/schedule-record.js';
import { keyedSerial } from './keyed-serial.js';
import type { Logger } from './logger.js';
import type { Exclusive } from './redis-locks.js';
import { saveSchedule, type Schedules } from './schedule-book.js';

/**
 * The servers' schedules when many processes share them (Redis): nothing is kept in memory, since
 * any process's worker may post any server's slot while the process that has the server's shard
 * answers its /schedule commands. Every change reads the stored schedule and writes the result under
 * that server's lock, so two processes never overwrite each other's change.
 */
export class SharedScheduleBook implements Schedules {
  /** Changes made by this process wait for each other here rather than on Redis. */
  private readonly serial = keyedSerial();

  constructor(
    private readonly store: Keyv<ScheduleRecord>,
    private readonly exclusive: Exclusive,
    private readonly logger: Logger,
    /** Told, under the lock, when a change makes the schedule fire at other slots (or none). */
    private readonly onSlotsChanged: (guildId: string, record: ScheduleRecord | undefined) => Promise<void>,
  ) {}

  async get(guildId: string): Promise<ScheduleRecord | undefined> {
    return await this.store.get(guildId);
  }

  /** Every stored schedule, read from the store as it goes. */
  async *records(): AsyncGenerator<ScheduleRecord> {
    if (this.store.iterator === undefined) throw new Error('the store cannot list its keys');
    for await (const [key, value] of this.store.iterator(undefined)) {
      if (typeof key === 'string' && value !== undefined) yield value as ScheduleRecord;
    }
  }

  update(
    guildId: string,
    change: (current: ScheduleRecord | undefined) => ScheduleRecord | undefined,
  ): Promise<ScheduleRecord | undefined> {
    const next = this.serial(guildId, () =>
      this.exclusive(`schedule:${guildId}`, async () => {
        const current = await this.store.get(guildId);
        const updated = change(current);
        if (updated === current) return current;
        await saveSchedule(this.store, guildId, updated);
        // Failing, it fails the change: saved, but the command says to try again (which sets the
        // timer), and a job's change is retried by the job engine.
        if (!sameSlots(current, updated)) await this.onSlotsChanged(guildId, updated);
        return updated;
      }),
    );
    next.catch((err: unknown) => {
      this.logger.error({ err, guildId }, 'could not save a schedule, or set its timer');
    });
    return next;
  }

  /** Runs `task` on the server's schedule as stored now, under its lock: no change comes between. */
  inspect<T>(guildId: string, task: (current: ScheduleRecord | undefined) => Promise<T>): Promise<T> {
    return this.serial(guildId, () =>
      this.exclusive(`schedule:${guildId}`, async () => task(await this.store.get(guildId))),
    );
  }

  change(
    guildId: string,
    transition: (current: ScheduleRecord) => ScheduleRecord | undefined,
  ): Promise<ScheduleRecord | undefined> {
    return this.update(guildId, (current) => current && transition(current));
  }
}

import type { Keyv } from 'keyv';
import { sameSlots, type ScheduleRecord } from '../core/schedule-record.js';
import { keyedSerial } from './keyed-serial.js';
import type { Logger } from './logger.js';
import type { Exclusive } from './redis-locks.js';
import { rawValues, type RawValues } from './redis-store.js';
import type { Schedules } from './schedule-book.js';

type Change = (current: ScheduleRecord | undefined) => ScheduleRecord | undefined;
interface Swapped {
  readonly current: ScheduleRecord | undefined;
  readonly updated: ScheduleRecord | undefined;
}

/** Compare-and-set tries before a change gives up: each failed one means another writer got through. */
const MAX_TRIES = 100;

/**
 * The servers' schedules when many processes share them (Redis): nothing is kept in memory, since
 * any process's worker may post any server's slot while the process that has the server's shard
 * answers its /schedule commands.
 *
 * Every change is a compare-and-set on the stored value: it reads the value, computes the change and
 * writes it only if the value is still the one it read, else it computes again from what is there. So
 * two processes never overwrite each other's change, lock or not, and a change that lost a race (a slot
 * begun elsewhere) is decided again on what won, as under a lock. Most changes (a slot in flight, done)
 * keep the slots, and take no lock. A change of the slots takes the server's lock as well, so that the
 * timer's changes (`onSlotsChanged`) are made one at a time and in the order of the writes: only a
 * holder of the lock ever changes the slots, and a lock-free write, being a compare-and-set of the value
 * it read, cannot undo one. (The value is the whole schedule: finding the same text again, whatever
 * came between, is finding the state the change was computed on.)
 */
export class SharedScheduleBook implements Schedules {
  /** Changes made by this process wait for each other here rather than on Redis. */
  private readonly serial = keyedSerial();
  private readonly raw: RawValues;

  constructor(
    private readonly store: Keyv<ScheduleRecord>,
    private readonly exclusive: Exclusive,
    private readonly logger: Logger,
    /** Told, under the lock, when a change makes the schedule fire at other slots (or none). */
    private readonly onSlotsChanged: (guildId: string, record: ScheduleRecord | undefined) => Promise<void>,
  ) {
    const raw = rawValues(store);
    if (raw === undefined) throw new Error('the shared schedules need a Redis store');
    this.raw = raw;
  }

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

  /** `change` may be called more than once (again after another process's change came first). */
  update(guildId: string, change: Change): Promise<ScheduleRecord | undefined> {
    const next = this.serial(guildId, async () => {
      const lockFree = await this.swap(guildId, change, true);
      if (lockFree !== undefined) return lockFree.updated;
      return await this.exclusive(`schedule:${guildId}`, async () => {
        const { current, updated } = await this.swap(guildId, change, false);
        // Failing, it fails the change: saved, but the command says to try again (which sets the
        // timer), and a job's change is retried by the job engine.
        if (!sameSlots(current, updated)) await this.onSlotsChanged(guildId, updated);
        return updated;
      });
    });
    next.catch((err: unknown) => {
      this.logger.error({ err, guildId }, 'could not save a schedule, or set its timer');
    });
    return next;
  }

  /**
   * Runs `task` on the server's schedule as stored now, under its lock: no change of its slots comes
   * between (a slot's progress may).
   */
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

  /**
   * Applies `change` by compare-and-set until it holds; undefined, without writing, if `sameSlotsOnly`
   * and the change would change the slots (that needs the lock).
   */
  private swap(guildId: string, change: Change, sameSlotsOnly: true): Promise<Swapped | undefined>;
  private swap(guildId: string, change: Change, sameSlotsOnly: false): Promise<Swapped>;
  private async swap(guildId: string, change: Change, sameSlotsOnly: boolean): Promise<Swapped | undefined> {
    let raw = await this.raw.get(guildId);
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const current =
        raw === undefined ? undefined : (await this.store.deserializeData<ScheduleRecord>(raw))?.value;
      const updated = change(current);
      if (updated === current) return { current, updated };
      if (sameSlotsOnly && !sameSlots(current, updated)) return undefined;
      const swapped = await this.raw.compareAndSet(guildId, raw, await this.rawWrite(updated));
      if (swapped.written) return { current, updated };
      raw = swapped.current;
    }
    throw new Error(`the schedule of ${guildId} changed under ${MAX_TRIES} tries to change it`);
  }

  /** The value as keyv stores it (no expiry). */
  private async rawWrite(record: ScheduleRecord | undefined): Promise<string | undefined> {
    if (record === undefined) return undefined;
    const raw = await this.store.serializeData({ value: record });
    if (typeof raw !== 'string') throw new Error('the store does not serialize to text');
    return raw;
  }
}

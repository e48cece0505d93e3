import type { Keyv } from 'keyv';
import type { ScheduleRecord } from '../core/schedule-record.js';
import { keyedSerial } from './keyed-serial.js';
import type { Logger } from './logger.js';

/** The servers' schedules, as the commands and the scheduler read and change them. */
export interface Schedules {
  get(guildId: string): Promise<ScheduleRecord | undefined>;
  /**
   * Applies `change` to the current schedule of a server and stores the result (undefined deletes
   * it). Resolves with what was stored, once it was.
   */
  update(
    guildId: string,
    change: (current: ScheduleRecord | undefined) => ScheduleRecord | undefined,
  ): Promise<ScheduleRecord | undefined>;
  change(
    guildId: string,
    transition: (current: ScheduleRecord) => ScheduleRecord | undefined,
  ): Promise<ScheduleRecord | undefined>;
}

/**
 * The servers' schedules for one process that owns them all (SQLite): kept in the keyv store (the truth, which survives restarts) and mirrored
 * in memory so that the ticker can look for due ones without reading the store every second.
 * Changes to one server are applied one at a time, in order.
 */
export class ScheduleBook implements Schedules {
  private readonly memory = new Map<string, ScheduleRecord>();
  /** Changes to one server, one at a time and in order. */
  private readonly serial = keyedSerial();

  constructor(
    private readonly store: Keyv<ScheduleRecord>,
    private readonly logger: Logger,
  ) {}

  /** Reads every stored schedule. Call once at start. */
  async load(): Promise<number> {
    if (this.store.iterator === undefined) throw new Error('the store cannot list its keys');
    for await (const [key, value] of this.store.iterator(undefined)) {
      if (typeof key === 'string' && value !== undefined) this.memory.set(key, value as ScheduleRecord);
    }
    return this.memory.size;
  }

  get(guildId: string): Promise<ScheduleRecord | undefined> {
    return Promise.resolve(this.memory.get(guildId));
  }

  /** The schedule as held in memory now (for a log line or a check that cannot wait). */
  peek(guildId: string): ScheduleRecord | undefined {
    return this.memory.get(guildId);
  }

  all(): IterableIterator<ScheduleRecord> {
    return this.memory.values();
  }

  /** The memory copy changes only after the store accepted the change. */
  update(
    guildId: string,
    change: (current: ScheduleRecord | undefined) => ScheduleRecord | undefined,
  ): Promise<ScheduleRecord | undefined> {
    const next = this.serial(guildId, async () => {
      const current = this.memory.get(guildId);
      const updated = change(current);
      if (updated === current) return current;
      await saveSchedule(this.store, guildId, updated);
      if (updated === undefined) this.memory.delete(guildId);
      else this.memory.set(guildId, updated);
      return updated;
    });
    next.catch((err: unknown) => {
      this.logger.error({ err, guildId }, 'could not save a schedule');
    });
    return next;
  }

  change(
    guildId: string,
    transition: (current: ScheduleRecord) => ScheduleRecord | undefined,
  ): Promise<ScheduleRecord | undefined> {
    return this.update(guildId, (current) => current && transition(current));
  }
}

/** Writes a server's schedule to the store (undefined deletes it); rejects if the store did not save it. */
export async function saveSchedule(
  store: Keyv<ScheduleRecord>,
  guildId: string,
  record: ScheduleRecord | undefined,
): Promise<void> {
  if (record === undefined) await store.delete(guildId);
  else if (!(await store.set(guildId, record)))
    throw new Error(`the store did not save the schedule of ${guildId}`);
}

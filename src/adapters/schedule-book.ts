import type { Keyv } from 'keyv';
import type { ScheduleRecord } from '../core/schedule-record.js';
import { keyedSerial } from './keyed-serial.js';
import type { Logger } from './logger.js';

/**
 * The servers' schedules: kept in the keyv store (the truth, which survives restarts) and mirrored
 * in memory so that the ticker can look for due ones without reading the store every second.
 * Changes to one server are applied one at a time, in order.
 */
export class ScheduleBook {
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

  get(guildId: string): ScheduleRecord | undefined {
    return this.memory.get(guildId);
  }

  all(): IterableIterator<ScheduleRecord> {
    return this.memory.values();
  }

  /**
   * Applies `change` to the current schedule of a server and stores the result (undefined deletes
   * it). Resolves once stored; the memory copy changes only after the store accepted it.
   */
  update(
    guildId: string,
    change: (current: ScheduleRecord | undefined) => ScheduleRecord | undefined,
  ): Promise<ScheduleRecord | undefined> {
    const next = this.serial(guildId, async () => {
      const current = this.memory.get(guildId);
      const updated = change(current);
      if (updated === current) return current;
      if (updated === undefined) {
        await this.store.delete(guildId);
        this.memory.delete(guildId);
      } else {
        const ok = await this.store.set(guildId, updated);
        if (!ok) throw new Error(`the store did not save the schedule of ${guildId}`);
        this.memory.set(guildId, updated);
      }
      return updated;
    });
    next.catch((err: unknown) => {
      this.logger.error({ err, guildId }, 'could not save a schedule');
    });
    return next;
  }

  /**
   * Applies a transition to the server's schedule if it still has one (a schedule removed meanwhile
   * stays removed). Resolves with the stored result, or undefined if there was none.
   */
  change(
    guildId: string,
    transition: (current: ScheduleRecord) => ScheduleRecord | undefined,
  ): Promise<ScheduleRecord | undefined> {
    return this.update(guildId, (current) => current && transition(current));
  }
}

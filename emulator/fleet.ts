import { ChannelType } from 'discord-api-types/v10';
import { createLogger } from '../src/adapters/logger.js';
import { openStores } from '../src/adapters/store.js';
import type { ScheduleRecord } from '../src/core/schedule-record.js';
import type { GuildSpec } from './emulator.js';

/**
 * `count` servers with one text channel each: guild ids from 1300000000000000000, channels 1400….
 * With `spread`, consecutive servers are on consecutive shards (ids `<< 22` apart: a server's shard is
 * `(id >> 22) % shard count`); otherwise all are on one.
 */
export function manyGuilds(count: number, spread = false): GuildSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    id: String(1_300_000_000_000_000_000n + (spread ? BigInt(i) << 22n : BigInt(i))),
    name: `Server ${i}`,
    channels: [
      { id: String(1_400_000_000_000_000_000n + BigInt(i)), name: 'tips', type: ChannelType.GuildText },
    ],
  }));
}

/** Schedules due now (each a different slot minute in the grace window) for every guild given. */
/**
 * A daily time (UTC) half a day from `now`: a schedule at it has no slot due during a test run (a
 * fixed 09:00 made a second post for each server when a run happened between 09:00 and 10:00 UTC).
 */
export function farDailyTime(now = Date.now()): string {
  return `${String((new Date(now).getUTCHours() + 12) % 24).padStart(2, '0')}:00`;
}

export function dueSchedules(guilds: readonly GuildSpec[], now = Date.now()): ScheduleRecord[] {
  // The slot after the due one is never due during a run.
  const time = farDailyTime(now);
  return guilds.map((guild, i) => ({
    guildId: guild.id,
    channelId: guild.channels[0]?.id ?? '',
    // As /schedule set keeps it: no process asks Discord for the channel's kind.
    announcement: guild.channels[0]?.type === ChannelType.GuildAnnouncement,
    time,
    timezone: 'UTC',
    frequency: 'daily',
    nextRunAt: now - 1000 - (i % 30) * 60_000,
    rotation: { seed: i, posted: [] },
    updatedAt: now,
  }));
}

/** Writes schedules into a store, as an earlier run of the bot would have left them. */
export async function preloadSchedules(
  storeUrl: string,
  cwd: string,
  records: readonly ScheduleRecord[],
): Promise<void> {
  const stores = await openStores(storeUrl, createLogger({ level: 'silent' }), cwd);
  await Promise.all(records.map((record) => stores.schedules.set(record.guildId, record)));
  await stores.close();
}

/** Every schedule in a store, by guild id, as the bot left it. */
export async function readSchedules(storeUrl: string, cwd: string): Promise<Map<string, ScheduleRecord>> {
  const stores = await openStores(storeUrl, createLogger({ level: 'silent' }), cwd);
  const records = new Map<string, ScheduleRecord>();
  const iterator = stores.schedules.iterator?.(undefined);
  if (iterator === undefined) throw new Error('the store cannot list its keys');
  for await (const [key, value] of iterator) {
    if (typeof key === 'string' && value !== undefined) records.set(key, value as ScheduleRecord);
  }
  await stores.close();
  return records;
}

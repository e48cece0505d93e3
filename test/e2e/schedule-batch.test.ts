import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordEmulator } from '../../emulator/emulator.js';
import { BotProcess } from '../../emulator/bot-process.js';
import { dueSchedules, manyGuilds, preloadSchedules, readSchedules } from '../../emulator/fleet.js';
import { botEnv, startBot, startEmulator, workspace } from './harness.js';
import { until } from './wait.js';

const GUILDS = manyGuilds(200);
/** A server this process does not serve (not in its READY): its schedule must not be posted. */
const [ELSEWHERE] = manyGuilds(201).slice(200);

let emulator: DiscordEmulator;
let space: ReturnType<typeof workspace>;

beforeAll(async () => {
  emulator = await startEmulator({ guilds: GUILDS, globalLimitPerSecond: 50 });
  space = workspace();
});

afterAll(async () => {
  await emulator.stop();
  space.cleanup();
});

describe('a batch of 200 due posts', () => {
  it('GIVEN the bot is killed (SIGKILL) in the middle of the batch THEN after a restart every server has its post exactly once', async () => {
    if (ELSEWHERE === undefined) throw new Error('no guild');
    await preloadSchedules(space.storeUrl, space.dir, [
      ...dueSchedules(GUILDS),
      ...dueSchedules([ELSEWHERE]),
    ]);
    const env = botEnv(emulator, space);
    const posted = () =>
      GUILDS.filter((g) => emulator.channelPosts(g.channels[0]?.id ?? '').length > 0).length;

    const first = new BotProcess(env, space.dir);
    await until(() => posted() >= 60, 30_000, '60 posts');
    await first.kill();
    expect(posted()).toBeLessThan(200);

    const second = await startBot(emulator, env, space.dir);
    await until(() => posted() === 200, 30_000, 'all 200 posts');
    // Once stopped, the bot posts nothing more; a duplicate still owed would be a slot left in flight.
    await second.stop();
    const records = await readSchedules(space.storeUrl, space.dir);
    for (const guild of GUILDS) {
      expect(emulator.channelPosts(guild.channels[0]?.id ?? ''), guild.id).toHaveLength(1);
      expect(records.get(guild.id)?.inFlight, guild.id).toBeUndefined();
      expect(records.get(guild.id)?.lastPost?.messageId, guild.id).toBe(
        emulator.channelPosts(guild.channels[0]?.id ?? '')[0]?.id,
      );
    }
    expect(emulator.requests.some((r) => r.path.includes(ELSEWHERE.channels[0]?.id ?? '-'))).toBe(false);
    // Paced below the limit by what Discord receives, through a kill and a restart: not one 429.
    expect(emulator.rateLimitHits).toBe(0);
    expect(emulator.violations).toEqual([]);
  }, 90_000);
});

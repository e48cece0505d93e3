import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotProcess } from '../../emulator/bot-process.js';
import { shardIdFor, type DiscordEmulator } from '../../emulator/emulator.js';
import { dueSchedules, manyGuilds, preloadSchedules, readSchedules } from '../../emulator/fleet.js';
import { RedisServer } from '../../emulator/redis-server.js';
import { botEnv, startEmulator, workspace } from './harness.js';
import { until } from './wait.js';

/** 500 servers, half on each of 2 shards. */
const GUILDS = manyGuilds(500, true);

let redis: RedisServer;
let emulator: DiscordEmulator;
let space: ReturnType<typeof workspace>;
const bots: BotProcess[] = [];

beforeAll(async () => {
  redis = await RedisServer.start();
  emulator = await startEmulator({
    guilds: GUILDS,
    globalLimitPerSecond: 50,
    recommendedShards: 2,
    maxConcurrency: 2,
  });
  space = workspace();
}, 60_000);

afterAll(async () => {
  await Promise.all(bots.map((bot) => bot.stop()));
  await emulator.stop();
  await redis.stop();
  space.cleanup();
});

describe('a batch of 500 due posts over 2 shards in 2 processes', () => {
  it('GIVEN one process killed (SIGKILL) in the middle of the batch THEN after its restart every server has its post exactly once', async () => {
    expect(new Set(GUILDS.map((guild) => shardIdFor(guild.id, 2))).size).toBe(2);
    await preloadSchedules(redis.url, space.dir, dueSchedules(GUILDS));
    // Both processes' workers share one limiter at 45 per second: together under Discord's 50.
    const env = botEnv(
      emulator,
      { ...space, storeUrl: redis.url },
      { SHARD_COUNT: '2', DISCORD_REQUESTS_PER_SECOND: '45' },
    );
    const start = (shard: number): BotProcess => {
      const bot = new BotProcess({ ...env, SHARD_IDS: String(shard) }, space.dir);
      bots.push(bot);
      return bot;
    };
    const postsOf = (shard: number): number =>
      GUILDS.filter(
        (g) => shardIdFor(g.id, 2) === shard && emulator.channelPosts(g.channels[0]?.id ?? '').length > 0,
      ).length;

    start(0);
    const doomed = start(1);
    await until(() => postsOf(1) >= 60, 60_000, '60 posts on shard 1');
    await doomed.kill();
    expect(postsOf(1)).toBeLessThan(250);
    start(1);
    await until(() => postsOf(0) + postsOf(1) === 500, 90_000, 'all 500 posts');
    // A post the killed process made but did not mark done is finished by the worker that takes its
    // job over (once its lock expires) or by the restarted process's check: none stays in flight.
    let records = await readSchedules(redis.url, space.dir);
    for (let end = Date.now() + 60_000; [...records.values()].some((r) => r.inFlight !== undefined);) {
      if (Date.now() > end) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
      records = await readSchedules(redis.url, space.dir);
    }
    await Promise.all(bots.map((bot) => bot.stop()));

    for (const guild of GUILDS) {
      const posts = emulator.channelPosts(guild.channels[0]?.id ?? '');
      expect(posts, guild.id).toHaveLength(1);
      expect(records.get(guild.id)?.inFlight, guild.id).toBeUndefined();
      expect(records.get(guild.id)?.lastPost?.messageId, guild.id).toBe(posts[0]?.id);
    }
    expect(emulator.rateLimitHits).toBe(0);
    expect(emulator.violations).toEqual([]);
  }, 180_000);
});

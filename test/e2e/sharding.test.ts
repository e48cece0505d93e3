import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BotProcess } from '../../emulator/bot-process.js';
import { shardIdFor, type DiscordEmulator, type GuildSpec } from '../../emulator/emulator.js';
import { dueSchedules, manyGuilds, preloadSchedules } from '../../emulator/fleet.js';
import { PROJECT_ROOT, START_FLAGS } from '../../emulator/run-bot.js';
import { RedisServer } from '../../emulator/redis-server.js';
import { callbackOf } from './callbacks.js';
import { botEnv, deployCommands, startEmulator, workspace } from './harness.js';
import { until } from './wait.js';

const MANAGE_GUILD = String(1n << 5n);

/** Four servers, two on each of 2 shards. */
const GUILDS = manyGuilds(4, true);
const channelOf = (guild: GuildSpec): string => guild.channels[0]?.id ?? '';

let redis: RedisServer;
let emulator: DiscordEmulator;
let space: ReturnType<typeof workspace>;
const running: BotProcess[] = [];

beforeAll(async () => {
  redis = await RedisServer.start();
  // Two sessions may start at once: no 5-second wait between the shards' IDENTIFYs.
  emulator = await startEmulator({ guilds: GUILDS, recommendedShards: 2, maxConcurrency: 2 });
  space = workspace();
  // Global commands: every server has them.
  const deployed = await deployCommands(botEnv(emulator, space, { DISCORD_GUILD_ID: '' }), space.dir);
  if (deployed.code !== 0) throw new Error(deployed.stderr);
}, 60_000);

afterEach(async () => {
  await Promise.all(running.splice(0).map((bot) => bot.stop()));
  expect(emulator.violations).toEqual([]);
});

afterAll(async () => {
  await emulator.stop();
  await redis.stop();
  space.cleanup();
});

/** Each server's /tips answered once, by the session of the server's shard. */
async function expectEachServerAnsweredOnce(): Promise<void> {
  for (const guild of GUILDS) {
    const handle = emulator.chatInput('tips', {}, { guildId: guild.id, channelId: channelOf(guild) });
    expect(handle.shardId).toBe(shardIdFor(guild.id, 2));
    expect(callbackOf(await handle.response()).type).toBe(4);
    expect(emulator.requests.filter((r) => r.path.includes(`/interactions/${handle.id}/`))).toHaveLength(1);
  }
}

describe('shards', () => {
  it('GIVEN two processes as shards 0 and 1 of 2 on one Redis THEN each server is served by its shard once, and each schedule posted once', async () => {
    const env = botEnv(
      emulator,
      { ...space, storeUrl: redis.url },
      { DISCORD_GUILD_ID: '', SHARD_COUNT: '2' },
    );
    await preloadSchedules(redis.url, space.dir, dueSchedules(GUILDS));
    for (const id of ['0', '1']) running.push(new BotProcess({ ...env, SHARD_IDS: id }, space.dir));
    await emulator.waitForShards(2, 30_000);
    await expectEachServerAnsweredOnce();
    await until(
      () => GUILDS.every((guild) => emulator.channelPosts(channelOf(guild)).length > 0),
      30_000,
      'a post in each server',
    );
    for (const guild of GUILDS) expect(emulator.channelPosts(channelOf(guild)), guild.id).toHaveLength(1);
    // Each process logs with its shard.
    for (const [i, bot] of running.entries())
      expect(bot.logs.find((line) => line.msg === 'connected to Discord')).toMatchObject({ shards: [i] });
  });

  it('GIVEN /schedule set in each server for the coming minute THEN the job engine posts each once at that minute, and /schedule show tells it in the process that has the server', async () => {
    // A Redis database of its own: the schedules of the test above are not in it.
    const storeUrl = `redis://127.0.0.1:${redis.port}/1`;
    const env = botEnv(emulator, { ...space, storeUrl }, { DISCORD_GUILD_ID: '', SHARD_COUNT: '2' });
    for (const id of ['0', '1']) running.push(new BotProcess({ ...env, SHARD_IDS: id }, space.dir));
    await emulator.waitForShards(2, 30_000);
    await until(
      () => running.every((bot) => bot.logs.some((line) => line.msg === 'schedules checked')),
      30_000,
      'ready',
    );
    // The next whole minute at least 10 s away: the timers are set before it.
    const slot = Math.ceil((Date.now() + 10_000) / 60_000) * 60_000;
    const time = new Date(slot).toISOString().slice(11, 16);
    const asAdmin = (guild: GuildSpec) => ({
      guildId: guild.id,
      channelId: channelOf(guild),
      memberPermissions: MANAGE_GUILD,
    });
    const before = new Map(GUILDS.map((guild) => [guild.id, emulator.channelPosts(channelOf(guild)).length]));
    for (const guild of GUILDS) {
      const set = emulator.chatInput(
        'schedule set',
        { channel: channelOf(guild), time, timezone: 'UTC', frequency: 'daily' },
        asAdmin(guild),
      );
      expect(callbackOf(await set.response()).data?.content).toContain('Tips will be posted');
    }
    await until(
      () =>
        GUILDS.every((guild) => emulator.channelPosts(channelOf(guild)).length > (before.get(guild.id) ?? 0)),
      90_000,
      'a post in each server at the slot',
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    for (const guild of GUILDS) {
      const posts = emulator.channelPosts(channelOf(guild)).slice(before.get(guild.id) ?? 0);
      expect(posts, guild.id).toHaveLength(1);
      expect(Date.parse(posts[0]?.timestamp ?? ''), guild.id).toBeGreaterThanOrEqual(slot);
      const show = callbackOf(await emulator.chatInput('schedule show', {}, asAdmin(guild)).response());
      expect(show.data?.content, guild.id).toContain('Last post: <t:');
    }
  }, 150_000);

  it('GIVEN npm run start:sharded and Discord recommending 2 shards THEN both run in processes of their own, and SIGTERM stops them all', async () => {
    const manager = new BotProcess(botEnv(emulator, space, { DISCORD_GUILD_ID: '' }), space.dir, [
      ...START_FLAGS,
      `${PROJECT_ROOT}dist/src/sharded.js`,
    ]);
    running.push(manager);
    await manager.waitForLog(/starting shards/, 20_000);
    await emulator.waitForShards(2, 60_000);
    await expectEachServerAnsweredOnce();
    const started = manager.logs.filter((line) => line.msg === 'shard process started');
    expect(started.map((line) => line.shard)).toEqual([0, 1]);
    expect(await manager.stop()).toBe(0);
    // Every shard's process stopped as the bot stops: each said so.
    expect(manager.logs.filter((line) => line.msg === 'shutting down')).toHaveLength(2);
  }, 90_000);
});

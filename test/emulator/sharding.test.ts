import { once } from 'node:events';
import { ChannelType, GatewayOpcodes } from 'discord-api-types/v10';
import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  IDS,
  shardIdFor,
  type DiscordEmulator,
  type EmulatorOptions,
  type GuildSpec,
  type InteractionHandle,
} from '../../emulator/emulator.js';
import { startEmulator } from '../e2e/harness.js';

// Guild ids one timestamp step (1 << 22) apart, so that they spread over shards as Discord's do:
// with two shards, even i lands on one shard and odd i on the other.
const BASE = 1_150_000_000_000_000_000n;
const GUILDS: GuildSpec[] = Array.from({ length: 6 }, (_, i) => ({
  id: String(BASE + (BigInt(i) << 22n)),
  name: `Guild ${i}`,
  channels: [{ id: String(BASE + (BigInt(i) << 22n) + 1n), name: 'general', type: ChannelType.GuildText }],
}));
const onShard = (shardId: number, count = 2): GuildSpec[] =>
  GUILDS.filter((g) => shardIdFor(g.id, count) === shardId);
const ids = (guilds: readonly GuildSpec[]): string[] => guilds.map((g) => g.id).sort();

let emulators: DiscordEmulator[] = [];
let clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.map((c) => c.destroy()));
  await Promise.all(emulators.map((e) => e.stop()));
  clients = [];
  emulators = [];
});

async function emulator(options: EmulatorOptions = {}): Promise<DiscordEmulator> {
  const started = await startEmulator({ guilds: GUILDS, ...options });
  emulators.push(started);
  return started;
}

function client(on: DiscordEmulator, options: Partial<ClientOptions> = {}): Client {
  const created = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: on.restUrl },
    // A guild sent to the wrong shard would otherwise only show after 15 s.
    waitGuildTimeout: 2_000,
    ...options,
  });
  clients.push(created);
  return created;
}

/** Logs in and waits for `clientReady` (every shard READY with its guilds). */
async function ready(c: Client, on: DiscordEmulator): Promise<void> {
  const isReady = once(c, Events.ClientReady);
  await c.login(on.token);
  await isReady;
}

/** Per shard id, the ids in the `t` dispatches this client received (by default INTERACTION_CREATE). */
function receivedByShard(c: Client, t = 'INTERACTION_CREATE'): Map<number, string[]> {
  const seen = new Map<number, string[]>();
  c.on(Events.Raw, (packet: { t?: string; d?: { id?: string } }, shardId: number) => {
    if (packet.t !== t) return;
    seen.set(shardId, [...(seen.get(shardId) ?? []), packet.d?.id ?? '']);
  });
  return seen;
}

/** Answers every /ping with "pong from shard N" (the guild's shard as the client knows it). */
function answerPings(c: Client): void {
  c.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    void interaction.reply({
      content: `pong from shard ${interaction.guild?.shardId ?? -1}`,
      allowedMentions: { parse: [] },
    });
  });
}

async function registerPing(c: Client): Promise<void> {
  await c.application?.commands.set([{ name: 'ping', description: 'Replies with pong' }]);
}

/** A member runs /ping in the first channel of `guild`. */
function pingIn(on: DiscordEmulator, guild: GuildSpec): InteractionHandle {
  return on.chatInput('ping', {}, { guildId: guild.id, channelId: guild.channels[0]?.id ?? '' });
}

function callbacksFor(on: DiscordEmulator, interactionId: string) {
  return on.requests.filter(
    (r) => r.method === 'POST' && r.path.startsWith(`/interactions/${interactionId}/`),
  );
}

describe('sharding: one process, two shards', () => {
  it('GIVEN shards [0, 1] of 2 THEN each guild arrives on its shard, and an interaction only on its guild shard, answered once', async () => {
    const on = await emulator({ maxConcurrency: 2, heartbeatIntervalMs: 500 });
    const bot = client(on, { shards: [0, 1], shardCount: 2 });
    const received = receivedByShard(bot);
    answerPings(bot);
    await ready(bot, on);
    await on.waitForShards(2);

    expect(onShard(0).length).toBeGreaterThan(0);
    expect(onShard(1).length).toBeGreaterThan(0);
    for (const guild of GUILDS) {
      const cached = bot.guilds.cache.get(guild.id);
      expect(cached?.available, guild.id).toBe(true);
      expect(cached?.shardId, guild.id).toBe(shardIdFor(guild.id, 2));
    }

    // Two sessions, each with its own id and sequence, READY echoing its shard, its guilds only.
    const sessions = on.sessionsByShard;
    expect([...sessions.keys()].sort()).toEqual([0, 1]);
    expect(sessions.get(0)?.shard).toEqual([0, 2]);
    expect(sessions.get(1)?.shard).toEqual([1, 2]);
    expect(sessions.get(0)?.sessionId).not.toBe(sessions.get(1)?.sessionId);
    expect([...(sessions.get(1)?.guildIds ?? [])].sort()).toEqual(ids(onShard(1)));
    for (const shardId of [0, 1]) {
      const creates = on.dispatches.filter((d) => d.t === 'GUILD_CREATE' && d.shardId === shardId);
      expect(creates.map((d) => d.guildId).sort()).toEqual(ids(onShard(shardId)));
      const readyEvent = on.dispatches.find((d) => d.t === 'READY' && d.shardId === shardId);
      expect(readyEvent?.s).toBe(1);
    }

    await registerPing(bot);
    const target = onShard(1)[0];
    if (target === undefined) throw new Error('no guild on shard 1');
    const interaction = pingIn(on, target);
    expect(interaction.shardId).toBe(1);
    const response = await interaction.response();
    expect((response.body as { data?: { content?: string } }).data?.content).toBe('pong from shard 1');
    expect(received.get(1)).toEqual([interaction.id]);
    expect(received.get(0)).toBeUndefined();
    expect(callbacksFor(on, interaction.id)).toHaveLength(1);
    expect(on.dispatches.filter((d) => d.t === 'INTERACTION_CREATE').map((d) => d.shardId)).toEqual([1]);

    // And one for a guild of shard 0 goes to shard 0.
    const other = onShard(0)[0];
    if (other === undefined) throw new Error('no guild on shard 0');
    const second = pingIn(on, other);
    expect(second.shardId).toBe(0);
    await second.response();
    expect(received.get(0)).toEqual([second.id]);
    expect(callbacksFor(on, second.id)).toHaveLength(1);

    // Heartbeats are acknowledged per session.
    await until(() => [...on.sessionsByShard.values()].every((s) => s.heartbeats > 0), 3_000);
    expect(on.violations).toEqual([]);
    expect(on.closeCodes).toEqual([]);
  });

  it('GIVEN op 7 to shard 1 only THEN shard 1 resumes its own session while shard 0 keeps its own', async () => {
    const on = await emulator({ maxConcurrency: 2 });
    const bot = client(on, { shards: [0, 1], shardCount: 2 });
    answerPings(bot);
    const resumed: number[] = [];
    bot.on(Events.ShardResume, (shardId) => resumed.push(shardId));
    await ready(bot, on);
    await registerPing(bot);
    const before = on.sessionsByShard;

    on.requestReconnect(1);
    await until(() => on.resumeCount === 1, 5_000);
    await on.waitForShards(2);
    await until(() => resumed.length === 1, 5_000);
    expect(resumed).toEqual([1]);
    const after = on.sessionsByShard;
    expect(after.get(0)?.sessionId).toBe(before.get(0)?.sessionId);
    expect(after.get(1)?.sessionId).toBe(before.get(1)?.sessionId);
    expect(on.identifyCount).toBe(2);
    expect(on.dispatches.filter((d) => d.t === 'RESUMED').map((d) => d.shardId)).toEqual([1]);

    const target = onShard(1)[0];
    if (target === undefined) throw new Error('no guild on shard 1');
    const interaction = pingIn(on, target);
    await interaction.response();
    expect(callbacksFor(on, interaction.id)).toHaveLength(1);
  });

  it('GIVEN dispatchEvent THEN a guild event goes to its guild shard and a guild-less one to shard 0', async () => {
    const on = await emulator({ maxConcurrency: 2 });
    const bot = client(on, { shards: [0, 1], shardCount: 2 });
    const deletes = receivedByShard(bot, 'GUILD_DELETE');
    const userUpdates = receivedByShard(bot, 'USER_UPDATE');
    await ready(bot, on);
    const gone = onShard(1)[1];
    if (gone === undefined) throw new Error('no second guild on shard 1');

    expect(on.dispatchEvent('GUILD_DELETE', { id: gone.id, unavailable: true }).shardId).toBe(1);
    await until(() => bot.guilds.cache.get(gone.id)?.available === false, 3_000);
    expect(deletes.get(1)).toEqual([gone.id]);
    expect(deletes.get(0)).toBeUndefined();

    const user = {
      id: IDS.application,
      username: 'career-tips',
      discriminator: '0000',
      avatar: null,
      bot: true,
    };
    expect(on.dispatchEvent('USER_UPDATE', user)).toMatchObject({ shardId: 0, guildId: undefined });
    await until(() => userUpdates.size > 0, 3_000);
    expect([...userUpdates.keys()]).toEqual([0]);
  });

  it("GIVEN shards: 'auto' and a recommendation of 3 THEN the client opens three shards", async () => {
    const on = await emulator({ recommendedShards: 3, maxConcurrency: 3 });
    const bot = client(on, { shards: 'auto' });
    await ready(bot, on);
    await on.waitForShards(3);
    expect([...on.sessionsByShard.values()].map((s) => s.shard).sort()).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    for (const guild of GUILDS) expect(bot.guilds.cache.get(guild.id)?.shardId).toBe(shardIdFor(guild.id, 3));
  });
});

describe('sharding: two processes, one shard each', () => {
  it('GIVEN one client with shards [0] and another with [1], of 2 THEN each gets only its guilds and its interactions', async () => {
    const on = await emulator();
    const first = client(on, { shards: [0], shardCount: 2 });
    const second = client(on, { shards: [1], shardCount: 2 });
    const firstGot = receivedByShard(first);
    const secondGot = receivedByShard(second);
    answerPings(first);
    answerPings(second);
    await Promise.all([ready(first, on), ready(second, on)]);
    await on.waitForShards(2);

    expect([...first.guilds.cache.keys()].sort()).toEqual(ids(onShard(0)));
    expect([...second.guilds.cache.keys()].sort()).toEqual(ids(onShard(1)));
    expect(first.guilds.cache.every((g) => g.available && g.shardId === 0)).toBe(true);
    expect(second.guilds.cache.every((g) => g.available && g.shardId === 1)).toBe(true);

    await registerPing(first);
    const target = onShard(1)[0];
    if (target === undefined) throw new Error('no guild on shard 1');
    const interaction = pingIn(on, target);
    const response = await interaction.response();
    expect((response.body as { data?: { content?: string } }).data?.content).toBe('pong from shard 1');
    expect(secondGot.get(1)).toEqual([interaction.id]);
    expect(firstGot.size).toBe(0);
    expect(callbacksFor(on, interaction.id)).toHaveLength(1);

    const home = onShard(0)[0];
    if (home === undefined) throw new Error('no guild on shard 0');
    const back = pingIn(on, home);
    expect((await back.response()).body).toMatchObject({ data: { content: 'pong from shard 0' } });
    expect(firstGot.get(0)).toEqual([back.id]);
    expect(secondGot.get(1)).toEqual([interaction.id]);
    expect(on.violations).toEqual([]);
  });
});

describe('sharding: /gateway/bot', () => {
  async function gatewayBot(on: DiscordEmulator): Promise<unknown> {
    const response = await fetch(`${on.restUrl}/v10/gateway/bot`, {
      headers: { authorization: `Bot ${on.token}` },
    });
    expect(response.status).toBe(200);
    return response.json();
  }

  it('GIVEN no sharding options THEN one shard, max_concurrency 1', async () => {
    const on = await emulator();
    expect(await gatewayBot(on)).toEqual({
      url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+$/) as unknown,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
    });
  });

  it('GIVEN a recommendation, a concurrency and a session limit THEN reports them, and each session started uses one', async () => {
    const on = await emulator({
      recommendedShards: 4,
      maxConcurrency: 2,
      sessionStartLimit: { total: 100, remaining: 50, resetAfter: 3_600_000 },
    });
    expect(await gatewayBot(on)).toMatchObject({
      shards: 4,
      session_start_limit: { total: 100, remaining: 50, reset_after: 3_600_000, max_concurrency: 2 },
    });
    const bot = client(on, { shards: [0, 1], shardCount: 2 });
    await ready(bot, on);
    expect(await gatewayBot(on)).toMatchObject({ session_start_limit: { remaining: 48 } });
  });
});

describe('sharding: close codes', () => {
  it('GIVEN a client identifying as shard [2, 2] THEN 4010 Invalid shard', async () => {
    const on = await emulator();
    const bot = client(on, { shards: [2], shardCount: 2 });
    await expect(bot.login(on.token)).rejects.toThrow(/Invalid shard/);
    expect(on.closeCodes).toEqual([4010]);
    expect(on.closes[0]?.shard).toEqual([2, 2]);
    expect(on.sessionsByShard.size).toBe(0);
  });

  it('GIVEN requireShards: 2 THEN a one-shard client gets 4011 and a two-shard client connects', async () => {
    const on = await emulator({ requireShards: 2, maxConcurrency: 2 });
    const single = client(on);
    await expect(single.login(on.token)).rejects.toThrow(/Sharding is required/);
    expect(on.closeCodes).toEqual([4011]);
    expect(on.closes[0]?.shard).toEqual([0, 1]);

    const sharded = client(on, { shards: [0, 1], shardCount: 2 });
    await ready(sharded, on);
    expect(sharded.guilds.cache.size).toBe(GUILDS.length);
    expect(on.closeCodes).toEqual([4011]);
  });

  it('GIVEN raw IDENTIFYs THEN [0, 0] and [-1, 2] get 4010, and no shard at all means [0, 1]', async () => {
    const on = await emulator();
    expect(await identifyRaw(on, [0, 0])).toEqual({ close: 4010 });
    expect(await identifyRaw(on, [-1, 2])).toEqual({ close: 4010 });
    expect(await identifyRaw(on, undefined)).toEqual({ ready: [0, 1], guilds: GUILDS.length });
    expect(on.closeCodes).toEqual([4010, 4010]);
  });
});

/** Opens a gateway socket, IDENTIFYs with `shard`, and reports the READY or the close code. */
async function identifyRaw(
  on: DiscordEmulator,
  shard: unknown,
): Promise<{ close: number } | { ready: unknown; guilds: number }> {
  const ws = new WebSocket(on.restUrl.replace(/^http/, 'ws').replace(/\/api$/, '/?v=10&encoding=json'));
  try {
    return await new Promise((resolve, reject) => {
      ws.on('error', reject);
      ws.on('close', (code) => resolve({ close: code }));
      ws.on('message', (raw: Buffer) => {
        const packet = JSON.parse(raw.toString()) as { op: number; t?: string; d: Record<string, unknown> };
        if (packet.op === (GatewayOpcodes.Hello as number)) {
          ws.send(
            JSON.stringify({
              op: GatewayOpcodes.Identify,
              d: {
                token: on.token,
                intents: 1,
                properties: { os: 'linux', browser: 'test', device: 'test' },
                ...(shard === undefined ? {} : { shard }),
              },
            }),
          );
        } else if (packet.t === 'READY') {
          resolve({ ready: packet.d.shard, guilds: (packet.d.guilds as unknown[]).length });
        }
      });
    });
  } finally {
    ws.terminate();
  }
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

import { ChannelType } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/adapters/logger.js';
import { openStores } from '../../src/adapters/store.js';
import type { ScheduleRecord } from '../../src/core/schedule-record.js';
import { IDS, type DiscordEmulator, type RecordedRequest } from '../../emulator/emulator.js';
import type { BotProcess } from '../../emulator/bot-process.js';
import { botEnv, deployCommands, startBot, startEmulator, workspace } from './harness.js';
import { until } from './wait.js';

const LOCKED = '1100000000000000007';
const DOOMED = '1100000000000000008';
const SPARE = '1100000000000000009';
const FRESH = '1100000000000000010';
/** A server whose GUILD_CREATE leaves out the bot's own member, and a server the bot is not in. */
const SPARSE_GUILD = '1100000000000000011';
const SPARSE_CHANNEL = '1100000000000000012';
const NOT_JOINED_GUILD = '1100000000000000013';
const EPHEMERAL = 64;
const MANAGE_GUILD = String(1n << 5n);

let emulator: DiscordEmulator;
let bot: BotProcess | undefined;
let space: ReturnType<typeof workspace>;
let env: Record<string, string>;

interface Callback {
  type: number;
  data?: { content?: string; flags?: number; embeds?: { title?: string }[] };
}
const callbackOf = (request: RecordedRequest) => request.body as Callback;

async function run(
  line: string,
  values: Record<string, string | number | boolean> = {},
  permissions = MANAGE_GUILD,
): Promise<Callback> {
  return callbackOf(await emulator.chatInput(line, values, { memberPermissions: permissions }).response());
}

/** Writes schedules straight into the bot's store, as an earlier run of the bot would have left them. */
async function preload(records: ScheduleRecord[]): Promise<void> {
  const stores = openStores(space.storeUrl, createLogger({ level: 'silent' }), space.dir);
  for (const record of records) await stores.schedules.set(record.guildId, record);
  await stores.close();
}

async function readSchedule(guildId: string = IDS.guild): Promise<ScheduleRecord | undefined> {
  const stores = openStores(space.storeUrl, createLogger({ level: 'silent' }), space.dir);
  const record = await stores.schedules.get(guildId);
  await stores.close();
  return record;
}

function record(overrides: Partial<ScheduleRecord> = {}): ScheduleRecord {
  return {
    guildId: IDS.guild,
    channelId: IDS.channel,
    time: '09:00',
    timezone: 'UTC',
    frequency: 'daily',
    nextRunAt: Date.now() - 1000,
    rotation: { seed: 12345, posted: [] },
    updatedAt: Date.now(),
    ...overrides,
  };
}

beforeAll(async () => {
  emulator = await startEmulator({
    guilds: [
      {
        id: IDS.guild,
        name: 'Engineers',
        channels: [
          { id: IDS.channel, name: 'general', type: ChannelType.GuildText },
          { id: IDS.voiceChannel, name: 'voice', type: ChannelType.GuildVoice },
          { id: LOCKED, name: 'locked', type: ChannelType.GuildText, botDeny: (1n << 14n) | (1n << 16n) },
          { id: DOOMED, name: 'doomed', type: ChannelType.GuildText },
          { id: SPARE, name: 'spare', type: ChannelType.GuildText },
          { id: FRESH, name: 'fresh', type: ChannelType.GuildText },
        ],
      },
      {
        id: SPARSE_GUILD,
        name: 'Sparse',
        omitBotMember: true,
        channels: [{ id: SPARSE_CHANNEL, name: 'tips', type: ChannelType.GuildText }],
      },
    ],
  });
  space = workspace();
  env = botEnv(emulator, space);
  // In the test server, and globally for the other servers.
  for (const guild of [IDS.guild, '']) {
    const deployed = await deployCommands({ ...env, DISCORD_GUILD_ID: guild }, space.dir);
    if (deployed.code !== 0) throw new Error(deployed.stderr);
  }
  bot = await startBot(emulator, env, space.dir);
}, 60_000);

afterEach(() => {
  expect(emulator.violations).toEqual([]);
});

afterAll(async () => {
  await bot?.stop();
  await emulator.stop();
  space.cleanup();
});

describe('/schedule commands', () => {
  it('GIVEN a member without Manage Server THEN every subcommand is refused ephemerally', async () => {
    const answer = await run('schedule show', {}, String(1n << 11n));
    expect((answer.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(answer.data?.content).toMatch(/Manage Server/);
  });

  it('GIVEN bad input THEN an ephemeral message says what is accepted', async () => {
    const base = { channel: IDS.channel, time: '09:00', timezone: 'Europe/Berlin', frequency: 'daily' };
    expect((await run('schedule set', { ...base, time: '25:00' })).data?.content).toMatch(/24-hour HH:MM/);
    expect((await run('schedule set', { ...base, timezone: 'Mars/Olympus' })).data?.content).toMatch(
      /IANA name such as Europe\/Berlin/,
    );
    expect((await run('schedule set', { ...base, channel: IDS.voiceChannel })).data?.content).toMatch(
      /text or announcement channel/,
    );
    expect((await run('schedule set', { ...base, frequency: 'weekly' })).data?.content).toMatch(
      /Weekly posts need a `day`/,
    );
    expect((await run('schedule set', { ...base, channel: LOCKED })).data?.content).toMatch(
      /missing \*\*Embed Links\*\*, \*\*Read Message History\*\* there/,
    );
    expect(await readSchedule()).toBeUndefined();
  });

  it('GIVEN the timezone option THEN autocompletes IANA zones', async () => {
    const response = await emulator.autocomplete('schedule set', 'timezone', { timezone: 'berl' }).response();
    expect((response.body as { data: { choices: unknown[] } }).data.choices).toEqual([
      { name: 'Europe/Berlin', value: 'Europe/Berlin' },
    ]);
  });

  it('GIVEN a valid schedule THEN saves it and answers with the next time in the zone and as a Discord timestamp', async () => {
    const answer = await run('schedule set', {
      channel: IDS.channel,
      time: '9:00',
      timezone: 'europe/berlin',
      frequency: 'weekly',
      day: 'monday',
    });
    expect((answer.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(answer.data?.content).toMatch(
      /Tips will be posted in <#1100000000000000003> every Monday at 09:00 \(Europe\/Berlin\)\. Next post: Monday \d+ \w+ \d{4}, 09:00 \(Europe\/Berlin\), <t:\d+:F>\./,
    );
    const saved = await readSchedule();
    expect(saved).toMatchObject({
      channelId: IDS.channel,
      time: '09:00',
      timezone: 'Europe/Berlin',
      frequency: 'weekly',
      day: 'monday',
    });
    expect(new Date(saved?.nextRunAt ?? 0).getUTCDay()).toBe(1);

    expect((await run('schedule show')).data?.content).toMatch(
      /every Monday at 09:00[\s\S]*Next post:[\s\S]*Nothing posted yet/,
    );
    const preview = await run('schedule preview');
    expect((preview.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(preview.data?.embeds?.[0]?.title).toBeDefined();
    expect((await run('schedule pause')).data?.content).toMatch(/paused/);
    expect((await run('schedule show')).data?.content).toMatch(
      /\*\*Paused\*\* since <t:\d+:F>: paused by <@1100000000000000004>/,
    );
    expect((await run('schedule resume')).data?.content).toMatch(/resumed\. Next post:/);
    expect((await run('schedule remove')).data?.content).toMatch(/removed/);
    expect(await readSchedule()).toBeUndefined();
  });
});

describe('servers seen in part', () => {
  it("GIVEN GUILD_CREATE without the bot's own member THEN set fetches it and checks the channel with it", async () => {
    const base = { channel: SPARSE_CHANNEL, time: '09:00', timezone: 'UTC', frequency: 'daily' };
    const admin = { guildId: SPARSE_GUILD, channelId: SPARSE_CHANNEL, memberPermissions: MANAGE_GUILD };
    const answer = await emulator.chatInput('schedule set', base, admin).response();
    expect(callbackOf(answer).data?.content).toMatch(/Tips will be posted in <#1100000000000000012>/);
    expect(
      emulator.requests.some(
        (r) => r.method === 'GET' && r.path === `/guilds/${SPARSE_GUILD}/members/${IDS.application}`,
      ),
    ).toBe(true);
    expect(await readSchedule(SPARSE_GUILD)).toMatchObject({ channelId: SPARSE_CHANNEL });
    await emulator.chatInput('schedule remove', {}, admin).response();
  });

  it('GIVEN a server where only the commands are installed (the bot is not a member) THEN says to invite the bot', async () => {
    const answer = callbackOf(
      await emulator
        .chatInput('schedule show', {}, { guildId: NOT_JOINED_GUILD, memberPermissions: MANAGE_GUILD })
        .response(),
    );
    expect((answer.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(answer.data?.content).toMatch(/not a member of this server.*invite me with the \*\*bot\*\* scope/);
  });
});

describe('posting', () => {
  it('GIVEN a schedule set for the coming minute THEN its post arrives on time, once, without mentions', async () => {
    const now = new Date();
    // At least 10 s ahead, so that a slow machine has saved the schedule before the slot comes.
    const slot = new Date(Math.ceil((now.getTime() + 10_000) / 60_000) * 60_000);
    const time = `${String(slot.getUTCHours()).padStart(2, '0')}:${String(slot.getUTCMinutes()).padStart(2, '0')}`;
    await run('schedule set', { channel: SPARE, time, timezone: 'UTC', frequency: 'daily' });
    await until(() => emulator.channelPosts(SPARE).length > 0, 85_000, 'the scheduled post', emulator);
    const post = emulator.requests.find(
      (r) => r.method === 'POST' && r.path === `/channels/${SPARE}/messages`,
    );
    expect(post?.at).toBeGreaterThanOrEqual(slot.getTime());
    expect(post?.at).toBeLessThan(slot.getTime() + 5000);
    const body = post?.body as {
      nonce: string;
      enforce_nonce: boolean;
      allowed_mentions: unknown;
      embeds: { title: string }[];
    };
    expect(body.enforce_nonce).toBe(true);
    expect(body.nonce.length).toBeLessThanOrEqual(25);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(emulator.channelPosts(SPARE)).toHaveLength(1);
    expect((await run('schedule show')).data?.content).toMatch(/Last post: <t:\d+:F>, “/);
    await run('schedule remove');
  }, 100_000);

  it('GIVEN restarts mid-rotation THEN all 4 tips are posted once before any repeats', async () => {
    const titles: string[] = [];
    let rotation = { seed: 99, posted: [] as readonly string[] };
    for (let i = 0; i < 4; i++) {
      await bot?.stop();
      // Each run has its own slot (a minute apart); one slot is posted once whatever happens.
      await preload([record({ nextRunAt: Date.now() - (i + 1) * 60_000, rotation })]);
      const before = emulator.channelPosts(IDS.channel).length;
      bot = await startBot(emulator, env, space.dir);
      await until(() => emulator.channelPosts(IDS.channel).length > before, 10_000, 'a post', emulator);
      await bot.stop();
      const saved = await readSchedule();
      expect(saved?.inFlight).toBeUndefined();
      rotation = saved?.rotation ?? rotation;
      titles.push(emulator.channelPosts(IDS.channel).at(-1)?.embeds[0]?.title ?? '');
    }
    expect(new Set(titles).size).toBe(4);
    expect(rotation.posted).toHaveLength(4);
    bot = await startBot(emulator, env, space.dir);
  }, 60_000);

  it('GIVEN a slot that was in flight when the bot died, already delivered THEN the restart sends it with the same nonce and Discord keeps one', async () => {
    await bot?.stop();
    const slot = 'crashslot1';
    const tipId = 'software-engineer-to-engineering-leader/tips/2';
    // The crashed process's request, which reached Discord before the kill:
    await fetch(`${emulator.restUrl}/v10/channels/${SPARE}/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${emulator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        content: 'first attempt',
        nonce: slot,
        enforce_nonce: true,
        allowed_mentions: { parse: [] },
      }),
    });
    const before = emulator.channelPosts(SPARE).length;
    await preload([
      record({
        channelId: SPARE,
        inFlight: { slot, slotAt: Date.now() - 5000, tipId, startedAt: Date.now() - 5000, attempts: 0 },
      }),
    ]);
    bot = await startBot(emulator, env, space.dir);
    await emulator.waitForRequest(
      (r) =>
        r.method === 'POST' &&
        r.path === `/channels/${SPARE}/messages` &&
        (r.body as { nonce?: string }).nonce === slot &&
        r.at > Date.now() - 10_000,
    );
    await slotDone(5000);
    expect(emulator.channelPosts(SPARE)).toHaveLength(before);
  });

  it('GIVEN an in-flight slot older than Discord remembers nonces, already posted THEN finds the post in history and posts nothing', async () => {
    await bot?.stop();
    const tipId = 'software-engineer-to-engineering-leader/tips/1';
    const startedAt = Date.now() - 10 * 60_000;
    await fetch(`${emulator.restUrl}/v10/channels/${SPARE}/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${emulator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        embeds: [{ title: 'Develop your leadership skills' }],
        allowed_mentions: { parse: [] },
      }),
    });
    const before = emulator.channelPosts(SPARE).length;
    await preload([
      record({
        channelId: SPARE,
        inFlight: { slot: 'oldslot1', slotAt: startedAt, tipId, startedAt, attempts: 0 },
      }),
    ]);
    bot = await startBot(emulator, env, space.dir);
    await slotDone(10_000);
    expect(emulator.channelPosts(SPARE)).toHaveLength(before);
    expect(
      emulator.requests.some((r) => r.method === 'GET' && r.path === `/channels/${SPARE}/messages`),
    ).toBe(true);
  });

  it('GIVEN an in-flight slot older than nonce memory, never delivered THEN posts it once', async () => {
    await bot?.stop();
    const startedAt = Date.now() - 10 * 60_000;
    const before = emulator.channelPosts(FRESH).length;
    await preload([
      record({
        channelId: FRESH,
        inFlight: {
          slot: 'oldslot2',
          slotAt: startedAt,
          tipId: 'software-engineer-to-engineering-leader/tips/3',
          startedAt,
          attempts: 1,
        },
      }),
    ]);
    bot = await startBot(emulator, env, space.dir);
    await until(() => emulator.channelPosts(FRESH).length === before + 1, 10_000, 'the post', emulator);
    expect(emulator.channelPosts(FRESH).at(-1)?.embeds[0]?.title).toBe(
      'Network with other engineering leaders',
    );
  });

  it('GIVEN a slot missed by more than the grace THEN it is skipped and logged, not posted', async () => {
    await bot?.stop();
    const before = emulator.channelPosts(SPARE).length;
    await preload([record({ channelId: SPARE, nextRunAt: Date.now() - 2 * 3_600_000 })]);
    bot = await startBot(emulator, env, space.dir);
    await bot.waitForLog(/skipped a tip post that was too late/, 10_000);
    expect(emulator.channelPosts(SPARE)).toHaveLength(before);
    expect((await waitForSchedule()).nextRunAt).toBeGreaterThan(Date.now());
  });

  it('GIVEN 429 and 5xx answers on a post THEN it is retried and delivered exactly once', async () => {
    await bot?.stop();
    emulator.failNext({
      method: 'POST',
      path: new RegExp(`^/channels/${SPARE}/messages$`),
      status: 429,
      retryAfter: 0.2,
    });
    emulator.failNext({
      method: 'POST',
      path: new RegExp(`^/channels/${SPARE}/messages$`),
      status: 502,
      times: 2,
    });
    const before = emulator.channelPosts(SPARE).length;
    // A slot of its own: an earlier test posted in this channel in the current minute.
    await preload([record({ channelId: SPARE, nextRunAt: Date.now() - 7 * 60_000 })]);
    bot = await startBot(emulator, env, space.dir);
    await until(() => emulator.channelPosts(SPARE).length === before + 1, 15_000, 'the post', emulator);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(emulator.channelPosts(SPARE)).toHaveLength(before + 1);
  }, 30_000);

  it('GIVEN the bot lost Send Messages in the channel (50013) THEN the schedule pauses with that reason', async () => {
    const channel = emulator.guilds[0]?.channels.find((c) => c.id === FRESH);
    if (channel === undefined) throw new Error('no channel');
    await restartUntilPaused(FRESH, 403, Date.now() - 3 * 60_000, () => (channel.botDeny = 1n << 11n));
    expect((await run('schedule show')).data?.content).toMatch(
      /\*\*Paused\*\*.*lacks a permission to post there \(Missing Permissions\)/,
    );
    // resume checks the channel again and names what is still missing.
    expect((await run('schedule resume')).data?.content).toMatch(/missing \*\*Send Messages\*\*/);
    delete channel.botDeny;
  });

  it('GIVEN the channel was deleted THEN the schedule pauses with the reason, shown by /schedule show, and nothing more is tried', async () => {
    await restartUntilPaused(DOOMED, 404, Date.now() - 1000, () => emulator.deleteChannel(DOOMED));
    const show = await run('schedule show');
    expect(show.data?.content).toMatch(
      /\*\*Paused\*\* since <t:\d+:F>: the channel was deleted \(Unknown Channel\)/,
    );
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(emulator.requests.filter((r) => r.path === `/channels/${DOOMED}/messages`)).toHaveLength(1);
    expect((await run('schedule resume')).data?.content).toMatch(/no longer exists/);
  });
});

/**
 * Restarts the bot with a due schedule for `channelId` after `prepare` (which makes Discord refuse
 * the channel), and waits for the refused post (`status`) and the logged pause.
 */
async function restartUntilPaused(
  channelId: string,
  status: number,
  nextRunAt: number,
  prepare: () => void,
): Promise<void> {
  await bot?.stop();
  await preload([record({ channelId, nextRunAt })]);
  prepare();
  bot = await startBot(emulator, env, space.dir);
  await until(
    () => emulator.requests.some((r) => r.path === `/channels/${channelId}/messages` && r.status === status),
    10_000,
    'the refused post',
  );
  await bot.waitForLog(/paused a schedule/, 5000);
}

/** Waits until the stored schedule has no slot in flight any more. */
async function slotDone(timeoutMs: number): Promise<ScheduleRecord> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const saved = await readSchedule();
    if (saved !== undefined && saved.inFlight === undefined && saved.lastPost !== undefined) return saved;
    if (Date.now() > deadline) throw new Error(`slot still in flight: ${JSON.stringify(saved)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function waitForSchedule(): Promise<ScheduleRecord> {
  for (let i = 0; i < 100; i++) {
    const saved = await readSchedule();
    if (saved !== undefined && saved.nextRunAt > Date.now()) return saved;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('schedule not advanced');
}

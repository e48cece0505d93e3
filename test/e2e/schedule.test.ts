import { ChannelType } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ScheduleRecord } from '../../src/core/schedule-record.js';
import { slotId } from '../../src/core/schedule.js';
import { IDS, type DiscordEmulator, type RecordedRequest } from '../../emulator/emulator.js';
import type { BotProcess } from '../../emulator/bot-process.js';
import { farDailyTime } from '../../emulator/fleet.js';
import {
  botEnv,
  deployInServerAndGlobally,
  startBot,
  startEmulator,
  withSchedules,
  workspace,
} from './harness.js';
import { until } from './wait.js';

const LOCKED = '1100000000000000007';
const DOOMED = '1100000000000000008';
const SPARE = '1100000000000000009';
/** A server whose GUILD_CREATE leaves out the bot's own member, and a server the bot is not in. */
const SPARSE_GUILD = '1100000000000000011';
const SPARSE_CHANNEL = '1100000000000000012';
const NOT_JOINED_GUILD = '1100000000000000013';
/** A server whose schedule is in the store before the bot first starts, due a few seconds later. */
const POSTING_GUILD = '1100000000000000014';
const POSTING_CHANNEL = '1100000000000000015';
/** The tips of content/, in the order the rotation of seed 12345 walks them. */
const ROTATION_12345 = [
  'Network with other engineering leaders',
  'Volunteer for leadership opportunities',
  'Develop your leadership skills',
  'Seek out mentorship',
];
const EPHEMERAL = 64;
const MANAGE_GUILD = String(1n << 5n);

let emulator: DiscordEmulator;
let bot: BotProcess | undefined;
let space: ReturnType<typeof workspace>;
let env: Record<string, string>;
/** The first slot of POSTING_GUILD, and when the first bot process was ready. */
let firstSlot: number;
let firstReadyAt: number;

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
  await withSchedules(space, async (schedules) => {
    for (const record of records) await schedules.set(record.guildId, record);
  });
}

async function readSchedule(guildId: string = IDS.guild): Promise<ScheduleRecord | undefined> {
  return withSchedules(space, (schedules) => schedules.get(guildId));
}

/** A daily time half a day away, so that the run after a test's slot never comes during the tests. */
const FAR_TIME = farDailyTime();

function record(overrides: Partial<ScheduleRecord> = {}): ScheduleRecord {
  return {
    guildId: IDS.guild,
    channelId: IDS.channel,
    time: FAR_TIME,
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
        ],
      },
      {
        id: SPARSE_GUILD,
        name: 'Sparse',
        omitBotMember: true,
        channels: [{ id: SPARSE_CHANNEL, name: 'tips', type: ChannelType.GuildText }],
      },
      {
        id: POSTING_GUILD,
        name: 'Posting',
        channels: [{ id: POSTING_CHANNEL, name: 'tips', type: ChannelType.GuildText }],
      },
    ],
  });
  space = workspace();
  env = botEnv(emulator, space);
  await deployInServerAndGlobally(env, space.dir);
  // Due a few seconds from now, as an earlier run of the bot would have left it: no wait for a
  // wall-clock minute, and the slot is likely still ahead when the bot is up.
  firstSlot = Date.now() + 3000;
  await preload([
    record({
      guildId: POSTING_GUILD,
      channelId: POSTING_CHANNEL,
      nextRunAt: firstSlot,
      rotation: { seed: 12345, posted: [] },
    }),
  ]);
  bot = await startBot(emulator, env, space.dir);
  firstReadyAt = Date.now();
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
    // Part of a zone's name, as the autocomplete matches it: the zone is named, not only an example.
    expect((await run('schedule set', { ...base, timezone: 'berlin' })).data?.content).toMatch(
      /^“berlin” is not a time zone I know\. Did you mean Europe\/Berlin\? Use an IANA name/,
    );
    expect((await run('schedule set', { ...base, timezone: '+05:30' })).data?.content).toMatch(
      /No zone has UTC\+05:30 all year: choose a place's zone, e\.g\. Asia\/Kolkata/,
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

  it('GIVEN a UTC offset THEN the autocomplete offers its Etc zone first, and set stores it, saying it keeps that offset all year', async () => {
    const response = await emulator
      .autocomplete('schedule set', 'timezone', { timezone: 'gmt+2' })
      .response();
    const choices = (response.body as { data: { choices: { value: string }[] } }).data.choices;
    expect(choices[0]).toEqual({ name: 'Etc/GMT-2', value: 'Etc/GMT-2' });
    const answer = await run('schedule set', {
      channel: IDS.channel,
      time: '09:00',
      timezone: 'UTC+2',
      frequency: 'daily',
    });
    expect(answer.data?.content).toMatch(/\(Etc\/GMT-2\)[\s\S]*Etc\/GMT-2 is UTC\+02:00 all year/);
    expect(await readSchedule()).toMatchObject({ timezone: 'Etc/GMT-2' });
    expect((await run('schedule remove')).data?.content).toMatch(/removed/);
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
      /Tips will be posted in <#1100000000000000003> every Monday at 09:00 \(Europe\/Berlin\)\. Next post: Monday \d+ \w+ \d{4}, 09:00 \(Europe\/Berlin\); your time: <t:\d+:F>\./,
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
    expect(preview.data?.content).toBe('The next tip for <#1100000000000000003>:');
    // The rotation's seed is random: its first tip is one of the four.
    expect(ROTATION_12345).toContain(preview.data?.embeds?.[0]?.title);
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
  it('GIVEN a schedule due in the store at start THEN its post arrives on time through discord.js, once, with the slot id as enforced nonce and without mentions', async () => {
    await until(
      () => emulator.channelPosts(POSTING_CHANNEL).length > 0,
      15_000,
      'the scheduled post',
      emulator,
    );
    const post = emulator.requests.find(
      (r) => r.method === 'POST' && r.path === `/channels/${POSTING_CHANNEL}/messages`,
    );
    // At the slot, or as soon as the bot was up if it came up later.
    expect(post?.at).toBeGreaterThanOrEqual(firstSlot);
    // Loose: this slot and not a later one; a loaded machine can hold the bot up for seconds.
    expect(post?.at).toBeLessThan(Math.max(firstSlot, firstReadyAt) + 20_000);
    expect(post?.body).toMatchObject({
      nonce: slotId(POSTING_GUILD, new Date(firstSlot)),
      enforce_nonce: true,
      allowed_mentions: { parse: [] },
      embeds: [{ title: ROTATION_12345[0] }],
    });
    const saved = await storedWhen(POSTING_GUILD, (r) => r.lastPost?.slotAt === firstSlot, 5000);
    expect(saved.inFlight).toBeUndefined();
    expect(emulator.channelPosts(POSTING_CHANNEL)).toHaveLength(1);
    const show = await emulator
      .chatInput(
        'schedule show',
        {},
        { guildId: POSTING_GUILD, channelId: POSTING_CHANNEL, memberPermissions: MANAGE_GUILD },
      )
      .response();
    expect(callbackOf(show).data?.content).toMatch(
      /Last post: <t:\d+:F>, “Network with other engineering leaders”\./,
    );
  });

  it('GIVEN a restart mid-rotation THEN the next slot posts the next tip of the stored rotation', async () => {
    await bot?.stop();
    const saved = await readSchedule(POSTING_GUILD);
    if (saved === undefined) throw new Error('no schedule');
    // Only the next run is moved, to a missed slot: the rotation is the one the first process
    // stored. The slot is in a minute of its own, as slot ids (the nonces) are per minute.
    const slot = Math.floor(firstSlot / 60_000) * 60_000 - 60_000;
    await preload([{ ...saved, nextRunAt: slot }]);
    bot = await startBot(emulator, env, space.dir);
    await until(() => emulator.channelPosts(POSTING_CHANNEL).length > 1, 10_000, 'a second post', emulator);
    const done = await storedWhen(POSTING_GUILD, (r) => r.lastPost?.slotAt === slot, 5000);
    expect(emulator.channelPosts(POSTING_CHANNEL).map((m) => m.embeds[0]?.title)).toEqual(
      ROTATION_12345.slice(0, 2),
    );
    expect(done.rotation).toEqual({
      seed: 12345,
      posted: [
        'software-engineer-to-engineering-leader/tips/3',
        'software-engineer-to-engineering-leader/tips/2',
      ],
    });
  });

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
    const slotAt = Date.now() - 5000;
    await preload([
      record({
        channelId: SPARE,
        inFlight: { slot, slotAt, tipId, startedAt: slotAt, attempts: 0 },
      }),
    ]);
    const seen = emulator.requests.length;
    bot = await startBot(emulator, env, space.dir);
    await emulator.waitForRequest(
      (r) =>
        r.method === 'POST' &&
        r.path === `/channels/${SPARE}/messages` &&
        (r.body as { nonce?: string }).nonce === slot,
      10_000,
      seen,
    );
    await storedWhen(IDS.guild, (r) => r.lastPost?.slotAt === slotAt && r.inFlight === undefined, 5000);
    expect(emulator.channelPosts(SPARE)).toHaveLength(before);
  });

  it('GIVEN the channel was deleted THEN the schedule pauses with the reason (shown by /schedule show) and resume says the channel is gone; GIVEN a channel that lost Send Messages THEN resume names it', async () => {
    // In the same restart, another server's paused schedule whose channel the bot may no longer post in.
    const sparse = emulator.guilds.find((g) => g.id === SPARSE_GUILD)?.channels[0];
    if (sparse === undefined) throw new Error('no channel');
    const pausedElsewhere = record({
      guildId: SPARSE_GUILD,
      channelId: SPARSE_CHANNEL,
      paused: { reason: 'paused by <@1100000000000000004>', at: Date.now() },
    });
    await restartUntilPaused(
      DOOMED,
      404,
      Date.now() - 1000,
      () => {
        emulator.deleteChannel(DOOMED);
        sparse.botDeny = 1n << 11n;
      },
      [pausedElsewhere],
    );
    const show = await run('schedule show');
    // What it advises is what resume then says: not resume, but another channel.
    expect(show.data?.content).toMatch(
      /\*\*Paused\*\* since <t:\d+:F>: the channel was deleted \(Unknown Channel\)\. The channel no longer exists: choose another with `\/schedule set`/,
    );
    expect(emulator.requests.filter((r) => r.path === `/channels/${DOOMED}/messages`)).toHaveLength(1);
    expect((await run('schedule resume')).data?.content).toMatch(/no longer exists/);

    const admin = { guildId: SPARSE_GUILD, channelId: SPARSE_CHANNEL, memberPermissions: MANAGE_GUILD };
    const shown = callbackOf(await emulator.chatInput('schedule show', {}, admin).response());
    expect(shown.data?.content).toMatch(
      /I am missing \*\*Send Messages\*\* in <#\d+>\. Grant me that permission .*, then `\/schedule resume` starts posting again\./,
    );
    const resume = callbackOf(await emulator.chatInput('schedule resume', {}, admin).response());
    expect(resume.data?.content).toMatch(/missing \*\*Send Messages\*\*/);
    delete sparse.botDeny;
  });

  it("GIVEN the server's AutoMod blocks a tip (400, code 200000) THEN the slot is skipped, not retried nor paused, its tip passed over, and show says why", async () => {
    await bot?.stop();
    const posted = emulator.channelPosts(SPARE).length;
    await preload([record({ channelId: SPARE, nextRunAt: Date.now() - 1000 })]);
    emulator.failNext({
      method: 'POST',
      path: new RegExp(`/channels/${SPARE}/messages$`),
      status: 400,
      code: 200000,
    });
    bot = await startBot(emulator, env, space.dir);
    await bot.waitForLog(/skipped a tip post Discord refused/, 10_000);
    const saved = await storedWhen(IDS.guild, (r) => r.lastSkip?.reason === 'refused', 5000);
    expect([saved.inFlight, saved.paused]).toEqual([undefined, undefined]);
    expect(saved.rotation.posted).toHaveLength(1);
    expect(saved.nextRunAt).toBeGreaterThan(Date.now());
    expect(emulator.channelPosts(SPARE)).toHaveLength(posted);
    expect((await run('schedule show')).data?.content).toMatch(
      /\nThe post due <t:\d+:F> was skipped: Discord refused the post \(the server's AutoMod blocked the tip's words\), so its tip was passed over and the next post takes the next tip\./,
    );
    expect((await run('schedule remove')).data?.content).toMatch(/removed/);
  });
});

/**
 * Restarts the bot with a due schedule for `channelId` (and the `others`) after `prepare` (which
 * makes Discord refuse the channel), and waits for the refused post (`status`) and the logged pause.
 */
async function restartUntilPaused(
  channelId: string,
  status: number,
  nextRunAt: number,
  prepare: () => void,
  others: ScheduleRecord[] = [],
): Promise<void> {
  await bot?.stop();
  await preload([record({ channelId, nextRunAt }), ...others]);
  prepare();
  bot = await startBot(emulator, env, space.dir);
  await until(
    () => emulator.requests.some((r) => r.path === `/channels/${channelId}/messages` && r.status === status),
    10_000,
    'the refused post',
  );
  await bot.waitForLog(/paused a schedule/, 5000);
}

/** Waits until the stored schedule of `guildId` is as `done` says. */
async function storedWhen(
  guildId: string,
  done: (record: ScheduleRecord) => boolean,
  timeoutMs: number,
): Promise<ScheduleRecord> {
  return vi.waitFor(
    async () => {
      const saved = await readSchedule(guildId);
      if (saved === undefined || !done(saved))
        throw new Error(`schedule not as expected: ${JSON.stringify(saved)}`);
      return saved;
    },
    { timeout: timeoutMs, interval: 50 },
  );
}

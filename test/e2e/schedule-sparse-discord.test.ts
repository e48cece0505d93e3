import { ChannelType } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ScheduleRecord } from '../../src/core/schedule-record.js';
import {
  ADMIN_PERMISSIONS,
  IDS,
  type DiscordEmulator,
  type InteractionContext,
} from '../../emulator/emulator.js';
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

/**
 * /schedule against a fake Discord that sends less than Discord does, though nothing the API
 * description requires: servers without the @everyone role, without channels or the bot's own
 * member, or never created; interactions without `resolved` or `member.permissions`.
 */
const NO_EVERYONE = '1100000000000000031';
const NO_EVERYONE_A = '1100000000000000032';
const NO_EVERYONE_B = '1100000000000000033';
const NEVER_CREATED = '1100000000000000034';
const NEVER_CREATED_CHANNEL = '1100000000000000035';
const NO_BOT_404 = '1100000000000000036';
const NO_BOT_501 = '1100000000000000037';
const NO_BOT_A = '1100000000000000038';
const NO_BOT_B = '1100000000000000039';
const NO_CHANNELS = '1100000000000000040';
const NO_CHANNELS_A = '1100000000000000041';
const NO_CHANNELS_B = '1100000000000000042';
/** A server without `channels` in GUILD_CREATE whose schedule's channel was deleted. */
const NO_CHANNELS_GONE = '1100000000000000043';
const DELETED_CHANNEL = '1100000000000000044';
/** In NO_CHANNELS, a channel where the bot may not send messages. */
const NO_CHANNELS_MUTED = '1100000000000000047';

const ADMINISTRATOR = 1n << 3n;
const SEND_MESSAGES = 1n << 11n;
/** What the emulator sends as app_permissions (an admin's, less Administrator), less Send Messages. */
const APP_WITHOUT_SEND = String(BigInt(ADMIN_PERMISSIONS) & ~(ADMINISTRATOR | SEND_MESSAGES));
const NOT_ALLOWED = /^Only members with the \*\*Manage Server\*\* permission/;

let emulator: DiscordEmulator;
let bot: BotProcess | undefined;
let space: ReturnType<typeof workspace>;

const text = (id: string, name = 'tips') => ({ id, name, type: ChannelType.GuildText });

/** A paused schedule, as an earlier run of the bot would have left it. */
function paused(guildId: string, channelId: string): ScheduleRecord {
  return {
    guildId,
    channelId,
    time: farDailyTime(),
    timezone: 'UTC',
    frequency: 'daily',
    nextRunAt: Date.now() + 3_600_000,
    rotation: { seed: 12345, posted: [] },
    updatedAt: Date.now(),
    paused: { reason: 'paused by <@1100000000000000006>', at: Date.now() - 60_000 },
  };
}

/** The bot's answer, sent at once or after deferring. */
async function run(
  line: string,
  values: Record<string, string>,
  context: InteractionContext,
): Promise<string> {
  const handle = emulator.chatInput(line, values, { memberPermissions: ADMIN_PERMISSIONS, ...context });
  const first = (await handle.response(20_000)).body as { type: number; data?: { content?: string } };
  if (first.type !== 5) return first.data?.content ?? '';
  return vi.waitFor(
    () => {
      const content = handle.message()?.content ?? '';
      if (content === '') throw new Error(`no answer to /${line} yet`);
      return content;
    },
    { timeout: 20_000, interval: 50 },
  );
}

const daily = (channel: string) => ({ channel, time: farDailyTime(), timezone: 'UTC', frequency: 'daily' });
const stored = (guildId: string) => withSchedules(space, (schedules) => schedules.get(guildId));
const posted = (channel: string) => new RegExp(`^Tips will be posted in <#${channel}> every day`);
const unchecked = (channel: string, post: 'first' | 'next') =>
  `I could not check that I can post in <#${channel}>: if Discord refuses the ${post} post, tip posts pause and \`/schedule show\` says why.`;
/** Leaves `resolved` out of the interaction, as the API description allows. */
const withoutResolved = (payload: Record<string, unknown>) => {
  const data = { ...(payload.data as Record<string, unknown>) };
  delete data.resolved;
  return { ...payload, data };
};
/** Leaves `member.permissions` out of the interaction. */
const withoutMemberPermissions = (payload: Record<string, unknown>) => {
  const member = { ...(payload.member as Record<string, unknown>) };
  delete member.permissions;
  return { ...payload, member };
};

beforeAll(async () => {
  emulator = await startEmulator({
    guilds: [
      { id: IDS.guild, name: 'Engineers', channels: [text(IDS.channel, 'general')] },
      {
        id: NO_EVERYONE,
        name: 'No everyone',
        omitEveryoneRole: true,
        channels: [text(NO_EVERYONE_A), text(NO_EVERYONE_B)],
      },
      {
        id: NEVER_CREATED,
        name: 'Never created',
        neverCreated: true,
        channels: [text(NEVER_CREATED_CHANNEL)],
      },
      { id: NO_BOT_404, name: 'No bot', omitBotMember: true, channels: [text(NO_BOT_A), text(NO_BOT_B)] },
      { id: NO_BOT_501, name: 'No bot either', omitBotMember: true, channels: [text('1100000000000000045')] },
      {
        id: NO_CHANNELS,
        name: 'No channels',
        omitChannels: true,
        channels: [
          text(NO_CHANNELS_A),
          text(NO_CHANNELS_B),
          { ...text(NO_CHANNELS_MUTED, 'muted'), botDeny: SEND_MESSAGES },
        ],
      },
      { id: NO_CHANNELS_GONE, name: 'Gone', omitChannels: true, channels: [text('1100000000000000046')] },
    ],
  });
  space = workspace();
  const env = botEnv(emulator, space);
  await deployInServerAndGlobally(env, space.dir);
  await withSchedules(space, async (schedules) => {
    for (const record of [
      paused(NO_CHANNELS, NO_CHANNELS_A),
      paused(NO_CHANNELS_GONE, DELETED_CHANNEL),
      paused(NEVER_CREATED, NEVER_CREATED_CHANNEL),
    ])
      await schedules.set(record.guildId, record);
  });
  // The bot's own member cannot be fetched in these servers, as a fake without the route answers.
  emulator.failNext({
    method: 'GET',
    path: new RegExp(`^/guilds/${NO_BOT_404}/members/`),
    status: 404,
    code: 10007,
    lastsMs: 3_600_000,
  });
  emulator.failNext({
    method: 'GET',
    path: new RegExp(`^/guilds/${NO_BOT_501}/members/`),
    status: 501,
    lastsMs: 3_600_000,
  });
  // discord.js waits for the GUILD_CREATE that never comes (15 s) before it is ready: the usual 20 s
  // to be ready left too little for a start on busy cores.
  bot = await startBot(emulator, env, space.dir, 60_000);
}, 90_000);

afterAll(async () => {
  await bot?.stop();
  await emulator.stop();
  space.cleanup();
});

afterEach(() => {
  expect(emulator.violations).toEqual([]);
});

describe('a server whose roles lack @everyone, or that is never created', () => {
  it('GIVEN no @everyone role THEN set saves, using app_permissions in its own channel and noting it could not check another; pause, show and resume answer', async () => {
    const here = { guildId: NO_EVERYONE, channelId: NO_EVERYONE_A };
    const refused = await run('schedule set', daily(NO_EVERYONE_A), { ...here, shape: withAppPermissions });
    expect(refused).toMatch(/I am missing \*\*Send Messages\*\*/);
    expect(await stored(NO_EVERYONE)).toBeUndefined();

    const elsewhere = await run('schedule set', daily(NO_EVERYONE_B), here);
    expect(elsewhere).toMatch(posted(NO_EVERYONE_B));
    expect(elsewhere).toContain(unchecked(NO_EVERYONE_B, 'first'));
    expect(await stored(NO_EVERYONE)).toMatchObject({ channelId: NO_EVERYONE_B });

    expect(await run('schedule pause', {}, here)).toMatch(/^Tip posts are paused\./);
    expect(await run('schedule show', {}, here)).toMatch(/`\/schedule resume` starts posting again\./);
    // Used in the schedule's channel: app_permissions tell, and nothing is noted.
    const resumed = await run('schedule resume', {}, { guildId: NO_EVERYONE, channelId: NO_EVERYONE_B });
    expect(resumed).toMatch(/^Tip posts resumed\./);
    expect(resumed).not.toMatch(/could not check/);
  });

  it('GIVEN a server listed unavailable in READY and never created THEN show, resume and set answer', async () => {
    const here = { guildId: NEVER_CREATED, channelId: NEVER_CREATED_CHANNEL };
    expect(await run('schedule show', {}, here)).toMatch(/`\/schedule resume` starts posting again\./);
    expect(await run('schedule resume', {}, here)).toMatch(/^Tip posts resumed\./);
    expect(await run('schedule set', daily(NEVER_CREATED_CHANNEL), here)).toMatch(
      posted(NEVER_CREATED_CHANNEL),
    );
  });

  it('GIVEN no member.permissions THEN the member’s are read from the cache (the owner may); when they cannot be, the answer says they could not be checked', async () => {
    const owner = await run('schedule show', {}, { userId: IDS.admin, shape: withoutMemberPermissions });
    expect(owner).toBe('This server has no tip schedule yet. Create one with `/schedule set`.');
    expect(await run('schedule show', {}, { shape: withoutMemberPermissions })).toMatch(NOT_ALLOWED);
    const unknown = { guildId: NO_EVERYONE, channelId: NO_EVERYONE_A, shape: withoutMemberPermissions };
    expect(await run('schedule show', {}, unknown)).toMatch(
      /^I could not check your permissions in this server just now/,
    );
  });
});

/** Sends app_permissions without Send Messages. */
function withAppPermissions(payload: Record<string, unknown>) {
  return { ...payload, app_permissions: APP_WITHOUT_SEND };
}

describe("a server whose GUILD_CREATE leaves out the bot's member, which cannot be fetched", () => {
  it('GIVEN GET of the member answers 404 or 501 THEN set saves with a note; in its own channel, app_permissions still refuse', async () => {
    const answer = await run('schedule set', daily(NO_BOT_A), { guildId: NO_BOT_404, channelId: NO_BOT_B });
    expect(answer).toMatch(posted(NO_BOT_A));
    expect(answer).toContain(unchecked(NO_BOT_A, 'first'));
    expect(await stored(NO_BOT_404)).toMatchObject({ channelId: NO_BOT_A });

    const refused = await run('schedule set', daily(NO_BOT_B), {
      guildId: NO_BOT_404,
      channelId: NO_BOT_B,
      shape: withAppPermissions,
    });
    expect(refused).toBe(
      `I cannot post in <#${NO_BOT_B}>: I am missing **Send Messages** there. Grant me that permission in the channel's settings (Edit Channel → Permissions), then try again.`,
    );
    expect(await stored(NO_BOT_404)).toMatchObject({ channelId: NO_BOT_A });

    const other = '1100000000000000045';
    const served = await run('schedule set', daily(other), { guildId: NO_BOT_501, channelId: other });
    expect(served).toMatch(posted(other));
    expect(served).not.toMatch(/could not check/);
  });
});

describe('interactions without resolved, servers without channels', () => {
  it('GIVEN a channel not in the cache THEN resume and show fetch it: a failed fetch cannot tell (resumed with a note), Missing Access is a channel the bot cannot see, only Unknown Channel is gone', async () => {
    const here = { guildId: NO_CHANNELS, channelId: NO_CHANNELS_B };
    const fetchFails = (status: 403 | 404 | 500, code: number, times = 1) =>
      emulator.failNext({
        method: 'GET',
        path: new RegExp(`^/channels/${NO_CHANNELS_A}$`),
        status,
        code,
        times,
      });
    fetchFails(403, 50001, 2);
    expect(await run('schedule show', {}, here)).toMatch(/I am missing \*\*View Channel\*\* in <#\d+>/);
    expect(await run('schedule resume', {}, here)).toMatch(
      new RegExp(`^I cannot post in <#${NO_CHANNELS_A}>: I am missing \\*\\*View Channel\\*\\*`),
    );
    // A bare 404 (a Discord-like server without the route) tells nothing, as a 5xx.
    fetchFails(404, 0);
    const resumed = await run('schedule resume', {}, here);
    expect(resumed).toMatch(/^Tip posts resumed\./);
    expect(resumed).toContain(unchecked(NO_CHANNELS_A, 'next'));
    expect(await run('schedule pause', {}, here)).toMatch(/^Tip posts are paused\./);
    expect(await run('schedule show', {}, here)).toMatch(/`\/schedule resume` starts posting again\./);

    const gone = { guildId: NO_CHANNELS_GONE, channelId: '1100000000000000046' };
    expect(await run('schedule show', {}, gone)).toMatch(/The channel no longer exists: choose another/);
    expect(await run('schedule resume', {}, gone)).toBe(
      'The channel of this schedule no longer exists. Choose another with `/schedule set`.',
    );
  });

  it('GIVEN a server without channels in GUILD_CREATE THEN set reads the picked channel afresh, its overwrites included: one denying the bot Send Messages is refused', async () => {
    const here = { guildId: NO_CHANNELS, channelId: NO_CHANNELS_B };
    expect(await run('schedule set', daily(NO_CHANNELS_MUTED), here)).toMatch(
      new RegExp(`^I cannot post in <#${NO_CHANNELS_MUTED}>: I am missing \\*\\*Send Messages\\*\\*`),
    );
  });

  // After the test above, whose schedule this replaces (a file's tests run in order).
  it('GIVEN set without `resolved` THEN the channel is found by its id, in the cache or fetched', async () => {
    expect(await run('schedule set', daily(IDS.channel), { shape: withoutResolved })).toMatch(
      posted(IDS.channel),
    );
    expect(await stored(IDS.guild)).toMatchObject({ channelId: IDS.channel });
    const fetched = await run('schedule set', daily(NO_CHANNELS_B), {
      guildId: NO_CHANNELS,
      channelId: NO_CHANNELS_B,
      shape: withoutResolved,
    });
    expect(fetched).toMatch(posted(NO_CHANNELS_B));
    expect(await stored(NO_CHANNELS)).toMatchObject({ channelId: NO_CHANNELS_B });
    await run('schedule remove', {}, {});
  });
});

import {
  APIApplicationCommandPermissionsConstant,
  ApplicationCommandPermissionType,
  ChannelType,
} from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BotProcess } from '../../emulator/bot-process.js';
import { IDS, type DiscordEmulator } from '../../emulator/emulator.js';
import { farDailyTime } from '../../emulator/fleet.js';
import { callbackOf, EPHEMERAL, type Callback } from './callbacks.js';
import { botEnv, deployCommands, startBot, startEmulator, workspace } from './harness.js';

/** The server's Moderators role, which an admin allows to use /schedule in Integrations. */
const MODS = '1100000000000000050';
const TIPS = '1100000000000000042';
/** A member who may send messages, and no more: no Manage Server. */
const SEND_MESSAGES = String(1n << 11n);
const MANAGE_GUILD = String(1n << 5n);
const OTHER_USER = '1100000000000000060';
/** A staff channel: @everyone cannot see it (the bot can). */
const STAFF = '1100000000000000043';

const NOT_ALLOWED =
  'Only members with the **Manage Server** permission, or whom the server’s Integrations settings allow, can use `/schedule`: ask a server admin to set the schedule for you, to give you that permission, or to allow you in Server Settings → Integrations.';

let emulator: DiscordEmulator;
let bot: BotProcess | undefined;
let space: ReturnType<typeof workspace>;
let scheduleId: string;

/** `/schedule <sub>` by a member without Manage Server (by default), of the roles `roles`, in `channelId`. */
async function asMember(
  line: string,
  values: Record<string, string> = {},
  {
    roles = [MODS],
    userId = IDS.user,
    channelId = IDS.channel,
    memberPermissions = SEND_MESSAGES,
  }: { roles?: string[]; userId?: string; channelId?: string; memberPermissions?: string } = {},
): Promise<Callback> {
  const handle = emulator.chatInput(line, values, {
    userId,
    channelId,
    memberPermissions,
    shape: (payload) => ({ ...payload, member: { ...(payload.member as object), roles } }),
  });
  const first = callbackOf(await handle.response());
  if (first.type !== 5) return first;
  // Deferred (a machine busy enough to pass the bot's 1.5 s): the answer is the edit that follows.
  const message = await vi.waitFor(
    () => {
      const edited = handle.message();
      if (edited === undefined || edited.content === '') throw new Error(`no answer to /${line} yet`);
      return edited;
    },
    { timeout: 20_000, interval: 50 },
  );
  return { type: 4, data: { content: message.content, flags: first.data?.flags ?? 0 } };
}

const role = (id: string, permission: boolean) => ({
  id,
  type: ApplicationCommandPermissionType.Role,
  permission,
});
const SET = { channel: IDS.channel, time: farDailyTime(), timezone: 'UTC', frequency: 'daily' };

beforeAll(async () => {
  emulator = await startEmulator({
    guilds: [
      {
        id: IDS.guild,
        name: 'Engineers',
        channels: [
          { id: IDS.channel, name: 'general', type: ChannelType.GuildText },
          { id: TIPS, name: 'tips', type: ChannelType.GuildText },
          { id: STAFF, name: 'staff', type: ChannelType.GuildText, everyoneDeny: 1n << 10n },
        ],
      },
    ],
  });
  space = workspace();
  const env = botEnv(emulator, space);
  const deployed = await deployCommands(env, space.dir);
  if (deployed.code !== 0) throw new Error(deployed.stderr);
  bot = await startBot(emulator, env, space.dir);
  scheduleId = emulator.command('schedule')?.id ?? '';
  // The role exists in the server, as Discord's GUILD_CREATE would have listed it.
  emulator.dispatchEvent('GUILD_ROLE_CREATE', {
    guild_id: IDS.guild,
    role: {
      id: MODS,
      name: 'Moderators',
      permissions: SEND_MESSAGES,
      position: 2,
      color: 0,
      hoist: false,
      managed: false,
      mentionable: false,
      flags: 0,
    },
  });
}, 60_000);

afterEach(async () => {
  expect(emulator.violations).toEqual([]);
  // No overrides and no schedule, whatever the test left.
  for (const id of [scheduleId, IDS.application]) emulator.setCommandPermissions(IDS.guild, id, []);
  const removed = callbackOf(
    await emulator.chatInput('schedule remove', {}, { memberPermissions: MANAGE_GUILD }).response(),
  );
  expect(removed.data?.content).toMatch(/removed|has no tip schedule yet/);
});

afterAll(async () => {
  await bot?.stop();
  await emulator.stop();
  space.cleanup();
});

describe('/schedule and the server’s Integrations settings', () => {
  it('GIVEN no override THEN a member without Manage Server is refused, the answer naming both ways in', async () => {
    const answer = await asMember('schedule show');
    expect((answer.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(answer.data?.content).toBe(NOT_ALLOWED);
  });

  it('GIVEN /schedule allowed to Moderators THEN a moderator without Manage Server sets a schedule; a member of no such role is refused', async () => {
    emulator.setCommandPermissions(IDS.guild, scheduleId, [role(MODS, true)]);
    expect((await asMember('schedule set', SET)).data?.content).toMatch(
      new RegExp(`^Tips will be posted in <#${IDS.channel}> every day at ${SET.time} \\(UTC\\)`),
    );
    expect((await asMember('schedule show')).data?.content).toMatch(/^Tips are posted in/);
    expect((await asMember('schedule show', {}, { roles: [], userId: OTHER_USER })).data?.content).toBe(
      NOT_ALLOWED,
    );
  });

  it('GIVEN /schedule allowed to Moderators THEN a moderator may schedule only to a channel they can post in themselves; an admin anywhere the bot can', async () => {
    emulator.setCommandPermissions(IDS.guild, scheduleId, [role(MODS, true)]);
    const refused = await asMember('schedule set', { ...SET, channel: STAFF });
    expect((refused.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(refused.data?.content).toBe(
      `You may schedule tips only in a channel where you can post yourself, and you lack **View Channel** in <#${STAFF}>: choose another channel, or ask a server admin.`,
    );
    expect((await asMember('schedule show')).data?.content).toMatch(/has no tip schedule yet/);
    const admin = callbackOf(
      await emulator
        .chatInput('schedule set', { ...SET, channel: STAFF }, { memberPermissions: MANAGE_GUILD })
        .response(),
    );
    expect(admin.data?.content).toMatch(new RegExp(`^Tips will be posted in <#${STAFF}>`));
  });

  it('GIVEN the app allowed to Moderators (not /schedule itself) THEN Manage Server is still needed, as Discord decides', async () => {
    emulator.setCommandPermissions(IDS.guild, IDS.application, [role(MODS, true)]);
    expect((await asMember('schedule show')).data?.content).toBe(NOT_ALLOWED);
  });

  it('GIVEN Moderators allowed and one moderator denied by name THEN that moderator is refused, the others not', async () => {
    emulator.setCommandPermissions(IDS.guild, scheduleId, [
      role(MODS, true),
      { id: OTHER_USER, type: ApplicationCommandPermissionType.User, permission: false },
    ]);
    expect((await asMember('schedule show', {}, { userId: OTHER_USER })).data?.content).toBe(NOT_ALLOWED);
    expect((await asMember('schedule show')).data?.content).toMatch(/has no tip schedule yet/);
  });

  it('GIVEN Moderators allowed but /schedule turned off in #general THEN refused there, saying so; allowed in #tips', async () => {
    emulator.setCommandPermissions(IDS.guild, scheduleId, [
      role(MODS, true),
      { id: IDS.channel, type: ApplicationCommandPermissionType.Channel, permission: false },
    ]);
    expect((await asMember('schedule show')).data?.content).toBe(
      'The server’s Integrations settings turn `/schedule` off in this channel: use it in another channel, or ask a server admin to allow it here in Server Settings → Integrations.',
    );
    expect((await asMember('schedule show', {}, { channelId: TIPS })).data?.content).toMatch(
      /has no tip schedule yet/,
    );
    // A member whom nothing allows is told so, not sent to another channel.
    expect((await asMember('schedule show', {}, { roles: [], userId: OTHER_USER })).data?.content).toBe(
      NOT_ALLOWED,
    );
    // "All Channels" off at the app level, #tips back on for /schedule: the command's own override wins.
    emulator.setCommandPermissions(IDS.guild, scheduleId, [
      role(MODS, true),
      { id: TIPS, type: ApplicationCommandPermissionType.Channel, permission: true },
    ]);
    emulator.setCommandPermissions(IDS.guild, IDS.application, [
      {
        id: APIApplicationCommandPermissionsConstant.AllChannels(IDS.guild),
        type: ApplicationCommandPermissionType.Channel,
        permission: false,
      },
    ]);
    expect((await asMember('schedule show')).data?.content).toMatch(/turn `\/schedule` off in this channel/);
    expect((await asMember('schedule show', {}, { channelId: TIPS })).data?.content).toMatch(
      /has no tip schedule yet/,
    );
  });

  it('GIVEN the override removed (Discord’s update event) THEN the moderator is refused again at once', async () => {
    emulator.setCommandPermissions(IDS.guild, scheduleId, [role(MODS, true)]);
    expect((await asMember('schedule show')).data?.content).toMatch(/has no tip schedule yet/);
    const fetched = permissionReads();
    emulator.setCommandPermissions(IDS.guild, scheduleId, []);
    expect((await asMember('schedule show')).data?.content).toBe(NOT_ALLOWED);
    // The update dropped what the bot knew: it asked Discord again.
    expect(permissionReads()).toBeGreaterThan(fetched);
    // Known again, the overrides are not fetched at every use: not for a member they let in (one
    // they refuse is read again past a few seconds, see the test of a missed update below).
    emulator.setCommandPermissions(IDS.guild, scheduleId, [role(MODS, true)]);
    expect((await asMember('schedule show')).data?.content).toMatch(/has no tip schedule yet/);
    const known = permissionReads();
    expect((await asMember('schedule show')).data?.content).toMatch(/has no tip schedule yet/);
    expect(permissionReads()).toBe(known);
  });

  it('GIVEN Discord failing to list the overrides (5xx) THEN the moderator is refused cleanly and a warning logged; the next try reads them', async () => {
    emulator.setCommandPermissions(IDS.guild, scheduleId, [role(MODS, true)]);
    const logged = bot?.logs.length ?? 0;
    // discord.js sends a request that fails with a 5xx up to four times in all.
    emulator.failNext({ method: 'GET', path: /\/commands\/permissions$/, status: 500, times: 4 });
    const refused = await asMember('schedule show');
    expect((refused.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(refused.data?.content).toBe(
      `${NOT_ALLOWED}\nI could not check the server’s Integrations settings just now: if they allow you to use \`/schedule\`, try again in a moment.`,
    );
    await bot?.waitForLog(/could not read the server’s command permissions/, 5_000, logged);
    expect((await asMember('schedule show')).data?.content).toMatch(/has no tip schedule yet/);
  });

  it('GIVEN Moderators allowed without the update event (missed, or never sent) THEN a moderator refused is let in once the overrides read are a few seconds old, not minutes later', async () => {
    expect((await asMember('schedule show')).data?.content).toBe(NOT_ALLOWED);
    emulator.setCommandPermissions(IDS.guild, scheduleId, [role(MODS, true)], { dispatch: false });
    await vi.waitFor(
      async () => expect((await asMember('schedule show')).data?.content).toMatch(/has no tip schedule yet/),
      { timeout: 20_000, interval: 1_000 },
    );
  }, 30_000);

  it.each([404, 405] as const)(
    'GIVEN a Discord-like server without the overrides route (a bare %i) THEN the defaults hold: a moderator is refused as without overrides, no warning; a manager is not',
    async (status) => {
      emulator.setCommandPermissions(IDS.guild, scheduleId, [role(MODS, true)]);
      const logged = bot?.logs.length ?? 0;
      const reads = permissionReads();
      emulator.failNext({ method: 'GET', path: /\/commands\/permissions$/, status, code: 0 });
      expect((await asMember('schedule show')).data?.content).toBe(NOT_ALLOWED);
      expect(permissionReads()).toBe(reads + 1);
      expect(
        bot?.logs
          .slice(logged)
          .map((line) => line.msg)
          .join('\n'),
      ).not.toMatch(/could not read the server’s command permissions/);
      const managed = await asMember('schedule show', {}, { memberPermissions: MANAGE_GUILD });
      expect(managed.data?.content).toMatch(/has no tip schedule yet/);
    },
  );
});

/** How many times the bot read the server's overrides (answered or not). */
function permissionReads(): number {
  return emulator.requests.filter((r) => r.method === 'GET' && /\/commands\/permissions$/.test(r.path))
    .length;
}

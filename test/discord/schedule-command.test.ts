import {
  ChannelType,
  DiscordAPIError,
  MessageFlags,
  PermissionFlagsBits,
  type InteractionReplyOptions,
} from 'discord.js';
import { Keyv } from 'keyv';
import { describe, expect, it } from 'vitest';
import { LastTips } from '../../src/adapters/last-tips.js';
import { createLogger } from '../../src/adapters/logger.js';
import { ScheduleBook } from '../../src/adapters/schedule-book.js';
import type { KeyValue } from '../../src/adapters/store.js';
import type { ScheduleRecord } from '../../src/core/schedule-record.js';
import { scheduleZone, zoneNote } from '../../src/core/schedule.js';
import type { Deps } from '../../src/discord/command.js';
import { createRouter } from '../../src/discord/router.js';
import { COMMANDS } from '../../commands/index.js';
import { autocomplete, chatInput } from '../helpers/fake-interactions.js';
import { CHANNEL, CONTENT, DAY, GUILD, HOUR, NO_TIPS, RECORD, SLOT } from '../helpers/schedule-fixtures.js';
import { defaultBlogLinks } from '../../src/core/blog-links.js';

const ADMIN = '1100000000000000004';

const nowhere: KeyValue<string> = {
  get: () => Promise.resolve(undefined),
  set: () => Promise.resolve(true),
};

/** The router over the bot's commands, with a schedule book holding `records`. */
async function setup(records: ScheduleRecord[] = [], content: Deps['content'] = CONTENT) {
  const logger = createLogger({ level: 'silent' });
  const schedules = new ScheduleBook(new Keyv(), logger);
  for (const record of records) await schedules.update(record.guildId, () => record);
  const deps: Deps = {
    content,
    lastTips: new LastTips(nowhere, logger),
    schedules,
    clock: () => SLOT + HOUR,
    logger,
    blog: defaultBlogLinks(undefined),
    random: () => 0,
    commandDefinitions: COMMANDS.map((c) => c.data.toJSON()),
  };
  return { route: createRouter(COMMANDS, deps), schedules };
}

/**
 * `/schedule <sub>` in GUILD by a member with (or without) Manage Server, the bot able to post in
 * CHANNEL but for the permissions `denied` (and CHANNEL gone when `denied` is 'gone'), timed out in
 * the server until `timedOutUntil` if given.
 */
function schedule(
  sub: string,
  values: Record<string, string> = {},
  manageServer = true,
  denied: bigint[] | 'gone' = [],
  timedOutUntil: number | null = null,
) {
  const interaction = chatInput('schedule', values);
  const guild = {
    id: GUILD,
    // The @everyone role (its id is the server's), which working out permissions needs.
    roles: { cache: new Map([[GUILD, {}]]) },
    channels: {
      cache: new Map<string, unknown>(),
      // Fetched when missing from the cache, and afresh by set: Discord answers 404 Unknown Channel
      // for one deleted.
      fetch: (id: string) =>
        id === CHANNEL && denied !== 'gone'
          ? Promise.resolve(channel)
          : Promise.reject(
              new DiscordAPIError({ message: 'Unknown Channel', code: 10003 }, 10003, 404, 'GET', '', {}),
            ),
    },
    members: { me: { communicationDisabledUntilTimestamp: timedOutUntil } },
  };
  const channel = {
    id: CHANNEL,
    type: ChannelType.GuildText,
    guild,
    permissionsFor: () => ({ has: (flag: bigint) => denied === 'gone' || !denied.includes(flag) }),
  };
  if (denied !== 'gone') guild.channels.cache.set(CHANNEL, channel);
  Object.assign(interaction, {
    guildId: GUILD,
    user: { id: ADMIN },
    inCachedGuild: () => true,
    memberPermissions: {
      has: (flag: bigint) => manageServer || flag !== PermissionFlagsBits.ManageGuild,
    },
    guild,
    options: {
      getSubcommand: () => sub,
      getString: (name: string) => values[name] ?? null,
      getChannel: () => (values.channel === undefined ? null : { id: values.channel }),
    },
  });
  return interaction;
}

/** The one answer, which must be private. */
function privateAnswer(interaction: ReturnType<typeof schedule>): string {
  expect(interaction.calls.map((c) => c.method)).toEqual(['reply']);
  const options = interaction.calls[0]?.options as InteractionReplyOptions;
  expect(options.flags).toBe(MessageFlags.Ephemeral);
  return String(options.content);
}

describe('/schedule where it is offered', () => {
  it('GIVEN its definition THEN only in servers, and only where the bot is installed in the server (not a user’s own install)', () => {
    const schedule = COMMANDS.find((command) => command.data.name === 'schedule')?.data.toJSON();
    expect(schedule?.contexts).toEqual([0]);
    expect(schedule?.integration_types).toEqual([0]);
  });
});

describe('/schedule pause and resume', () => {
  it('GIVEN a schedule the bot paused THEN pause says it is already paused and why, and keeps the reason', async () => {
    const paused: ScheduleRecord = {
      ...RECORD,
      paused: { reason: 'Discord refused the channel (Missing Permissions)', at: SLOT },
    };
    const { route, schedules } = await setup([paused]);
    const interaction = schedule('pause');
    await route(interaction);
    expect(privateAnswer(interaction)).toBe(
      `Tip posts are already paused, since <t:${SLOT / 1000}:F>: Discord refused the channel (Missing Permissions). Nothing changed. \`/schedule resume\` starts posting again.`,
    );
    expect(await schedules.get(GUILD)).toEqual(paused);
    // Still lacking the permission: resume would refuse, so pause names the fix, as show does.
    const lacking = schedule('pause', {}, true, [PermissionFlagsBits.SendMessages]);
    await route(lacking);
    expect(privateAnswer(lacking)).toBe(
      `Tip posts are already paused, since <t:${SLOT / 1000}:F>: Discord refused the channel (Missing Permissions). Nothing changed. I am missing **Send Messages** in <#${CHANNEL}>. Grant me that permission in the channel's settings (Edit Channel → Permissions), then \`/schedule resume\` starts posting again.`,
    );
  });

  it('GIVEN a schedule whose channel was deleted THEN pause (and pause again) advises /schedule set, not resume, which would refuse', async () => {
    const { route, schedules } = await setup([RECORD]);
    const advice =
      'The channel no longer exists: choose another with `/schedule set`, which starts posting again.';
    const pause = schedule('pause', {}, true, 'gone');
    await route(pause);
    expect(privateAnswer(pause)).toBe(`Tip posts are paused. ${advice}`);
    expect((await schedules.get(GUILD))?.paused?.reason).toBe(`paused by <@${ADMIN}>`);
    const again = schedule('pause', {}, true, 'gone');
    await route(again);
    expect(privateAnswer(again)).toBe(
      `Tip posts are already paused, since <t:${(SLOT + HOUR) / 1000}:F>: paused by <@${ADMIN}>. Nothing changed. ${advice}`,
    );
  });

  it('GIVEN a running schedule with a slot waiting for a retry THEN resume says it is not paused and keeps the slot', async () => {
    const running: ScheduleRecord = {
      ...RECORD,
      inFlight: { slot: 'x', slotAt: SLOT, tipId: 't', startedAt: SLOT, attempts: 1, retryAt: SLOT + DAY },
    };
    const { route, schedules } = await setup([running]);
    const interaction = schedule('resume');
    await route(interaction);
    expect(privateAnswer(interaction)).toMatch(/^Tip posts are not paused, so there is nothing to resume\. /);
    expect(await schedules.get(GUILD)).toEqual(running);
  });

  it('GIVEN the schedule removed between pause’s or resume’s read and its change (a remove sent with it) THEN they say there is none, and store none', async () => {
    for (const [sub, record] of [
      ['pause', RECORD],
      ['resume', { ...RECORD, paused: { reason: 'paused by <@1>', at: SLOT } }],
    ] as const) {
      const { route, schedules } = await setup([record]);
      // The remove lands right after the command read the schedule.
      const read = schedules.get.bind(schedules);
      schedules.get = async (guildId) => {
        const found = await read(guildId);
        await schedules.update(guildId, () => undefined);
        return found;
      };
      const interaction = schedule(sub);
      await route(interaction);
      expect(privateAnswer(interaction), sub).toBe(
        'This server has no tip schedule yet. Create one with `/schedule set`.',
      );
      expect(await read(GUILD)).toBeUndefined();
    }
  });

  it('GIVEN a running schedule THEN pause pauses it; GIVEN it paused THEN resume resumes it', async () => {
    const { route, schedules } = await setup([RECORD]);
    const pause = schedule('pause');
    await route(pause);
    expect(privateAnswer(pause)).toBe('Tip posts are paused. `/schedule resume` starts posting again.');
    expect((await schedules.get(GUILD))?.paused).toEqual({
      reason: `paused by <@${ADMIN}>`,
      at: SLOT + HOUR,
    });
    const resume = schedule('resume');
    await route(resume);
    expect(privateAnswer(resume)).toMatch(/^Tip posts resumed\. Next post:/);
    expect((await schedules.get(GUILD))?.paused).toBeUndefined();
  });
});

describe('/schedule show of a running schedule whose next post would fail', () => {
  it('GIVEN its channel was deleted or lacks a permission THEN show warns before the post pauses it; granted THEN no warning', async () => {
    const { route } = await setup([RECORD]);
    const gone = schedule('show', {}, true, 'gone');
    await route(gone);
    expect(privateAnswer(gone).split('\n')[2]).toBe(
      '**The channel no longer exists**: the next post will fail and pause tip posts. Choose another with `/schedule set`.',
    );
    const denied = schedule('show', {}, true, [PermissionFlagsBits.EmbedLinks]);
    await route(denied);
    expect(privateAnswer(denied).split('\n')[2]).toBe(
      `**The next post will fail**: I am missing **Embed Links** in <#${CHANNEL}>. Grant me that permission in the channel's settings (Edit Channel → Permissions).`,
    );
    const fine = schedule('show');
    await route(fine);
    expect(privateAnswer(fine)).not.toMatch(/will fail/);
  });
});

describe('/schedule while the bot is timed out in the server (the clock: SLOT + HOUR)', () => {
  const running: ScheduleRecord = { ...RECORD, nextRunAt: SLOT + DAY };
  const sendMessages = [PermissionFlagsBits.SendMessages];
  const missingSend = `I am missing **Send Messages** in <#${CHANNEL}>`;
  const timedOut = (until: number) => `I am timed out in this server until <t:${until / 1000}:F>`;

  it('GIVEN a timeout past the next post THEN show warns of it (by the bot’s clock, not the real one), and of a missing permission too', async () => {
    const { route } = await setup([running]);
    const until = SLOT + 2 * DAY;
    const show = schedule('show', {}, true, [], until);
    await route(show);
    expect(privateAnswer(show).split('\n')[2]).toBe(
      `**The next post will fail**: ${timedOut(until)}. Have a moderator remove the timeout (right-click me → **Remove Timeout**) or wait until it ends.`,
    );
    const both = schedule('show', {}, true, sendMessages, until);
    await route(both);
    expect(privateAnswer(both).split('\n')[2]).toMatch(
      new RegExp(
        `^\\*\\*The next post will fail\\*\\*: ${timedOut(until)}, and ${missingSend.replace(/\*/g, '\\*')}\\. `,
      ),
    );
  });

  it('GIVEN a timeout ending before the next post and a missing permission THEN show warns of the permission', async () => {
    const { route } = await setup([running]);
    const show = schedule('show', {}, true, sendMessages, SLOT + 2 * HOUR);
    await route(show);
    expect(privateAnswer(show).split('\n')[2]).toBe(
      `**The next post will fail**: ${missingSend}. Grant me that permission in the channel's settings (Edit Channel → Permissions).`,
    );
  });

  it('GIVEN a timeout ending before the first post THEN set saves, noting the timeout; GIVEN one past it THEN set refuses, saying when the first post is due', async () => {
    const { route, schedules } = await setup();
    const values = { channel: CHANNEL, time: '09:00', timezone: 'UTC', frequency: 'daily' };
    // The first post: SLOT + DAY.
    const long = schedule('set', values, true, [], SLOT + DAY + HOUR);
    await route(long);
    expect(privateAnswer(long)).toBe(
      `I cannot post the first tip in <#${CHANNEL}>, due <t:${(SLOT + DAY) / 1000}:F>: ${timedOut(SLOT + DAY + HOUR)}. Have a moderator remove the timeout (right-click me → **Remove Timeout**) or wait until it ends, then try again.`,
    );
    expect(await schedules.get(GUILD)).toBeUndefined();
    const short = schedule('set', values, true, [], SLOT + 2 * HOUR);
    await route(short);
    expect(privateAnswer(short)).toMatch(
      new RegExp(
        `^Tips will be posted in <#${CHANNEL}> every day .*\\n${timedOut(SLOT + 2 * HOUR)}; the first post is due after that, so it goes out as usual\\.$`,
      ),
    );
    expect((await schedules.get(GUILD))?.nextRunAt).toBe(SLOT + DAY);
  });

  it('GIVEN a paused schedule THEN show advises what resume then does: refused for a timeout past its first post, resumed with a note for a shorter one', async () => {
    const paused: ScheduleRecord = { ...RECORD, paused: { reason: 'paused by <@1>', at: SLOT } };
    const { route, schedules } = await setup([paused]);
    const long = SLOT + DAY + HOUR;
    const show = schedule('show', {}, true, [], long);
    await route(show);
    expect(privateAnswer(show).split('\n')[1]).toMatch(
      new RegExp(
        `${timedOut(long)}\\. .* or wait until it ends, then \`/schedule resume\` starts posting again\\.$`,
      ),
    );
    const refused = schedule('resume', {}, true, [], long);
    await route(refused);
    expect(privateAnswer(refused)).toMatch(
      new RegExp(
        `^I cannot post the first tip in <#${CHANNEL}>, due <t:${(SLOT + DAY) / 1000}:F>: ${timedOut(long)}\\. `,
      ),
    );
    expect((await schedules.get(GUILD))?.paused).toEqual(paused.paused);

    const short = SLOT + 2 * HOUR;
    const advice = schedule('show', {}, true, [], short);
    await route(advice);
    expect(privateAnswer(advice).split('\n')[1]).toMatch(
      /paused by <@1>\. `\/schedule resume` starts posting again\.$/,
    );
    const resume = schedule('resume', {}, true, [], short);
    await route(resume);
    expect(privateAnswer(resume)).toMatch(
      new RegExp(
        `^Tip posts resumed\\. .*\\n${timedOut(short)}; the first post is due after that, so it goes out as usual\\.$`,
      ),
    );
    expect((await schedules.get(GUILD))?.paused).toBeUndefined();
  });

  it('GIVEN a paused schedule, a short timeout and a missing permission THEN show names the permission, as resume then refuses', async () => {
    const paused: ScheduleRecord = { ...RECORD, paused: { reason: 'paused by <@1>', at: SLOT } };
    const { route } = await setup([paused]);
    const show = schedule('show', {}, true, sendMessages, SLOT + 2 * HOUR);
    await route(show);
    expect(privateAnswer(show).split('\n')[1]).toMatch(
      new RegExp(
        `paused by <@1>\\. ${missingSend.replace(/\*/g, '\\*')}\\. Grant me that permission .*, then \`/schedule resume\` starts posting again\\.$`,
      ),
    );
    const resume = schedule('resume', {}, true, sendMessages, SLOT + 2 * HOUR);
    await route(resume);
    expect(privateAnswer(resume)).toMatch(
      /^I cannot post in <#\d+>: I am missing \*\*Send Messages\*\* there\. /,
    );
  });
});

describe('/schedule show of a schedule Discord paused', () => {
  const reasons = {
    gone: 'the channel was deleted (Unknown Channel)',
    permission: 'the bot lacks a permission to post there (Missing Permissions)',
  };

  it('GIVEN its channel was deleted THEN show advises /schedule set, as resume then says (not resume)', async () => {
    const paused: ScheduleRecord = { ...RECORD, paused: { reason: reasons.gone, at: SLOT } };
    const { route } = await setup([paused]);
    const show = schedule('show', {}, true, 'gone');
    await route(show);
    const line = privateAnswer(show).split('\n')[1];
    expect(line).toBe(
      `**Paused** since <t:${SLOT / 1000}:F>: ${reasons.gone}. The channel no longer exists: choose another with \`/schedule set\`, which starts posting again.`,
    );
    expect(line).not.toMatch(/resume/);
    const resume = schedule('resume', {}, true, 'gone');
    await route(resume);
    expect(privateAnswer(resume)).toMatch(/no longer exists\. Choose another with `\/schedule set`\.$/);
  });

  it('GIVEN it lacks a permission THEN show names the one missing and says resume works once granted, as it then does', async () => {
    const paused: ScheduleRecord = { ...RECORD, paused: { reason: reasons.permission, at: SLOT } };
    const { route, schedules } = await setup([paused]);
    const denied = [PermissionFlagsBits.SendMessages];
    const show = schedule('show', {}, true, denied);
    await route(show);
    expect(privateAnswer(show).split('\n')[1]).toBe(
      `**Paused** since <t:${SLOT / 1000}:F>: ${reasons.permission}. I am missing **Send Messages** in <#${CHANNEL}>. Grant me that permission in the channel's settings (Edit Channel → Permissions), then \`/schedule resume\` starts posting again.`,
    );
    const refused = schedule('resume', {}, true, denied);
    await route(refused);
    expect(privateAnswer(refused)).toBe(
      `I cannot post in <#${CHANNEL}>: I am missing **Send Messages** there. Grant me that permission in the channel's settings (Edit Channel → Permissions), then try again.`,
    );
    expect((await schedules.get(GUILD))?.paused).toEqual(paused.paused);
    // Granted: show says resume, and resume resumes.
    const granted = schedule('show');
    await route(granted);
    expect(privateAnswer(granted).split('\n')[1]).toMatch(
      /\(Missing Permissions\)\. `\/schedule resume` starts posting again\.$/,
    );
    const resume = schedule('resume');
    await route(resume);
    expect(privateAnswer(resume)).toMatch(/^Tip posts resumed\./);
  });

  it('GIVEN preview of it THEN says it is paused, why and what to do, above the tip; running, whether the next post will fail', async () => {
    const paused: ScheduleRecord = { ...RECORD, paused: { reason: reasons.gone, at: SLOT } };
    const { route } = await setup([paused]);
    const preview = schedule('preview', {}, true, 'gone');
    await route(preview);
    const options = preview.calls[0]?.options as InteractionReplyOptions;
    expect(options.flags).toBe(MessageFlags.Ephemeral);
    expect(options.content).toBe(
      `**Tip posts are paused** since <t:${SLOT / 1000}:F>: ${reasons.gone}. The channel no longer exists: choose another with \`/schedule set\`, which starts posting again.\nThe next tip once posting starts again:`,
    );
    expect(options.embeds).toHaveLength(1);
    const { route: running } = await setup([RECORD]);
    const lacking = schedule('preview', {}, true, [PermissionFlagsBits.EmbedLinks]);
    await running(lacking);
    expect((lacking.calls[0]?.options as InteractionReplyOptions).content).toMatch(
      new RegExp(
        `^\\*\\*The next post will fail\\*\\*: I am missing \\*\\*Embed Links\\*\\* in <#${CHANNEL}>\\. .*\\nThe next tip for <#${CHANNEL}>:$`,
      ),
    );
  });

  it('GIVEN set to a channel lacking two permissions THEN the refusal names both, and where to grant them', async () => {
    const { route, schedules } = await setup();
    const denied = [PermissionFlagsBits.EmbedLinks, PermissionFlagsBits.ReadMessageHistory];
    const set = schedule(
      'set',
      { channel: CHANNEL, time: '09:00', timezone: 'UTC', frequency: 'daily' },
      true,
      denied,
    );
    await route(set);
    expect(privateAnswer(set)).toBe(
      `I cannot post in <#${CHANNEL}>: I am missing **Embed Links**, **Read Message History** there. Grant me those permissions in the channel's settings (Edit Channel → Permissions), then try again.`,
    );
    expect(await schedules.get(GUILD)).toBeUndefined();
  });
});

describe('/schedule set', () => {
  const base = { channel: CHANNEL, time: '09:00', timezone: 'Europe/Berlin' };

  it('GIVEN a day with daily or weekdays THEN refuses, saying day is only for weekly', async () => {
    const { route, schedules } = await setup();
    for (const frequency of ['daily', 'weekdays']) {
      const interaction = schedule('set', { ...base, frequency, day: 'friday' });
      await route(interaction);
      expect(privateAnswer(interaction)).toMatch(
        /^`day` is only for weekly posts: .*Leave `day` out, or choose frequency weekly to post on Fridays only\.$/,
      );
    }
    expect(await schedules.get(GUILD)).toBeUndefined();
    const weekly = schedule('set', { ...base, frequency: 'weekly', day: 'friday' });
    await route(weekly);
    expect(privateAnswer(weekly)).toMatch(/every Friday at 09:00 \(Europe\/Berlin\)/);
  });

  it('GIVEN a mistyped time or zone and a channel that is gone or lacks a permission THEN refuses for the option first, without looking the channel up', async () => {
    const { route, schedules } = await setup();
    for (const denied of ['gone' as const, [PermissionFlagsBits.SendMessages]]) {
      const time = schedule('set', { ...base, time: '9am', frequency: 'daily' }, true, denied);
      const fetched: string[] = [];
      const channels = (time as unknown as { guild: { channels: { fetch: (id: string) => unknown } } }).guild
        .channels;
      const fetch = channels.fetch;
      channels.fetch = (id) => {
        fetched.push(id);
        return fetch(id);
      };
      await route(time);
      expect(privateAnswer(time)).toMatch(/^“9am” is not a time\. Write it as 24-hour HH:MM/);
      expect(fetched).toEqual([]);
      const zone = schedule('set', { ...base, timezone: 'Mars/Olympus', frequency: 'weekly' }, true, denied);
      await route(zone);
      expect(privateAnswer(zone)).toMatch(/^“Mars\/Olympus” is not a time zone I know\./);
    }
    expect(await schedules.get(GUILD)).toBeUndefined();
  });

  it('GIVEN choice values in another case (a client other than Discord’s) THEN they are read as the choices', async () => {
    const { route, schedules } = await setup();
    const interaction = schedule('set', { ...base, frequency: 'Weekly', day: ' MONDAY ' });
    await route(interaction);
    expect(privateAnswer(interaction)).toMatch(/every Monday at 09:00 \(Europe\/Berlin\)/);
    expect(await schedules.get(GUILD)).toMatchObject({ frequency: 'weekly', day: 'monday' });
  });

  it('GIVEN a day that is no day, with any frequency THEN refuses, naming the days (not echoing it as one)', async () => {
    const { route, schedules } = await setup();
    for (const frequency of ['daily', 'weekly']) {
      const interaction = schedule('set', { ...base, frequency, day: 'funday' });
      await route(interaction);
      expect(privateAnswer(interaction)).toBe(
        '“funday” is not a day: choose one of monday, tuesday, wednesday, thursday, friday, saturday or sunday.',
      );
    }
    const empty = schedule('set', { ...base, frequency: 'weekly', day: ' ' });
    await route(empty);
    expect(privateAnswer(empty)).toMatch(/^The day is empty: choose one of monday, /);
    expect(await schedules.get(GUILD)).toBeUndefined();
  });

  it('GIVEN a text or an announcement channel THEN the schedule keeps which, so that any process knows whether to publish its posts', async () => {
    const { route, schedules } = await setup();
    const text = schedule('set', { ...base, frequency: 'daily' });
    await route(text);
    expect((await schedules.get(GUILD))?.announcement).toBe(false);
    const news = schedule('set', { ...base, frequency: 'daily' });
    const cache = (news as unknown as { guild: { channels: { cache: Map<string, { type: ChannelType }> } } })
      .guild.channels.cache;
    const channel = cache.get(CHANNEL);
    if (channel !== undefined) channel.type = ChannelType.GuildAnnouncement;
    await route(news);
    expect((await schedules.get(GUILD))?.announcement).toBe(true);
  });

  it('GIVEN a zone typed by an abbreviation, an unknown one, or only spaces THEN says what it is read as, or what to give', async () => {
    const { route, schedules } = await setup();
    // The zone the bot reads EST as (America/Panama on Node 20's ICU), and the note it gives for it.
    const zone = scheduleZone('EST') ?? 'none';
    const est = schedule('set', { ...base, timezone: 'EST', frequency: 'daily' });
    await route(est);
    const answer = privateAnswer(est);
    expect(answer).toContain(`every day at 09:00 (${zone}).`);
    // None where ICU names EST itself (tzdata before 2024b).
    const note = zoneNote('EST', zone);
    if (note !== undefined) expect(answer.split('\n').at(-1)).toBe(note);
    expect((await schedules.get(GUILD))?.timezone).toBe(zone);
    for (const [timezone, start] of [
      ['Mars/Olympus', '“Mars/Olympus” is not a time zone I know.'],
      ['   ', 'The time zone is empty.'],
    ] as const) {
      const refused = schedule('set', { ...base, timezone, frequency: 'daily' });
      await route(refused);
      expect(privateAnswer(refused)).toBe(
        `${start} Use an IANA name such as Europe/Berlin or America/New_York (start typing to pick one).`,
      );
    }
  });

  it('GIVEN no article with tips (a blog without Tips sections) THEN the schedule is kept, and set and show say nothing posts yet', async () => {
    const { route, schedules } = await setup([], NO_TIPS);
    const set = schedule('set', { ...base, timezone: 'Europe/Berlin', frequency: 'daily' });
    await route(set);
    expect(privateAnswer(set)).toMatch(
      /^Tips will be posted in <#\d+> every day at 09:00 \(Europe\/Berlin\)\. .*\nNo article has tips yet: nothing will be posted until one has a Tips section\.$/,
    );
    expect((await schedules.get(GUILD))?.timezone).toBe('Europe/Berlin');
    // Show warns as set did; preview says what to do.
    const show = schedule('show');
    await route(show);
    expect(privateAnswer(show).split('\n')[2]).toBe(
      'No article has tips yet: nothing will be posted until one has a Tips section.',
    );
    const preview = schedule('preview');
    await route(preview);
    expect(privateAnswer(preview)).toMatch(
      /^There are no tips to post: no article has a Tips section yet\. .*`## Tips` heading .*README/,
    );
    const { route: withTips } = await setup();
    const again = schedule('set', { ...base, timezone: 'Europe/Berlin', frequency: 'daily' });
    await withTips(again);
    expect(privateAnswer(again)).not.toMatch(/No article has tips/);
  });

  it('GIVEN invisible characters in the time or the zone (a zero-width space, U+202E) THEN they are left out; only those THEN the option is empty', async () => {
    const { route, schedules } = await setup();
    for (const [time, timezone] of [
      ['0\u200B9:00', 'Europe/Berlin\u200B'],
      ['09:00\uFEFF', '\u202EEurope/Berlin'],
    ] as const) {
      const set = schedule('set', { ...base, time, timezone, frequency: 'daily' });
      await route(set);
      // Typed as its own name: no "read as" note.
      expect(privateAnswer(set)).toMatch(
        /^Tips will be posted in <#\d+> every day at 09:00 \(Europe\/Berlin\)\. [^\n]*$/,
      );
      expect((await schedules.get(GUILD))?.timezone).toBe('Europe/Berlin');
    }
    const noTime = schedule('set', { ...base, time: '\u200B', frequency: 'daily' });
    await route(noTime);
    expect(privateAnswer(noTime)).toMatch(/^The time is empty\. Write it as 24-hour HH:MM/);
    const noZone = schedule('set', { ...base, timezone: '\u202E\u200B', frequency: 'daily' });
    await route(noZone);
    expect(privateAnswer(noZone)).toMatch(/^The time zone is empty\. /);
    const unknown = schedule('set', { ...base, timezone: 'Europe/Berlinn\u200B', frequency: 'daily' });
    await route(unknown);
    expect(privateAnswer(unknown)).toMatch(/^“Europe\/Berlinn” is not a time zone I know\./);
  });

  it('GIVEN the timezone autocomplete with invisible characters typed THEN they are left out', async () => {
    const { route } = await setup();
    const typed = autocomplete('schedule', 'timezone', 'Europe/Berl\u200B');
    await route(typed);
    expect(typed.calls[0]?.options).toEqual([{ name: 'Europe/Berlin', value: 'Europe/Berlin' }]);
  });

  it('GIVEN a current zone name that Node lists under an old one THEN saves it as given', async () => {
    const { route, schedules } = await setup();
    const interaction = schedule('set', { ...base, timezone: 'asia/kolkata', frequency: 'daily' });
    await route(interaction);
    expect(privateAnswer(interaction)).toMatch(/every day at 09:00 \(Asia\/Kolkata\)/);
    expect((await schedules.get(GUILD))?.timezone).toBe('Asia/Kolkata');
  });
});

describe('who may use /schedule', () => {
  it('GIVEN a member without Manage Server THEN show and preview are refused as for every subcommand, saying who may use it', async () => {
    const { route } = await setup([RECORD]);
    for (const sub of ['show', 'preview']) {
      const interaction = schedule(sub, {}, false);
      await route(interaction);
      expect(privateAnswer(interaction)).toBe(
        'Only members with the **Manage Server** permission, or whom the server’s Integrations settings allow, can use `/schedule`: ask a server admin to set the schedule for you, to give you that permission, or to allow you in Server Settings → Integrations.',
      );
    }
  });
});

import { SlashCommandBuilder } from '@discordjs/builders';
import {
  ApplicationIntegrationType,
  ChannelType,
  DiscordAPIError,
  InteractionContextType,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
  type ChatInputCommandInteraction,
  type Guild,
  type GuildBasedChannel,
  type GuildMember,
  type PermissionsBitField,
} from 'discord.js';
import {
  renderAlreadyPaused,
  renderCannotPost,
  renderSchedulePaused,
  renderSchedulePreview,
  renderScheduleResumed,
  renderScheduleSet,
  renderScheduleShow,
  renderTimeoutNote,
  SCHEDULE_TEXT,
  type ChannelCheck,
  type PostBlockers,
} from '../src/core/render/schedule.js';
import { newRotation, nextInRotation } from '../src/core/rotation.js';
import {
  pauseSchedule,
  removeSchedule,
  resumeSchedule,
  setSchedule,
} from '../src/core/schedule-transitions.js';
import type { ScheduleRecord } from '../src/core/schedule-record.js';
import {
  abbreviationHint,
  describeRule,
  discordTimestamp,
  FREQUENCIES,
  parseTime,
  scheduleZone,
  scheduleZones,
  WEEKDAYS,
  zoneNote,
  type ScheduleRule,
} from '../src/core/schedule.js';
import { commandRefusal, type CommandRefusal } from '../src/core/command-permissions.js';
import { withoutInvisible } from '../src/core/invisible.js';
import { readOffset, zoneHint } from '../src/core/zoned-time.js';
import { UserFacingError, type Command, type Deps } from '../src/discord/command.js';
import { focusedText, quote } from '../src/discord/options.js';
import { answerInTime, ephemeralText, replyOptions } from '../src/discord/reply.js';

/** What the bot needs in the channel to post tips, and to find its own posts after a restart. */
const NEEDED = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
  [PermissionFlagsBits.ReadMessageHistory, 'Read Message History'],
] as const;
const POSTABLE = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Who may use /schedule by default (its default_member_permissions); a server's Integrations
 * settings may allow others, or turn it off somewhere.
 */
const REQUIRED = PermissionFlagsBits.ManageGuild;

/** What a member without Manage Server needs in the channel they schedule tips to (see set). */
const MEMBER_NEEDS = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
] as const;

/**
 * `/schedule …`: a server's tip posts. Admins (Manage Server) and whoever the server's Integrations
 * settings allow, checked again here.
 */
export default {
  data: new SlashCommandBuilder()
    .setName('schedule')
    .setDescription('Post a tip to a channel on a schedule (Manage Server)')
    .setContexts(InteractionContextType.Guild)
    // Only where the bot is a member: an app a user installs for themselves shows its commands in
    // servers the bot is not in, where a schedule has no channel to post to.
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setDefaultMemberPermissions(REQUIRED)
    .addSubcommand((sub) =>
      sub
        .setName('set')
        .setDescription('Create or replace this server’s schedule')
        .addChannelOption((o) =>
          o
            .setName('channel')
            .setDescription('Where to post')
            .setRequired(true)
            .addChannelTypes(...POSTABLE),
        )
        .addStringOption((o) =>
          o
            .setName('time')
            .setDescription('Time of day, 24-hour HH:MM, e.g. 09:00')
            .setRequired(true)
            // Room for a space or an invisible character pasted with it, which the bot leaves out.
            .setMaxLength(7),
        )
        .addStringOption((o) =>
          o
            .setName('timezone')
            .setDescription('Time zone, e.g. Europe/Berlin (start typing)')
            .setRequired(true)
            .setAutocomplete(true)
            .setMaxLength(64),
        )
        .addStringOption((o) =>
          o
            .setName('frequency')
            .setDescription('How often')
            .setRequired(true)
            .addChoices(
              ...FREQUENCIES.map((f) => ({
                name: f === 'weekdays' ? 'weekdays (Monday to Friday)' : f,
                value: f,
              })),
            ),
        )
        .addStringOption((o) =>
          o
            .setName('day')
            .setDescription('Day of the week, for weekly posts')
            .addChoices(...WEEKDAYS.map((d) => ({ name: capitalize(d), value: d }))),
        ),
    )
    .addSubcommand((sub) => sub.setName('show').setDescription('The schedule, the next and the last post'))
    .addSubcommand((sub) => sub.setName('pause').setDescription('Stop posting until resumed'))
    .addSubcommand((sub) => sub.setName('resume').setDescription('Start posting again'))
    .addSubcommand((sub) => sub.setName('remove').setDescription('Delete the schedule'))
    .addSubcommand((sub) =>
      sub.setName('preview').setDescription('The tip that will be posted next (only you see it)'),
    ),

  async execute(interaction, deps) {
    const guildId = interaction.guildId;
    if (guildId === null)
      throw new UserFacingError('Schedules are set per server: use this command in a server.');
    // Installed with only the applications.commands scope, the bot sees commands but is not a member.
    if (!interaction.inCachedGuild())
      throw new UserFacingError(
        'I am not a member of this server, so I cannot post here. Ask an admin to invite me with the **bot** scope, then try again.',
      );
    // Every answer below waits on the store (or Discord): deferred if that takes long (Redis restarting, say).
    const answer = answerInTime(interaction);
    try {
      const permissions = memberPermissions(interaction);
      if (permissions === undefined) throw new UserFacingError(UNKNOWN_MEMBER_PERMISSIONS);
      if (!permissions.has(REQUIRED)) await assertAllowedByServer(interaction, deps, permissions);
      const sub = interaction.options.getSubcommand();
      if (sub === 'set') {
        await set(interaction, deps, answer, permissions);
        return;
      }
      const current = await deps.schedules.get(guildId);
      if (current === undefined) throw new UserFacingError(SCHEDULE_TEXT.noSchedule);
      const now = deps.clock();
      switch (sub) {
        case 'show': {
          // Checked as resume checks it, so that what show advises is what resume then does; for a
          // running schedule, so that a post bound to fail is told before it pauses the schedule.
          const check = await channelCheck(interaction, current, now);
          await answer.send(ephemeralText(renderScheduleShow(current, deps.content, now, check)));
          return;
        }
        case 'pause': {
          const { seen, stored } = await changeSeen(deps, guildId, (r) =>
            pauseSchedule(r, interaction.user.id, now),
          );
          // Removed since it was read (a /schedule remove sent at the same time): nothing was paused.
          if (seen === undefined || stored === undefined) throw new UserFacingError(SCHEDULE_TEXT.noSchedule);
          // Checked as show checks it: resume refuses while the channel is gone or a permission is missing.
          const check = await channelCheck(interaction, stored, now);
          if (seen.paused !== undefined) throw new UserFacingError(renderAlreadyPaused(stored, now, check));
          await answer.send(ephemeralText(renderSchedulePaused(stored, now, check)));
          return;
        }
        case 'resume': {
          if (current.paused === undefined) throw new UserFacingError(NOT_PAUSED);
          const channel = await serverChannel(interaction.guild, current.channelId);
          if (channel === 'gone') throw new UserFacingError(SCHEDULE_TEXT.channelGone);
          if (channel === 'hidden') throw new UserFacingError(cannotSee(current.channelId));
          // A channel that cannot be looked up now is resumed unchecked, as one whose permissions cannot.
          const blockers =
            channel === undefined
              ? undefined
              : await assertCanPost(channel, interaction, resumeSchedule(current, now).nextRunAt, now);
          const { seen, stored } = await changeSeen(deps, guildId, (r) => resumeSchedule(r, now));
          // Removed meanwhile, or resumed by someone else: this resume changed nothing.
          if (seen === undefined || stored === undefined) throw new UserFacingError(SCHEDULE_TEXT.noSchedule);
          if (seen.paused === undefined) throw new UserFacingError(NOT_PAUSED);
          const notes = [renderScheduleResumed(stored)];
          if (blockers === undefined) notes.push(uncheckedNote(current.channelId, 'next'));
          else if (blockers.timedOutUntil !== undefined)
            notes.push(renderTimeoutNote(blockers.timedOutUntil));
          await answer.send(ephemeralText(notes.join('\n')));
          return;
        }
        case 'remove':
          await deps.schedules.change(guildId, removeSchedule);
          await answer.send(ephemeralText(SCHEDULE_TEXT.removed));
          return;
        case 'preview': {
          const next = nextInRotation(deps.content.items('tips'), current.rotation);
          if (next === undefined) throw new UserFacingError(SCHEDULE_TEXT.noTips);
          // Checked as show checks it: a paused schedule, or one whose next post fails, posts no tip soon.
          const check = await channelCheck(interaction, current, now);
          await answer.send(replyOptions(renderSchedulePreview(current, next.tip, now, check), true));
          return;
        }
        default:
          throw new UserFacingError('Unknown subcommand. Try `/schedule show`.');
      }
    } catch (error) {
      await answer.settle();
      throw error;
    }
  },

  async autocomplete(interaction) {
    const zones = scheduleZones(withoutInvisible(focusedText(interaction)));
    await interaction.respond(zones.map((zone) => ({ name: zone, value: zone })));
  },
} satisfies Command;

const NOT_ALLOWED =
  'Only members with the **Manage Server** permission, or whom the server’s Integrations settings allow, can use `/schedule`: ask a server admin to set the schedule for you, to give you that permission, or to allow you in Server Settings → Integrations.';
const UNKNOWN_MEMBER_PERMISSIONS =
  'I could not check your permissions in this server just now (`/schedule` needs **Manage Server**, or the server’s Integrations settings allowing you): try again in a moment.';
const UNCHECKED =
  'I could not check the server’s Integrations settings just now: if they allow you to use `/schedule`, try again in a moment.';
const CHANNEL_OFF =
  'The server’s Integrations settings turn `/schedule` off in this channel: use it in another channel, or ask a server admin to allow it here in Server Settings → Integrations.';

/**
 * Refuses a member without Manage Server unless the server's command permission overrides let them
 * use /schedule here, as Discord decides it (a client that does not enforce them is refused too).
 */
async function assertAllowedByServer(
  interaction: ChatInputCommandInteraction<'cached'>,
  deps: Deps,
  permissions: Readonly<PermissionsBitField>,
): Promise<void> {
  const refusal = await serverRefusal(interaction, deps, permissions);
  if (refusal === 'channel') throw new UserFacingError(CHANNEL_OFF);
  if (refusal === 'unchecked') throw new UserFacingError(`${NOT_ALLOWED}\n${UNCHECKED}`);
  if (refusal !== undefined) throw new UserFacingError(NOT_ALLOWED);
}

async function serverRefusal(
  interaction: ChatInputCommandInteraction<'cached'>,
  deps: Deps,
  permissions: Readonly<PermissionsBitField>,
): Promise<CommandRefusal | 'unchecked'> {
  // Without a way to read the overrides, none is assumed: only Manage Server opens /schedule.
  const { overrides } = deps;
  if (overrides === undefined) return 'member';
  const { guildId, channel } = interaction;
  const refusalOf = async (maxAgeMs?: number): Promise<CommandRefusal | 'unchecked'> => {
    let read;
    try {
      read = await overrides.get(guildId, interaction.commandId, interaction.applicationId, { maxAgeMs });
    } catch (err) {
      deps.logger.warn(
        { err, guildId },
        'could not read the server’s command permissions; /schedule refused',
      );
      return 'unchecked';
    }
    return commandRefusal(
      {
        guildId,
        // A thread follows its channel's overrides.
        channelId: channel?.isThread() ? (channel.parentId ?? interaction.channelId) : interaction.channelId,
        userId: interaction.user.id,
        roleIds: [...interaction.member.roles.cache.keys()].filter((id) => id !== guildId),
        memberPermissions: permissions.bitfield,
        defaultMemberPermissions: REQUIRED,
      },
      read,
    );
  };
  const refusal = await refusalOf();
  // Refused by what was read a while ago: read again, in case the update event was missed (an admin
  // who just allowed the member's role is told at once, not minutes later). Refusals are rare.
  return refusal === undefined || refusal === 'unchecked' ? refusal : refusalOf(RECHECK_REFUSAL_MS);
}

/** How old the overrides that refuse a member may be before they are read again. */
const RECHECK_REFUSAL_MS = 5_000;

const NOT_PAUSED =
  'Tip posts are not paused, so there is nothing to resume. `/schedule show` says when the next one goes out; `/schedule pause` stops them.';

/**
 * Applies `transition` to the server's schedule; `seen` is the record it was applied to last (the
 * one its result replaced), which may be newer than one read before, or undefined if the schedule
 * was removed meanwhile. Recorded at every try (a shared book may try again after the record went).
 */
async function changeSeen(
  deps: Deps,
  guildId: string,
  transition: (current: ScheduleRecord) => ScheduleRecord,
): Promise<{ seen: ScheduleRecord | undefined; stored: ScheduleRecord | undefined }> {
  const last: { seen?: ScheduleRecord | undefined } = {};
  const stored = await deps.schedules.update(guildId, (current) => {
    last.seen = current;
    return current && transition(current);
  });
  return { seen: last.seen, stored };
}

async function set(
  interaction: ChatInputCommandInteraction<'cached'>,
  deps: Deps,
  answer: ReturnType<typeof answerInTime>,
  permissions: Readonly<PermissionsBitField>,
): Promise<void> {
  // Read first, without a request: an admin who mistyped the time and picked a bad channel learns both
  // in two tries at most, the options' mistakes before a lookup that may fail or take long.
  const rule = readRule(interaction);
  // The channel as resolved by Discord, else by its id: `resolved` is optional in an interaction.
  const picked = interaction.options.getChannel('channel');
  const pickedId = picked?.id ?? String(interaction.options.get('channel', true).value);
  // Read afresh: a channel known only from `resolved` (a GUILD_CREATE without channels) lacks its
  // permission overwrites, which the checks below need.
  const channel = await serverChannel(interaction.guild, pickedId, { fresh: true });
  if (channel === undefined)
    throw new UserFacingError(`I could not look up <#${pickedId}> just now. Try again in a moment.`);
  if (channel === 'gone')
    throw new UserFacingError(`<#${pickedId}> no longer exists: choose another channel.`);
  if (channel === 'hidden') throw new UserFacingError(cannotSee(pickedId));
  if (!(POSTABLE as readonly ChannelType[]).includes(channel.type)) {
    throw new UserFacingError(
      'Choose a text or announcement channel: tips cannot be posted in voice channels, categories, forums or threads.',
    );
  }
  // A member let in by the server's Integrations settings (not Manage Server) chooses only among
  // the channels they may post in themselves: those settings say where /schedule is typed, not where
  // the bot posts (a staff channel, or an announcement channel whose posts reach other servers).
  if (!permissions.has(REQUIRED)) {
    // Discord's own figure, overwrites included, where it sends one (it does, with the option).
    const mine = picked?.permissions ?? permissionsIn(channel, interaction.member);
    if (mine === undefined)
      throw new UserFacingError(
        `I could not check that you can post in <#${channel.id}> yourself, as members without **Manage Server** must to schedule tips there: try again in a moment, or ask a server admin.`,
      );
    const lacking = MEMBER_NEEDS.filter(([flag]) => !mine.has(flag)).map(([, name]) => `**${name}**`);
    if (lacking.length > 0)
      throw new UserFacingError(
        `You may schedule tips only in a channel where you can post yourself, and you lack ${lacking.join(' and ')} in <#${channel.id}>: choose another channel, or ask a server admin.`,
      );
  }
  const settings = {
    guildId: interaction.guildId,
    channelId: channel.id,
    announcement: channel.type === ChannelType.GuildAnnouncement,
    rule,
    rotation: newRotation(deps.random),
  };
  const now = deps.clock();
  // The first post's time depends on the rule alone, not on the schedule replaced.
  const blockers = await assertCanPost(
    channel,
    interaction,
    setSchedule(undefined, settings, now).nextRunAt,
    now,
  );
  // The schedule this one replaced: the last one the change saw (a shared book may apply it twice).
  const last: { replaced?: ScheduleRecord | undefined } = {};
  const saved = await deps.schedules.update(interaction.guildId, (current) => {
    last.replaced = current;
    return setSchedule(current, settings, now);
  });
  if (saved === undefined) throw new Error('the schedule was not saved');
  const notes = [
    replacedNote(last.replaced, saved),
    blockers === undefined
      ? uncheckedNote(channel.id, 'first')
      : blockers.timedOutUntil === undefined
        ? undefined
        : renderTimeoutNote(blockers.timedOutUntil),
    zoneNote(withoutInvisible(interaction.options.getString('timezone', true)), saved.timezone),
    deps.content.items('tips').length === 0 ? SCHEDULE_TEXT.noTipsYet : undefined,
  ].filter((note) => note !== undefined);
  await answer.send(ephemeralText([renderScheduleSet(saved), ...notes].join('\n')));
}

/**
 * What `/schedule set` replaced, since a server has one schedule: an admin adding one for a second
 * channel would otherwise not learn that the first stopped. Nothing if it was the same and running.
 */
function replacedNote(old: ScheduleRecord | undefined, saved: ScheduleRecord): string | undefined {
  if (old === undefined) return undefined;
  const paused =
    old.paused === undefined
      ? undefined
      : `paused since ${discordTimestamp(new Date(old.paused.at))} (${old.paused.reason})`;
  if (old.channelId === saved.channelId && describeRule(old) === describeRule(saved))
    return paused === undefined ? undefined : `Posting starts again: the schedule was ${paused}.`;
  return `This replaces the server's schedule (a server has one): tips in <#${old.channelId}> ${describeRule(old)}${paused === undefined ? '' : `, ${paused}`}.`;
}

/** The rule given to `/schedule set`, or a refusal that says what is accepted. */
function readRule(interaction: ChatInputCommandInteraction): ScheduleRule {
  // Invisible characters (a zero-width space pasted along) are left out, as in tags and titles.
  const timeText = withoutInvisible(interaction.options.getString('time', true));
  const time = parseTime(timeText);
  if (time === undefined)
    throw new UserFacingError(
      `${timeText.trim() === '' ? 'The time is empty' : `${quote(timeText)} is not a time`}. Write it as 24-hour HH:MM, from 00:00 to 23:59, e.g. 09:00 or 17:30.`,
    );
  const zoneText = withoutInvisible(interaction.options.getString('timezone', true));
  // A UTC offset (`UTC+2`) is the Etc zone at it all year, which the answer's note explains.
  const timezone = scheduleZone(zoneText) ?? readOffset(zoneText)?.zone;
  if (timezone === undefined) {
    const hint = abbreviationHint(zoneText) ?? zoneHint(zoneText);
    throw new UserFacingError(
      `${zoneText.trim() === '' ? 'The time zone is empty' : `${quote(zoneText)} is not a time zone I know`}.${hint === undefined ? '' : ` ${hint}`} Use an IANA name such as Europe/Berlin or America/New_York (start typing to pick one).`,
    );
  }
  // Discord's client sends the choices' values as given; other clients may send `Weekly` or `Monday`.
  const frequency = choice(interaction.options.getString('frequency', true), FREQUENCIES);
  if (frequency === undefined) throw new UserFacingError('Choose daily, weekdays or weekly.');
  const dayText = interaction.options.getString('day');
  const day = dayText === null ? undefined : choice(dayText, WEEKDAYS);
  if (dayText !== null && day === undefined)
    throw new UserFacingError(
      `${withoutInvisible(dayText).trim() === '' ? 'The day is empty' : `${quote(dayText)} is not a day`}: choose one of ${DAYS_IN_ORDER}.`,
    );
  if (frequency === 'weekly' && day === undefined)
    throw new UserFacingError('Weekly posts need a `day`, e.g. monday.');
  // A day with daily or weekdays would be dropped: the admin meant something the rule cannot say.
  if (frequency !== 'weekly' && day !== undefined)
    throw new UserFacingError(
      `\`day\` is only for weekly posts: ${frequency === 'daily' ? 'daily posts go out every day' : 'weekdays posts go out Monday to Friday'}. Leave \`day\` out, or choose frequency weekly to post on ${capitalize(day)}s only.`,
    );
  return {
    time: `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`,
    timezone,
    frequency,
    day: frequency === 'weekly' ? day : undefined,
  };
}

/** `text` as one of `values`, case and spaces aside (`Monday` is monday), or undefined. */
function choice<T extends string>(text: string, values: readonly T[]): T | undefined {
  const typed = withoutInvisible(text).trim().toLowerCase();
  return values.find((value) => value === typed);
}

/** The days as an admin reads them, Monday first. */
const DAYS_IN_ORDER = `${WEEKDAYS.slice(1).join(', ')} or ${WEEKDAYS[0]}`;

/**
 * What may stop the bot's posts in `channel`: the permissions it lacks there, by name, and its
 * timeout in the server if it lasts past `now` (a timed-out member may only view and read, which
 * permissionsFor ignores). Undefined if its permissions there cannot be told: its own member could
 * not be looked up, or the server's roles are not known.
 */
async function postBlockers(
  channel: GuildBasedChannel,
  interaction: ChatInputCommandInteraction<'cached'>,
  now: number,
): Promise<PostBlockers | undefined> {
  const me = await ownMember(interaction);
  // In the channel the command was used in, Discord says the bot's permissions with the interaction.
  const permissions =
    (me === null ? undefined : permissionsIn(channel, me)) ??
    (channel.id === interaction.channelId ? interaction.appPermissions : undefined);
  if (permissions === undefined) return undefined;
  const until = me?.communicationDisabledUntilTimestamp ?? null;
  return {
    missing: NEEDED.filter(([flag]) => !permissions.has(flag)).map(([, name]) => name),
    timedOutUntil: until !== null && until > now ? until : undefined,
  };
}

/** The bot's own member: Discord may leave it out of GUILD_CREATE; then it is fetched once (and cached). */
async function ownMember(interaction: ChatInputCommandInteraction<'cached'>): Promise<GuildMember | null> {
  return interaction.guild.members.me ?? (await interaction.guild.members.fetchMe().catch(() => null));
}

/**
 * Whether a member's permissions can be worked out from the cache: from the server's roles, of which
 * discord.js needs @everyone (its id is the server's), which a server known only from READY
 * (unavailable) or from a GUILD_CREATE without it lacks.
 */
function rolesKnown(guild: Guild): boolean {
  return guild.roles.cache.has(guild.id);
}

/** `member`'s permissions in `channel`, or undefined if they cannot be told (see rolesKnown). */
function permissionsIn(
  channel: GuildBasedChannel,
  member: GuildMember,
): Readonly<PermissionsBitField> | undefined {
  return rolesKnown(channel.guild) ? channel.permissionsFor(member) : undefined;
}

/**
 * The member's permissions as sent with the command, else as the cache tells them (`member.permissions`
 * is optional in an interaction, though discord.js types it as always there); undefined if neither can.
 */
function memberPermissions(
  interaction: ChatInputCommandInteraction<'cached'>,
): Readonly<PermissionsBitField> | undefined {
  const sent = interaction.memberPermissions as Readonly<PermissionsBitField> | null;
  if (sent !== null) return sent;
  return rolesKnown(interaction.guild) ? interaction.member.permissions : undefined;
}

/**
 * The server's channel `id`: from the cache, else (or with `fresh`, always) fetched; a GUILD_CREATE
 * may leave channels out. 'gone' only if Discord says there is no such channel, 'hidden' if it says
 * the bot cannot see it; the one cached, or undefined, if the fetch tells nothing (a bare 404 from a
 * Discord-like server without the route, a 5xx).
 */
async function serverChannel(
  guild: Guild,
  id: string,
  { fresh = false }: { fresh?: boolean } = {},
): Promise<GuildBasedChannel | 'gone' | 'hidden' | undefined> {
  const cached = guild.channels.cache.get(id);
  if (cached !== undefined && !fresh) return cached;
  try {
    return (await guild.channels.fetch(id, { force: true })) ?? cached;
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownChannel) return 'gone';
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.MissingAccess) return 'hidden';
    return cached;
  }
}

/** What blocks the bot's posts in a channel Discord says it cannot see (403 Missing Access on fetching it). */
const CANNOT_SEE: PostBlockers = { missing: ['View Channel'] };

/** The refusal for a channel the bot cannot see: a permission missing, never a timeout (so no time). */
function cannotSee(channelId: string): string {
  return renderCannotPost(channelId, CANNOT_SEE, 0) ?? '';
}

/** Why an answer says nothing of the bot's permissions: a post Discord refuses pauses the schedule, with the reason. */
function uncheckedNote(channelId: string, post: 'first' | 'next'): string {
  return `I could not check that I can post in <#${channelId}>: if Discord refuses the ${post} post, tip posts pause and \`/schedule show\` says why.`;
}

/**
 * Refuses with the exact permissions the bot lacks in the channel, and with its timeout in the
 * server if that lasts past the first post (`firstAt`). Returns what was found (a timeout that ends
 * before, for the answer to note), or undefined if the bot's permissions cannot be told: then the
 * schedule goes ahead, since a post Discord refuses pauses it with the reason.
 */
async function assertCanPost(
  channel: GuildBasedChannel,
  interaction: ChatInputCommandInteraction<'cached'>,
  firstAt: number,
  now: number,
): Promise<PostBlockers | undefined> {
  const blockers = await postBlockers(channel, interaction, now);
  if (blockers === undefined) return undefined;
  const refusal = renderCannotPost(channel.id, blockers, firstAt);
  if (refusal !== undefined) throw new UserFacingError(refusal);
  return blockers;
}

/** What `/schedule resume` would find in the schedule's channel now; undefined if it cannot be told. */
async function channelCheck(
  interaction: ChatInputCommandInteraction<'cached'>,
  record: ScheduleRecord,
  now: number,
): Promise<ChannelCheck | undefined> {
  const channel = await serverChannel(interaction.guild, record.channelId);
  if (channel === 'gone') return { kind: 'gone' };
  if (channel === 'hidden') return { kind: 'missing', permissions: CANNOT_SEE.missing };
  if (channel === undefined) return undefined;
  const blockers = await postBlockers(channel, interaction, now);
  if (blockers === undefined) return undefined;
  const { missing, timedOutUntil } = blockers;
  return missing.length === 0
    ? { kind: 'ok', timedOutUntil }
    : { kind: 'missing', permissions: missing, timedOutUntil };
}

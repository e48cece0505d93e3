import { SlashCommandBuilder } from '@discordjs/builders';
import {
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type ChatInputCommandInteraction,
  type GuildBasedChannel,
} from 'discord.js';
import { renderTip } from '../src/core/render/tip.js';
import { newRotation, nextInRotation } from '../src/core/rotation.js';
import type { ScheduleRecord } from '../src/core/schedule-record.js';
import {
  canonicalZone,
  describeRule,
  discordTimestamp,
  formatInZone,
  FREQUENCIES,
  matchingZones,
  nextRun,
  parseTime,
  WEEKDAYS,
  type Frequency,
  type ScheduleRule,
  type Weekday,
} from '../src/core/schedule.js';
import { UserFacingError, type Command, type Deps } from '../src/discord/command.js';
import { quote } from '../src/discord/options.js';
import { ephemeralText, replyOptions } from '../src/discord/reply.js';

/** What the bot needs in the channel to post tips, and to find its own posts after a restart. */
const NEEDED = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
  [PermissionFlagsBits.ReadMessageHistory, 'Read Message History'],
] as const;
const POSTABLE = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `/schedule …`: a server's tip posts. Admins only (Manage Server), checked again here. */
export default {
  data: new SlashCommandBuilder()
    .setName('schedule')
    .setDescription('Post a tip to a channel on a schedule (Manage Server)')
    .setContexts(InteractionContextType.Guild)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
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
            .setMaxLength(5),
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
    if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
      throw new UserFacingError('Only members with the **Manage Server** permission can change tip posts.');
    }
    const sub = interaction.options.getSubcommand();
    const current = deps.schedules.get(guildId);
    if (sub === 'set') {
      await set(interaction, deps);
      return;
    }
    if (current === undefined)
      throw new UserFacingError('This server has no tip schedule yet. Create one with `/schedule set`.');
    const now = deps.clock();
    switch (sub) {
      case 'show':
        await interaction.reply(ephemeralText(describe(current, deps, now)));
        return;
      case 'pause':
        await deps.schedules.update(
          guildId,
          (r) =>
            r && { ...r, paused: { reason: `paused by <@${interaction.user.id}>`, at: now }, updatedAt: now },
        );
        await interaction.reply(ephemeralText('Tip posts are paused. `/schedule resume` starts them again.'));
        return;
      case 'resume': {
        const channel = interaction.guild.channels.cache.get(current.channelId);
        if (channel === undefined)
          throw new UserFacingError(
            `The channel of this schedule no longer exists. Choose another with \`/schedule set\`.`,
          );
        await assertCanPost(channel, interaction);
        // Slots missed while paused are not posted: the next one is the next in the future.
        const updated = await deps.schedules.update(
          guildId,
          (r) =>
            r && {
              ...r,
              paused: undefined,
              inFlight: undefined,
              nextRunAt: nextRun(r, new Date(now)).getTime(),
              updatedAt: now,
            },
        );
        await interaction.reply(ephemeralText(`Tip posts resumed. ${nextLine(updated ?? current)}`));
        return;
      }
      case 'remove':
        await deps.schedules.update(guildId, () => undefined);
        await interaction.reply(ephemeralText('The tip schedule is removed. Nothing more will be posted.'));
        return;
      case 'preview': {
        const next = nextInRotation(deps.content.items('tips'), current.rotation);
        if (next === undefined) throw new UserFacingError('There are no tips to post.');
        const payload = renderTip(next.tip);
        await interaction.reply(
          replyOptions({ ...payload, content: `The next tip for <#${current.channelId}>:` }, true),
        );
        return;
      }
      default:
        throw new UserFacingError('Unknown subcommand. Try `/schedule show`.');
    }
  },

  async autocomplete(interaction) {
    const zones = matchingZones(interaction.options.getFocused());
    await interaction.respond(zones.map((zone) => ({ name: zone, value: zone })));
  },
} satisfies Command;

async function set(interaction: ChatInputCommandInteraction<'cached'>, deps: Deps): Promise<void> {
  const picked = interaction.options.getChannel('channel', true);
  const channel = interaction.guild.channels.cache.get(picked.id);
  if (channel === undefined || !(POSTABLE as readonly ChannelType[]).includes(channel.type)) {
    throw new UserFacingError(
      'Choose a text or announcement channel: tips cannot be posted in voice channels, categories, forums or threads.',
    );
  }
  const timeText = interaction.options.getString('time', true);
  const time = parseTime(timeText);
  if (time === undefined)
    throw new UserFacingError(
      `${quote(timeText)} is not a time. Write it as 24-hour HH:MM, from 00:00 to 23:59, e.g. 09:00 or 17:30.`,
    );
  const zoneText = interaction.options.getString('timezone', true);
  const timezone = canonicalZone(zoneText);
  if (timezone === undefined) {
    throw new UserFacingError(
      `${quote(zoneText)} is not a time zone I know. Use an IANA name such as Europe/Berlin or America/New_York (start typing to pick one).`,
    );
  }
  const frequency = interaction.options.getString('frequency', true) as Frequency;
  if (!FREQUENCIES.includes(frequency)) throw new UserFacingError('Choose daily, weekdays or weekly.');
  const day = (interaction.options.getString('day') ?? undefined) as Weekday | undefined;
  if (frequency === 'weekly' && (day === undefined || !WEEKDAYS.includes(day)))
    throw new UserFacingError('Weekly posts need a `day`, e.g. monday.');
  await assertCanPost(channel, interaction);

  const rule: ScheduleRule = {
    time: `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`,
    timezone,
    frequency,
    day: frequency === 'weekly' ? day : undefined,
  };
  const now = deps.clock();
  const saved = await deps.schedules.update(interaction.guildId, (existing): ScheduleRecord => ({
    ...rule,
    guildId: interaction.guildId,
    channelId: channel.id,
    nextRunAt: nextRun(rule, new Date(now)).getTime(),
    rotation: existing?.rotation ?? newRotation(deps.random),
    lastPost: existing?.lastPost,
    inFlight: existing?.inFlight,
    paused: undefined,
    updatedAt: now,
  }));
  if (saved === undefined) throw new Error('the schedule was not saved');
  await interaction.reply(
    ephemeralText(`Tips will be posted in <#${channel.id}> ${describeRule(saved)}. ${nextLine(saved)}`),
  );
}

/** Refuses with the exact permissions the bot lacks in the channel. */
async function assertCanPost(
  channel: GuildBasedChannel,
  interaction: ChatInputCommandInteraction<'cached'>,
): Promise<void> {
  // Discord may leave the bot's own member out of GUILD_CREATE; then it is fetched once (and cached).
  const me = interaction.guild.members.me ?? (await interaction.guild.members.fetchMe().catch(() => null));
  if (me === null)
    throw new UserFacingError(
      'I could not look up my own permissions in this server just now. Try again in a moment.',
    );
  const permissions = channel.permissionsFor(me);
  const missing = NEEDED.filter(([flag]) => !permissions.has(flag)).map(([, name]) => `**${name}**`);
  if (missing.length > 0) {
    throw new UserFacingError(
      `I cannot post in <#${channel.id}>: I am missing ${missing.join(', ')} there. Give me ${missing.length === 1 ? 'it' : 'them'} in the channel settings, then try again.`,
    );
  }
}

function nextLine(record: ScheduleRecord): string {
  const next = new Date(record.nextRunAt);
  return `Next post: ${formatInZone(next, record.timezone)}, ${discordTimestamp(next)}.`;
}

function describe(record: ScheduleRecord, deps: Deps, now: number): string {
  const lines = [`Tips are posted in <#${record.channelId}> ${describeRule(record)}.`];
  if (record.paused === undefined) lines.push(nextLine(record));
  else
    lines.push(
      `**Paused** since ${discordTimestamp(new Date(record.paused.at))}: ${record.paused.reason}. \`/schedule resume\` starts posting again.`,
    );
  if (record.lastPost === undefined) lines.push('Nothing posted yet.');
  else {
    const tip = deps.content.item(record.lastPost.tipId);
    lines.push(
      `Last post: ${discordTimestamp(new Date(record.lastPost.at))}${tip?.item.name === undefined ? '' : `, “${tip.item.name}”`}.`,
    );
  }
  if (record.inFlight !== undefined && (record.inFlight.retryAt ?? 0) > now) {
    lines.push(
      `The last post failed ${record.inFlight.attempts} time(s); next try ${discordTimestamp(new Date(record.inFlight.retryAt ?? now), 'R')}.`,
    );
  }
  return lines.join('\n');
}

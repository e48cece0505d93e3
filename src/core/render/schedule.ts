import type { ContentIndex, ItemRef } from '../content-index.js';
import type { MessagePayload } from '../payload.js';
import type { ScheduleRecord } from '../schedule-record.js';
import { describeRule, discordTimestamp, formatInZone } from '../schedule.js';
import { truncateInline } from '../text.js';
import { renderTip } from './tip.js';

/** The /schedule answers that say the same every time. */
export const SCHEDULE_TEXT = {
  paused: 'Tip posts are paused. `/schedule resume` starts them again.',
  removed: 'The tip schedule is removed. Nothing more will be posted.',
  noSchedule: 'This server has no tip schedule yet. Create one with `/schedule set`.',
  channelGone: 'The channel of this schedule no longer exists. Choose another with `/schedule set`.',
  noTips: 'There are no tips to post.',
  /** Said with a schedule set while no article has tips (most blogs have none): kept, but nothing posts yet. */
  noTipsYet: 'No article has tips yet: nothing will be posted until one has a Tips section.',
} as const;

/** The most of a tip's name that `/schedule show` gives, escapes counted. */
const NAME_MAX = 200;

/** `Next post: Monday 30 November 2026, 09:00 (Europe/Berlin); your time: <t:1796025600:F>.` (Discord shows each reader their own.) */
export function renderNextPost(record: ScheduleRecord): string {
  const next = new Date(record.nextRunAt);
  return `Next post: ${formatInZone(next, record.timezone)}; your time: ${discordTimestamp(next)}.`;
}

/** The answer to `/schedule set`: where, when, and the first post. */
export function renderScheduleSet(record: ScheduleRecord): string {
  return `Tips will be posted in <#${record.channelId}> ${describeRule(record)}. ${renderNextPost(record)}`;
}

/** The answer to `/schedule resume`. */
export function renderScheduleResumed(record: ScheduleRecord): string {
  return `Tip posts resumed. ${renderNextPost(record)}`;
}

/**
 * Whether the bot can post in a schedule's channel now, as `/schedule resume` checks it: the channel
 * is gone, the bot lacks the named permissions there, or it can post. Undefined: not known.
 */
export type ChannelCheck =
  | { readonly kind: 'gone' }
  | { readonly kind: 'missing'; readonly permissions: readonly string[] }
  /** The bot is timed out in the server until `until` (ms): Discord refuses its posts until then. */
  | { readonly kind: 'timed-out'; readonly until: number }
  | { readonly kind: 'ok' };

/** What a moderator does to lift the bot's timeout before it ends. */
const REMOVE_TIMEOUT = 'A moderator can remove it (right-click me → **Remove Timeout**)';

/** `I am missing **Send Messages** there`: the permissions by name, as Discord's settings show them. */
export function renderMissing(permissions: readonly string[], where: string): string {
  return `I am missing ${permissions.map((name) => `**${name}**`).join(', ')} ${where}`;
}

/** Where, in Discord, an admin gives the bot `count` permissions. */
export function grantAdvice(count: number): string {
  return `Grant me ${count === 1 ? 'that permission' : 'those permissions'} in the channel's settings (Edit Channel → Permissions)`;
}

/** What makes a paused schedule post again, given what the channel allows now. */
function resumeAdvice(record: ScheduleRecord, channel: ChannelCheck | undefined): string {
  switch (channel?.kind) {
    case 'gone':
      // /schedule resume refuses then (SCHEDULE_TEXT.channelGone); /schedule set also lifts the pause.
      return 'The channel no longer exists: choose another with `/schedule set`, which starts posting again.';
    case 'missing':
      return `${renderMissing(channel.permissions, `in <#${record.channelId}>`)}. ${grantAdvice(channel.permissions.length)}, then \`/schedule resume\` starts posting again.`;
    case 'timed-out':
      return `I am timed out in this server until ${discordTimestamp(new Date(channel.until))}. ${REMOVE_TIMEOUT}; once it has ended, \`/schedule resume\` starts posting again.`;
    default:
      return '`/schedule resume` starts posting again.';
  }
}

/**
 * What stops the next post of a running schedule, if the channel says so now: the post would fail
 * and pause the schedule (see refuseSlot), unless fixed before it is due.
 */
function postWarning(record: ScheduleRecord, channel: ChannelCheck | undefined): string | undefined {
  switch (channel?.kind) {
    case 'gone':
      return '**The channel no longer exists**: the next post will fail and pause tip posts. Choose another with `/schedule set`.';
    case 'missing':
      return `**The next post will fail**: ${renderMissing(channel.permissions, `in <#${record.channelId}>`)}. ${grantAdvice(channel.permissions.length)}.`;
    case 'timed-out':
      // A post due after the timeout ends goes as any other.
      return record.nextRunAt < channel.until
        ? `**The next post will fail**: I am timed out in this server until ${discordTimestamp(new Date(channel.until))}. ${REMOVE_TIMEOUT}.`
        : undefined;
    default:
      return undefined;
  }
}

/** Why the last slot went unposted, if no post came after it. */
function renderSkip(record: ScheduleRecord): string | undefined {
  const skip = record.lastSkip;
  if (skip === undefined || (record.lastPost !== undefined && record.lastPost.slotAt > skip.slotAt))
    return undefined;
  const why =
    skip.reason === 'late'
      ? 'the bot was offline when it was due and came back too late to post it'
      : skip.reason === 'refused'
        ? `Discord refused the post (${truncateInline(skip.why ?? 'no reason given', NAME_MAX)}), so its tip was passed over and the next post takes the next tip`
        : 'no article had tips';
  const last = discordTimestamp(new Date(skip.slotAt));
  const count = skip.count ?? 1;
  if (count === 1 || skip.firstSlotAt === undefined) return `The post due ${last} was skipped: ${why}.`;
  const first = discordTimestamp(new Date(skip.firstSlotAt));
  return `The ${count} posts due from ${first} to ${last} were skipped: ${why}.`;
}

/**
 * `/schedule show`: the rule, the next post or why posting stopped and what starts it again (given
 * `channel`, what the bot may do in the channel now), the last post (named by its tip if the content
 * still has it), a skipped post since, and a failing post's next try.
 */
export function renderScheduleShow(
  record: ScheduleRecord,
  content: Pick<ContentIndex, 'item'>,
  now: number,
  channel?: ChannelCheck,
): string {
  const lines = [`Tips are posted in <#${record.channelId}> ${describeRule(record)}.`];
  if (record.paused === undefined) {
    lines.push(renderNextPost(record));
    const warning = postWarning(record, channel);
    if (warning !== undefined) lines.push(warning);
  } else
    lines.push(
      `**Paused** since ${discordTimestamp(new Date(record.paused.at))}: ${record.paused.reason}. ${resumeAdvice(record, channel)}`,
    );
  if (record.lastPost === undefined) lines.push('Nothing posted yet.');
  else {
    const name = content.item(record.lastPost.tipId)?.item.name;
    // Shown as written (`__init__` would be underlined), and short: names have no bound of their own.
    const named = name === undefined ? '' : `, “${truncateInline(name, NAME_MAX)}”`;
    lines.push(`Last post: ${discordTimestamp(new Date(record.lastPost.at))}${named}.`);
  }
  const skipped = renderSkip(record);
  if (skipped !== undefined) lines.push(skipped);
  const retryAt = record.inFlight?.retryAt;
  if (record.inFlight !== undefined && retryAt !== undefined && retryAt > now) {
    lines.push(
      `The last post failed ${record.inFlight.attempts} time(s); next try ${discordTimestamp(new Date(retryAt), 'R')}.`,
    );
  }
  return lines.join('\n');
}

/** `/schedule preview`: the tip the schedule posts next, under a line naming the channel. */
export function renderSchedulePreview(record: ScheduleRecord, tip: ItemRef): MessagePayload {
  return { ...renderTip(tip), content: `The next tip for <#${record.channelId}>:` };
}

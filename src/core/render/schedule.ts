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
 * `/schedule show`: the rule, the next post or why posting stopped, the last post (named by its tip
 * if the content still has it), and a failing post's next try.
 */
export function renderScheduleShow(
  record: ScheduleRecord,
  content: Pick<ContentIndex, 'item'>,
  now: number,
): string {
  const lines = [`Tips are posted in <#${record.channelId}> ${describeRule(record)}.`];
  if (record.paused === undefined) lines.push(renderNextPost(record));
  else
    lines.push(
      `**Paused** since ${discordTimestamp(new Date(record.paused.at))}: ${record.paused.reason}. \`/schedule resume\` starts posting again.`,
    );
  if (record.lastPost === undefined) lines.push('Nothing posted yet.');
  else {
    const name = content.item(record.lastPost.tipId)?.item.name;
    // Shown as written (`__init__` would be underlined), and short: names have no bound of their own.
    const named = name === undefined ? '' : `, “${truncateInline(name, NAME_MAX)}”`;
    lines.push(`Last post: ${discordTimestamp(new Date(record.lastPost.at))}${named}.`);
  }
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

import type { ContentIndex, ItemRef } from '../content-index.js';
import type { MessagePayload } from '../payload.js';
import type { ScheduleRecord } from '../schedule-record.js';
import { describeRule, discordTimestamp, formatInZone, skippedTime } from '../schedule.js';
import { resumeSchedule } from '../schedule-transitions.js';
import { truncateInline } from '../text.js';
import { renderTip } from './tip.js';

/** The /schedule answers that say the same every time. */
export const SCHEDULE_TEXT = {
  removed: 'The tip schedule is removed. Nothing more will be posted.',
  noSchedule: 'This server has no tip schedule yet. Create one with `/schedule set`.',
  channelGone: 'The channel of this schedule no longer exists. Choose another with `/schedule set`.',
  noTips:
    'There are no tips to post: no article has a Tips section yet. Whoever runs the bot can add one to an article, a `## Tips` heading over a list of tips (see "Write an article" in the README).',
  /** Said with a schedule set while no article has tips (most blogs have none): kept, but nothing posts yet. */
  noTipsYet: 'No article has tips yet: nothing will be posted until one has a Tips section.',
} as const;

/** The most of a tip's name that `/schedule show` gives, escapes counted. */
const NAME_MAX = 200;

/**
 * `Next post: Monday 30 November 2026, 09:00 (Europe/Berlin); your time: <t:1796025600:F>.` (Discord
 * shows each reader their own), and why it is not at the rule's time when the clocks skip that time.
 */
export function renderNextPost(record: ScheduleRecord): string {
  const next = new Date(record.nextRunAt);
  const line = `Next post: ${formatInZone(next, record.timezone)}; your time: ${discordTimestamp(next)}.`;
  const moved = skippedTime(record, next);
  return moved === undefined
    ? line
    : `${line} ${record.time} does not exist on that day in ${record.timezone} (clocks go forward): it posts at ${moved}.`;
}

/** The answer to `/schedule set`: where, when, and the first post. */
export function renderScheduleSet(record: ScheduleRecord): string {
  return `Tips will be posted in <#${record.channelId}> ${describeRule(record)}. ${renderNextPost(record)}`;
}

/** The answer to `/schedule resume`. */
export function renderScheduleResumed(record: ScheduleRecord): string {
  return `Tip posts resumed. ${renderNextPost(record)}`;
}

/** Until when (ms) the bot is timed out in the server, if it is now: Discord refuses its posts until then. */
interface TimedOut {
  readonly timedOutUntil?: number | undefined;
}

/**
 * Whether the bot can post in a schedule's channel now, as `/schedule resume` checks it: the channel
 * is gone, the bot lacks the named permissions there, or it has them; and its timeout in the server,
 * which channel permissions do not show. Undefined: not known.
 */
export type ChannelCheck =
  | { readonly kind: 'gone' }
  | ({ readonly kind: 'missing'; readonly permissions: readonly string[] } & TimedOut)
  | ({ readonly kind: 'ok' } & TimedOut);

/** What may stop the bot's posts in a channel: the permissions it lacks there (none: it has them), and its timeout. */
export interface PostBlockers extends TimedOut {
  readonly missing: readonly string[];
}

/** The one wording of the bot's timeout, for every answer that gives it. */
function timedOut(until: number): string {
  return `I am timed out in this server until ${discordTimestamp(new Date(until))}`;
}

/**
 * Why a post due at `at` would fail, and what fixes it, as two sentences without their final stop
 * (callers say what follows the fix): the permissions missing (`where`: `in <#…>`, `there`), and the
 * timeout if it lasts past `at` (a post due after it ends goes as any other). Undefined: nothing stops it.
 */
function blocked(
  blockers: PostBlockers,
  at: number,
  where: string,
): { why: string; fix: string; timedOut: boolean } | undefined {
  const { missing, timedOutUntil } = blockers;
  const timeout = timedOutUntil !== undefined && at < timedOutUntil ? timedOutUntil : undefined;
  const why: string[] = [];
  const fix: string[] = [];
  if (timeout !== undefined) {
    why.push(timedOut(timeout));
    fix.push(
      'have a moderator remove the timeout (right-click me → **Remove Timeout**) or wait until it ends',
    );
  }
  if (missing.length > 0) {
    why.push(`I am missing ${missing.map((name) => `**${name}**`).join(', ')} ${where}`);
    fix.push(
      `grant me ${missing.length === 1 ? 'that permission' : 'those permissions'} in the channel's settings (Edit Channel → Permissions)`,
    );
  }
  if (why.length === 0) return undefined;
  const advice = fix.join(', and ');
  return {
    why: why.join(', and '),
    fix: advice.charAt(0).toUpperCase() + advice.slice(1),
    timedOut: timeout !== undefined,
  };
}

/**
 * Why `/schedule set` or `resume` refuses, given what stops posts in the channel and when its first
 * post is due (`firstAt`); undefined if nothing stops it.
 */
export function renderCannotPost(
  channelId: string,
  blockers: PostBlockers,
  firstAt: number,
): string | undefined {
  const reason = blocked(blockers, firstAt, 'there');
  if (reason === undefined) return undefined;
  // When, since a timeout that ends before the first post refuses nothing.
  const what = reason.timedOut
    ? `the first tip in <#${channelId}>, due ${discordTimestamp(new Date(firstAt))}`
    : `in <#${channelId}>`;
  return `I cannot post ${what}: ${reason.why}. ${reason.fix}, then try again.`;
}

/** Said by `/schedule set` and `resume` while the bot is timed out, the timeout ending before the first post. */
export function renderTimeoutNote(until: number): string {
  return `${timedOut(until)}; the first post is due after that, so it goes out as usual.`;
}

/**
 * The answer to `/schedule pause`, with what starts posts again as show advises it (given `channel`,
 * what the bot may do there now): resume refuses while the channel is gone or a permission is missing.
 */
export function renderSchedulePaused(record: ScheduleRecord, now: number, channel?: ChannelCheck): string {
  return `Tip posts are paused. ${resumeAdvice(record, channel, now)}`;
}

/** Why `/schedule pause` changed nothing: the schedule had stopped already, why, and what starts it again. */
export function renderAlreadyPaused(record: ScheduleRecord, now: number, channel?: ChannelCheck): string {
  const since = record.paused === undefined ? '' : `, ${pausedSince(record.paused)}`;
  return `Tip posts are already paused${since}. Nothing changed. ${resumeAdvice(record, channel, now)}`;
}

/** `since <t:…:F>: <why>`: when and why a schedule stopped, as every answer about it says. */
function pausedSince(paused: NonNullable<ScheduleRecord['paused']>): string {
  return `since ${discordTimestamp(new Date(paused.at))}: ${paused.reason}`;
}

/** What makes a paused schedule post again, given what the channel allows now (`now`: when resumed). */
function resumeAdvice(record: ScheduleRecord, channel: ChannelCheck | undefined, now: number): string {
  if (channel?.kind === 'gone')
    // /schedule resume refuses then (SCHEDULE_TEXT.channelGone); /schedule set also lifts the pause.
    return 'The channel no longer exists: choose another with `/schedule set`, which starts posting again.';
  // Checked against the first post resume would make, as resume checks it.
  const reason =
    channel === undefined
      ? undefined
      : blocked(checkBlockers(channel), resumeSchedule(record, now).nextRunAt, `in <#${record.channelId}>`);
  if (reason === undefined) return '`/schedule resume` starts posting again.';
  return `${reason.why}. ${reason.fix}, then \`/schedule resume\` starts posting again.`;
}

/** What may stop posts in a channel that exists. */
function checkBlockers(channel: Exclude<ChannelCheck, { kind: 'gone' }>): PostBlockers {
  return {
    missing: channel.kind === 'missing' ? channel.permissions : [],
    timedOutUntil: channel.timedOutUntil,
  };
}

/**
 * What stops the next post of a running schedule, if the channel says so now: the post would fail
 * and pause the schedule (see refuseSlot), unless fixed before it is due.
 */
function postWarning(record: ScheduleRecord, channel: ChannelCheck | undefined): string | undefined {
  if (channel === undefined) return undefined;
  if (channel.kind === 'gone')
    return '**The channel no longer exists**: the next post will fail and pause tip posts. Choose another with `/schedule set`.';
  const reason = blocked(checkBlockers(channel), record.nextRunAt, `in <#${record.channelId}>`);
  return reason === undefined ? undefined : `**The next post will fail**: ${reason.why}. ${reason.fix}.`;
}

/** Why the last slot went unposted, if no post came after it. */
function renderSkip(record: ScheduleRecord): string | undefined {
  const skip = record.lastSkip;
  if (skip === undefined || (record.lastPost !== undefined && record.lastPost.slotAt > skip.slotAt))
    return undefined;
  const count = skip.count ?? 1;
  const one = count === 1 || skip.firstSlotAt === undefined;
  const answer = truncateInline(skip.why ?? 'no reason given', NAME_MAX);
  // Of several refused posts, Discord's answer to the last is kept.
  const refused = one
    ? `Discord refused the post (${answer}), so its tip was passed over`
    : `Discord refused them (the last: ${answer}), so their tips were passed over`;
  const why =
    skip.reason === 'late'
      ? `the bot was offline when ${one ? 'it was' : 'they were'} due and came back too late to post ${one ? 'it' : 'them'}`
      : skip.reason === 'refused'
        ? `${refused} and the next post takes the next tip`
        : 'no article had tips';
  const last = discordTimestamp(new Date(skip.slotAt));
  if (one) return `The post due ${last} was skipped: ${why}.`;
  const first = discordTimestamp(new Date(skip.firstSlotAt ?? skip.slotAt));
  return `The ${count} posts due from ${first} to ${last} were skipped: ${why}.`;
}

/**
 * `/schedule show`: the rule, the next post or why posting stopped and what starts it again (given
 * `channel`, what the bot may do in the channel now), that nothing posts while no article has tips,
 * the last post (named by its tip if the content still has it), a skipped post since, and a failing
 * post's next try.
 */
export function renderScheduleShow(
  record: ScheduleRecord,
  content: Pick<ContentIndex, 'item' | 'items'>,
  now: number,
  channel?: ChannelCheck,
): string {
  const lines = [`Tips are posted in <#${record.channelId}> ${describeRule(record)}.`];
  if (record.paused === undefined) {
    lines.push(renderNextPost(record));
    const warning = postWarning(record, channel);
    if (warning !== undefined) lines.push(warning);
  } else lines.push(`**Paused** ${pausedSince(record.paused)}. ${resumeAdvice(record, channel, now)}`);
  // As set says it: each slot would be skipped, running or resumed, until an article has tips.
  if (content.items('tips').length === 0) lines.push(SCHEDULE_TEXT.noTipsYet);
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

/**
 * `/schedule preview`: the tip the schedule posts next, under a line naming the channel; above it, as
 * show says it (given `channel`, what the bot may do there now), that posts are paused, why and what
 * starts them again, or what stops the next post, so that the preview is not read as a coming post.
 */
export function renderSchedulePreview(
  record: ScheduleRecord,
  tip: ItemRef,
  now: number,
  channel?: ChannelCheck,
): MessagePayload {
  const next = `The next tip for <#${record.channelId}>:`;
  const lines =
    record.paused === undefined
      ? [postWarning(record, channel), next]
      : [
          `**Tip posts are paused** ${pausedSince(record.paused)}. ${resumeAdvice(record, channel, now)}`,
          `The next tip once posting starts again:`,
        ];
  return { ...renderTip(tip), content: lines.filter((line) => line !== undefined).join('\n') };
}

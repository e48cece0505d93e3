import type { ContentIndex, ItemRef } from './content-index.js';
import { nextInRotation, type Rotation } from './rotation.js';
import {
  dueAction,
  retryDelay,
  type ScheduleRecord,
  type SkipReason,
  type SlotInFlight,
} from './schedule-record.js';
import { nextRun, slotId, type ScheduleRule } from './schedule.js';

/**
 * How long Discord is relied on to remember a nonce. Its docs say "a few minutes"; we count on two.
 * Within this window a slot that was in flight is simply sent again with the same nonce; after it,
 * the channel's history is searched first.
 */
export const NONCE_MEMORY_MS = 2 * 60_000;

/** What `/schedule set` was given, checked. */
export interface ScheduleSettings {
  readonly guildId: string;
  readonly channelId: string;
  /** Whether it is an announcement channel (see ScheduleRecord.announcement). */
  readonly announcement?: boolean | undefined;
  readonly rule: ScheduleRule;
  /** The walk through the tips of a new schedule; a replaced schedule keeps its own. */
  readonly rotation: Rotation;
}

/**
 * `/schedule set`: a new schedule, or `current` with a new rule and channel. The rotation, the last
 * post and a running schedule's slot in flight are kept; a pause is lifted, and as with resume the
 * slot it held in flight is dropped (it would post at once, however old); the next run is the first
 * after `now`.
 */
export function setSchedule(
  current: ScheduleRecord | undefined,
  settings: ScheduleSettings,
  now: number,
): ScheduleRecord {
  return {
    ...settings.rule,
    guildId: settings.guildId,
    channelId: settings.channelId,
    announcement: settings.announcement,
    nextRunAt: nextRun(settings.rule, new Date(now)).getTime(),
    rotation: current?.rotation ?? settings.rotation,
    lastPost: current?.lastPost,
    // A skip was the old setting's: the new one has skipped nothing yet.
    lastSkip: undefined,
    inFlight: current?.paused === undefined ? current?.inFlight : undefined,
    paused: undefined,
    updatedAt: now,
  };
}

/**
 * `/schedule pause` by the user `byUserId`: nothing is posted until resumed. Unchanged if already
 * paused, so that why it stopped (the bot may have paused it on a refused channel) is kept.
 */
export function pauseSchedule(record: ScheduleRecord, byUserId: string, now: number): ScheduleRecord {
  if (record.paused !== undefined) return record;
  return { ...record, paused: { reason: `paused by <@${byUserId}>`, at: now }, updatedAt: now };
}

/** Why a schedule paused when the bot left its server (see {@link leftServer}). */
export const LEFT_SERVER = 'the bot was removed from the server';

/**
 * The bot was removed from the server: nothing is posted (a slot in flight is dropped), and once it
 * is invited back `/schedule show` says why, and `/schedule resume` starts it again. Unchanged if
 * already paused, so that why it stopped is kept.
 */
export function leftServer(record: ScheduleRecord, now: number): ScheduleRecord {
  if (record.paused !== undefined) return record;
  return { ...record, inFlight: undefined, paused: { reason: LEFT_SERVER, at: now }, updatedAt: now };
}

/**
 * `/schedule resume`: slots missed while paused are not posted (a slot left in flight is dropped
 * too); the next is the first after `now`. Unchanged if not paused: a running schedule's slot in
 * flight (waiting for a retry, say) is still to be finished.
 */
export function resumeSchedule(record: ScheduleRecord, now: number): ScheduleRecord {
  if (record.paused === undefined) return record;
  return {
    ...record,
    paused: undefined,
    inFlight: undefined,
    nextRunAt: nextRun(record, new Date(now)).getTime(),
    updatedAt: now,
  };
}

/** `/schedule remove`: the record goes, and with it the rotation and any slot in flight. */
export const removeSchedule: (record: ScheduleRecord) => ScheduleRecord | undefined = () => undefined;

/**
 * The run after `slotAt`; or the record's own next run if `/schedule set` moved it later while the
 * slot was in flight, so that the new rule's first run is kept.
 */
function runAfter(record: ScheduleRecord, slotAt: number): number {
  return nextRun(record, new Date(Math.max(slotAt, record.nextRunAt - 1))).getTime();
}

/**
 * The slot at `slotAt` starts: written before its post, so that a restart finishes it. Unchanged
 * if the schedule moved on since the slot was planned (paused, set anew, or already begun).
 */
export function beginSlot(
  record: ScheduleRecord,
  input: { readonly slotAt: number; readonly tipId: string },
  now: number,
): ScheduleRecord {
  if (record.paused !== undefined || record.inFlight !== undefined || record.nextRunAt !== input.slotAt)
    return record;
  const inFlight: SlotInFlight = {
    slot: slotId(record.guildId, new Date(input.slotAt)),
    slotAt: input.slotAt,
    tipId: input.tipId,
    startedAt: now,
    attempts: 0,
  };
  return { ...record, inFlight, updatedAt: now };
}

/**
 * The slot's tip is posted (as `messageId`): the slot is done, the tip counts as posted in the
 * rotation over the current `tips`, and the next run is the one after the slot. Unchanged if that
 * slot is no longer in flight: another run of it (a job run twice) finished it first.
 */
export function finishSlot(
  record: ScheduleRecord,
  input: {
    readonly slotAt: number;
    readonly tipId: string;
    readonly messageId: string;
    readonly tips: readonly ItemRef[];
  },
  now: number,
): ScheduleRecord {
  if (record.inFlight?.slotAt !== input.slotAt) return record;
  return {
    ...record,
    inFlight: undefined,
    lastPost: { at: now, slotAt: input.slotAt, tipId: input.tipId, messageId: input.messageId },
    rotation: rotationWithPosted(record, input.tipId, input.tips),
    nextRunAt: runAfter(record, input.slotAt),
    updatedAt: now,
  };
}

/**
 * Discord refused the channel `channelId` for good (`reason` says why): the schedule pauses and the
 * slot is dropped. If /schedule set moved the schedule to another channel meanwhile, only the slot is
 * dropped: the new channel was not refused.
 */
export function refuseSlot(
  record: ScheduleRecord,
  refusal: { readonly channelId: string; readonly reason: string; readonly slotAt: number },
  now: number,
): ScheduleRecord {
  // Another slot is in flight now (the refused one was dropped, and the schedule went on): it decides.
  if (record.inFlight !== undefined && record.inFlight.slotAt !== refusal.slotAt) return record;
  if (record.channelId !== refusal.channelId) return { ...record, inFlight: undefined, updatedAt: now };
  return { ...record, inFlight: undefined, paused: { reason: refusal.reason, at: now }, updatedAt: now };
}

/**
 * The post of slot `slot` failed for a passing reason: it is tried again after a growing delay, and
 * no sooner than `waitMs` (what Discord asked to wait, when it limited the rate).
 */
export function failSlot(record: ScheduleRecord, slot: string, now: number, waitMs = 0): ScheduleRecord {
  // That slot is no longer in flight (resumed or removed meanwhile): there is nothing to retry.
  if (record.inFlight?.slot !== slot) return record;
  const attempts = record.inFlight.attempts + 1;
  const delay = Math.max(retryDelay(attempts), Number.isFinite(waitMs) ? waitMs : 0);
  return {
    ...record,
    inFlight: { ...record.inFlight, attempts, retryAt: now + delay },
    updatedAt: now,
  };
}

/**
 * The slot at `slotAt` is left unposted (`reason`: too late, no tip to post, or its post refused by
 * Discord, `why` saying how): on to the next run.
 * The skip is kept, for /schedule show to say, counted with those for the same reason in the slots
 * just before it (each the one after the other by the rule: no post, pause or other slot between).
 */
export function skipSlot(
  record: ScheduleRecord,
  slotAt: number,
  now: number,
  reason: SkipReason,
  why?: string,
): ScheduleRecord {
  const before = record.lastSkip;
  // The slot right after the last skipped one, by the rule: not one after a pause, or after a post.
  const inARow =
    before !== undefined &&
    before.reason === reason &&
    nextRun(record, new Date(before.slotAt)).getTime() === slotAt;
  return {
    ...record,
    inFlight: undefined,
    nextRunAt: runAfter(record, slotAt),
    lastSkip: {
      slotAt,
      at: now,
      reason,
      ...(inARow ? { count: (before.count ?? 1) + 1, firstSlotAt: before.firstSlotAt ?? before.slotAt } : {}),
      ...(why === undefined ? {} : { why }),
    },
    updatedAt: now,
  };
}

/**
 * Discord refused the post of slot `slot` itself (`why`: its AutoMod blocked the tip's words, say),
 * which sending it again would only meet again: the slot is skipped, kept for /schedule show to say,
 * and its tip counts as posted in the rotation over `tips`, so that the next slot posts the next tip
 * instead of being refused for the same one. Unchanged if that slot is no longer in flight.
 */
export function refusePost(
  record: ScheduleRecord,
  input: {
    readonly slot: string;
    readonly tipId: string;
    readonly why: string;
    readonly tips: readonly ItemRef[];
  },
  now: number,
): ScheduleRecord {
  const { inFlight } = record;
  if (inFlight?.slot !== input.slot) return record;
  return {
    ...skipSlot(record, inFlight.slotAt, now, 'refused', input.why),
    rotation: rotationWithPosted(record, input.tipId, input.tips),
  };
}

/** The rotation with `tipId` counted as posted: the next of the rotation over `tips`, or any other tip. */
function rotationWithPosted(
  record: ScheduleRecord,
  tipId: string,
  tips: readonly ItemRef[],
): ScheduleRecord['rotation'] {
  const rotated = nextInRotation(tips, record.rotation);
  // A tip other than the rotation's next (the slot's tip changed since it began) is still counted.
  return rotated?.tip.id === tipId
    ? rotated.after
    : { ...record.rotation, posted: [...record.rotation.posted, tipId] };
}

/** What the scheduler does with a schedule at a tick. */
export type SlotPlan =
  | { readonly kind: 'wait' }
  /** More than the grace late: skipped. */
  | { readonly kind: 'skip'; readonly slotAt: number; readonly lateByMs: number }
  /** No tip in the content: skipped. */
  | { readonly kind: 'no-tips'; readonly slotAt: number }
  /** A new slot: begin it with `tip`, then post. */
  | { readonly kind: 'begin'; readonly slotAt: number; readonly tip: ItemRef }
  /**
   * A slot already in flight (a retry, or left by a stopped process): post `tip` again with the
   * same nonce, after searching the channel's history if Discord may have forgotten the nonce.
   */
  | {
      readonly kind: 'resume';
      readonly inFlight: SlotInFlight;
      readonly tip: ItemRef;
      readonly searchHistory: boolean;
    };

/**
 * What to do with `record` at `now`, given the content's tips: wait, skip a slot, begin one, or
 * finish one in flight. A tip removed from the content since its slot began is replaced by the
 * rotation's next one, in the same slot.
 */
export function planSlot(
  record: ScheduleRecord,
  content: Pick<ContentIndex, 'item' | 'items'>,
  now: number,
  graceMs: number,
): SlotPlan {
  const action = dueAction(record, now, graceMs);
  if (action.kind === 'wait' || action.kind === 'skip') return action;
  const next = () => nextInRotation(content.items('tips'), record.rotation)?.tip;
  if (action.kind === 'post') {
    const tip = next();
    return tip === undefined
      ? { kind: 'no-tips', slotAt: action.slotAt }
      : { kind: 'begin', slotAt: action.slotAt, tip };
  }
  const { inFlight } = action;
  const tip = content.item(inFlight.tipId) ?? next();
  if (tip === undefined) return { kind: 'no-tips', slotAt: inFlight.slotAt };
  return { kind: 'resume', inFlight, tip, searchHistory: now - inFlight.startedAt > NONCE_MEMORY_MS };
}

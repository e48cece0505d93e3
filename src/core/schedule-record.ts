import type { Rotation } from './rotation.js';
import type { ScheduleRule } from './schedule.js';

/**
 * A slot being sent: written before the request and cleared after it succeeds, so that a restart
 * finishes it (with the same nonce) instead of dropping or repeating it.
 */
export interface SlotInFlight {
  /** The slot id, sent as the post's nonce. */
  readonly slot: string;
  readonly slotAt: number;
  readonly tipId: string;
  readonly startedAt: number;
  /** Failed tries so far. */
  readonly attempts: number;
  /** Set after a failure: no new try before then. */
  readonly retryAt?: number | undefined;
}

/**
 * Why a slot went unposted: more than the grace late, no article had tips, or Discord refused the
 * post itself (the server's AutoMod blocked its words, say), which the same post would meet again.
 */
export type SkipReason = 'late' | 'no-tips' | 'refused';

/** Slots left unposted in a row for one reason, since the last post: the last of them, and how many. */
export interface SlotSkip {
  readonly slotAt: number;
  readonly at: number;
  readonly reason: SkipReason;
  /** How many in a row (a bot down for three days skips three daily slots); absent: one. */
  readonly count?: number;
  /** The first of them, when more than one. */
  readonly firstSlotAt?: number;
  /** A refused post: why Discord refused it (the last one's, when several in a row were). */
  readonly why?: string;
}

/** A server's schedule as stored: the rule, where it posts, and where it stands. */
export interface ScheduleRecord extends ScheduleRule {
  readonly guildId: string;
  readonly channelId: string;
  /**
   * Whether the channel was an announcement channel when the schedule was set, whose posts are then
   * published to its followers: known without a request in any process. Absent in records stored
   * before it was kept (the channel is then looked up).
   */
  readonly announcement?: boolean | undefined;
  /** The next slot, ms since the epoch. */
  readonly nextRunAt: number;
  /** Set when posting stopped: by an admin, or because Discord refused the channel. */
  readonly paused?: { readonly reason: string; readonly at: number } | undefined;
  readonly lastPost?:
    | { readonly at: number; readonly slotAt: number; readonly tipId: string; readonly messageId: string }
    | undefined;
  /**
   * The last slot left unposted: too late (the bot was down past the grace), no tip to post, or its
   * post refused by Discord. Absent in records stored before it was kept, which read as no skip.
   */
  readonly lastSkip?: SlotSkip | undefined;
  readonly inFlight?: SlotInFlight | undefined;
  readonly rotation: Rotation;
  readonly updatedAt: number;
}

export type DueAction =
  | { readonly kind: 'wait' }
  | { readonly kind: 'post'; readonly slotAt: number }
  | { readonly kind: 'skip'; readonly slotAt: number; readonly lateByMs: number }
  | { readonly kind: 'resume'; readonly slotAt: number; readonly inFlight: SlotInFlight };

/**
 * How late a slot may be seen and still count as on time, whatever the grace (even 0): the ticker
 * looks once a second and a BullMQ job starts a little after its time, so a running bot always sees
 * its slot some milliseconds late, and up to a few seconds when the event loop is busy.
 */
export const ON_TIME_MS = 5_000;

/**
 * What to do with a schedule at `now`: nothing yet, post its slot, finish a slot that was in
 * flight, or skip a slot that is more than `graceMs` (at least `ON_TIME_MS`) late: the bot was down.
 */
export function dueAction(record: ScheduleRecord, now: number, graceMs: number): DueAction {
  if (record.paused !== undefined) return { kind: 'wait' };
  const inFlight = record.inFlight;
  if (inFlight !== undefined) {
    return (inFlight.retryAt ?? 0) <= now
      ? { kind: 'resume', slotAt: inFlight.slotAt, inFlight }
      : { kind: 'wait' };
  }
  if (record.nextRunAt > now) return { kind: 'wait' };
  const late = now - record.nextRunAt;
  return late > Math.max(graceMs, ON_TIME_MS)
    ? { kind: 'skip', slotAt: record.nextRunAt, lateByMs: late }
    : { kind: 'post', slotAt: record.nextRunAt };
}

/** Wait before retrying a slot after a transient failure: 5 s, doubling, at most 5 minutes. */
export function retryDelay(attempts: number): number {
  return Math.min(5 * 60_000, 5_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Whether two versions of a server's schedule fire at the same slots: both absent, both paused, or
 * both running on the same rule. (A job engine's timer for the server changes only when they do not.)
 */
export function sameSlots(a: ScheduleRecord | undefined, b: ScheduleRecord | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if ((a.paused === undefined) !== (b.paused === undefined)) return false;
  return a.time === b.time && a.timezone === b.timezone && a.frequency === b.frequency && a.day === b.day;
}

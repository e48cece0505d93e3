import type { Logger } from '../adapters/logger.js';
import type { ScheduleBook } from '../adapters/schedule-book.js';
import type { ContentIndex } from '../core/content-index.js';
import { renderTip } from '../core/render/tip.js';
import { nextInRotation } from '../core/rotation.js';
import { dueAction, retryDelay, type ScheduleRecord } from '../core/schedule-record.js';
import { nextRun, slotId } from '../core/schedule.js';
import { ChannelRefusedError, type Poster } from '../discord/poster.js';

/**
 * How long Discord is relied on to remember a nonce. Its docs say "a few minutes"; we count on two.
 * Within this window a slot that was in flight is simply sent again with the same nonce.
 */
export const NONCE_MEMORY_MS = 2 * 60_000;

export interface SchedulerDeps {
  readonly book: ScheduleBook;
  readonly poster: Poster;
  readonly content: ContentIndex;
  readonly logger: Logger;
  readonly clock: () => number;
  /** A slot later than this is skipped (and logged) instead of posted. */
  readonly graceMs: number;
  /** Whether this process serves the guild (so that shards each post only for their own). */
  readonly serves: (guildId: string) => boolean;
  readonly tickMs?: number;
}

/**
 * One ticker for every server: each tick posts the slots that are due. State lives in the store;
 * the ticker holds none, so a restart carries on where the last process stopped.
 *
 * Exactly once: before a post the slot is written as in flight with its tip; the post carries the
 * slot id as nonce with enforce_nonce; the slot is marked done after. A crash between the two
 * leaves the slot in flight, and the next process sends it again:
 * - within NONCE_MEMORY_MS, with the same nonce: Discord returns the first message if there was one;
 * - later, it first looks in the channel for its own message with that tip since the slot began
 *   (which needs Read Message History), and posts only if there is none.
 * Where this ends: if the history cannot be read, or someone deleted the post before the restart,
 * a late restart posts the slot again; and a post that Discord accepted but whose answer never
 * arrived is also only found through history.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly busy = new Set<string>();

  constructor(private readonly deps: SchedulerDeps) {}

  start(): void {
    this.timer ??= setInterval(() => {
      // A tick that is still running is not started twice.
      this.running ??= this.tick().finally(() => (this.running = undefined));
    }, this.deps.tickMs ?? 1000);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Posts every due slot of the served guilds; resolves when all are settled. */
  async tick(): Promise<void> {
    const now = this.deps.clock();
    const due: ScheduleRecord[] = [];
    for (const record of this.deps.book.all()) {
      if (this.busy.has(record.guildId) || !this.deps.serves(record.guildId)) continue;
      if (dueAction(record, now, this.deps.graceMs).kind !== 'wait') due.push(record);
    }
    // Started together: the poster paces them under Discord's global limit.
    await Promise.all(due.map((record) => this.process(record.guildId)));
  }

  private async process(guildId: string): Promise<void> {
    this.busy.add(guildId);
    try {
      await this.runSlot(guildId);
    } catch (err) {
      this.deps.logger.error({ err, guildId }, 'scheduled post failed');
    } finally {
      this.busy.delete(guildId);
    }
  }

  /** Leaves a slot unposted: the schedule's next run becomes the one after it. */
  private async moveOn(guildId: string, slotAt: number, now: number): Promise<void> {
    await this.deps.book.update(
      guildId,
      (r) => r && { ...r, nextRunAt: nextRun(r, new Date(slotAt)).getTime(), updatedAt: now },
    );
  }

  private async runSlot(guildId: string): Promise<void> {
    const { book, logger, clock } = this.deps;
    const record = book.get(guildId);
    if (record === undefined) return;
    const now = clock();
    const action = dueAction(record, now, this.deps.graceMs);
    if (action.kind === 'wait') return;
    if (action.kind === 'skip') {
      await this.moveOn(guildId, action.slotAt, now);
      // Logged once stored, so that the line means the schedule has moved on.
      logger.warn(
        { guildId, slot: new Date(action.slotAt).toISOString(), lateByMs: action.lateByMs },
        'skipped a tip post that was too late',
      );
      return;
    }
    let inFlight = record.inFlight;
    if (inFlight === undefined) {
      const next = nextInRotation(this.deps.content.items('tips'), record.rotation);
      if (next === undefined) {
        logger.warn({ guildId }, 'no tips to post');
        await this.moveOn(guildId, action.slotAt, now);
        return;
      }
      inFlight = {
        slot: slotId(guildId, new Date(action.slotAt)),
        slotAt: action.slotAt,
        tipId: next.tip.id,
        startedAt: now,
        attempts: 0,
      };
      const started = inFlight;
      await book.update(guildId, (r) => r && { ...r, inFlight: started, updatedAt: now });
    }
    // A tip removed from the content since: post the next one in the slot (same nonce).
    const tip =
      this.deps.content.item(inFlight.tipId) ??
      nextInRotation(this.deps.content.items('tips'), record.rotation)?.tip;
    if (tip === undefined) return;
    const payload = renderTip(tip);
    try {
      let messageId: string | undefined;
      // A slot already in flight may have reached Discord before the process died or the answer got lost.
      if (record.inFlight !== undefined) {
        if (now - inFlight.startedAt > NONCE_MEMORY_MS) {
          const title = payload.embeds?.[0]?.title;
          messageId = await this.deps.poster.findOwnPost(
            record.channelId,
            inFlight.startedAt,
            (embed) => embed.title === title,
          );
          if (messageId !== undefined)
            logger.info({ guildId, slot: inFlight.slot }, 'found the post of an unfinished slot');
        }
      }
      messageId ??= (await this.deps.poster.send(record.channelId, payload, inFlight.slot)).id;
      const done = { slotAt: inFlight.slotAt, tipId: tip.id, messageId };
      await book.update(guildId, (r) => {
        if (r === undefined) return undefined;
        const rotated = nextInRotation(this.deps.content.items('tips'), r.rotation);
        const rotation =
          rotated?.tip.id === tip.id
            ? rotated.after
            : { ...r.rotation, posted: [...r.rotation.posted, tip.id] };
        return {
          ...r,
          inFlight: undefined,
          lastPost: { at: clock(), ...done },
          rotation,
          nextRunAt: nextRun(r, new Date(Math.max(done.slotAt, r.nextRunAt - 1))).getTime(),
          updatedAt: clock(),
        };
      });
    } catch (error) {
      if (error instanceof ChannelRefusedError) {
        await book.update(
          guildId,
          (r) =>
            r && {
              ...r,
              inFlight: undefined,
              paused: { reason: error.reason, at: clock() },
              updatedAt: clock(),
            },
        );
        // Logged once stored: /schedule show already tells the reason when this line appears.
        logger.warn(
          { guildId, channelId: record.channelId, reason: error.reason },
          'paused a schedule: Discord refused the channel',
        );
        return;
      }
      const attempts = inFlight.attempts + 1;
      const retryAt = clock() + retryDelay(attempts);
      logger.warn({ err: error, guildId, attempts, retryAt }, 'tip post failed; will retry');
      const failed = inFlight;
      await book.update(
        guildId,
        (r) => r && { ...r, inFlight: { ...failed, attempts, retryAt }, updatedAt: clock() },
      );
    }
  }
}

import type { Logger } from '../adapters/logger.js';
import type { Schedules } from '../adapters/schedule-book.js';
import type { ContentIndex, ItemRef } from '../core/content-index.js';
import { renderTip } from '../core/render/tip.js';
import { unescapeInline } from '../core/text.js';
import { dueAction, type ScheduleRecord, type SlotInFlight } from '../core/schedule-record.js';
import {
  beginSlot,
  failSlot,
  finishSlot,
  planSlot,
  refusePost,
  refuseSlot,
  skipSlot,
} from '../core/schedule-transitions.js';
import type { PostResult } from '../adapters/metrics.js';
import { ChannelRefusedError, PostRefusedError, RetryLaterError, type Poster } from './poster-port.js';

export interface SchedulerDeps {
  readonly book: Schedules;
  /** Every schedule, for the ticker (one process with all schedules in memory). */
  readonly listing?: () => Iterable<ScheduleRecord>;
  readonly poster: Poster;
  readonly content: ContentIndex;
  readonly logger: Logger;
  readonly clock: () => number;
  /** A slot later than this is skipped (and logged) instead of posted. */
  readonly graceMs: number;
  /** Whether this process serves the guild (so that shards each post only for their own). */
  readonly serves: (guildId: string) => boolean;
  readonly tickMs?: number;
  /** Told what became of each slot (for the metrics). */
  readonly onSlot?: (result: PostResult) => void;
  /** Told when a failed post is to be tried again (a job engine then wakes the server at `retryAt`). */
  readonly onRetry?: (guildId: string, slot: string, retryAt: number) => Promise<void>;
}

/** How much earlier than its slot a job may start and still post it. */
const EARLY_MS = 5_000;

/**
 * Posts the servers' slots. With one process, one ticker for every server: each tick posts the
 * slots that are due. With a job engine (src/adapters/slot-queue.ts), its jobs call `runGuild` at
 * each slot instead. State lives in the store, and every change of it is a transition of
 * src/core/schedule-transitions.ts; the scheduler holds none, so a restart (or another process)
 * carries on where the last one stopped.
 *
 * Exactly once: before a post the slot is written as in flight with its tip; the post carries the
 * slot id as nonce with enforce_nonce; the slot is marked done after. A crash between the two
 * leaves the slot in flight, and the next process sends it again:
 * - within NONCE_MEMORY_MS (src/core/schedule-transitions.ts) of the slot's start, with the same nonce: Discord returns the first
 *   message if there was one;
 * - later, it first looks in the channel for its own message with that tip since the slot began
 *   (which needs Read Message History), and posts only if there is none.
 * With a job engine, a slot's job may also run twice at once (taken over from a worker wrongly
 * thought dead, or run by a start's catch-up as its slot fires): the second finds the slot done
 * (and does nothing) or in flight (and sends it with the same nonce), the same two cases.
 * Where this ends: if the history cannot be read, or someone deleted the post before the restart,
 * a late restart posts the slot again; and a post that Discord accepted but whose answer never
 * arrived is also only found through history.
 *
 * Log lines about a change are written once the store has accepted it, so that a line means the
 * change is what /schedule show tells.
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
    const { listing, clock, graceMs, serves } = this.deps;
    if (listing === undefined) throw new Error('the ticker needs the listing of every schedule');
    const now = clock();
    const due: ScheduleRecord[] = [];
    for (const record of listing()) {
      if (this.busy.has(record.guildId) || !serves(record.guildId)) continue;
      if (dueAction(record, now, graceMs).kind !== 'wait') due.push(record);
    }
    // Started together: the poster paces them under Discord's global limit.
    await Promise.all(due.map((record) => this.process(record.guildId)));
  }

  private async process(guildId: string): Promise<void> {
    this.busy.add(guildId);
    try {
      await this.runGuild(guildId);
    } catch (err) {
      this.deps.logger.error({ err, guildId }, 'scheduled post failed');
    } finally {
      this.busy.delete(guildId);
    }
  }

  /**
   * Does what the server's schedule needs now: post, finish or skip its slot, or nothing; a schedule
   * more than one slot behind (the bot was down for days, a job failed for good) catches up slot by
   * slot, since a job engine wakes it only at its next slot. `dueAt` is when a job engine meant to
   * run it: a job started a little early (another machine's clock) still counts as on time.
   */
  async runGuild(guildId: string, dueAt?: number): Promise<void> {
    let record = await this.deps.book.get(guildId);
    for (let step = 0; step < 8 && record !== undefined; step++) {
      const next = await this.step(record, step === 0 ? dueAt : undefined);
      if (next === record) return;
      record = next;
    }
  }

  /** One move of the schedule; resolves with it as stored after, the same object if nothing was to do. */
  private async step(record: ScheduleRecord, dueAt: number | undefined): Promise<ScheduleRecord | undefined> {
    const { book, content, logger, clock, graceMs } = this.deps;
    const { guildId } = record;
    const early = dueAt === undefined ? 0 : dueAt - clock();
    const now = early > 0 && early <= EARLY_MS ? clock() + early : clock();
    const plan = planSlot(record, content, now, graceMs);
    switch (plan.kind) {
      case 'wait':
        return record;
      case 'skip': {
        const skipped = await book.change(guildId, (r) => skipSlot(r, plan.slotAt, now, 'late'));
        if (skipped === undefined) return undefined;
        this.deps.onSlot?.('skipped');
        logger.warn(
          { guildId, slot: new Date(plan.slotAt).toISOString(), lateByMs: plan.lateByMs },
          'skipped a tip post that was too late',
        );
        return skipped;
      }
      case 'no-tips': {
        const skipped = await book.change(guildId, (r) => skipSlot(r, plan.slotAt, now, 'no-tips'));
        if (skipped !== undefined)
          logger.warn({ guildId, slot: new Date(plan.slotAt).toISOString() }, 'no tips to post');
        return skipped;
      }
      case 'begin': {
        const begun = await book.change(guildId, (r) =>
          beginSlot(r, { slotAt: plan.slotAt, tipId: plan.tip.id }, now),
        );
        // Not begun if the schedule moved on meanwhile (a /schedule command came first).
        if (begun?.inFlight?.slotAt === plan.slotAt && begun.inFlight.startedAt === now)
          return await this.deliver(begun, begun.inFlight, plan.tip, false);
        return begun;
      }
      case 'resume':
        return await this.deliver(record, plan.inFlight, plan.tip, plan.searchHistory);
    }
  }

  /** Posts the slot in flight (unless history shows it already was) and stores how it went. */
  private async deliver(
    record: ScheduleRecord,
    inFlight: SlotInFlight,
    tip: ItemRef,
    searchHistory: boolean,
  ): Promise<ScheduleRecord | undefined> {
    const { book, logger, clock, poster } = this.deps;
    const { guildId, channelId, announcement } = record;
    try {
      // Inside: reading the tip's text can fail (its article's store gone), and the slot then
      // counts an attempt like a post that failed, rather than failing again at every tick.
      const payload = renderTip(tip);
      let found: string | undefined;
      if (searchHistory) {
        // Compared without escapes: a post sent by a version that wrote titles unescaped is found too.
        const title = unescapeInline(payload.embeds?.[0]?.title ?? '');
        found = await poster.findOwnPost(
          channelId,
          inFlight.startedAt,
          (embed) => embed.title !== undefined && unescapeInline(embed.title) === title,
        );
      }
      const messageId = found ?? (await poster.send(channelId, payload, inFlight.slot, announcement)).id;
      const done = await book.change(guildId, (r) =>
        finishSlot(
          r,
          // The content of now: it may have changed while the post was on its way.
          { slotAt: inFlight.slotAt, tipId: tip.id, messageId, tips: this.deps.content.items('tips') },
          clock(),
        ),
      );
      this.deps.onSlot?.(found === undefined ? 'posted' : 'found');
      if (found !== undefined)
        logger.info({ guildId, slot: inFlight.slot }, 'found the post of an unfinished slot');
      return done;
    } catch (error) {
      if (error instanceof ChannelRefusedError) {
        const refused = await book.change(guildId, (r) =>
          refuseSlot(r, { channelId, reason: error.reason, slotAt: inFlight.slotAt }, clock()),
        );
        this.deps.onSlot?.('refused');
        // Moved to another channel meanwhile: that one was not refused, and the schedule runs on.
        if (refused?.paused === undefined) return refused;
        logger.warn(
          { guildId, channelId, reason: error.reason },
          'paused a schedule: Discord refused the channel',
        );
        return refused;
      }
      if (error instanceof PostRefusedError) {
        const skipped = await book.change(guildId, (r) =>
          refusePost(
            r,
            { slot: inFlight.slot, tipId: tip.id, why: error.why, tips: this.deps.content.items('tips') },
            clock(),
          ),
        );
        this.deps.onSlot?.('rejected');
        logger.warn(
          { guildId, channelId, slot: inFlight.slot, tipId: tip.id, why: error.why },
          'skipped a tip post Discord refused; the next slot posts the next tip',
        );
        return skipped;
      }
      this.deps.onSlot?.('failed');
      const wait = error instanceof RetryLaterError ? error.retryAfterMs : 0;
      const saved = await book.change(guildId, (r) => failSlot(r, inFlight.slot, clock(), wait));
      if (saved?.inFlight?.slot !== inFlight.slot) return saved;
      if (saved.inFlight.retryAt !== undefined)
        await this.deps.onRetry?.(guildId, inFlight.slot, saved.inFlight.retryAt);
      logger.warn(
        { err: error, guildId, attempts: saved.inFlight.attempts, retryAt: saved.inFlight.retryAt },
        'tip post failed; will retry',
      );
      return saved;
    }
  }
}

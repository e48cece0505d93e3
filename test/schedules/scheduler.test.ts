import type { APIEmbed } from 'discord-api-types/v10';
import { Keyv } from 'keyv';
import { assert, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/adapters/logger.js';
import type { PostResult } from '../../src/adapters/metrics.js';
import { ScheduleBook } from '../../src/adapters/schedule-book.js';
import { buildIndex, type ContentIndex } from '../../src/core/content-index.js';
import type { MessagePayload } from '../../src/core/payload.js';
import type { ScheduleRecord, SlotInFlight } from '../../src/core/schedule-record.js';
import { NONCE_MEMORY_MS } from '../../src/core/schedule-transitions.js';
import {
  ChannelRefusedError,
  PostRefusedError,
  RetryLaterError,
  type Poster,
} from '../../src/schedules/poster-port.js';
import { slotId } from '../../src/core/schedule.js';
import { Scheduler } from '../../src/schedules/scheduler.js';
import {
  CHANNEL,
  CONTENT,
  DAY,
  GUILD,
  HOUR,
  MINUTE,
  NO_TIPS,
  RECORD,
  SECOND,
  SLOT,
  SLOT_ID,
  tipId,
} from '../helpers/schedule-fixtures.js';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';

const TITLES = [
  'Seek out mentorship',
  'Develop your leadership skills',
  'Volunteer for leadership opportunities',
  'Network with other engineering leaders',
];

interface Message {
  readonly id: string;
  readonly channelId: string;
  readonly nonce: string | undefined;
  readonly at: number;
  readonly embeds: readonly APIEmbed[];
}

/** How Discord answers the next send: fail, or take the post and never answer (the process dies). */
type Outcome = { kind: 'throw'; error: Error } | { kind: 'hang'; deliver: boolean };

/**
 * Discord as the scheduler sees it: enforced nonces it remembers for NONCE_MEMORY_MS (so that a
 * test past that window shows the history search is needed), a searchable history, and scripted
 * failures.
 */
class FakeDiscord implements Poster {
  readonly messages: Message[] = [];
  readonly sends: { channelId: string; nonce: string; title: string | undefined }[] = [];
  readonly searches: { channelId: string; sinceMs: number }[] = [];
  private readonly script: Outcome[] = [];
  private ids = 1_300_000_000_000_000_000n;

  constructor(private readonly clock: () => number) {}

  next(...outcomes: Outcome[]): void {
    this.script.push(...outcomes);
  }

  titles(): (string | undefined)[] {
    return this.messages.map((message) => message.embeds[0]?.title);
  }

  send(channelId: string, payload: MessagePayload, nonce: string): Promise<{ id: string }> {
    this.sends.push({ channelId, nonce, title: payload.embeds?.[0]?.title });
    const outcome = this.script.shift();
    if (outcome?.kind === 'throw') return Promise.reject(outcome.error);
    if (outcome?.kind === 'hang') {
      if (outcome.deliver) this.post(channelId, payload, nonce);
      return new Promise(() => undefined);
    }
    return Promise.resolve({ id: this.post(channelId, payload, nonce).id });
  }

  findOwnPost(
    channelId: string,
    sinceMs: number,
    matches: (embed: APIEmbed) => boolean,
  ): Promise<string | undefined> {
    this.searches.push({ channelId, sinceMs });
    // As the REST poster does: from a minute before, for clocks that disagree a little.
    const found = this.messages.find(
      (m) => m.channelId === channelId && m.at >= sinceMs - MINUTE && m.embeds.some(matches),
    );
    return Promise.resolve(found?.id);
  }

  private post(channelId: string, payload: MessagePayload, nonce: string): Message {
    const now = this.clock();
    const remembered = this.messages.find(
      (m) => m.channelId === channelId && m.nonce === nonce && now - m.at <= NONCE_MEMORY_MS,
    );
    if (remembered !== undefined) return remembered;
    const message = { id: String(this.ids++), channelId, nonce, at: now, embeds: payload.embeds ?? [] };
    this.messages.push(message);
    return message;
  }
}

interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
  /** The schedule as the bot's book held it when the line was written. */
  readonly stored: ScheduleRecord | undefined;
}

/**
 * One store and one Discord, and bot processes started on them in turn: `start()` is a (re)start,
 * with a new book loaded from the store and a new scheduler. Time is `now`, moved by the test.
 */
function world(content: ContentIndex = CONTENT) {
  const store = new Keyv<ScheduleRecord>();
  const state = {
    now: SLOT,
    book: undefined as ScheduleBook | undefined,
    /** The content of the moment: a test may swap it, as the content folder's watcher does. */
    content,
  };
  const discord = new FakeDiscord(() => state.now);
  const results: PostResult[] = [];
  const lines: LogLine[] = [];
  const logger = createLogger(
    { level: 'info' },
    {
      write(line: string) {
        // pino's own timestamp is wall-clock time: left out.
        const fields = Object.entries(JSON.parse(line) as Record<string, unknown>).filter(
          ([key]) => key !== 'time',
        );
        lines.push({ ...Object.fromEntries(fields), stored: state.book?.peek(GUILD) } as LogLine);
      },
    },
  );
  return {
    store,
    discord,
    lines,
    state,
    /** Lines with this message. */
    logged: (msg: string) => lines.filter((line) => line.msg === msg),
    /** What the store holds now. */
    saved: () => store.get(GUILD),
    async start(serves: (guildId: string) => boolean = () => true) {
      const book = new ScheduleBook(store, logger);
      await book.load();
      state.book = book;
      return new Scheduler({
        book,
        listing: () => book.all(),
        poster: discord,
        get content() {
          return state.content;
        },
        logger,
        clock: () => state.now,
        graceMs: HOUR,
        serves,
        onSlot: (result) => results.push(result),
      });
    },
    /** Each slot's result, as the metrics count it. */
    results,
  };
}

/** A world whose store holds `record`, as an earlier process left it. */
async function worldWith(record: ScheduleRecord, content: ContentIndex = CONTENT) {
  const w = world(content);
  await w.store.set(record.guildId, record);
  return w;
}

/** Lets a tick that will never finish (its post hangs) get as far as its send. */
async function untilSends(discord: FakeDiscord, count: number): Promise<void> {
  for (let i = 0; i < 100 && discord.sends.length < count; i++) await new Promise(setImmediate);
  expect(discord.sends).toHaveLength(count);
}

describe('posting a due slot', () => {
  it('GIVEN the content changed between slots THEN added tips join the rotation and removed ones are never posted', async () => {
    const w = await worldWith(RECORD);
    const scheduler = await w.start();
    w.state.now = SLOT + 200;
    await scheduler.tick();
    expect(w.discord.titles()).toEqual([TITLES[3]]);
    // The seed article is edited down to two tips, and a new article brings two more.
    const seed = CONTENT.articles[0] ?? assert.fail('the seed article');
    const tips = seed.sections.tips ?? assert.fail('the seed has tips');
    const added = mustParse(
      articleSource(validFront({ title: 'New' }), '## Tips\n\n- **Fresh one:** a\n- **Fresh two:** b'),
      'content/new.md',
    );
    w.state.content = buildIndex([
      { ...seed, sections: { ...seed.sections, tips: { ...tips, items: tips.items.slice(0, 2) } } },
      added,
    ]).index;
    for (let day = 1; day <= 4; day++) {
      w.state.now = SLOT + day * DAY + 200;
      await scheduler.tick();
    }
    const titles = w.discord.titles();
    expect(titles).toHaveLength(5);
    // Each tip of the new content once in the cycle, and nothing removed.
    expect(titles.slice(1).sort()).toEqual(['Fresh one', 'Fresh two', TITLES[0], TITLES[1]].sort());
  });

  it('GIVEN a due slot THEN one post with the slot id as nonce, and the slot is done until the next day', async () => {
    const w = await worldWith(RECORD);
    const scheduler = await w.start();
    w.state.now = SLOT + 200;
    await scheduler.tick();
    await scheduler.tick();
    expect(w.discord.sends).toEqual([{ channelId: CHANNEL, nonce: SLOT_ID, title: TITLES[3] }]);
    expect(await w.saved()).toEqual({
      ...RECORD,
      inFlight: undefined,
      lastPost: { at: SLOT + 200, slotAt: SLOT, tipId: tipId(3), messageId: '1300000000000000000' },
      rotation: { seed: 1, posted: [tipId(3)] },
      nextRunAt: SLOT + DAY,
      updatedAt: SLOT + 200,
    });
  });

  it('GIVEN a slot not yet due, or a server this process does not serve THEN nothing is posted', async () => {
    const w = await worldWith(RECORD);
    w.state.now = SLOT - 1;
    await (await w.start()).tick();
    w.state.now = SLOT;
    await (await w.start(() => false)).tick();
    expect(w.discord.sends).toEqual([]);
    expect(await w.saved()).toEqual(RECORD);
  });

  it('GIVEN a slot missed by less than the grace THEN it is posted; by more THEN skipped and logged once stored, not posted', async () => {
    const late = await worldWith(RECORD);
    late.state.now = SLOT + HOUR;
    await (await late.start()).tick();
    expect(late.discord.titles()).toEqual([TITLES[3]]);

    const w = await worldWith(RECORD);
    w.state.now = SLOT + 2 * HOUR;
    await (await w.start()).tick();
    expect(w.discord.sends).toEqual([]);
    const next = {
      ...RECORD,
      nextRunAt: SLOT + DAY,
      inFlight: undefined,
      // Kept for /schedule show to say.
      lastSkip: { slotAt: SLOT, at: SLOT + 2 * HOUR, reason: 'late' },
      updatedAt: SLOT + 2 * HOUR,
    };
    expect(await w.saved()).toEqual(next);
    expect(w.logged('skipped a tip post that was too late')).toEqual([
      {
        level: 40,
        msg: 'skipped a tip post that was too late',
        guildId: GUILD,
        slot: '2026-11-28T09:00:00.000Z',
        lateByMs: 2 * HOUR,
        stored: next,
      },
    ]);
  });

  it('GIVEN a schedule two slots behind (down for two days) when its slot comes THEN one run skips the late ones and posts the slot that is due', async () => {
    const w = await worldWith(RECORD);
    w.state.now = SLOT + 2 * DAY + 500;
    // As a job engine runs it: only at the slot, so the run must catch up by itself.
    await (await w.start()).runGuild(GUILD, SLOT + 2 * DAY);
    expect(w.discord.sends.map((send) => send.nonce)).toEqual([slotId(GUILD, new Date(SLOT + 2 * DAY))]);
    expect(w.logged('skipped a tip post that was too late')).toHaveLength(2);
    expect(await w.saved()).toMatchObject({
      nextRunAt: SLOT + 3 * DAY,
      lastPost: { slotAt: SLOT + 2 * DAY },
    });
  });

  it('GIVEN a schedule three slots behind, the last also too late THEN the three skips are kept as one, counted from the first', async () => {
    const w = await worldWith(RECORD);
    w.state.now = SLOT + 2 * DAY + 2 * HOUR;
    await (await w.start()).tick();
    expect(w.discord.sends).toEqual([]);
    expect(w.logged('skipped a tip post that was too late')).toHaveLength(3);
    expect(await w.saved()).toMatchObject({
      nextRunAt: SLOT + 3 * DAY,
      lastSkip: { slotAt: SLOT + 2 * DAY, reason: 'late', count: 3, firstSlotAt: SLOT },
    });
  });

  it('GIVEN no tips in the content THEN the slot is skipped with a warning', async () => {
    const w = await worldWith(RECORD, NO_TIPS);
    await (await w.start()).tick();
    expect(w.discord.sends).toEqual([]);
    expect(await w.saved()).toMatchObject({
      nextRunAt: SLOT + DAY,
      lastSkip: { slotAt: SLOT, reason: 'no-tips' },
    });
    expect(w.logged('no tips to post').map((line) => line.slot)).toEqual(['2026-11-28T09:00:00.000Z']);
  });
});

describe('refusals and failures', () => {
  it.each([
    ['10003', 'the channel was deleted (Unknown Channel)'],
    ['50013', 'the bot lacks a permission to post there (Missing Permissions)'],
  ])(
    'GIVEN Discord refuses the channel (%s) THEN the schedule pauses with the reason, logged once stored, and nothing more is tried',
    async (_code, reason) => {
      const w = await worldWith(RECORD);
      w.discord.next({ kind: 'throw', error: new ChannelRefusedError(reason) });
      const scheduler = await w.start();
      w.state.now = SLOT + 300;
      await scheduler.tick();
      const paused = {
        ...RECORD,
        inFlight: undefined,
        paused: { reason, at: SLOT + 300 },
        updatedAt: SLOT + 300,
      };
      expect(await w.saved()).toEqual(paused);
      expect(w.logged('paused a schedule: Discord refused the channel')).toEqual([
        {
          level: 40,
          msg: 'paused a schedule: Discord refused the channel',
          guildId: GUILD,
          channelId: CHANNEL,
          reason,
          stored: paused,
        },
      ]);
      for (const later of [SLOT + 2 * SECOND, SLOT + DAY]) {
        w.state.now = later;
        await scheduler.tick();
      }
      expect(w.discord.sends).toHaveLength(1);
    },
  );

  it('GIVEN a rate limit of 90 s THEN the post is retried no sooner, with the same nonce', async () => {
    const w = await worldWith(RECORD);
    w.discord.next({ kind: 'throw', error: new RetryLaterError(90 * SECOND) });
    const scheduler = await w.start();
    await scheduler.tick();
    expect((await w.saved())?.inFlight).toMatchObject({ attempts: 1, retryAt: SLOT + 90 * SECOND });
    w.state.now = SLOT + 90 * SECOND - 1;
    await scheduler.tick();
    expect(w.discord.sends).toHaveLength(1);
    w.state.now = SLOT + 90 * SECOND;
    await scheduler.tick();
    expect(w.discord.sends.map((send) => send.nonce)).toEqual([SLOT_ID, SLOT_ID]);
    expect(w.discord.titles()).toEqual([TITLES[3]]);
  });

  it("GIVEN Discord refuses the post itself (the server's AutoMod) THEN the slot is skipped with why, once, its tip passed over, and the next slot posts the next tip", async () => {
    const w = await worldWith(RECORD);
    const why = "the server's AutoMod blocked the tip's words";
    w.discord.next({ kind: 'throw', error: new PostRefusedError(why) });
    const scheduler = await w.start();
    await scheduler.tick();
    const skipped = await w.saved();
    expect([skipped?.inFlight, skipped?.paused]).toEqual([undefined, undefined]);
    expect(skipped).toMatchObject({
      nextRunAt: SLOT + DAY,
      lastSkip: { slotAt: SLOT, reason: 'refused', why },
      rotation: { seed: 1, posted: [tipId(3)] },
    });
    expect(w.logged('skipped a tip post Discord refused; the next slot posts the next tip')).toHaveLength(1);
    expect(w.results).toEqual(['rejected']);
    // Not tried again: the same post would be refused again.
    w.state.now = SLOT + 10 * 60 * SECOND;
    await scheduler.tick();
    expect(w.discord.sends).toHaveLength(1);
    w.state.now = SLOT + DAY;
    await scheduler.tick();
    expect(w.discord.sends).toHaveLength(2);
    expect(w.discord.titles()).toHaveLength(1);
    expect(w.discord.titles()[0]).not.toBe(TITLES[3]);
    expect((await w.saved())?.rotation.posted).toHaveLength(2);
  });

  it('GIVEN a server error twice THEN the post is retried after 5 s and 10 s with the same nonce, and delivered once', async () => {
    const w = await worldWith(RECORD);
    const error = new Error('502 Bad Gateway');
    w.discord.next({ kind: 'throw', error }, { kind: 'throw', error });
    const scheduler = await w.start();
    await scheduler.tick();
    expect((await w.saved())?.inFlight).toEqual({
      slot: SLOT_ID,
      slotAt: SLOT,
      tipId: tipId(3),
      startedAt: SLOT,
      attempts: 1,
      retryAt: SLOT + 5 * SECOND,
    });
    const retries = w.logged('tip post failed; will retry');
    expect(retries.map(({ attempts, retryAt }) => ({ attempts, retryAt }))).toEqual([
      { attempts: 1, retryAt: SLOT + 5 * SECOND },
    ]);
    expect(retries[0]?.stored?.inFlight?.attempts).toBe(1);

    w.state.now = SLOT + 5 * SECOND - 1;
    await scheduler.tick();
    expect(w.discord.sends).toHaveLength(1);
    w.state.now = SLOT + 5 * SECOND;
    await scheduler.tick();
    expect((await w.saved())?.inFlight).toMatchObject({ attempts: 2, retryAt: SLOT + 15 * SECOND });
    w.state.now = SLOT + 15 * SECOND;
    await scheduler.tick();
    await scheduler.tick();

    expect(w.discord.sends.map((send) => send.nonce)).toEqual([SLOT_ID, SLOT_ID, SLOT_ID]);
    expect(w.discord.titles()).toEqual([TITLES[3]]);
    expect(await w.saved()).toEqual({
      ...RECORD,
      lastPost: { at: SLOT + 15 * SECOND, slotAt: SLOT, tipId: tipId(3), messageId: '1300000000000000000' },
      rotation: { seed: 1, posted: [tipId(3)] },
      nextRunAt: SLOT + DAY,
      updatedAt: SLOT + 15 * SECOND,
    });
  });
});

describe('a restart with a slot in flight', () => {
  /** RECORD once its slot's tip (tip 3) is posted, as the first message, at `at`. */
  const finished = (at: number): ScheduleRecord => ({
    ...RECORD,
    lastPost: { at, slotAt: SLOT, tipId: tipId(3), messageId: '1300000000000000000' },
    rotation: { seed: 1, posted: [tipId(3)] },
    nextRunAt: SLOT + DAY,
    updatedAt: at,
  });

  /**
   * A first process begins the slot and dies during its post (`delivered`: after Discord took it);
   * the slot is left in flight in the store.
   */
  async function crashMidPost(delivered: boolean) {
    const w = await worldWith(RECORD);
    w.discord.next({ kind: 'hang', deliver: delivered });
    void (await w.start()).tick();
    await untilSends(w.discord, 1);
    const inFlight: SlotInFlight = {
      slot: SLOT_ID,
      slotAt: SLOT,
      tipId: tipId(3),
      startedAt: SLOT,
      attempts: 0,
    };
    expect((await w.saved())?.inFlight).toEqual(inFlight);
    return w;
  }

  it('GIVEN the post reached Discord and the restart is within the nonce memory THEN the same nonce is sent again and Discord keeps one message', async () => {
    const w = await crashMidPost(true);
    w.state.now = SLOT + NONCE_MEMORY_MS;
    await (await w.start()).tick();
    expect(w.discord.sends.map((send) => send.nonce)).toEqual([SLOT_ID, SLOT_ID]);
    expect(w.discord.searches).toEqual([]);
    expect(w.discord.titles()).toEqual([TITLES[3]]);
    expect(await w.saved()).toEqual(finished(SLOT + NONCE_MEMORY_MS));
  });

  it('GIVEN the post reached Discord and the restart is past the nonce memory THEN the history shows it, nothing is posted and the slot finishes', async () => {
    const w = await crashMidPost(true);
    w.state.now = SLOT + NONCE_MEMORY_MS + 1;
    await (await w.start()).tick();
    expect(w.discord.searches).toEqual([{ channelId: CHANNEL, sinceMs: SLOT }]);
    expect(w.discord.sends).toHaveLength(1);
    expect(w.discord.titles()).toEqual([TITLES[3]]);
    const done = finished(SLOT + NONCE_MEMORY_MS + 1);
    expect(await w.saved()).toEqual(done);
    expect(w.logged('found the post of an unfinished slot')).toEqual([
      { level: 30, msg: 'found the post of an unfinished slot', guildId: GUILD, slot: SLOT_ID, stored: done },
    ]);
  });

  it('GIVEN the post never reached Discord and the restart is past the nonce memory THEN the history is searched and the tip posted once', async () => {
    const w = await crashMidPost(false);
    w.state.now = SLOT + 10 * MINUTE;
    const scheduler = await w.start();
    await scheduler.tick();
    await scheduler.tick();
    expect(w.discord.searches).toEqual([{ channelId: CHANNEL, sinceMs: SLOT }]);
    expect(w.discord.sends.map((send) => send.nonce)).toEqual([SLOT_ID, SLOT_ID]);
    expect(w.discord.titles()).toEqual([TITLES[3]]);
    expect(w.discord.messages[0]?.id).toBe('1300000000000000000');
    expect(await w.saved()).toEqual(finished(SLOT + 10 * MINUTE));
  });

  /** A slot begun with a tip that the content no longer has. */
  const REMOVED_TIP_IN_FLIGHT: SlotInFlight = {
    slot: SLOT_ID,
    slotAt: SLOT,
    tipId: 'old-article/tips/0',
    startedAt: SLOT,
    attempts: 0,
  };

  it("GIVEN the in-flight tip was removed from the content THEN the slot posts the rotation's next tip with the same nonce", async () => {
    const inFlight = REMOVED_TIP_IN_FLIGHT;
    const w = await worldWith({ ...RECORD, inFlight });
    w.state.now = SLOT + 5 * SECOND;
    await (await w.start()).tick();
    expect(w.discord.sends).toEqual([{ channelId: CHANNEL, nonce: SLOT_ID, title: TITLES[3] }]);
    expect(await w.saved()).toEqual(finished(SLOT + 5 * SECOND));
  });

  it('GIVEN the in-flight tip was removed and no tip is left THEN the slot is skipped with a warning, once, instead of tried every second', async () => {
    const inFlight = REMOVED_TIP_IN_FLIGHT;
    const w = await worldWith({ ...RECORD, inFlight }, NO_TIPS);
    const scheduler = await w.start();
    w.state.now = SLOT + 5 * SECOND;
    await scheduler.tick();
    w.state.now = SLOT + 6 * SECOND;
    await scheduler.tick();
    expect(w.discord.sends).toEqual([]);
    const skipped = {
      ...RECORD,
      inFlight: undefined,
      nextRunAt: SLOT + DAY,
      lastSkip: { slotAt: SLOT, at: SLOT + 5 * SECOND, reason: 'no-tips' },
      updatedAt: SLOT + 5 * SECOND,
    };
    expect(await w.saved()).toEqual(skipped);
    expect(w.logged('no tips to post')).toEqual([
      {
        level: 40,
        msg: 'no tips to post',
        guildId: GUILD,
        slot: '2026-11-28T09:00:00.000Z',
        stored: skipped,
      },
    ]);
  });
});

describe('rotation across restarts', () => {
  it('GIVEN a restart before every daily slot THEN all 4 tips are posted once before any repeats', async () => {
    const w = await worldWith(RECORD);
    for (let day = 0; day < 8; day++) {
      w.state.now = SLOT + day * DAY + 100;
      await (await w.start()).tick();
    }
    expect(w.discord.titles()).toEqual([
      // Seed 1: tips 3, 2, 1, 0; then a new cycle in another order.
      TITLES[3],
      TITLES[2],
      TITLES[1],
      TITLES[0],
      TITLES[2],
      TITLES[3],
      TITLES[0],
      TITLES[1],
    ]);
    // One slot a day, each its own nonce.
    expect(new Set(w.discord.sends.map((send) => send.nonce)).size).toBe(8);
  });
});

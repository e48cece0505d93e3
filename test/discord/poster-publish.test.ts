import { ChannelType, Routes } from 'discord-api-types/v10';
import { Keyv } from 'keyv';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DiscordEmulator, IDS } from '../../emulator/emulator.js';
import { specValidator } from '../../emulator/spec-validator.js';
import { createLogger } from '../../src/adapters/logger.js';
import type { PostResult } from '../../src/adapters/metrics.js';
import { ScheduleBook } from '../../src/adapters/schedule-book.js';
import { createPosterRest } from '../../src/discord/client.js';
import { restPoster } from '../../src/discord/poster.js';
import { Scheduler } from '../../src/schedules/scheduler.js';
import { CONTENT, DAY, GUILD, HOUR, RECORD, SLOT } from '../helpers/schedule-fixtures.js';

const NEWS = '1100000000000000010';
const TEXT = IDS.channel;
let emulator: DiscordEmulator;
beforeAll(async () => {
  emulator = await new DiscordEmulator({
    validator: specValidator(),
    guilds: [
      {
        id: GUILD,
        name: 'Engineers',
        channels: [
          { id: TEXT, name: 'general', type: ChannelType.GuildText },
          { id: NEWS, name: 'news', type: ChannelType.GuildAnnouncement },
        ],
      },
    ],
  }).start();
});
afterAll(() => emulator.stop());

let warnings: Record<string, unknown>[] = [];
beforeEach(() => {
  warnings = [];
});
const logger = createLogger(
  { level: 'warn' },
  { write: (line: string) => warnings.push(JSON.parse(line) as Record<string, unknown>) },
);

/** The scheduler's poster on its own REST client, unpaced; `known` is the gateway's view of channel types. */
const poster = (known: (channelId: string) => ChannelType | undefined) =>
  restPoster(
    createPosterRest(emulator.restUrl, emulator.token),
    () => IDS.application,
    (task) => task(),
    { channelType: known, logger },
  );
const gateway = (channelId: string) =>
  ({ [TEXT]: ChannelType.GuildText, [NEWS]: ChannelType.GuildAnnouncement })[channelId];
const payload = { embeds: [{ title: 'Tip' }] };
const requestsSince = (from: number) => emulator.requests.slice(from).map((r) => `${r.method} ${r.path}`);

describe('a scheduled post in an announcement channel', () => {
  it('GIVEN an announcement channel THEN the post is published to its followers right after it is sent', async () => {
    const from = emulator.requests.length;
    const { id } = await poster(gateway).send(NEWS, payload, 'nonce-news');
    expect(emulator.published(NEWS)).toEqual([id]);
    expect(requestsSince(from)).toEqual([
      `POST /channels/${NEWS}/messages`,
      `POST /channels/${NEWS}/messages/${id}/crosspost`,
    ]);
    expect(warnings).toEqual([]);
    expect(emulator.violations).toEqual([]);
  });

  it('GIVEN a text channel THEN its post makes no request but itself, where the same poster publishes an announcement', async () => {
    const send = poster(gateway);
    const from = emulator.requests.length;
    const text = await send.send(TEXT, payload, 'nonce-text');
    expect(requestsSince(from)).toEqual([`POST /channels/${TEXT}/messages`]);
    const news = await send.send(NEWS, payload, 'nonce-text');
    expect(emulator.published(TEXT)).not.toContain(text.id);
    expect(emulator.published(NEWS)).toContain(news.id);
  });

  it('GIVEN the same post sent again (its nonce) THEN it is not published twice', async () => {
    const send = poster(gateway);
    const { id } = await send.send(NEWS, payload, 'nonce-again');
    const from = emulator.requests.length;
    expect((await send.send(NEWS, payload, 'nonce-again')).id).toBe(id);
    expect(requestsSince(from)).toEqual([`POST /channels/${NEWS}/messages`]);
    expect(emulator.published(NEWS)).toContain(id);
    expect(warnings).toEqual([]);
  });

  it("GIVEN a server of another process's shards (the type unknown here) THEN the type is asked once per channel", async () => {
    const send = poster(() => undefined);
    const from = emulator.requests.length;
    const first = await send.send(NEWS, payload, 'nonce-unknown-1');
    const second = await send.send(NEWS, payload, 'nonce-unknown-2');
    expect(requestsSince(from)).toEqual([
      `POST /channels/${NEWS}/messages`,
      `GET /channels/${NEWS}`,
      `POST /channels/${NEWS}/messages/${first.id}/crosspost`,
      `POST /channels/${NEWS}/messages`,
      `POST /channels/${NEWS}/messages/${second.id}/crosspost`,
    ]);
    expect(emulator.published(NEWS)).toEqual(expect.arrayContaining([first.id, second.id]));
  });

  it("GIVEN a server of another process's shards and its schedule's channel kind THEN no look-up: published, or not, as the schedule says", async () => {
    const send = poster(() => undefined);
    const from = emulator.requests.length;
    const news = await send.send(NEWS, payload, 'nonce-kept-1', true);
    const text = await send.send(TEXT, payload, 'nonce-kept-2', false);
    expect(requestsSince(from)).toEqual([
      `POST /channels/${NEWS}/messages`,
      `POST /channels/${NEWS}/messages/${news.id}/crosspost`,
      `POST /channels/${TEXT}/messages`,
    ]);
    expect(emulator.published(TEXT)).not.toContain(text.id);
    // The gateway's view, where the process has it, wins: a text channel made an announcement one.
    const converted = poster(() => ChannelType.GuildAnnouncement);
    const again = await converted.send(NEWS, payload, 'nonce-kept-3', false);
    expect(emulator.published(NEWS)).toContain(again.id);
  });

  it.each([
    [
      'rate-limited (about 10 publishes an hour)',
      0,
      { status: 429, retryAfter: 1800 },
      /^rate limited for 1800 s$/,
    ],
    ['refused (403)', 1, { status: 403, code: 50013 }, /^Missing Permissions$/],
  ] as const)(
    'GIVEN the publish %s THEN the post is counted once, posted, not sent again, and a warning names the channel',
    async (_, day, failure, why) => {
      emulator.failNext({ method: 'POST', path: /\/crosspost$/, ...failure });
      const book = new ScheduleBook(new Keyv(), logger);
      await book.load();
      // A slot of its own: the same nonce would return the message of the case before.
      await book.update(GUILD, () => ({ ...RECORD, channelId: NEWS, nextRunAt: SLOT + day * DAY }));
      const results: PostResult[] = [];
      let now = SLOT + day * DAY;
      const scheduler = new Scheduler({
        book,
        listing: () => book.all(),
        poster: poster(gateway),
        content: CONTENT,
        logger,
        clock: () => now,
        graceMs: HOUR,
        serves: () => true,
        onSlot: (result) => results.push(result),
      });
      const before = emulator.channelPosts(NEWS).length;
      await scheduler.tick();
      now += 60_000;
      await scheduler.tick();
      expect(results).toEqual(['posted']);
      const posts = emulator.channelPosts(NEWS).slice(before);
      expect(posts).toHaveLength(1);
      expect(book.peek(GUILD)?.lastPost?.messageId).toBe(posts[0]?.id);
      expect(book.peek(GUILD)?.inFlight).toBeUndefined();
      expect(emulator.published(NEWS)).not.toContain(posts[0]?.id);
      expect(warnings).toEqual([
        expect.objectContaining({
          level: 40,
          channelId: NEWS,
          messageId: posts[0]?.id,
        }),
      ]);
      expect(String(warnings[0]?.why)).toMatch(why);
      expect(JSON.stringify(warnings)).not.toContain(emulator.token);
    },
  );
});

describe("the emulator's crosspost, as Discord answers it", () => {
  const crosspost = (channelId: string, messageId: string) =>
    createPosterRest(emulator.restUrl, emulator.token).post(
      Routes.channelMessageCrosspost(channelId, messageId),
    );

  it("GIVEN a text channel's message, someone else's message or one already published THEN it is refused", async () => {
    const text = await poster(() => ChannelType.GuildText).send(TEXT, payload, 'nonce-rule-text');
    await expect(crosspost(TEXT, text.id)).rejects.toMatchObject({ status: 400, code: 50024 });
    const news = await poster(() => ChannelType.GuildText).send(NEWS, payload, 'nonce-rule-news');
    await crosspost(NEWS, news.id);
    await expect(crosspost(NEWS, news.id)).rejects.toMatchObject({ status: 400, code: 40033 });
    const theirs = await poster(() => ChannelType.GuildText).send(NEWS, payload, 'nonce-rule-theirs');
    const stored = emulator.channelPosts(NEWS).find((message) => message.id === theirs.id);
    if (stored !== undefined) Object.assign(stored, { author: { ...stored.author, id: IDS.user } });
    await expect(crosspost(NEWS, theirs.id)).rejects.toMatchObject({ status: 403, code: 50013 });
    expect(emulator.published(NEWS)).toContain(news.id);
    expect(emulator.published(NEWS)).not.toContain(theirs.id);
  });
});

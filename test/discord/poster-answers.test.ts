import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordEmulator, IDS } from '../../emulator/emulator.js';
import { createPosterRest } from '../../src/discord/client.js';
import { restPoster } from '../../src/discord/poster.js';
import { ChannelRefusedError, RetryLaterError } from '../../src/schedules/poster-port.js';

let emulator: DiscordEmulator;
beforeAll(async () => {
  emulator = await new DiscordEmulator().start();
});
afterAll(() => emulator.stop());

/** The scheduler's poster on its own REST client, unpaced: what is tested is what a 429 becomes. */
const poster = () =>
  restPoster(
    createPosterRest(emulator.restUrl, emulator.token),
    () => IDS.application,
    (task) => task(),
  );
const payload = { embeds: [{ title: 'Tip' }] };

describe('a scheduled post rate-limited by a 429 that says its wait only in its body', () => {
  it('GIVEN retry_after 2 in the JSON body and no Retry-After header THEN the retry waits those 2 s', async () => {
    emulator.failNext({ path: /\/messages$/, status: 429, retryAfter: 2, retryAfterIn: 'body' });
    const sent = poster().send(IDS.channel, payload, 'nonce-body');
    await expect(sent).rejects.toBeInstanceOf(RetryLaterError);
    const error = (await sent.catch((thrown: unknown) => thrown)) as RetryLaterError;
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(2000);
    expect(emulator.violations).toEqual([]);
  });

  it('GIVEN a Retry-After that is an HTTP date (RFC 9110) THEN the retry waits until then, not none', async () => {
    emulator.failNext({ path: /\/messages$/, status: 429, retryAfter: 3, retryAfterIn: 'date' });
    const sent = poster().send(IDS.channel, payload, 'nonce-date');
    const error = (await sent.catch((thrown: unknown) => thrown)) as RetryLaterError;
    expect(error).toBeInstanceOf(RetryLaterError);
    // The date has whole seconds: 2 to 3 s from the answer.
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(2000);
  });

  it('GIVEN a 429 page that is not JSON and no Retry-After THEN the retry waits a second, not none', async () => {
    emulator.failNext({ path: /\/messages$/, status: 429, html: '<html>Too many requests</html>' });
    const sent = poster().send(IDS.channel, payload, 'nonce-page');
    const error = (await sent.catch((thrown: unknown) => thrown)) as RetryLaterError;
    expect(error).toBeInstanceOf(RetryLaterError);
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(1000);
  });

  it('GIVEN the rate-limited tries THEN none posted anything, and the same post sent again after the wait is posted', async () => {
    const before = emulator.channelPosts(IDS.channel).filter((message) => message.nonce === 'nonce-body');
    expect(before).toEqual([]);
    const { id } = await poster().send(IDS.channel, payload, 'nonce-body');
    expect(
      emulator
        .channelPosts(IDS.channel)
        .filter((message) => message.nonce === 'nonce-body')
        .map((m) => m.id),
    ).toEqual([id]);
  });
});

describe('a Discord error sent as text rather than typed JSON', () => {
  it.each([
    [404, 10003, 'the channel was deleted (Unknown Channel)'],
    [403, 50013, 'the bot lacks a permission to post there (Missing Permissions)'],
  ] as const)(
    'GIVEN a %i {"code": %i} typed text/plain THEN the channel is refused for good, with why',
    async (status, code, reason) => {
      emulator.failNext({ path: /\/messages$/, status, code, untyped: true });
      const sent = poster().send(IDS.channel, payload, `nonce-${code}`);
      await expect(sent).rejects.toBeInstanceOf(ChannelRefusedError);
      await expect(sent).rejects.toMatchObject({ reason });
    },
  );

  it('GIVEN a 403 page that is not JSON THEN it stays a passing failure, tried again later', async () => {
    emulator.failNext({ path: /\/messages$/, status: 403, html: '<html>Forbidden</html>' });
    const sent = poster().send(IDS.channel, payload, 'nonce-page-403');
    const error = await sent.catch((thrown: unknown) => thrown);
    expect(error).not.toBeInstanceOf(ChannelRefusedError);
    expect(error).toMatchObject({ status: 403 });
  });
});

describe('answers that are JSON but typed text/plain', () => {
  it('GIVEN the posted message and the channel listing typed text/plain THEN the message id is read, and the post found', async () => {
    emulator.untypedJson = true;
    try {
      const since = Date.now();
      const { id } = await poster().send(IDS.channel, { embeds: [{ title: 'Untyped' }] }, 'nonce-untyped');
      expect(emulator.channelPosts(IDS.channel).map((message) => message.id)).toContain(id);
      const found = await poster().findOwnPost(IDS.channel, since, (embed) => embed.title === 'Untyped');
      expect(found).toBe(id);
    } finally {
      emulator.untypedJson = false;
    }
  });
});

import { DiscordAPIError, RateLimitError, type REST } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { restPoster } from '../../src/discord/poster.js';
import { ChannelRefusedError, PostRefusedError, RetryLaterError } from '../../src/schedules/poster-port.js';

/** A REST client whose every request fails with Discord's error `failure.code` and HTTP `failure.status`. */
const failure = { code: 0, status: 500 };
const rest = {
  post: (url: string) => fail('POST', url),
  get: (url: string) => fail('GET', url),
} as unknown as REST;
function fail(method: string, url: string): Promise<never> {
  const { code, status } = failure;
  return Promise.reject(
    new DiscordAPIError({ code, message: `error ${code}` }, code, status, method, url, {}),
  );
}
// Unpaced: what is tested here is what Discord's answers become.
const poster = restPoster(
  rest,
  () => '1',
  (task) => task(),
);

const payload = { embeds: [{ title: 'Tip' }] };

describe('restPoster', () => {
  it.each([
    [10003, 404, 'the channel was deleted (Unknown Channel)'],
    [10004, 404, 'the bot is no longer in the server (Unknown Guild)'],
    [50001, 403, 'the bot cannot see the channel (Missing Access)'],
    [50013, 403, 'the bot lacks a permission to post there (Missing Permissions)'],
    // Its 400s are about the channel, not the post: every later post would get the same.
    [50008, 400, 'the channel takes no messages (a voice, category or forum channel)'],
    [160005, 400, 'the thread is locked'],
  ])(
    'GIVEN Discord answers %i THEN the channel is refused for good, with why',
    async (code, status, reason) => {
      Object.assign(failure, { code, status });
      const sent = poster.send('1100000000000000003', payload, 'nonce');
      await expect(sent).rejects.toBeInstanceOf(ChannelRefusedError);
      await expect(sent).rejects.toMatchObject({ reason });
    },
  );

  it.each([
    [200000, 400, "the server's AutoMod blocked the tip's words"],
    [40005, 413, 'the post was too large'],
    [50035, 400, 'error 50035, code 50035'],
  ])(
    'GIVEN Discord refuses the post itself with %i THEN the post is refused for good, with why, and the channel is not',
    async (code, status, why) => {
      Object.assign(failure, { code, status });
      const sent = poster.send('1100000000000000003', payload, 'nonce');
      await expect(sent).rejects.toBeInstanceOf(PostRefusedError);
      await expect(sent).rejects.toMatchObject({ why });
    },
  );

  it("GIVEN a 400 without Discord's code (a proxy's page), a 401, a 404 of no channel code or a 500 THEN neither the post nor the channel is refused: it is retried", async () => {
    for (const [code, status] of [
      [0, 400],
      [0, 401],
      [10008, 404],
      [0, 500],
    ] as const) {
      Object.assign(failure, { code, status });
      const sent = poster.send('1100000000000000003', payload, 'nonce');
      await expect(sent).rejects.not.toBeInstanceOf(PostRefusedError);
      await expect(sent).rejects.not.toBeInstanceOf(ChannelRefusedError);
    }
  });

  it('GIVEN the search of the history refused with a 400 THEN no post is refused: the post may have gone out before', async () => {
    Object.assign(failure, { code: 200000, status: 400 });
    const found = poster.findOwnPost('1100000000000000003', Date.now(), () => true);
    await expect(found).rejects.toBeInstanceOf(DiscordAPIError);
    await expect(found).rejects.not.toBeInstanceOf(PostRefusedError);
  });

  it('GIVEN a rate limit THEN the wait Discord asked for is passed on, for the retry to come after it', async () => {
    const limited = {
      post: () =>
        Promise.reject(
          new RateLimitError({
            timeToReset: 42_000,
            limit: 5,
            method: 'POST',
            hash: 'h',
            url: '/channels/1/messages',
            route: '/channels/:id/messages',
            majorParameter: '1',
            global: false,
            retryAfter: 42_000,
            sublimitTimeout: 0,
            scope: 'user',
          }),
        ),
    } as unknown as REST;
    const sent = restPoster(
      limited,
      () => '1',
      (task) => task(),
    ).send('1100000000000000003', payload, 'n');
    await expect(sent).rejects.toBeInstanceOf(RetryLaterError);
    await expect(sent).rejects.toMatchObject({ retryAfterMs: 42_000 });
  });

  it('GIVEN another Discord error (a passing one) THEN it is passed on as it is, to be retried', async () => {
    Object.assign(failure, { code: 0, status: 500 });
    const sent = poster.send('1100000000000000003', payload, 'nonce');
    await expect(sent).rejects.toBeInstanceOf(DiscordAPIError);
    await expect(sent).rejects.not.toBeInstanceOf(ChannelRefusedError);
  });
});

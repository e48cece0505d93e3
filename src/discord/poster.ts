import { DiscordAPIError, makeURLSearchParams, Routes, SnowflakeUtil, type REST } from 'discord.js';
import type { APIMessage } from 'discord-api-types/v10';
import { pacer } from '../core/pace.js';
import { ChannelRefusedError, type Poster } from '../schedules/poster-port.js';

/** Discord errors that mean "this channel will not take posts": retrying only adds invalid requests. */
const REFUSALS: Readonly<Record<number, string>> = {
  10003: 'the channel was deleted (Unknown Channel)',
  10004: 'the bot is no longer in the server (Unknown Guild)',
  50001: 'the bot cannot see the channel (Missing Access)',
  50013: 'the bot lacks a permission to post there (Missing Permissions)',
};

/**
 * A Poster on discord.js's REST client. With one process, posts are also paced at 95% of the global
 * limit: discord.js alone counts per fixed second, which lets up to two seconds' worth through
 * around a boundary; pacing keeps every sliding second under the limit, with room for replies and
 * other calls. With `requestsPerSecond` undefined they are not: a limiter shared by every process
 * (src/adapters/slot-queue.ts) paces them, and one process holding posts back would only bunch them.
 */
export function restPoster(
  rest: REST,
  botUserId: () => string | undefined,
  requestsPerSecond: number | undefined,
): Poster {
  const paced =
    requestsPerSecond === undefined
      ? <T>(task: () => Promise<T>) => task()
      : pacer(
          requestsPerSecond * 0.95,
          () => performance.now(),
          (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        );
  const post = (channelId: string, body: object) =>
    paced(() => rest.post(Routes.channelMessages(channelId), { body }));
  const list = (channelId: string, query: URLSearchParams) =>
    paced(() => rest.get(Routes.channelMessages(channelId), { query }));
  const refusal = (error: unknown): never => {
    if (
      error instanceof DiscordAPIError &&
      typeof error.code === 'number' &&
      REFUSALS[error.code] !== undefined
    ) {
      throw new ChannelRefusedError(REFUSALS[error.code] ?? '');
    }
    throw error;
  };
  return {
    async send(channelId, payload, nonce) {
      const body = { ...payload, nonce, enforce_nonce: true, allowed_mentions: { parse: [] } };
      const message = (await post(channelId, body).catch(refusal)) as APIMessage;
      return { id: message.id };
    },
    async findOwnPost(channelId, sinceMs, matches) {
      const after = SnowflakeUtil.generate({ timestamp: sinceMs - 60_000 }).toString();
      const messages = (await list(channelId, makeURLSearchParams({ after, limit: 100 })).catch(
        refusal,
      )) as APIMessage[];
      const me = botUserId();
      return messages.find((message) => message.author.id === me && message.embeds.some(matches))?.id;
    },
  };
}
